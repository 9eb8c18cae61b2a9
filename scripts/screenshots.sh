#!/usr/bin/env bash
# Renders every screen of the job-seeker journey under Xvfb (Mesa's software
# renderer) into PNG files, by default in out/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/screenshots}
scripts/build.sh kiosk-screenshots
build_dir=${KIOSK_BUILD_DIR:-build}
rm -rf "$out"
mkdir -p "$out"
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$build_dir/kiosk/app/kiosk-screenshots" --out "$out" --width 1920 --height 1080
echo "Screens in $out"
