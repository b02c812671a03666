// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/html.h"

#include <unicode/utf8.h>

namespace hstag {

void AppendHtmlEscaped(std::string_view s, std::string* out) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  out->reserve(out->size() + s.size() + s.size() / 8);
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      switch (b) {
        case '&':
          *out += "&amp;";
          break;
        case '<':
          *out += "&lt;";
          break;
        case '>':
          *out += "&gt;";
          break;
        case '"':
          *out += "&quot;";
          break;
        case '\'':
          *out += "&#39;";
          break;
        case '\t':
        case '\n':
        case '\f':
        case '\r':
          *out += static_cast<char>(b);
          break;
        default:
          if (b < 0x20 || b == 0x7F) {
            *out += kReplacement;
          } else {
            *out += static_cast<char>(b);
          }
      }
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    // Ill-formed sequences and the C1 controls become U+FFFD.
    if (c < 0 || (c >= 0x80 && c < 0xA0)) {
      *out += kReplacement;
    } else {
      out->append(s.data() + start, static_cast<size_t>(i - start));
    }
  }
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  AppendHtmlEscaped(s, &out);
  return out;
}

std::string UrlPathEncode(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace hstag
