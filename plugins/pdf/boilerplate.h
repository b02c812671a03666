// SPDX-License-Identifier: GPL-3.0-or-later
//
// Running headers and footers of a paged document, found from the text of its
// pages alone (see boilerplate.cc for the rule).
#ifndef HSTAG_PLUGINS_PDF_BOILERPLATE_H_
#define HSTAG_PLUGINS_PDF_BOILERPLATE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hstag::pdf {

// How one page's text divides: [0, header_end) is its running header,
// [header_end, footer_start) its body, [footer_start, size) its running
// footer. Both boundaries fall on line starts; header_end <= footer_start.
struct PageSplit {
  size_t header_end = 0;
  size_t footer_start = 0;
};

// Splits every page (the text of page i+1 is pages[i]). Empty pages get an
// empty split.
std::vector<PageSplit> SplitRunningLines(const std::vector<std::string>& pages);

// The key under which lines are compared across pages: trimmed, whitespace
// collapsed, ASCII lower-cased, every run of digits (and a line that is a
// lone roman numeral up to 100) replaced by '#'.
std::string LineKey(std::string_view line);

// The number a line shows when it is nothing but a page number: "12",
// "- 12 -", "[12]", "Page 12", "page 12 of 40", "12/40", "xii". Roman
// numerals (all lower or all upper case, canonical, up to c) give their
// value.
std::optional<int> PageNumberOf(std::string_view line);

// "1-3, 7, 9-10" for sorted, distinct 1-based page numbers; past `max_runs`
// runs the rest is summarized as ", … (N more)".
std::string CompactPages(const std::vector<unsigned>& pages, size_t max_runs = 12);

}  // namespace hstag::pdf

#endif  // HSTAG_PLUGINS_PDF_BOILERPLATE_H_
