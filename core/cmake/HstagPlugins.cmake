# SPDX-License-Identifier: GPL-3.0-or-later
# hstag_add_plugin(NAME id SOURCES ... [LIBRARIES ...] [MODULE])
#
# Without MODULE the plugin is a static library linked into the `hstag`
# command: its entry point is named hstag_builtin_<id>_query and it is listed
# in the built-in registry. With MODULE it is a shared module exporting
# hstag_plugin_query, loaded at run time from --plugin-dir. The sources are the
# same either way: HSTAG_TAGGER_PLUGIN / HSTAG_EXTRACTOR_PLUGIN pick the name.
#
# Inside hstag's own build with HSTAG_BUILD_BUILTIN_MODULES on (the test
# build), a built-in plugin is also built as a module,
# <build>/lib/hstag/builtin-modules/<id>/hstag-<id>.so (a folder each, so that
# a test can load them in the registry's order, one --plugin-dir each), for a
# test that runs hstag with every built-in plugin loaded as an external
# module; the targets are listed in the global property
# HSTAG_BUILTIN_MODULE_TARGETS.
function(hstag_add_plugin)
  cmake_parse_arguments(P "MODULE" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  string(MAKE_C_IDENTIFIER "${P_NAME}" cid)
  set(target hstag_plugin_${cid})
  if(P_MODULE)
    add_library(${target} MODULE ${P_SOURCES})
  else()
    add_library(${target} STATIC ${P_SOURCES})
    target_compile_definitions(${target} PRIVATE HSTAG_BUILTIN_PLUGIN_ID=${cid})
    set_property(GLOBAL APPEND PROPERTY HSTAG_BUILTIN_PLUGINS ${cid})
  endif()
  set(targets ${target})
  if(NOT P_MODULE AND HSTAG_BUILD_BUILTIN_MODULES)
    add_library(${target}_module MODULE ${P_SOURCES})
    set_target_properties(${target}_module PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib/hstag/builtin-modules/${cid})
    set_property(GLOBAL APPEND PROPERTY HSTAG_BUILTIN_MODULE_TARGETS ${target}_module)
    list(APPEND targets ${target}_module)
  endif()
  foreach(t IN LISTS targets)
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "MODULE_LIBRARY")
      set_target_properties(${t} PROPERTIES PREFIX "" OUTPUT_NAME "hstag-${P_NAME}"
        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
    endif()
    if(TARGET hstag::sdk)
      target_link_libraries(${t} PRIVATE hstag::sdk ${P_LIBRARIES})
    else()
      target_link_libraries(${t} PRIVATE hstag_sdk ${P_LIBRARIES})
    endif()
  endforeach()
endfunction()
