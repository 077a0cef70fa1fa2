# Run at install time (install(SCRIPT) in cmake/packaging.cmake), when the real prefix is
# known: `make install` into /usr/local, CPack's staging into /usr. Installs the systemd
# unit with the binary's and the config's real paths, and the config file unless the
# operator's own copy is already there.
set(prefix "${CMAKE_INSTALL_PREFIX}")
if(prefix STREQUAL "/usr")
  set(sysconf "/etc")
else()
  set(sysconf "${prefix}/etc")
endif()

file(READ "${ATTUNE_SOURCE_DIR}/deploy/attune.service" unit)
string(REPLACE "/usr/bin/attune" "${prefix}/bin/attune" unit "${unit}")
string(REPLACE "/usr/share/doc/attune" "${prefix}/share/doc/attune" unit "${unit}")
string(REPLACE "/etc/attune/" "${sysconf}/attune/" unit "${unit}")
set(staged "${ATTUNE_BINARY_DIR}/packaging")
file(WRITE "${staged}/attune.service" "${unit}")
file(INSTALL "${staged}/attune.service" DESTINATION "${prefix}/lib/systemd/system"
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

if(EXISTS "$ENV{DESTDIR}${sysconf}/attune/attune.toml")
  message(STATUS "Keeping: $ENV{DESTDIR}${sysconf}/attune/attune.toml")
else()
  file(INSTALL "${ATTUNE_SOURCE_DIR}/deploy/attune.toml" DESTINATION "${sysconf}/attune"
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endif()
