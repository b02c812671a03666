// SPDX-License-Identifier: GPL-3.0-or-later
//
// Character sets of text files and web pages: converting to UTF-8 with ICU,
// telling UTF-16 without a byte order mark by its zero bytes, telling
// UTF-8 with a few stray bytes from a legacy 8-bit encoding, and ICU's
// charset detector. The text and HTML extractors read their files with
// these.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_PLUGINS_COMMON_CHARSET_H_
#define HSTAG_PLUGINS_COMMON_CHARSET_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hstag::common {

// `bytes` in `charset` (an ICU converter name or alias) as UTF-8; how many
// characters could not be converted (U+FFFD in the result) in *substituted.
// Throws std::runtime_error "cannot convert from X" when ICU has no such
// converter.
std::string Transcode(std::string_view bytes, const char* charset, size_t* substituted);

// True when ICU has a converter called `charset`.
bool KnownCharset(const char* charset);

// "UTF-16LE" or "UTF-16BE" when the zero bytes of the first 4096 bytes of
// `s` fall on one parity, as in UTF-16 text without a BOM; "" otherwise.
std::string Utf16ByZeros(std::string_view s);

// True when `bytes` (not valid UTF-8) has well-formed multi-byte sequences
// and no more ill-formed bytes than those: UTF-8 with a few stray bytes, to
// repair rather than to read as a legacy encoding.
bool MostlyUtf8(std::string_view bytes);

struct DetectedCharset {
  std::string name;        // ICU's name: "windows-1252", "Shift_JIS", ...
  int32_t confidence = 0;  // 10 to 100
};
// ICU's best guess of a legacy (not UTF-*) charset of `bytes` with a
// confidence of at least 10, or nullopt. `markup`: ignore what is inside
// <...> (ICU's input filter), for web pages.
std::optional<DetectedCharset> DetectLegacyCharset(std::string_view bytes, bool markup);

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_CHARSET_H_
