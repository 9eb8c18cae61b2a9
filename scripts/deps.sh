#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, test and run.
# Idempotent: does nothing (and needs no network) when all are present.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config curl
  # libraries
  libsdl2-dev libimgui-dev libgl-dev libzxing-dev libspdlog-dev libfmt-dev
  libcurl4-openssl-dev libsqlite3-dev nlohmann-json3-dev libtomlplusplus-dev
  libutf8proc-dev libsystemd-dev libexpected-dev libcpp-httplib-dev libssl-dev zlib1g-dev
  libfreetype-dev libpng-dev libstb-dev libturbojpeg0-dev libcups2-dev libargon2-dev
  # speech: espeak-ng reads the screen aloud (Vietnamese and English voices)
  libespeak-ng-dev espeak-ng-data
  # translations: gettext .po catalogues read with libgettextpo; xgettext and
  # msgfmt check them
  gettext libgettextpo-dev
  # fonts: Noto Sans covers Vietnamese, general punctuation and ₫
  fonts-noto-core
  # tests: GoogleTest, a display for UI tests, Mesa's software GL, openssl CLI
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth libgl1-mesa-dri openssl
  imagemagick clang libclang-rt-14-dev
  # benchmarks: zbar is the second decoder the QR pipeline is measured against
  libzbar-dev
  # ops tests and packaging: systemd-analyze checks the units, dpkg-shlibdeps (dpkg-dev)
  # finds the package's library dependencies, adduser for its maintainer scripts
  systemd dpkg-dev adduser
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
