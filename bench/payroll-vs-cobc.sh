#!/usr/bin/env bash
# Speed of a translated batch program against the original compiled by GnuCOBOL (cobc -x -O2), on the
# same large input in the same run, with identical output required.
#
#   bench/payroll-vs-cobc.sh [COPIES] [RUNS]
#       COPIES: copies of the `basic` scenario's 12 employees (default 100000)
#       RUNS:   runs of each binary, alternating (default 5)
#
# Prints, for both binaries, the best and median wall-clock time and the best CPU time (user + sys),
# and the ratios translated/cobc of the best times. The machine may be shared: the CPU-time ratio is
# the steadier of the two.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-100000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=samples/payroll
scenario=$sample/scenarios/PAYROLL/basic

cargo build --release -q -p ferry-cli
./target/release/ferry translate "$sample" --out "$work/rs" --quiet
(cd "$work/rs" && cargo build --release --offline -q)
# (the C compiler's warnings about cobc's generated code are kept out of the way unless it fails)
cobc -x -O2 -I "$sample/copybooks" -o "$work/PAYROLL-cobc" "$sample/cobol/PAYROLL.cbl" \
    "$sample/cobol/PAYCALC.cbl" 2> "$work/cobc.log" || { cat "$work/cobc.log" >&2; exit 1; }

python3 - "$scenario/input/EMPFILE" "$work/EMPFILE" "$copies" <<'PY'
import sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
if not data.endswith(b'\n'):
    data += b'\n'
with open(dst, 'wb') as f:
    for _ in range(n):
        f.write(data)
PY
records=$(wc -l < "$work/EMPFILE")

run() { # $1 = binary, $2 = run dir; prints "wall cpu" in seconds
    mkdir -p "$2"
    cp "$work/EMPFILE" "$2/EMPFILE"
    local t
    t=$( { TIMEFORMAT='%R %U %S'; time (cd "$2" && env -i PATH="$PATH" COB_CURRENT_DATE="2026/03/31 09:15:00.00" "$1" > stdout 2> stderr) || true; } 2>&1 )
    echo "$t" | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'
}
. bench/timing.sh
cw=(); cc=(); rw=(); rc=()
for _ in $(seq "$runs"); do
    read -r w c < <(run "$work/PAYROLL-cobc" "$work/run-cobc"); cw+=("$w"); cc+=("$c")
    read -r w c < <(run "$work/rs/target/release/payroll" "$work/run-rs"); rw+=("$w"); rc+=("$c")
done
for f in stdout stderr PAYRPT PAYTOT; do
    cmp -s "$work/run-cobc/$f" "$work/run-rs/$f" || { echo "outputs differ: $f" >&2; exit 1; }
done
echo "records:            $records ($runs runs each)"
timing_table
echo "outputs identical (stdout, stderr, PAYRPT, PAYTOT)"
