# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package of the hstag command (scripts/package.sh; cpack with
# this build's CPackConfig.cmake), and the files it adds to an installation:
# the man page, the bash completion, and Debian's copyright and changelog.
#
# The package is for people who run hstag: the `runtime` component only,
#   /usr/bin/hstag                      (stripped)
#   /usr/share/hstag/{lexicons,schema}  (hstag looks beside itself first,
#                                        ../share/hstag from /proc/self/exe;
#                                        then in the build's own prefix)
#   /usr/share/man/man1/hstag.1.gz
#   /usr/share/bash-completion/completions/hstag
#   /usr/share/doc/hstag/{README.md,copyright,changelog.gz}
# The `dev` component (static library, headers, CMake package, example
# plugin) is for plugin authors who build against hstag: it stays in
# `cmake --install` and is not packaged, since a -dev package would need the
# -dev packages of ICU, nlohmann-json, yaml-cpp, OpenSSL and libarchive as
# dependencies, which dpkg-shlibdeps cannot compute. `license` (LICENSE) is
# left out too: Debian's copyright file names the licence, whose text is in
# /usr/share/common-licenses/GPL-3.

set(HSTAG_PACKAGE_MAINTAINER "hstag maintainers <maintainers@users.noreply.r-seed-cda79ca0.example>"
    CACHE STRING "The Maintainer of the Debian package: Name <email>")

# Gzipped as Debian wants them (-n: no name or time stamp, so the bytes do
# not change from one build to the next), built with the command.
set(hstag_pkg_dir ${CMAKE_BINARY_DIR}/package)
file(MAKE_DIRECTORY ${hstag_pkg_dir})
set(hstag_gzipped "")
foreach(pair IN ITEMS "docs/hstag.1=hstag.1.gz" "core/cmake/debian/changelog=changelog.gz")
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 src)
  list(GET pair 1 out)
  add_custom_command(OUTPUT ${hstag_pkg_dir}/${out}
    COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/${src} > ${hstag_pkg_dir}/${out}
    DEPENDS ${PROJECT_SOURCE_DIR}/${src}
    COMMENT "Compressing ${src}")
  list(APPEND hstag_gzipped ${hstag_pkg_dir}/${out})
endforeach()
add_custom_target(hstag-package-files ALL DEPENDS ${hstag_gzipped})
add_dependencies(hstag hstag-package-files)

install(FILES ${hstag_pkg_dir}/hstag.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
install(FILES core/cli/hstag.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME hstag COMPONENT runtime)
install(FILES core/cmake/debian/copyright ${hstag_pkg_dir}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

# CPack: one package, hstag_<version>_<arch>.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hstag)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${HSTAG_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "tag how policy documents speak about Human Security")
set(CPACK_PACKAGE_DESCRIPTION [[
hstag reads policy documents (PDF, with OCR of scanned pages; XML such as
Akoma Ntoso, TEI and JATS; web pages; DOCX and ODT; plain text; zip and tar
archives of them) and tags how they speak about Human Security: the concept
itself, the three freedoms, the seven UN threat dimensions, principles and
approaches, cross-cutting topics and actors (UN bodies, EU, NATO, NGOs,
states). Every match is traceable: a concept ID from the codebook, explicit
or indicator, byte offsets into the extracted text and the lexicon line
that fired.

It writes one JSON document per input, corpus tables (CSV, JSON Lines) for
a batch run, HTML audit reports and side-by-side comparisons, and measures
its precision against a gold set or a reviewed sample.]])
set(CPACK_COMPONENTS_ALL runtime)
set(CPACK_DEB_COMPONENT_INSTALL ON)  # only the components listed ...
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)  # ... in one package
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # hstag_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# OCR reads Tesseract's data for the languages of the scans (en by default).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "tesseract-ocr-eng")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "tesseract-ocr-fra, tesseract-ocr-spa, tesseract-ocr-deu, tesseract-ocr-ara, tesseract-ocr-jpn, tesseract-ocr-rus, tesseract-ocr-chi-sim")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Before the package is made from the staged files: its changelog is of this
# version, and it holds no file of the `dev` component.
set(CPACK_HSTAG_CHANGELOG ${PROJECT_SOURCE_DIR}/core/cmake/debian/changelog)
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/HstagPackageCheck.cmake)
include(CPack)
