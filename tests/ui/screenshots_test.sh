#!/usr/bin/env bash
# Renders every screen of the journey in both languages, three modes and two
# screen shapes (scripts/render-screens.sh) and checks that each PNG is
# there, has the screen's size and is not blank. kiosk-screenshots itself
# fails when a screen cannot be reached or any glyph is missing from the font.
set -euo pipefail
tool="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/scripts/render-screens.sh" "$tool" "$out"
expected=(welcome welcome-foreign-qr camera-waiting camera-reading camera-incomplete check-id
  check-id-rejected camera-garbled keyboard-text-lost consent ward-picker matches search-keyboard
  search-empty occupations matches-occupation filters vacancy slots-loading slots confirm confirm-phone booking
  done idle-warning confirm-unsent done-queued done-printer-failed slots-offline confirm-interest
  done-interest matches-offline)
# Staff mode has one presentation, shot in the normal mode only.
staff=(staff-unlock staff-unlock-typed staff-unlock-checking staff-unlock-wait
  staff-unlock-locked-out staff-card-expired staff-status staff-session staff-session-switched
  staff-devices staff-devices-no-paper staff-slips-none staff-slips staff-logs staff-status-restart)
checked=0
for dir in "$out"/*x*/*; do
  want=$(basename "$(dirname "$dir")")
  for name in "${expected[@]}"; do
    file=$(ls "$dir"/*-"$name".png 2>/dev/null | head -1)
    [[ -n "$file" ]] || { echo "missing screen: $dir/$name"; exit 1; }
    size=$(identify -format '%wx%h' "$file")
    [[ "$size" == "$want" ]] || { echo "$dir/$name is $size, not $want"; exit 1; }
    # A blank frame has a single colour; a real screen has many.
    colours=$(convert "$file" -format '%k' info:)
    (( colours > 50 )) || { echo "$dir/$name looks blank ($colours colours)"; exit 1; }
    checked=$((checked + 1))
  done
  ls "$dir"/slips/*.png >/dev/null || { echo "no slip printed in $dir"; exit 1; }
  [[ "$dir" == *-normal ]] || continue
  for name in "${staff[@]}"; do
    file=$(ls "$dir"/*-"$name".png 2>/dev/null | head -1)
    [[ -n "$file" ]] || { echo "missing staff screen: $dir/$name"; exit 1; }
    colours=$(convert "$file" -format '%k' info:)
    (( colours > 50 )) || { echo "$dir/$name looks blank ($colours colours)"; exit 1; }
    checked=$((checked + 1))
  done
done
want=$(( ${#expected[@]} * 12 + ${#staff[@]} * 4 ))
(( checked == want )) || { echo "checked $checked screens, want $want"; exit 1; }
echo "$checked screens rendered and checked"
