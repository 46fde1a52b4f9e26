#!/usr/bin/env bash
# Speed of a translated batch program against the original compiled by GnuCOBOL (cobc -x -O2), on the
# same large input in the same run, with identical output required.
#
#   bench/payroll-vs-cobc.sh [COPIES]     (default 100000 copies of the `basic` scenario's 12 employees)
#
# Prints both wall times (best of 3) and the ratio translated/cobc.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=samples/payroll
scenario=$sample/scenarios/PAYROLL/basic

cargo build --release -q -p ferry-cli
./target/release/ferry translate "$sample" --out "$work/rs" --quiet
(cd "$work/rs" && cargo build --release --offline -q)
cobc -x -O2 -I "$sample/copybooks" -o "$work/PAYROLL-cobc" "$sample/cobol/PAYROLL.cbl" "$sample/cobol/PAYCALC.cbl"

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

run() { # $1 = binary, $2 = run dir; prints seconds
    mkdir -p "$2"
    cp "$work/EMPFILE" "$2/EMPFILE"
    local start end
    start=$(date +%s.%N)
    (cd "$2" && env -i PATH="$PATH" COB_CURRENT_DATE="2026/03/31 09:15:00.00" "$1" > stdout 2> stderr) || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
best() { printf '%s\n' "$@" | sort -g | head -n 1; }
c=(); r=()
for i in 1 2 3; do
    c+=("$(run "$work/PAYROLL-cobc" "$work/run-cobc")")
    r+=("$(run "$work/rs/target/release/payroll" "$work/run-rs")")
done
for f in stdout stderr PAYRPT PAYTOT; do
    cmp -s "$work/run-cobc/$f" "$work/run-rs/$f" || { echo "outputs differ: $f" >&2; exit 1; }
done
tc=$(best "${c[@]}"); tr=$(best "${r[@]}")
echo "records:            $records"
echo "cobc -x -O2:        ${tc}s"
echo "ferry translation:  ${tr}s"
echo "ratio (ferry/cobc): $(echo "scale=2; $tr / $tc" | bc)"
echo "outputs identical (stdout, stderr, PAYRPT, PAYTOT)"
