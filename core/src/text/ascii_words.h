// SPDX-License-Identifier: GPL-3.0-or-later
//
// The ASCII fast path of the analyzer's word segmentation (text/analyzer.h):
// runs of plain ASCII text between positions where ICU always breaks are
// segmented here by the same rules, with the same segments and statuses as
// ICU's (tested exhaustively on short strings and on the corpus); the rest
// goes to ICU.
//
// Thread safety: pure functions.
#ifndef HSTAG_TEXT_ASCII_WORDS_H_
#define HSTAG_TEXT_ASCII_WORDS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace hstag {

inline bool AsciiSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}
// Bytes the fast path leaves to ICU.
inline bool NeedsIcu(unsigned char c) { return c >= 0x80 || c == '_'; }

// A position where ICU always breaks, whatever comes after: a white space
// (or the start) before, a visible ASCII character the fast path takes after.
inline bool SafeSplit(std::string_view s, size_t i) {
  if (i == 0 || i >= s.size()) return true;
  const auto before = static_cast<unsigned char>(s[i - 1]);
  const auto at = static_cast<unsigned char>(s[i]);
  return AsciiSpace(before) && !AsciiSpace(at) && !NeedsIcu(at);
}

// The word segments of s[from, to) (ASCII without '_', starting and ending
// at a SafeSplit), appended to *out.
void AsciiWords(std::string_view s, size_t from, size_t to,
                std::vector<Analyzer::WordSegment>* out);

}  // namespace hstag

#endif  // HSTAG_TEXT_ASCII_WORDS_H_
