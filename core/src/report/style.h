// SPDX-License-Identifier: GPL-3.0-or-later
//
// The look of the HTML reports: the colour and underline style of each
// category of match, and the one stylesheet every page carries, allowed by
// its hash in the page's Content-Security-Policy.
//
// A category is a section of the codebook (hstag/codebook.h gives their IDs,
// order and labels), or "other" for a concept outside it. The looks are the
// report's own, keyed by section ID: Okabe-Ito colours, and an underline
// style for each, so that categories are told apart without colour.
//
// Thread safety: constants; Css() is built on its first call (a
// function-local static, safe to reach from several threads) and only read
// after.
#ifndef HSTAG_REPORT_STYLE_H_
#define HSTAG_REPORT_STYLE_H_

#include <span>
#include <string>
#include <string_view>

namespace hstag::report {

struct Category {
  std::string_view id;     // the codebook section, as concepts name it; "other"
  std::string_view label;  // in the legend: the section's, plural ("dimensions")
  std::string_view colour;
  std::string_view tint;  // background of explicit matches
  std::string_view line;  // the CSS of its underline (or box)
};

// The codebook's sections in its order, then "other".
std::span<const Category> Categories();

// The category of a section ("other" for one the codebook does not have).
const Category& CategoryOf(std::string_view section);

// The stylesheet of every page.
const std::string& Css();

}  // namespace hstag::report

#endif  // HSTAG_REPORT_STYLE_H_
