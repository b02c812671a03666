// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "hstag/utf8.h"

namespace hstag::common {

std::string Transcode(std::string_view bytes, const char* charset, size_t* substituted) {
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (u.isBogus()) throw std::runtime_error(std::string("cannot convert from ") + charset);
  *substituted = 0;
  for (int32_t i = 0; i < u.length(); ++i) {
    if (u.charAt(i) == 0xFFFD) ++*substituted;
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool KnownCharset(const char* charset) {
  UErrorCode ec = U_ZERO_ERROR;
  UConverter* c = ucnv_open(charset, &ec);
  if (c) ucnv_close(c);
  return U_SUCCESS(ec) && c != nullptr;
}

std::string Utf16ByZeros(std::string_view s) {
  const size_t n = std::min<size_t>(s.size(), 4096) & ~size_t{1};
  if (n < 4) return "";
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; ++i) {
    if (s[i] == '\0') ++(i % 2 ? odd : even);
  }
  const size_t pairs = n / 2;
  if (odd * 10 >= pairs * 3 && even * 20 < pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 3 && odd * 20 < pairs) return "UTF-16BE";
  return "";
}

bool MostlyUtf8(std::string_view bytes) {
  size_t multibyte = 0, bad = 0;
  for (size_t i = 0; i < bytes.size();) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len && hstag::IsValidUtf8(bytes.substr(i, len))) {
      ++multibyte;
      i += len;
    } else {
      ++bad;
      ++i;
    }
  }
  return multibyte > 0 && bad <= multibyte;
}

std::optional<DetectedCharset> DetectLegacyCharset(std::string_view bytes, bool markup) {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&ec), &ucsdet_close);
  if (markup) ucsdet_enableInputFilter(det.get(), true);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &ec);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &ec);
  for (int32_t i = 0; U_SUCCESS(ec) && i < n; ++i) {
    const char* name = ucsdet_getName(matches[i], &ec);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &ec);
    if (U_FAILURE(ec) || !name) break;
    const std::string_view nm(name);
    if (nm.starts_with("UTF-") || confidence < 10) continue;
    return DetectedCharset{std::string(nm), confidence};
  }
  return std::nullopt;
}

}  // namespace hstag::common
