#!/usr/bin/env bash
# Configures (once) and builds the kiosk in build/. Extra arguments go to
# ninja (e.g. a target name).
set -euo pipefail
cd "$(dirname "$0")/.."
"$(pwd)/scripts/deps.sh"
build_dir=${KIOSK_BUILD_DIR:-build}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_WERROR=ON
fi
ninja -C "$build_dir" -j"${KIOSK_JOBS:-2}" "$@"
