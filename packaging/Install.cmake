# What `cmake --install` puts where (GNUInstallDirs), for both builds:
#   bin/kanca, share/man/man1/kanca.1.gz (from `kanca help --man`), the bash completion,
#   share/kanca/examples and share/kanca/schema, the documentation in share/doc/PACKAGE.
# The designer's build (KANCA_BUILD_DESIGNER=ON) adds the desktop entry, the icons, the MIME
# type of *.kanca.json and the AppStream metainfo; the server's build (OFF) adds the systemd
# units (kanca-serve.service, and the template kanca-serve@.service for several workers),
# /etc/kanca/kanca-serve.env and /var/lib/kanca. With the prefix /usr (as the packages
# are built) the configuration goes to /etc and the state to /var; with another prefix, under it.

# The package the build makes (packaging/Package.cmake) and the name of its documentation folder.
if(KANCA_BUILD_DESIGNER)
    set(KANCA_PACKAGE_NAME kanca)
else()
    set(KANCA_PACKAGE_NAME kanca-server)
endif()
include(GNUInstallDirs) # (qt_standard_project_setup has included it already)
# GNUInstallDirs names the documentation folder after the project ("Kanca"); a Debian package's
# must be the package's name. A folder chosen on the command line (the cache) stays.
if(CMAKE_INSTALL_DOCDIR STREQUAL "${CMAKE_INSTALL_DATAROOTDIR}/doc/${PROJECT_NAME}")
    set(CMAKE_INSTALL_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/${KANCA_PACKAGE_NAME}")
endif()

set(kanca_datadir ${CMAKE_INSTALL_DATADIR}/kanca)
install(TARGETS kanca RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES
    ${PROJECT_SOURCE_DIR}/resources/examples/supsis-examples.kanca.json
    ${PROJECT_SOURCE_DIR}/resources/examples/events.jsonl
    DESTINATION ${kanca_datadir}/examples)
install(FILES ${PROJECT_SOURCE_DIR}/resources/schema/kanca.ruleset.schema.json
    DESTINATION ${kanca_datadir}/schema)

# kanca(1): written by the kanca just built, from the text of its help (in English), so the
# page and `kanca help COMMAND` never disagree.
option(KANCA_BUILD_MAN "Write the manual page kanca(1) with the built kanca" ON)
if(KANCA_BUILD_MAN)
    set(kanca_man ${PROJECT_BINARY_DIR}/man/kanca.1)
    add_custom_command(OUTPUT ${kanca_man}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
        COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=offscreen
                $<TARGET_FILE:kanca> help --man > ${kanca_man}
        COMMAND gzip -9nf ${kanca_man}
        DEPENDS kanca
        COMMENT "Writing the manual page kanca(1)"
        VERBATIM)
    add_custom_target(kanca_man ALL DEPENDS ${kanca_man}.gz)
    install(FILES ${kanca_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

install(FILES ${PROJECT_SOURCE_DIR}/resources/completion/kanca.bash
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME kanca)

# The documentation folder: copyright, the Debian changelog (a package needs both), the guides.
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in
    ${PROJECT_BINARY_DIR}/packaging/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz
    COMMAND gzip -9nkf ${PROJECT_BINARY_DIR}/packaging/changelog.Debian
    DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog.Debian
    VERBATIM)
add_custom_target(kanca_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz)
install(FILES
    ${PROJECT_SOURCE_DIR}/packaging/debian/copyright
    ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz
    ${PROJECT_SOURCE_DIR}/README.md
    ${PROJECT_SOURCE_DIR}/docs/server.md
    ${PROJECT_SOURCE_DIR}/docs/format.md
    DESTINATION ${CMAKE_INSTALL_DOCDIR})

if(KANCA_BUILD_DESIGNER)
    set(kanca_id io.github.kanca.Kanca)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${kanca_id}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    configure_file(${PROJECT_SOURCE_DIR}/resources/desktop/${kanca_id}.metainfo.xml.in
        ${PROJECT_BINARY_DIR}/packaging/${kanca_id}.metainfo.xml @ONLY)
    install(FILES ${PROJECT_BINARY_DIR}/packaging/${kanca_id}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${kanca_id}.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${kanca_id}.xml)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/${kanca_id}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size 16 24 32 48 64 128 256)
        install(FILES
            ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/${kanca_id}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
else()
    # systemd's own folder for packaged units is /lib/systemd/system on Debian 12; under another
    # prefix, PREFIX/lib/systemd/system (-DKANCA_SYSTEMD_UNIT_DIR=... chooses). The unit runs
    # /usr/bin/kanca, as the package installs it.
    if(KANCA_SYSTEMD_UNIT_DIR)
        set(kanca_unitdir ${KANCA_SYSTEMD_UNIT_DIR})
    elseif(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
        set(kanca_unitdir /lib/systemd/system)
    else()
        set(kanca_unitdir lib/systemd/system)
    endif()
    # kanca-serve.service: one server; kanca-serve@.service: a worker per port (the instance),
    # several sharing one PostgreSQL database.
    install(FILES
        ${PROJECT_SOURCE_DIR}/resources/systemd/kanca-serve.service
        ${PROJECT_SOURCE_DIR}/resources/systemd/kanca-serve@.service
        DESTINATION ${kanca_unitdir})
    # 0644 in the package (it holds only comments); the package's postinst makes it root:kanca
    # 0640 once the group exists, before anyone writes a secret in it.
    install(FILES ${PROJECT_SOURCE_DIR}/resources/server/kanca-serve.env
        DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/kanca)
    install(DIRECTORY DESTINATION ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/lib/kanca)
endif()
