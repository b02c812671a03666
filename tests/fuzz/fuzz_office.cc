// SPDX-License-Identifier: GPL-3.0-or-later
//
// The office extractor (plugins/office) through the pipeline, with the
// host's zip unpacking and its limits: the input is a DOCX or ODT package
// (byte 0 even: named .docx, odd: .odt; the rest is the file).
#include <memory>
#include <string>

#include "fuzz_support.h"
#include "hstag/builtins.h"
#include "hstag/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const hstag::Pipeline* pipeline = [] {
    hstag::PipelineOptions o;
    o.builtins = hstag::BuiltinPlugins();
    o.extract_only = true;
    o.max_unpacked_bytes = 64u << 20;  // the fuzzer's memory limit is 2 GB
    auto p = hstag::Pipeline::Create(o);
    if (!p.ok()) hstag::fuzz::Fail("pipeline: " + p.error());
    return std::move(p).value().release();
  }();
  if (size == 0) return 0;
  const std::string name = data[0] % 2 ? "input.odt" : "input.docx";
  const hstag::Document d =
      pipeline->ExtractBytes(std::string(reinterpret_cast<const char*>(data + 1), size - 1), name);
  if (!hstag::IsValidUtf8(d.text)) hstag::fuzz::Fail("extracted text is not valid UTF-8");
  for (const auto& m : d.errors) {
    if (m.message.empty()) hstag::fuzz::Fail("an error without a reason at stage " + m.stage);
  }
  for (const auto& s : d.segments) {
    if (s.start > s.end || s.end > d.text.size()) hstag::fuzz::Fail("segment outside the text");
    if (s.heading > 9) hstag::fuzz::Fail("heading level over 9");
  }
  return 0;
}
