// SPDX-License-Identifier: GPL-3.0-or-later
//
// The ASCII fast path of word segmentation (analyzer.h tells how it is held
// to ICU's results): runs of plain ASCII text between guaranteed boundaries
// are split into words by the rules of UAX #29 as ICU 72 applies them,
// without ICU.
//
// Thread safety: pure functions.
#ifndef HSTAG_TEXT_ASCII_WORDS_H_
#define HSTAG_TEXT_ASCII_WORDS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace hstag {

// White space, after which ICU always breaks a word.
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

// The word segments of s[from, to), with ICU's rule status, appended to
// *out. REQUIRES: no byte of s[from, to) NeedsIcu; from and to are where
// SafeSplit holds (or the ends of s).
void AsciiWords(std::string_view s, size_t from, size_t to,
                std::vector<Analyzer::WordSegment>* out);

}  // namespace hstag

#endif  // HSTAG_TEXT_ASCII_WORDS_H_
