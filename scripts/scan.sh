#!/usr/bin/env bash
# Writes a sample citizen-ID QR payload into the demo kiosk's scan FIFO, as a
# scanner would. Pass another payload as the first argument to try others.
set -euo pipefail
fifo=/tmp/kiosk-demo/scan
payload=${1:-'001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên Hòa, Thành phố Hà Nội|01082021'}
if [[ ! -p "$fifo" ]]; then
  echo "No scan FIFO at $fifo: start the kiosk with scripts/demo.sh first." >&2
  exit 1
fi
# The kiosk keeps the FIFO open; if it is not running, do not wait for ever.
printf '%s\n' "$payload" | timeout 5 tee "$fifo" >/dev/null || {
  echo "The kiosk is not reading $fifo (is scripts/demo.sh running?)" >&2
  exit 1
}
