# SPDX-License-Identifier: GPL-3.0-or-later
# hstag_add_plugin(NAME id SOURCES ... [LIBRARIES ...] [MODULE])
#
# Without MODULE the plugin is a static library linked into the `hstag`
# command: its entry point is named hstag_builtin_<id>_query and it is listed
# in the built-in registry. With MODULE it is a shared module exporting
# hstag_plugin_query, loaded at run time from --plugin-dir. The sources are the
# same either way: HSTAG_TAGGER_PLUGIN / HSTAG_EXTRACTOR_PLUGIN pick the name.
function(hstag_add_plugin)
  cmake_parse_arguments(P "MODULE" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  string(MAKE_C_IDENTIFIER "${P_NAME}" cid)
  set(target hstag_plugin_${cid})
  if(P_MODULE)
    add_library(${target} MODULE ${P_SOURCES})
    set_target_properties(${target} PROPERTIES PREFIX "" OUTPUT_NAME "hstag-${P_NAME}"
      CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  else()
    add_library(${target} STATIC ${P_SOURCES})
    target_compile_definitions(${target} PRIVATE HSTAG_BUILTIN_PLUGIN_ID=${cid})
    set_property(GLOBAL APPEND PROPERTY HSTAG_BUILTIN_PLUGINS ${cid})
  endif()
  if(TARGET hstag::sdk)
    target_link_libraries(${target} PRIVATE hstag::sdk ${P_LIBRARIES})
  else()
    target_link_libraries(${target} PRIVATE hstag_sdk ${P_LIBRARIES})
  endif()
endfunction()
