// SPDX-License-Identifier: GPL-3.0-or-later
//
// The look of the HTML reports: the colour and underline style of each
// category of match (a concept's codebook section), and the one stylesheet
// every page carries, allowed by its hash in the page's
// Content-Security-Policy.
//
// Thread safety: constants; Css() is built on its first call (a
// function-local static, safe to reach from several threads) and only read
// after.
#ifndef HSTAG_REPORT_STYLE_H_
#define HSTAG_REPORT_STYLE_H_

#include <string>
#include <string_view>

namespace hstag::report {

struct Category {
  const char* id;     // the codebook section, as the lexicons name it
  const char* label;  // in the legend
  const char* colour;
  const char* tint;  // background of explicit matches
  const char* line;  // the CSS of its underline (or box)
};

// Okabe-Ito colours, and an underline style of its own for each, so that
// categories are told apart without colour.
inline constexpr Category kCategories[] = {
    {"concept", "human security", "#8a7a00", "#f6ee8c", "text-decoration:underline solid 3px"},
    {"pillar", "freedoms", "#b06f00", "#f5d69a", "text-decoration:underline double 3px"},
    {"dimension", "dimensions", "#1f78b4", "#c3e3f6", "text-decoration:underline wavy 1.5px"},
    {"approach", "approaches", "#007a5a", "#b3e6d6", "text-decoration:underline dashed 2px"},
    {"principle", "principles", "#b34a00", "#f6c9a8", "text-decoration:underline dotted 3px"},
    {"topic", "topics", "#a34c82", "#efcde2", "text-decoration:underline overline solid 1.5px"},
    {"actor", "actors", "#0060a0", "#d5e5f2", "border:1px solid;border-radius:3px"},
    {"definition", "definitions", "#5a3d8a", "#ddd0f0",
     "text-decoration:underline overline dotted 2px"},
    {"citation", "citations", "#555555", "#e2e2e2",
     "text-decoration:underline overline dashed 1.5px"},
    {"other", "other", "#333333", "#eeeeee", "text-decoration:underline solid 1px"},
};

// The category of a section ("other" for any the table does not know).
const Category& CategoryOf(std::string_view section);

// The stylesheet of every page.
const std::string& Css();

}  // namespace hstag::report

#endif  // HSTAG_REPORT_STYLE_H_
