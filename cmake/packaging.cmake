# Installing attune: `make install` (cmake --install) and the Debian package `make deb`
# (CPack). The binary finds the web client and the content library under
# <prefix>/share/attune beside its own <prefix>/bin (src/cli/install_paths.h).
include(GNUInstallDirs)

install(CODE "
  if(NOT EXISTS \"${CMAKE_SOURCE_DIR}/web/dist/index.html\")
    message(FATAL_ERROR \"web/dist is not built: run make build first\")
  endif()")
install(TARGETS attune RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/web/dist/ DESTINATION ${CMAKE_INSTALL_DATADIR}/attune/web)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/attune/content)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/deploy.md
              ${CMAKE_SOURCE_DIR}/docs/security.md ${CMAKE_SOURCE_DIR}/docs/api.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The systemd unit and /etc/attune/attune.toml depend on the prefix given at install time.
install(CODE "
  set(ATTUNE_SOURCE_DIR \"${CMAKE_SOURCE_DIR}\")
  set(ATTUNE_BINARY_DIR \"${CMAKE_BINARY_DIR}\")")
install(SCRIPT ${CMAKE_SOURCE_DIR}/cmake/install_system_files.cmake)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME attune)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "consent-centred relationship practice, self-hosted (server and web client)")
set(CPACK_PACKAGE_DESCRIPTION
    "Partners map their boundaries privately, see only what they all share, sign an agreement
before each practice and run live exercises that anyone can pause. Everything personal is
encrypted at rest. One server binary with an embedded SQLite store (or PostgreSQL), its web
client and content library, and a sandboxed systemd unit.")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "attune maintainers <maintainers@attune.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# What dpkg-shlibdeps finds for build/attune on Debian 12 (scripts/test-install checks that
# this list still covers it), plus what the maintainer scripts call.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1 (>= 3.0), libsodium23 (>= 1.0.14), \
libsqlite3-0 (>= 3.37.0), libpq5 (>= 14~~), libfmt9 (>= 9.1.0+ds1), libspdlog1.10-fmt9, \
libtomlplusplus3 (>= 3.2.0), libtcmalloc-minimal4 (>= 2.10), adduser, init-system-helpers")
# The therapist's PDF download and `attune report` print with it; without it, no PDF.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/deploy/debian/conffiles ${CMAKE_SOURCE_DIR}/deploy/debian/postinst
    ${CMAKE_SOURCE_DIR}/deploy/debian/prerm ${CMAKE_SOURCE_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
