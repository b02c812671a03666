// SPDX-License-Identifier: GPL-3.0-or-later
//
// The plain-text extractor. The extracted text is the file's bytes when they
// are UTF-8 (a leading BOM removed), else the file converted to UTF-8:
// UTF-16/32 by their BOM or, without one, by the pattern of their zero bytes;
// legacy 8-bit encodings by ICU's charset detector. Text that is mostly UTF-8
// with a few ill-formed bytes is repaired with U+FFFD and says so.
#include <memory>
#include <stdexcept>
#include <string>

#include "common/charset.h"
#include "common/options.h"
#include "hstag/plugin.h"
#include "hstag/utf8.h"

namespace {

using hstag::sdk::ExtractInput;
using hstag::sdk::ExtractOutput;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

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
  if (zeros > 0) return hstag::common::Utf16ByZeros(h).empty() ? 0 : 60;
  if (controls * 10 > h.size()) return 0;  // binary
  return hstag::sdk::View(ext) == "txt" ? 30 : 20;
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
      const std::string text = hstag::common::Transcode(body, charset, &bad);
      if (!note.empty()) out.Warn(note);
      if (bad)
        out.Warn(std::to_string(bad) + " character(s) not valid in " + charset +
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
      const std::string utf16 = hstag::common::Utf16ByZeros(bytes);
      if (utf16.empty()) {
        throw std::runtime_error("binary data: NUL byte at offset " +
                                 std::to_string(bytes.find('\0')) + " in a text file");
      }
      return transcode(bytes, utf16.c_str(),
                       "no byte order mark; read as " + utf16 + " from the pattern of zero bytes");
    }
    if (hstag::IsValidUtf8(bytes)) return emit(bytes, "utf8");

    // Mostly UTF-8 with a few bad bytes: repair. Otherwise a legacy encoding.
    if (hstag::common::MostlyUtf8(bytes)) return Repair(bytes, out);
    if (const auto d = hstag::common::DetectLegacyCharset(bytes, false)) {
      return transcode(bytes, d->name.c_str(),
                       "encoding detected as " + d->name + " (confidence " +
                           std::to_string(d->confidence) + "%)");
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
                       "Plain text: UTF-8, UTF-16/32 and legacy encodings detected with ICU", "",
                       "text", &Sniff)
