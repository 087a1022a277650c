#!/usr/bin/env bash
# Benchmark (not a test): load and validate 200 files, 20,000 objects, 200,000 user references with a
# release build of `deskform validate`. Prints the wall time of each run and the best.
#   scripts/benchmark-validate.sh [RUNS]     (default 5; builds into .build-release first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
swift build -c release --product deskform --scratch-path .build-release >/dev/null
binary="$(swift build -c release --product deskform --scratch-path .build-release --show-bin-path)/deskform"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
python3 scripts/generate-manifest-corpus.py "$corpus"
"$binary" validate "$corpus"
best=""
for run in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$binary" validate "$corpus" >/dev/null
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc -l)
    printf 'run %d: %.3f s\n' "$run" "$seconds"
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then best="$seconds"; fi
done
printf 'best of %d: %.3f s (%s cores, %s)\n' "$runs" "$best" "$(nproc)" "$(free -h | awk '/Mem:/ {print $2}')"
