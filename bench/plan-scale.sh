#!/usr/bin/env bash
# Scale of scan + graph + plan on real COBOL: an estate of about 10,000 programs (copies of the
# corpus programs with renamed PROGRAM-IDs and CALL targets, plus their copybooks), timed with
# /usr/bin/time for wall time and peak memory.
#
#   bench/plan-scale.sh [COPIES]   (default 460 copies: about 10,500 programs, 1.4 million lines)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-460}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/make-estate.sh "$work/tree" "$copies"
files=$(ls "$work"/tree/cobol | wc -l)
lines=$(cat "$work"/tree/cobol/*.cbl | wc -l)
cargo build --release -q -p ferry-cli
echo "files: $files, lines: $lines, cores: $(nproc)"
/usr/bin/time -f "ferry plan: %e s wall, %M KiB peak RSS" \
    ./target/release/ferry plan "$work/tree" --format json > "$work/plan.json" 2> "$work/err" || true
grep "ferry plan:" "$work/err"
python3 -c "import json; p=json.load(open('$work/plan.json')); print('units:', len(p['units']), 'waves:', len(p['waves']))"
