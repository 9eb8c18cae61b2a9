#!/usr/bin/env bash
# Benchmarks (Google Benchmark, tests/bench), never part of `ctest`.
#
#   scripts/bench.sh decode [kiosk_decode_bench flags…]
#
# decode: builds with KIOSK_BUILD_BENCH=ON in build-bench/, generates the
# degraded citizen-ID corpus (build-bench/corpus, not committed), and runs
# plain ZXing-cpp, zbar and the kiosk's DecodePipeline over it in one run,
# frame by frame. Prints the table (rate, wrong results, median ms per call
# for 640x480, 1280x720 and 1920x1080) and writes it to
# build-bench/decode-table.md. Extra flags go to kiosk_decode_bench, e.g.
# --thorough (adds decode_thorough) or --benchmark_filter=Stage.
# Environment: KIOSK_BENCH_DIR (build-bench), KIOSK_CORPUS_SEED (1),
# KIOSK_CORPUS_PER_CELL (40 frames per level and frame size), KIOSK_JOBS (2).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/bench.sh decode [kiosk_decode_bench flags...]" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
what=$1
shift
[[ $what == decode ]] || usage

scripts/deps.sh
build_dir=${KIOSK_BENCH_DIR:-build-bench}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_WERROR=ON \
    -DKIOSK_BUILD_TESTS=OFF -DKIOSK_BUILD_BENCH=ON
fi
ninja -C "$build_dir" -j"${KIOSK_JOBS:-2}" kiosk-corpus kiosk_decode_bench

corpus="$build_dir/corpus"
rm -rf "$corpus"
"$build_dir/kiosk/tools/corpus/kiosk-corpus" --out "$corpus" --seed "${KIOSK_CORPUS_SEED:-1}" \
  --per-cell "${KIOSK_CORPUS_PER_CELL:-40}"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), commit" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$build_dir/tests/bench/kiosk_decode_bench" --corpus="$corpus" \
  --table="$build_dir/decode-table.md" --ablation "$@"
