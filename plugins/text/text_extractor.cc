// SPDX-License-Identifier: GPL-3.0-or-later
//
// The plain-text extractor. The extracted text is the file's bytes when they
// are UTF-8 (a leading BOM removed), else the file converted to UTF-8:
// UTF-16/32 by their BOM or, without one, by the pattern of their zero bytes;
// legacy 8-bit encodings by ICU's charset detector. Text that is mostly UTF-8
// with a few ill-formed bytes is repaired with U+FFFD and says so.
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "common/options.h"
#include "hstag/plugin.h"
#include "hstag/utf8.h"

namespace {

using hstag::sdk::ExtractInput;
using hstag::sdk::ExtractOutput;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "UTF-16LE" or "UTF-16BE" when the zero bytes of `s` fall on one parity, as
// in UTF-16 text without a BOM; "" otherwise.
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

int32_t Sniff(const uint8_t* head, size_t size, hstag_str ext) {
  const std::string_view h(reinterpret_cast<const char*>(head), size);
  if (StartsWith(h, "\xEF\xBB\xBF") || StartsWith(h, "\xFF\xFE") || StartsWith(h, "\xFE\xFF")) {
    return 90;
  }
  size_t zeros = 0, controls = 0;
  for (unsigned char c : h) {
    if (c == 0) ++zeros;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
      ++controls;
    }
  }
  if (zeros > 0) return Utf16ByZeros(h).empty() ? 0 : 60;
  if (controls * 10 > h.size()) return 0;  // binary
  return hstag::sdk::View(ext) == "txt" ? 30 : 20;
}

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

class TextExtractor : public hstag::sdk::Extractor {
 public:
  explicit TextExtractor(const hstag::sdk::CreateArgs& args) {
    hstag::common::Options(args.options_json, {});  // it takes none
  }

  void Extract(const ExtractInput& in, const ExtractOutput& out) const override {
    std::string_view bytes(reinterpret_cast<const char*>(in.data.data()), in.data.size());
    auto emit = [&](std::string_view text, std::string_view origin) {
      out.SetTextOrigin(origin);
      out.AddSegment({.text = text});
    };
    auto transcode = [&](std::string_view body, const char* charset, std::string_view note) {
      size_t bad = 0;
      const std::string text = Transcode(body, charset, &bad);
      if (!note.empty()) out.Warn(note);
      if (bad) out.Warn(std::to_string(bad) + " character(s) not valid in " + charset +
                        " replaced by U+FFFD");
      emit(text, std::string("transcoded:") + charset);
    };
    if (StartsWith(bytes, "\xEF\xBB\xBF")) {
      bytes.remove_prefix(3);
      if (hstag::IsValidUtf8(bytes)) return emit(bytes, "utf8-bom");
      return Repair(bytes, out);
    }
    if (StartsWith(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
      return transcode(bytes.substr(4), "UTF-32LE", "");
    }
    if (StartsWith(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
      return transcode(bytes.substr(4), "UTF-32BE", "");
    }
    if (StartsWith(bytes, "\xFF\xFE")) return transcode(bytes.substr(2), "UTF-16LE", "");
    if (StartsWith(bytes, "\xFE\xFF")) return transcode(bytes.substr(2), "UTF-16BE", "");
    if (bytes.find('\0') != std::string_view::npos) {
      const std::string utf16 = Utf16ByZeros(bytes);
      if (utf16.empty()) {
        throw std::runtime_error("binary data: NUL byte at offset " +
                                 std::to_string(bytes.find('\0')) + " in a text file");
      }
      return transcode(bytes, utf16.c_str(),
                       "no byte order mark; read as " + utf16 + " from the pattern of zero bytes");
    }
    if (hstag::IsValidUtf8(bytes)) return emit(bytes, "utf8");

    // Mostly UTF-8 with a few bad bytes: repair. Otherwise a legacy encoding.
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
    if (multibyte > 0 && bad <= multibyte) return Repair(bytes, out);

    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&ec),
                                                                   &ucsdet_close);
    ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &ec);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &ec);
    for (int32_t i = 0; U_SUCCESS(ec) && i < n; ++i) {
      const char* name = ucsdet_getName(matches[i], &ec);
      const int32_t confidence = ucsdet_getConfidence(matches[i], &ec);
      if (U_FAILURE(ec) || !name) break;
      const std::string_view nm(name);
      if (nm.starts_with("UTF-") || confidence < 10) continue;
      return transcode(bytes, name,
                       "encoding detected as " + std::string(nm) + " (confidence " +
                           std::to_string(confidence) + "%)");
    }
    Repair(bytes, out);
  }

 private:
  static void Repair(std::string_view bytes, const ExtractOutput& out) {
    std::string text;
    const size_t bad = hstag::RepairUtf8(bytes, &text);
    out.Warn("invalid UTF-8: " + std::to_string(bad) +
             " ill-formed sequence(s) replaced by U+FFFD");
    out.SetTextOrigin("repaired");
    out.AddSegment({.text = text});
  }
};

}  // namespace

HSTAG_EXTRACTOR_PLUGIN(TextExtractor, "text", "1.0.0",
                       "Plain text: UTF-8, UTF-16/32 and legacy encodings detected with ICU",
                       "", "text", &Sniff)
