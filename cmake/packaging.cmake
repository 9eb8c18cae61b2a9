# Install rules and the Debian package (scripts/build-deb.sh runs CPack's DEB generator in a
# build tree). Every path is absolute: the package is one fixed layout for Debian 12, and
# CPACK_SET_DESTDIR keeps `cpack` from writing outside its staging folder.
#
#   /usr/bin/{kiosk,kioskctl,kiosk-out-of-service}
#   /usr/share/kiosk/data (wards and provinces), /usr/share/kiosk/locale (vi.po, en.po)
#   /etc/kiosk/kiosk.toml (a conffile: upgrades leave it alone)
#   /lib/systemd/system/*.service, /lib/udev/rules.d, /usr/lib/{tmpfiles.d,sysctl.d},
#   /usr/lib/systemd/{logind.conf.d,system.conf.d}
#
# Units and udev rules go to /lib, where Debian 12's own packages put them (with merged /usr
# that is the same folder as /usr/lib; dpkg tracks the path as given).

set(KIOSK_SYSTEMD_DIR ${KIOSK_SOURCE_DIR}/systemd)

install(TARGETS kiosk kioskctl kiosk-out-of-service RUNTIME DESTINATION /usr/bin)
install(DIRECTORY ${KIOSK_SOURCE_DIR}/assets/data/ DESTINATION /usr/share/kiosk/data)
install(FILES ${KIOSK_SOURCE_DIR}/po/vi.po ${KIOSK_SOURCE_DIR}/po/en.po
  DESTINATION /usr/share/kiosk/locale)
install(FILES ${KIOSK_SOURCE_DIR}/config/kiosk.toml DESTINATION /etc/kiosk)
install(FILES ${KIOSK_SOURCE_DIR}/README.md ${KIOSK_SOURCE_DIR}/docs/OPERATIONS.md
  DESTINATION /usr/share/doc/kiosk)

install(FILES ${KIOSK_SYSTEMD_DIR}/kiosk.service ${KIOSK_SYSTEMD_DIR}/kiosk-out-of-service.service
  DESTINATION /lib/systemd/system)
install(FILES ${KIOSK_SYSTEMD_DIR}/udev/70-kiosk.rules DESTINATION /lib/udev/rules.d)
install(FILES ${KIOSK_SYSTEMD_DIR}/tmpfiles.d/kiosk.conf DESTINATION /usr/lib/tmpfiles.d)
# 50-: early enough for an administrator's own /etc/sysctl.d file to override it.
install(FILES ${KIOSK_SYSTEMD_DIR}/sysctl.d/kiosk.conf DESTINATION /usr/lib/sysctl.d
  RENAME 50-kiosk.conf)
install(FILES ${KIOSK_SYSTEMD_DIR}/logind.conf.d/kiosk.conf
  DESTINATION /usr/lib/systemd/logind.conf.d)
install(FILES ${KIOSK_SYSTEMD_DIR}/system.conf.d/kiosk.conf
  DESTINATION /usr/lib/systemd/system.conf.d)

set(CPACK_GENERATOR DEB)
set(CPACK_SET_DESTDIR ON)
# The prefix the staging tree is made under; without it CPack adds an empty /usr/local.
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VENDOR "Hanoi Employment Service Centre")
set(CPACK_PACKAGE_CONTACT "Kiosk maintainers <kiosk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Self-service job-matching kiosk")
set(CPACK_PACKAGE_DESCRIPTION
  "A touchscreen kiosk for employment service centres: a job seeker scans the QR code of a\n\
citizen-ID card, sees matching vacancies, books an interview and takes a printed slip.\n\
Runs full screen on tty1 under systemd as the user kiosk.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Added to what dpkg-shlibdeps finds: the font the screens and slips are drawn with, the
# speech voices, and adduser for the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, espeak-ng-data, adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd, udev")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${KIOSK_SYSTEMD_DIR}/debian/conffiles
  ${KIOSK_SYSTEMD_DIR}/debian/postinst
  ${KIOSK_SYSTEMD_DIR}/debian/prerm
  ${KIOSK_SYSTEMD_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
