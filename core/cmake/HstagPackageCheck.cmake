# SPDX-License-Identifier: GPL-3.0-or-later
# Run by cpack (CPACK_PRE_BUILD_SCRIPTS, core/cmake/HstagPackage.cmake) on the
# staged files, before the .deb is made from them: the Debian changelog's
# latest entry is this version, and nothing of the `dev` component (headers,
# static library, CMake package) got into the package.
file(STRINGS "${CPACK_HSTAG_CHANGELOG}" first LIMIT_COUNT 1)
if(NOT first MATCHES "^hstag \\(([^)]+)\\)")
  message(FATAL_ERROR "${CPACK_HSTAG_CHANGELOG}: its first line is not `hstag (VERSION) ...`: ${first}")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL CPACK_PACKAGE_VERSION)
  message(FATAL_ERROR "${CPACK_HSTAG_CHANGELOG}: the latest entry is ${CMAKE_MATCH_1}, the package "
                      "${CPACK_PACKAGE_VERSION}: add an entry for ${CPACK_PACKAGE_VERSION} at the top")
endif()

# Staged under <dir>/ALL_COMPONENTS_IN_ONE/usr/...
file(GLOB_RECURSE staged RELATIVE "${CPACK_TEMPORARY_DIRECTORY}" "${CPACK_TEMPORARY_DIRECTORY}/*")
set(dev ${staged})
list(FILTER dev INCLUDE REGEX "(^|/)(include|cmake)/|\\.(a|h|so)$")
if(dev)
  list(JOIN dev "\n  " dev)
  message(FATAL_ERROR "the package would hold development files (component `dev`):\n  ${dev}")
endif()
list(FILTER staged INCLUDE REGEX "(^|/)usr/bin/hstag$")
if(NOT staged)
  message(FATAL_ERROR "the package would not hold /usr/bin/hstag (staged in ${CPACK_TEMPORARY_DIRECTORY})")
endif()
