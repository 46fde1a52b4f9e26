#!/usr/bin/env bash
# Translation throughput (no cargo build): `ferry translate` on an estate made by make-estate.sh
# (COPIES copies of every corpus program), first run into an empty OUT, with the time of each
# phase (FERRY_STATS=1) and COBOL lines per second. Figures are printed, never asserted.
#
#   bench/translate-speed.sh [COPIES] [RUNS]   (default 20 copies: about 920 programs / 86k lines;
#                                               RUNS first runs, the fastest is reported)
#   FERRY=path/to/ferry bench/translate-speed.sh   to measure another build
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/make-estate.sh "$work/tree" "$copies"
if [ -z "${FERRY:-}" ]; then
    cargo build --release -q -p ferry-cli
    FERRY=${CARGO_TARGET_DIR:-target}/release/ferry
fi
lines=$(cat "$work"/tree/cobol/*.cbl | wc -l)
echo "programs: $(ls "$work"/tree/cobol/*.cbl | wc -l), lines: $lines (+ copybooks), cores: $(nproc)"
best=
# Each run writes a new OUT and none is deleted before the end: on ext4, creating files right
# after deleting many costs the kernel more than ferry's whole translation (recently_deleted).
for r in $(seq 1 "$runs"); do
    t0=$(date +%s.%N)
    FERRY_STATS=1 "$FERRY" translate "$work/tree" --out "$work/out$r" --quiet 2>"$work/log" || true
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc)
    echo "run $r: ${t}s, $(echo "$lines / $t" | bc) lines/s"
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
        best=$t
        grep '^stats:' "$work/log" > "$work/best" || true
    fi
done
echo "fastest: ${best}s, $(echo "$lines / $best" | bc) lines/s (whole process, wall clock)"
cat "$work/best"
t0=$(date +%s.%N)
"$FERRY" translate "$work/tree" --out "$work/out1" --quiet 2>/dev/null || true
t1=$(date +%s.%N)
echo "no-op re-run: $(echo "$t1 - $t0" | bc)s"
