// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/urls.h"

#include <algorithm>
#include <cstring>

namespace hstag {
namespace {

// The start of the first URL at or after `from`: "http://", "https://",
// "ftp://", "mailto:" or "www.", or npos. The colons (rare in prose) are
// found and the bytes around them looked at, and "www." is searched for
// whole: a search per prefix would stop at every h, f, m and w of the text.
size_t NextUrl(std::string_view s, size_t from) {
  size_t start = std::string_view::npos;
  for (size_t colon = s.find(':', from); colon != std::string_view::npos;
       colon = s.find(':', colon + 1)) {
    auto before = [&](std::string_view scheme) {
      return colon >= from + scheme.size() &&
             s.substr(colon - scheme.size(), scheme.size()) == scheme;
    };
    const bool slashes = s.substr(colon + 1, 2) == "//";
    for (std::string_view scheme : {"http", "https", "ftp", "mailto"}) {
      if ((slashes || scheme == "mailto") && before(scheme)) start = colon - scheme.size();
    }
    if (start != std::string_view::npos) break;
  }
  // "www." only counts if it starts before that URL: the search stops there
  // (else a text of many URLs would be searched to its end once per URL).
  const size_t end = std::min(s.size(), start == std::string_view::npos ? s.size() : start + 3);
  if (from < end) {
    if (const void* w = memmem(s.data() + from, end - from, "www.", 4)) {
      start = static_cast<size_t>(static_cast<const char*>(w) - s.data());
    }
  }
  return start;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> UrlSpans(std::string_view s) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  size_t i = 0;
  while (i < s.size()) {
    const size_t a = NextUrl(s, i);
    if (a == std::string_view::npos) break;
    size_t b = a;
    while (b < s.size() && s[b] != ' ' && s[b] != '\n' && s[b] != '\t' && s[b] != '>' &&
           s[b] != '"' && s[b] != '<') {
      ++b;
    }
    spans.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
    i = b;
  }
  return spans;
}

}  // namespace hstag
