#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest. Tests
# that need a display run under their own xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
build_dir=${KIOSK_BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
