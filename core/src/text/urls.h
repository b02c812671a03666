// SPDX-License-Identifier: GPL-3.0-or-later
//
// URLs and e-mail addresses in the analyzer's surface view: their words are
// flagged (HSTAG_TOKEN_URL) so that taggers leave them alone.
//
// Thread safety: a pure function.
#ifndef HSTAG_TEXT_URLS_H_
#define HSTAG_TEXT_URLS_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace hstag {

// The [start, end) spans of `s` that are URLs ("http://", "https://",
// "ftp://", "mailto:", "www." up to the next space, quote or angle bracket),
// in order.
std::vector<std::pair<uint32_t, uint32_t>> UrlSpans(std::string_view s);

}  // namespace hstag

#endif  // HSTAG_TEXT_URLS_H_
