#!/usr/bin/env bash
# Installs the kiosk's Debian package on this machine and removes it again:
#
#   package_test.sh SOURCE_DIR BUILD_DIR
#
# Builds the package from BUILD_DIR's already built programs (scripts/build-deb.sh), then
# checks: `dpkg -i` creates the user "kiosk" with its groups and folders and places the
# programs, units, udev rules, drop-ins, tmpfiles and profile (byte for byte as in the source);
# the installed kioskctl validates the installed profile; reinstalling keeps a changed profile
# (a conffile); `dpkg -r` takes away everything but the profile, the user and the data; and
# `dpkg -P` leaves the watched folders, users and groups exactly as they were before.
# Root only (exit 77: skipped otherwise), and never on a machine that already has a kiosk user
# or package: the test would take them away. Whatever fails, the package is purged.
set -euo pipefail

source_dir=$1
build_dir=$2

if (($(id -u) != 0)); then
  echo "SKIP: dpkg -i needs root"
  exit 77
fi
if dpkg-query -W -f='${Status}' kiosk 2>/dev/null | grep -q 'installed\|config-files'; then
  echo "SKIP: the kiosk package is already on this machine"
  exit 77
fi
if getent passwd kiosk >/dev/null || getent group kiosk >/dev/null; then
  echo "SKIP: this machine already has a kiosk user or group"
  exit 77
fi

work=$(mktemp -d)
installed=0
cleanup() {
  if ((installed)); then
    dpkg -P kiosk >"$work/cleanup.log" 2>&1 || cat "$work/cleanup.log" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
check() {  # check DESCRIPTION COMMAND…
  local what=$1
  shift
  if "$@"; then
    echo "ok: $what"
  else
    echo "FAIL: $what" >&2
    failures=$((failures + 1))
  fi
}
same() { cmp -s "$1" "$2"; }

# What the package may touch; after purge, all of it must be as it was.
snapshot() {
  {
    getent passwd | sort
    getent group | sort
    find /etc/kiosk /etc/systemd /lib/systemd/system /lib/udev/rules.d /usr/lib/tmpfiles.d \
      /usr/lib/sysctl.d /usr/lib/systemd/logind.conf.d /usr/lib/systemd/system.conf.d \
      /usr/share/kiosk /usr/share/doc/kiosk /var/lib/kiosk /var/cache/kiosk /var/log/kiosk \
      /run/kiosk /var/lib/systemd/deb-systemd-helper-enabled \
      -printf '%p %y %m %u %g %l\n' 2>/dev/null | sort || true  # missing folders are fine
    ls -l /usr/bin/kiosk* 2>/dev/null || true
  } >"$1"
}

# The build's own output only when it fails (ninja writes compiler errors to stdout).
if ! "$source_dir/scripts/build-deb.sh" --no-deps "$build_dir" "$work/deb" >"$work/build.log" 2>&1
then
  echo "FAIL: scripts/build-deb.sh failed:" >&2
  cat "$work/build.log" >&2
  exit 1
fi
package=$(tail -n 1 "$work/build.log")
check "the package was built" test -f "$package"
echo "package: $package"
dpkg-deb --info "$package" | sed -n 's/^ \(Package\|Version\|Depends\|Installed-Size\):/&/p'
check "the profile is a conffile" grep -qx /etc/kiosk/kiosk.toml \
  <(dpkg-deb --ctrl-tarfile "$package" | tar -xO ./conffiles)

snapshot "$work/before"
cad_before=$(readlink /etc/systemd/system/ctrl-alt-del.target 2>/dev/null || echo none)

installed=1
dpkg -i "$package"

# --- installed -------------------------------------------------------------------------------
check "dpkg says installed" grep -q 'install ok installed' \
  <(dpkg-query -W -f='${Status}' kiosk)
check "user kiosk: system user, home /var/lib/kiosk, no login shell" \
  grep -Eq '^kiosk:x:[0-9]+:[0-9]+:[^:]*:/var/lib/kiosk:/usr/sbin/nologin$' \
  <(getent passwd kiosk)
for g in kiosk video render input lp dialout audio; do
  check "kiosk is in group $g" grep -qw "$g" <(id -nG kiosk)
done
for p in kiosk kioskctl kiosk-out-of-service; do
  check "/usr/bin/$p is executable" test -x /usr/bin/$p
done
for unit in kiosk.service kiosk-out-of-service.service; do
  check "$unit placed" same "$source_dir/systemd/$unit" "/lib/systemd/system/$unit"
done
check "udev rules placed" same "$source_dir/systemd/udev/70-kiosk.rules" \
  /lib/udev/rules.d/70-kiosk.rules
check "tmpfiles placed" same "$source_dir/systemd/tmpfiles.d/kiosk.conf" \
  /usr/lib/tmpfiles.d/kiosk.conf
check "sysctl drop-in placed" same "$source_dir/systemd/sysctl.d/kiosk.conf" \
  /usr/lib/sysctl.d/50-kiosk.conf
check "logind drop-in placed" same "$source_dir/systemd/logind.conf.d/kiosk.conf" \
  /usr/lib/systemd/logind.conf.d/kiosk.conf
check "system.conf drop-in placed" same "$source_dir/systemd/system.conf.d/kiosk.conf" \
  /usr/lib/systemd/system.conf.d/kiosk.conf
check "profile placed" same "$source_dir/config/kiosk.toml" /etc/kiosk/kiosk.toml
check "ward table placed" test -s /usr/share/kiosk/data/vn-admin-2025/hanoi_wards.json
check "catalogues placed" test -s /usr/share/kiosk/locale/vi.po -a -s /usr/share/kiosk/locale/en.po
check "the installed kioskctl validates the installed profile" \
  /usr/bin/kioskctl profile validate /etc/kiosk/kiosk.toml
check "/var/lib/kiosk is kiosk's alone" grep -qx 'kiosk kiosk 700' \
  <(stat -c '%U %G %a' /var/lib/kiosk)
check "/var/log/kiosk belongs to kiosk" grep -qx 'kiosk kiosk 750' \
  <(stat -c '%U %G %a' /var/log/kiosk)
if command -v systemd-tmpfiles >/dev/null; then
  check "scan FIFO /run/kiosk/scan: kiosk's, mode 620" grep -qx 'fifo kiosk kiosk 620' \
    <(stat -c '%F %U %G %a' /run/kiosk/scan)
fi
check "kiosk.service enabled for the next boot" test -L \
  /etc/systemd/system/multi-user.target.wants/kiosk.service
if [[ $cad_before == none ]]; then
  check "ctrl-alt-del.target masked" test "$(readlink /etc/systemd/system/ctrl-alt-del.target)" \
    = /dev/null
fi

# --- an upgrade keeps the administrator's profile ---------------------------------------------
echo '# changed by package_test.sh' >>/etc/kiosk/kiosk.toml
dpkg -i "$package"
check "reinstalling keeps a changed profile" grep -q 'changed by package_test.sh' \
  /etc/kiosk/kiosk.toml

# --- removed -----------------------------------------------------------------------------------
dpkg -r kiosk
check "dpkg says config-files after remove" grep -q 'deinstall ok config-files' \
  <(dpkg-query -W -f='${Status}' kiosk)
for f in /usr/bin/kiosk /usr/bin/kioskctl /usr/bin/kiosk-out-of-service \
  /lib/systemd/system/kiosk.service /lib/udev/rules.d/70-kiosk.rules \
  /usr/lib/tmpfiles.d/kiosk.conf /usr/share/kiosk \
  /etc/systemd/system/multi-user.target.wants/kiosk.service; do
  check "remove took away $f" test ! -e "$f" -a ! -L "$f"
done
check "remove kept the profile" test -f /etc/kiosk/kiosk.toml
check "remove kept the user" getent passwd kiosk
if [[ $cad_before == none ]]; then
  check "remove unmasked ctrl-alt-del.target" test ! -L /etc/systemd/system/ctrl-alt-del.target
fi

# --- purged ------------------------------------------------------------------------------------
dpkg -P kiosk
installed=0
check "dpkg has forgotten the package" test -z \
  "$(dpkg-query -W -f='${Status}' kiosk 2>/dev/null | grep -v not-installed || true)"
check "purge removed the user" test -z "$(getent passwd kiosk || true)"
snapshot "$work/after"
if diff -u "$work/before" "$work/after" >"$work/diff"; then
  echo "ok: after purge, users, groups and the package's folders are as before"
else
  echo "FAIL: purge left the machine changed:" >&2
  cat "$work/diff" >&2
  failures=$((failures + 1))
fi

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
