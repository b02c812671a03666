// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/ascii_words.h"

#include <unicode/ubrk.h>

#include <algorithm>
#include <array>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace hstag {
namespace {

// Character classes of UAX #29 as ICU 72's word rules use them, for the ASCII bytes the
// fast path takes ('_' and non-ASCII bytes never reach it). ICU's rules
// differ from UAX #29 in two ways that matter here: "@" is a letter, and the
// colon is not MidLetter.
enum class WordClass : uint8_t { kOther, kLetter, kNumeric, kMidNumLet, kMidNum };

constexpr std::array<WordClass, 128> kWordClass = [] {
  std::array<WordClass, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = WordClass::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = WordClass::kLetter;
  t['@'] = WordClass::kLetter;  // ICU's word rules add "@" to ALetter (e-mail addresses)
  for (int c = '0'; c <= '9'; ++c) t[c] = WordClass::kNumeric;
  t['.'] = t['\''] = WordClass::kMidNumLet;  // MidNumLet and Single_Quote alike here
  t[','] = t[';'] = WordClass::kMidNum;
  return t;
}();

// The first byte of s[i, to) that is no letter or digit for the word rules
// (ASCII letters, "@" and digits), or `to`: 16 bytes at a time, then byte by
// byte for the last 16 bytes of s.
size_t AlnumRunEnd(std::string_view s, size_t i, size_t to) {
#ifdef __SSE2__
  auto in_range = [](__m128i x, char low, char count) {     // low <= x < low + count
    const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(low));  // signed, so 0x80 and more fall out
    return _mm_and_si128(_mm_cmpgt_epi8(d, _mm_set1_epi8(-1)),
                         _mm_cmplt_epi8(d, _mm_set1_epi8(count)));
  };
  for (; i < to && i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i alnum = _mm_or_si128(
        _mm_or_si128(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26), in_range(v, '0', 10)),
        _mm_cmpeq_epi8(v, _mm_set1_epi8('@')));
    if (const auto m = static_cast<unsigned>(_mm_movemask_epi8(alnum)); m != 0xFFFF) {
      return std::min(to, i + static_cast<size_t>(__builtin_ctz(~m)));
    }
  }
#endif
  for (; i < to; ++i) {
    const WordClass c = kWordClass[static_cast<unsigned char>(s[i])];
    if (c != WordClass::kLetter && c != WordClass::kNumeric) return i;
  }
  return to;
}

}  // namespace

// Rules WB5-WB12 on ASCII letters, digits and their middle punctuation; the
// status is the class of a segment's last character, as in ICU.
void AsciiWords(std::string_view s, size_t from, size_t to,
                std::vector<Analyzer::WordSegment>* out) {
  auto cls = [&](size_t i) { return kWordClass[static_cast<unsigned char>(s[i])]; };
  size_t i = from;
  while (i < to) {
    WordClass last = cls(i);
    if (last != WordClass::kLetter && last != WordClass::kNumeric) {
      ++i;
      continue;
    }
    const size_t start = i;
    for (;;) {
      i = AlnumRunEnd(s, i, to);  // WB5, WB8, WB9, WB10
      last = cls(i - 1);
      if (i + 1 < to && cls(i + 1) == last &&
          (cls(i) == WordClass::kMidNumLet ||
           (cls(i) == WordClass::kMidNum && last == WordClass::kNumeric))) {
        i += 2;  // WB6/7 (letter . letter), WB11/12 (digit , digit)
        continue;
      }
      break;
    }
    out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i),
                    last == WordClass::kLetter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER});
  }
}

}  // namespace hstag
