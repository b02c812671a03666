// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/join_lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace hstag {
namespace {

bool IsHorizontalSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}
bool IsNewline(UChar32 c) { return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029; }
bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

UChar32 Decode(std::string_view s, size_t i, size_t* next) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *next = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

// Skips horizontal space from i; returns the new position.
size_t SkipHorizontal(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t n;
    if (!IsHorizontalSpace(Decode(s, i, &n))) break;
    i = n;
  }
  return i;
}

// If a single line break (with horizontal space around it) starts at i, the
// position after it; otherwise npos.
size_t SingleLineBreak(std::string_view s, size_t i) {
  i = SkipHorizontal(s, i);
  if (i >= s.size()) return std::string_view::npos;
  size_t n;
  UChar32 c = Decode(s, i, &n);
  if (!IsNewline(c)) return std::string_view::npos;
  if (c == '\r' && n < s.size() && s[n] == '\n') ++n;
  n = SkipHorizontal(s, n);
  if (n < s.size()) {
    size_t m;
    if (IsNewline(Decode(s, n, &m))) return std::string_view::npos;  // a blank line
  }
  return n;
}

// JoinLines' fast path, 16 bytes at a time: the first byte at or after `j`
// that may end a run of plain bytes, that is a byte outside 0x21..0x7F or a
// hyphen, unless it is a space followed by a byte in that range that is no
// hyphen. It may stop early (at a control character, which is plain), never
// late; the last 16 bytes are left to the caller.
size_t NextRunStop(std::string_view text, size_t j) {
#ifdef __SSE2__
  auto looks = [](__m128i x) {  // signed: bytes of 0x80 and more are below 0x21 too
    return _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x21)),
                        _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
  };
  for (const char* p = text.data(); j + 17 <= text.size(); j += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j + 1));
    const __m128i space_in_run =
        _mm_andnot_si128(looks(next), _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    if (const int stop = _mm_movemask_epi8(_mm_andnot_si128(space_in_run, looks(v)))) {
      return j + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(stop)));
    }
  }
#endif
  return j;
}

}  // namespace

void JoinLines(std::string_view text, std::string* out, OffsetMap* map) {
  out->clear();
  out->reserve(text.size());
  UChar32 last = 0;  // last code point written
  auto replace = [&](size_t from, size_t to, std::string_view with) {
    map->Add(static_cast<uint32_t>(out->size()), static_cast<uint32_t>(from),
             static_cast<uint32_t>(with.size()), static_cast<uint32_t>(to - from));
    out->append(with);
  };
  // Bytes copied as they are: ASCII other than hyphens and white space.
  static constexpr auto kPlain = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 0x80; ++b) {
      t[b] = b != '-' && b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\v' && b != '\f';
    }
    return t;
  }();
  auto plain = [](unsigned char b) { return kPlain[b]; };
  size_t i = 0;
  while (i < text.size()) {
    if (plain(static_cast<unsigned char>(text[i]))) {  // fast path: a run of plain ASCII
      // A single space between plain bytes stays as it is: part of the run.
      size_t j = i + 1;
      while ((j = NextRunStop(text, j)) < text.size() &&
             (plain(static_cast<unsigned char>(text[j])) ||
              (text[j] == ' ' && j + 1 < text.size() &&
               plain(static_cast<unsigned char>(text[j + 1]))))) {
        ++j;
      }
      out->append(text.data() + i, j - i);
      last = static_cast<unsigned char>(text[j - 1]);
      i = j;
      continue;
    }
    size_t n;
    const UChar32 c = Decode(text, i, &n);
    if (c == 0xAD) {  // soft hyphen, and the line break it may announce
      size_t after = SingleLineBreak(text, n);
      replace(i, after == std::string_view::npos ? n : after, "");
      i = after == std::string_view::npos ? n : after;
      continue;
    }
    if (IsHyphen(c) && u_isalpha(last)) {
      const size_t after = SingleLineBreak(text, n);
      if (after != std::string_view::npos && after < text.size()) {
        size_t m;
        const UChar32 next = Decode(text, after, &m);
        if (u_isalpha(next)) {
          if (u_islower(next)) {
            replace(i, after, "");  // "hu-\nman" -> "human"
          } else {
            out->append(text.substr(i, n - i));  // "Asia-\nPacific" -> "Asia-Pacific"
            replace(n, after, "");
          }
          i = after;
          continue;
        }
      }
    }
    if (IsHorizontalSpace(c) || IsNewline(c)) {
      size_t j = i;
      int newlines = 0;
      while (j < text.size()) {
        size_t m;
        const UChar32 d = Decode(text, j, &m);
        if (IsNewline(d)) {
          ++newlines;
          if (d == '\r' && m < text.size() && text[m] == '\n') ++m;
        } else if (!IsHorizontalSpace(d)) {
          break;
        }
        j = m;
      }
      const std::string_view with = newlines >= 2 ? "\n\n" : " ";
      if (text.substr(i, j - i) == with) {
        out->append(with);
      } else {
        replace(i, j, with);
      }
      last = ' ';
      i = j;
      continue;
    }
    if (c == 0x2018 || c == 0x2019 || c == 0x201B) {
      replace(i, n, "'");
      last = '\'';
      i = n;
      continue;
    }
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F) {
      replace(i, n, "\"");
      last = '"';
      i = n;
      continue;
    }
    out->append(text.substr(i, n - i));
    last = c;
    i = n;
  }
}

}  // namespace hstag
