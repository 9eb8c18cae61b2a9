#!/usr/bin/env bash
# Renders every screen of the job-seeker journey under Xvfb (Mesa's software
# renderer) into PNG files, by default in out/screenshots/: both languages,
# normal, large-text and high-contrast, landscape 1920×1080 and portrait
# 1080×1920, with contact sheets in out/screenshots/sheets/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/screenshots}
scripts/build.sh kiosk-screenshots
build_dir=${KIOSK_BUILD_DIR:-build}
rm -rf "$out"
scripts/render-screens.sh "$build_dir/kiosk/app/kiosk-screenshots" "$out"
echo "Screens in $out, contact sheets in $out/sheets"
