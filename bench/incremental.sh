#!/usr/bin/env bash
# Incremental re-runs: `ferry translate` on an estate of about 1,000 programs (copies of the corpus
# programs, PROGRAM-IDs renamed), then the same command again with nothing changed (the no-op
# re-run), then again after touching one program. Prints the three wall times.
#
#   bench/incremental.sh [COPIES]   (default 46 copies of every corpus program: about 1,000 programs)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-46}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/make-estate.sh "$work/tree" "$copies"
files=$(ls "$work"/tree/cobol/*.cbl | wc -l)
lines=$(cat "$work"/tree/cobol/*.cbl | wc -l)
cargo build --release -q -p ferry-cli
run() {
    local t0 t1
    t0=$(date +%s.%N)
    ./target/release/ferry translate "$work/tree" --out "$work/out" --quiet 2>"$work/log" || true
    t1=$(date +%s.%N)
    echo "$1: $(echo "$t1 - $t0" | bc)s  ($(grep -o '([^)]*unchanged[^)]*)' "$work/log"))"
}
echo "files: $files, lines: $lines, cores: $(nproc)"
run "first run     "
run "no-op re-run  "
f=$(ls "$work"/tree/cobol/*.cbl | sed -n 1p)
sed -i -E '0,/MOVE /s/MOVE /MOVE  /' "$f"
run "one file edited"
