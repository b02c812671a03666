// SPDX-License-Identifier: GPL-3.0-or-later
//
// The XML extractor (plugins/xml) with each profile: the first input byte
// picks the profile (or none: the extractor detects it), the rest is the file.
#include <array>
#include <string>

#include "fuzz_support.h"

namespace {

constexpr std::array<const char*, 9> kProfiles = {"akn",  "tei",     "jats",    "formex", "xhtml",
                                                  "udhr", "docbook", "generic", nullptr};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto extractors = [] {
    std::array<hstag::fuzz::Plugin, kProfiles.size()> p;
    for (size_t i = 0; i < kProfiles.size(); ++i) {
      const std::string options =
          kProfiles[i] ? std::string("{\"profile\": \"") + kProfiles[i] + "\"}" : "{}";
      p[i] = hstag::fuzz::CreateBuiltin("xml", options);
    }
    return p;
  }();
  if (size == 0) return 0;
  const auto& xml = extractors[data[0] % kProfiles.size()];
  hstag::fuzz::Extract(xml, data + 1, size - 1, "input.xml");
  return 0;
}
