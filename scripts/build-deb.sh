#!/usr/bin/env bash
# Builds the kiosk's Debian package with CPack (install rules: cmake/packaging.cmake).
#
#   scripts/build-deb.sh [--no-deps] [BUILD_DIR [OUT_DIR]]
#
# BUILD_DIR (default build/) is configured if needed and the three programs are built in it;
# the .deb lands in OUT_DIR (default out/deb/) and its path is the last line printed.
# --no-deps skips scripts/deps.sh (the tests use it: their machine already has everything).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deps=1
if [[ ${1:-} == --no-deps ]]; then
  deps=0
  shift
fi
build=$(realpath -m "${1:-$root/build}")
out=$(realpath -m "${2:-$root/out/deb}")

if ((deps)); then
  "$root/scripts/deps.sh"
fi
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root" -B "$build" -G Ninja
fi
# Only what the package holds: a full build is not needed to package.
cmake --build "$build" --target kiosk kioskctl kiosk-out-of-service
mkdir -p "$out"
# CPack stages in OUT_DIR/_CPack_Packages; the build tree's CPackConfig.cmake says what to pack.
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log") || {
  cat "$out/cpack.log" >&2
  exit 1
}
rm -rf "$out/_CPack_Packages"
package=$(ls -t "$out"/kiosk_*.deb | head -n 1)
echo "$package"
