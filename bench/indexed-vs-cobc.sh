#!/usr/bin/env bash
# Speed of INDEXED file I/O in a translated program (ferry-runtime on redb) against the same program
# compiled by GnuCOBOL (cobc -x -O2, Berkeley DB), with identical output required.
#
#   bench/indexed-vs-cobc.sh [N] [RUNS]
#       N:    records (default 100000): bench/indexed/cobol/IDXBENCH.cbl WRITEs N records with
#             pseudo-random keys into an indexed file with one alternate key (WITH DUPLICATES),
#             then does N + N/4 random READs (a REWRITE of each record found), a START on the
#             alternate key + READ NEXT to the end, and unloads the file in key order
#       RUNS: runs of each binary, alternating (default 3)
#
# Each run starts from an empty directory. Prints, for both binaries, the best and median wall-clock
# time and the best CPU time (user + sys), and the ratios translated/cobc of the best times. The
# outputs compared byte for byte: stdout, stderr and the unloaded file (BENCH.UNL).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
estate=bench/indexed

cargo build --release -q -p ferry-cli
./target/release/ferry translate "$estate" --out "$work/rs" --quiet
(cd "$work/rs" && CARGO_TARGET_DIR="$work/rs/target" cargo build --release --offline -q)
cobc -x -O2 -o "$work/IDXBENCH-cobc" "$estate/cobol/IDXBENCH.cbl" 2> "$work/cobc.log" \
    || { cat "$work/cobc.log" >&2; exit 1; }

run() { # $1 = binary, $2 = run dir; prints "wall cpu" in seconds
    rm -rf "$2"
    mkdir -p "$2"
    local t
    t=$( { TIMEFORMAT='%R %U %S'; time (cd "$2" && env -i PATH="$PATH" IDXBENCH_N="$n" "$1" > stdout 2> stderr) || true; } 2>&1 )
    echo "$t" | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'
}
. bench/timing.sh
cw=(); cc=(); rw=(); rc=()
for _ in $(seq "$runs"); do
    read -r w c < <(run "$work/IDXBENCH-cobc" "$work/run-cobc"); cw+=("$w"); cc+=("$c")
    read -r w c < <(run "$work/rs/target/release/idxbench" "$work/run-rs"); rw+=("$w"); rc+=("$c")
done
for f in stdout stderr BENCH.UNL; do
    cmp -s "$work/run-cobc/$f" "$work/run-rs/$f" || { echo "outputs differ: $f" >&2; exit 1; }
done
echo "records:            $n ($runs runs each)"
sed 's/^/  /' "$work/run-rs/stdout"
timing_table
echo "outputs identical (stdout, stderr, BENCH.UNL)"
