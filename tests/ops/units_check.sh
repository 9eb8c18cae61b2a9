#!/usr/bin/env bash
# The systemd units of the package, checked offline (no running systemd needed):
#
#   units_check.sh verify   SOURCE_DIR   every unit in systemd/ passes `systemd-analyze verify`
#                                        with nothing printed at all (a warning fails too)
#   units_check.sh security SOURCE_DIR   `systemd-analyze security --offline=yes` rates
#                                        kiosk.service's exposure at most 2.0
#
# The units are checked as they are in the source tree, byte for byte, inside a temporary root
# that also holds this machine's own units (so that targets such as sysinit.target resolve) and
# an empty executable at every path an ExecStart= names (so that "not executable" is not
# reported for programs a build machine does not have installed).
set -euo pipefail

mode=$1
source_dir=$2
max_exposure=2.0

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

unit_dir=$root/usr/lib/systemd/system
mkdir -p "$unit_dir" "$root/etc/systemd/system"
cp -a /usr/lib/systemd/system/. "$unit_dir/"
units=()
for unit in "$source_dir"/systemd/*.service "$source_dir"/systemd/*.timer; do
  [[ -e $unit ]] || continue
  cp "$unit" "$unit_dir/"
  units+=("$(basename "$unit")")
  # ExecStart=+/usr/bin/systemctl … → /usr/bin/systemctl (prefixes: - @ : + ! !!)
  sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\([^ ]*\).*/\1/p' "$unit" | while read -r program; do
    if [[ ! -e $root$program ]]; then
      mkdir -p "$(dirname "$root$program")"
      printf '#!/bin/sh\nexit 0\n' >"$root$program"
      chmod 0755 "$root$program"
    fi
  done
done
if ((${#units[@]} < 2)); then
  echo "FAIL: expected kiosk.service and kiosk-out-of-service.service in $source_dir/systemd" >&2
  exit 1
fi

case $mode in
  verify)
    failed=0
    for unit in "${units[@]}"; do
      status=0
      output=$(systemd-analyze verify --root="$root" "$unit" 2>&1) || status=$?
      if ((status != 0)) || [[ -n $output ]]; then
        echo "FAIL: systemd-analyze verify $unit (exit $status):" >&2
        echo "$output" >&2
        failed=1
      else
        echo "ok: $unit verifies with no warning"
      fi
    done
    exit $failed
    ;;
  security)
    status=0
    table=$(systemd-analyze security --offline=yes --root="$root" kiosk.service 2>&1) || status=$?
    exposure=$(sed -n 's/.*Overall exposure level for kiosk\.service: \([0-9.]*\).*/\1/p' \
      <<<"$table")
    if [[ -z $exposure ]]; then
      echo "FAIL: no exposure level in the output of systemd-analyze security (exit $status):" >&2
      echo "$table" >&2
      exit 1
    fi
    if ! awk -v e="$exposure" -v max="$max_exposure" 'BEGIN { exit !(e <= max) }'; then
      echo "FAIL: kiosk.service exposure $exposure is above $max_exposure:" >&2
      echo "$table" >&2
      exit 1
    fi
    echo "ok: kiosk.service exposure $exposure (at most $max_exposure)"
    ;;
  *)
    echo "usage: units_check.sh verify|security SOURCE_DIR" >&2
    exit 2
    ;;
esac
