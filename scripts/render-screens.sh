#!/usr/bin/env bash
# Renders every screen of the journey with TOOL (kiosk-screenshots) under
# Xvfb and Mesa's software renderer, in both languages, in the normal,
# large-text and high-contrast modes, on a landscape 1920×1080 and a portrait
# 1080×1920 screen: OUT/<size>/<lang>-<mode>/NN-<screen>.png, plus one
# contact sheet per combination in OUT/sheets/ for looking at them all.
# Used by scripts/screenshots.sh and tests/ui/screenshots_test.sh.
set -euo pipefail
tool=$1
out=$2
sizes=${KIOSK_SCREEN_SIZES:-"1920x1080 1080x1920"}
mkdir -p "$out/sheets"
for size in $sizes; do
  width=${size%x*}
  height=${size#*x}
  for lang in vi en; do
    for mode in normal large-text high-contrast; do
      dir="$out/$size/$lang-$mode"
      mkdir -p "$dir"
      flags=(--lang "$lang")
      [[ $mode == normal ]] || flags+=("--$mode")
      LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
        "$tool" --out "$dir" --width "$width" --height "$height" "${flags[@]}" > "$dir/log.txt" 2>&1 ||
        { cat "$dir/log.txt"; echo "kiosk-screenshots failed: $size $lang $mode"; exit 1; }
      mapfile -t shots < <(ls -v "$dir"/*.png)
      montage -mode concatenate -tile 6x -resize 25% "${shots[@]}" \
        "$out/sheets/$size-$lang-$mode.png"
    done
  done
done
