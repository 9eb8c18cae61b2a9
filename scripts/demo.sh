#!/usr/bin/env bash
# Runs the kiosk in a window against the development central API with its
# bundled demo data. Scan a card from another terminal with:
#   scripts/scan.sh            (a sample citizen-ID payload)
# Slips appear as PNG files in /tmp/kiosk-demo/slips/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh kiosk kiosk-central-dev kioskctl
build_dir=${KIOSK_BUILD_DIR:-build}
mkdir -p /tmp/kiosk-demo
port=8080

"$build_dir/kiosk/tools/central_dev/kiosk-central-dev" --port "$port" \
  --data-dir assets/data/vn-admin-2025 >/tmp/kiosk-demo/central.log 2>&1 &
central_pid=$!
trap 'kill $central_pid 2>/dev/null || true' EXIT
up=0
for _ in $(seq 50); do
  if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then up=1; break; fi
  sleep 0.1
done
if ((up == 0)); then
  echo "The development central API did not start; see /tmp/kiosk-demo/central.log:" >&2
  tail -5 /tmp/kiosk-demo/central.log >&2
  exit 1
fi
echo "Development central API on http://127.0.0.1:$port (bookings: /api/v1/_dev/bookings)"

display_cmd=()
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "No display found: running under Xvfb (screenshot with: import -window root shot.png)"
  display_cmd=(xvfb-run -a -s "-screen 0 1920x1080x24")
fi
"${display_cmd[@]}" "$build_dir/kiosk/app/kiosk" --profile config/demo.toml --windowed
