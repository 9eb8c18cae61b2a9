#!/usr/bin/env bash
# kiosk/core is the domain: it must not include UI, device, network, storage
# or OS-service headers (ARCHITECTURE.md). Fails listing every offending line.
set -u
core_dir="$1"
pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](imgui|backends/|SDL|GL/|curl/|ZXing/|sqlite3|systemd/|cups/|linux/|sys/ioctl|termios|libudev|httplib|ft2build|freetype|png\.h|stb/)'
bad=$(grep -rnE "$pattern" "$core_dir" --include='*.hpp' --include='*.cpp' --include='*.h')
if [[ -n "$bad" ]]; then
  echo "kiosk/core includes forbidden headers:"
  echo "$bad"
  exit 1
fi
count=$(find "$core_dir" -name '*.cpp' -o -name '*.hpp' | wc -l)
echo "checked $count core files: no forbidden includes"
