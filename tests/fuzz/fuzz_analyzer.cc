// SPDX-License-Identifier: GPL-3.0-or-later
//
// The analyzer (core/src/analyzer.cc) and the language guesser on any bytes:
// the first byte picks the declared language, form feeds split the rest into
// segments (pages), ill-formed UTF-8 is repaired as the host repairs it. The
// word segmentation's ASCII fast path is checked against ICU's on the result.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "hstag/utf8.h"
#include "text/analyzer.h"
#include "text/language.h"

namespace {

constexpr std::array<const char*, 8> kLanguages = {"", "en", "ja", "zh", "fr", "ar", "th", "ru"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using hstag::fuzz::Fail;
  static const std::unique_ptr<hstag::Analyzer> analyzer = [] {
    auto a = hstag::Analyzer::Create();
    if (!a.ok()) Fail(a.error());
    return std::move(a).value();
  }();
  if (size == 0) return 0;
  const std::string language = kLanguages[data[0] % kLanguages.size()];
  const std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string text;
  if (hstag::IsValidUtf8(raw)) {
    text = raw;
  } else {
    hstag::RepairUtf8(raw, &text);
  }
  std::vector<hstag::Segment> segments;
  for (size_t start = 0, page = 1; start <= text.size(); ++page) {
    size_t end = text.find('\f', start);
    if (end == std::string::npos) end = text.size();
    hstag::Segment s;
    s.start = static_cast<uint32_t>(start);
    s.end = static_cast<uint32_t>(end);
    s.page = static_cast<uint32_t>(page);
    s.lang = page % 2 ? language : "";
    segments.push_back(std::move(s));
    start = end + 1;
  }
  hstag::GuessLanguage(text);
  auto result = analyzer->Analyze(text, segments, language);
  if (!result.ok()) return 0;
  const hstag::AnalyzedText& a = **result;
  if (!hstag::IsValidUtf8(a.surface) || !hstag::IsValidUtf8(a.norm)) {
    Fail("surface or norm view is not valid UTF-8");
  }
  for (const auto& t : a.tokens) {
    if (t.source_start > t.source_end || t.source_end > text.size() || t.norm_start > t.norm_end ||
        t.norm_end > a.norm.size() || t.surface_start > t.surface_end ||
        t.surface_end > a.surface.size() || t.segment >= a.segments.size() ||
        t.sentence >= a.sentences.size()) {
      Fail("token offsets outside their views");
    }
  }
  // The ASCII fast path of word segmentation finds what ICU finds.
  auto fast = analyzer->Words(a.norm, true);
  auto icu = analyzer->Words(a.norm, false);
  if (fast.ok() != icu.ok() || (fast.ok() && *fast != *icu)) {
    Fail("the word segmentation's fast path differs from ICU's");
  }
  for (const auto& s : a.sentences) {
    if (s.start > s.end || s.end > text.size()) Fail("sentence outside the text");
  }
  for (uint32_t o = 0; o <= a.surface.size(); ++o) {
    if (a.SurfaceToSource(o, false) > text.size() || a.SurfaceToSource(o, true) > text.size()) {
      Fail("surface offset mapped outside the text");
    }
  }
  for (uint32_t o = 0; o <= a.norm.size(); ++o) {
    if (a.NormToSource(o, false) > text.size() || a.NormToSource(o, true) > text.size()) {
      Fail("norm offset mapped outside the text");
    }
  }
  return 0;
}
