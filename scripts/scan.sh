#!/usr/bin/env bash
# Writes a sample citizen-ID QR payload into the demo kiosk's scan FIFO, as a
# scanner would. Pass another payload as the first argument to try others.
set -euo pipefail
payload=${1:-'001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên Hòa, Thành phố Hà Nội|01082021'}
printf '%s\n' "$payload" > /tmp/kiosk-demo/scan
