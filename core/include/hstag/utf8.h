// SPDX-License-Identifier: GPL-3.0-or-later
//
// UTF-8 validation and repair, header-only: one copy for the host and for
// plugins, since every string that crosses the plugin ABI is UTF-8 and both
// sides check or mend text they did not write (file names, metadata, bytes
// quoted by a library). It needs no ICU, so a plugin can use it without
// linking ICU.
//
// An ill-formed sequence is a "maximal subpart" in Unicode's sense (the
// longest start of a well-formed sequence, at least one byte; Unicode 15,
// section 3.9), the unit ICU's U8_NEXT skips: RepairUtf8 replaces each with
// one U+FFFD, as ICU-based code did before, so repaired text stays the same.
//
// Thread safety: pure functions.
#ifndef HSTAG_UTF8_H_
#define HSTAG_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace hstag {
namespace utf8_internal {

// The sequence that starts with a non-ASCII byte at p[0] (n >= 1 bytes
// left): its length, and whether it is a well-formed character. When it is
// not, the length is that of its maximal subpart. The ranges are those of
// Unicode's table 3-7 (no overlong forms, no surrogates, nothing past
// U+10FFFF).
struct Step {
  size_t size;
  bool ok;
};
inline Step Next(const unsigned char* p, size_t n) {
  const unsigned lead = p[0];
  size_t trail;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the first trail byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail = 2;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail = 3;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return {1, false};
  }
  for (size_t k = 1; k <= trail; ++k) {
    if (k >= n || p[k] < lo || p[k] > hi) return {k, false};
    lo = 0x80;
    hi = 0xBF;
  }
  return {trail + 1, true};
}

// True when the 8 bytes at p are all ASCII.
inline bool Ascii8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

}  // namespace utf8_internal

// The length of the well-formed character that starts `s` (1 to 4 bytes), or
// 0 when `s` is empty or starts with an ill-formed sequence.
inline size_t Utf8CharLength(std::string_view s) {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[0] < 0x80) return 1;
  const utf8_internal::Step step = utf8_internal::Next(p, s.size());
  return step.ok ? step.size : 0;
}

// True when `s` is well-formed UTF-8.
inline bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size() && utf8_internal::Ascii8(s.data() + i)) {  // the common case
      i += 8;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const utf8_internal::Step step = utf8_internal::Next(p + i, s.size() - i);
    if (!step.ok) return false;
    i += step.size;
  }
  return true;
}

// `in` into *out (cleared first) with every ill-formed sequence replaced by
// U+FFFD; returns how many were replaced.
inline size_t RepairUtf8(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t bad = 0;
  size_t i = 0;
  while (i < in.size()) {
    size_t j = i;  // a run of ASCII and well-formed characters, copied at once
    while (j < in.size()) {
      if (p[j] < 0x80) {
        ++j;
        continue;
      }
      const utf8_internal::Step step = utf8_internal::Next(p + j, in.size() - j);
      if (!step.ok) break;
      j += step.size;
    }
    out->append(in.data() + i, j - i);
    if (j == in.size()) break;
    out->append("\xEF\xBF\xBD");
    ++bad;
    i = j + utf8_internal::Next(p + j, in.size() - j).size;
  }
  return bad;
}

}  // namespace hstag

#endif  // HSTAG_UTF8_H_
