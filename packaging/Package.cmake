# `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr (scripts/package.sh does
# both builds): the designer's build makes the package kanca, the server's build
# (KANCA_BUILD_DESIGNER=OFF) kanca-server. Both hold /usr/bin/kanca, so they conflict. The
# libraries they depend on are computed by dpkg-shlibdeps; only what Qt loads at run time
# (the SQLite driver plugin) and what the maintainer scripts call are named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${KANCA_PACKAGE_NAME})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# A Debian revision: the packaging is not part of an upstream release (changelog.Debian.gz).
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_PACKAGE_VENDOR "The Kanca developers")
set(CPACK_PACKAGE_CONTACT "The Kanca developers <dev@kanca.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/kanca/kanca")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(KANCA_BUILD_DESIGNER)
    set(CPACK_DEBIAN_PACKAGE_SECTION devel)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
    set(CPACK_DEBIAN_PACKAGE_CONFLICTS kanca-server)
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "designer and command line for webhook rules")
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "\
Kanca designs webhook rules: when an event comes in, if its conditions hold,
then call a webhook. The designer shows for a sample event which rules match
and why, and the exact requests they would send. The command line (kanca
validate, render, send, history, resend, deliver, catch, serve, backtest)
checks, renders and sends them.")
else()
    set(CPACK_DEBIAN_PACKAGE_SECTION net)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, adduser")
    set(CPACK_DEBIAN_PACKAGE_CONFLICTS kanca)
    # Qt's PostgreSQL driver, loaded at run time too: for several servers sharing a database.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS libqt6sql6-psql)
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "webhook rule server (kanca serve), without the designer")
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "\
Kanca runs a rule set as a server: events come in over HTTP, the matching
rules' webhooks go out through a durable SQLite outbox, with retries,
signatures, per-host limits and a circuit breaker. This package is the
headless build (no Qt Widgets, X or GL libraries) with the command line and
a systemd unit, kanca-serve.service, running as the system user kanca, and
the template kanca-serve@.service for several workers sharing PostgreSQL.")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
        ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
        ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
        ${PROJECT_SOURCE_DIR}/packaging/debian/postrm
        ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)
endif()
include(CPack)
