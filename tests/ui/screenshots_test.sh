#!/usr/bin/env bash
# Renders every screen of the journey under Xvfb and checks that each PNG is
# there, is 1920×1080 and is not blank. kiosk-screenshots itself fails when a
# screen cannot be reached or any glyph is missing from the font.
set -euo pipefail
tool="$1"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$tool" --out "$out" \
  --width 1920 --height 1080
expected=(welcome welcome-foreign-qr camera-waiting camera-reading camera-incomplete check-id
  check-id-rejected camera-garbled keyboard-text-lost consent ward-picker matches search-keyboard
  search-empty occupations matches-occupation filters vacancy slots-loading slots confirm confirm-phone booking
  done idle-warning confirm-unsent done-queued done-printer-failed slots-offline confirm-interest
  done-interest matches-offline)
for name in "${expected[@]}"; do
  file=$(ls "$out"/*-"$name".png 2>/dev/null | head -1)
  [[ -n "$file" ]] || { echo "missing screen: $name"; exit 1; }
  size=$(identify -format '%wx%h' "$file")
  [[ "$size" == "1920x1080" ]] || { echo "$name is $size"; exit 1; }
  # A blank frame has a single colour; a real screen has many.
  colours=$(convert "$file" -format '%k' info:)
  (( colours > 50 )) || { echo "$name looks blank ($colours colours)"; exit 1; }
done
ls "$out"/slips/*.png >/dev/null || { echo "no slip printed"; exit 1; }
echo "${#expected[@]} screens rendered and checked"
