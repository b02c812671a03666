// SPDX-License-Identifier: GPL-3.0-or-later
//
// The office extractor: Word (DOCX) and OpenDocument (ODT) text documents,
// read from their zip with the host's unpacking service (the run's archive
// limits apply: a zip bomb fails) and their XML with pugixml. No office
// suite is needed. docx.cc and odt.cc say what each format gives; every
// segment's xpath is its paragraph's member and element path,
// "word/document.xml:/w:body/w:p[12]".
#include <pugixml.hpp>

#include <array>
#include <stdexcept>
#include <string>

#include "common/pugixml_version.h"
#include "hstag/plugin.h"
#include "office_xml.h"

namespace {

using hstag::sdk::ExtractInput;
using hstag::sdk::ExtractOutput;

constexpr std::string_view kZipMagic("PK\x03\x04", 4);
constexpr std::string_view kOdtMime = "application/vnd.oasis.opendocument.text";

// A zip whose first members name Word's folder or say OpenDocument text
// (the mimetype member comes first, stored); the extension alone is a
// weak hint, for packages whose first members are large.
int32_t Sniff(const uint8_t* head, size_t size, hstag_str ext_str) {
  const std::string_view h(reinterpret_cast<const char*>(head), size);
  if (!h.starts_with(kZipMagic)) return 0;
  const std::string_view ext = hstag::sdk::View(ext_str);
  if (h.find("mimetype") != std::string_view::npos && h.find(kOdtMime) != std::string_view::npos) {
    return 95;
  }
  if (h.find("word/") != std::string_view::npos) return 90;
  if (ext == "docx" || ext == "odt") return 60;
  return 0;
}

class OfficeExtractor : public hstag::sdk::Extractor {
 public:
  explicit OfficeExtractor(const hstag::sdk::CreateArgs& args) : host_(args.host) {
    if (!host_.CanUnpackZip()) {
      throw std::runtime_error("this hstag cannot unpack zips for plugins: DOCX and ODT need it");
    }
  }

  void Extract(const ExtractInput& in, const ExtractOutput& out) const override {
    hstag::office::Members members;
    host_.UnpackZip(
        in.data,
        [](std::string_view name) {
          return hstag::office::DocxWants(name) || hstag::office::OdtWants(name);
        },
        [&](std::string_view name, std::string_view bytes) {
          members.emplace(std::string(name), std::string(bytes));
          return true;
        });
    std::string_view mime;
    if (auto it = members.find("mimetype"); it != members.end()) mime = it->second;
    if (mime.starts_with(kOdtMime)) {
      hstag::office::ExtractOdt(members, out);
    } else if (members.count("_rels/.rels") || members.count("word/document.xml")) {
      hstag::office::ExtractDocx(members, out);
    } else if (!mime.empty()) {
      throw std::runtime_error("an OpenDocument file of another kind (" + std::string(mime) +
                               "): only text documents (ODT) are read");
    } else {
      throw std::runtime_error("a zip that is neither a DOCX nor an ODT document");
    }
  }

 private:
  hstag::sdk::Host host_;
};

}  // namespace

HSTAG_EXTRACTOR_PLUGIN(OfficeExtractor, "office", "1.0.0",
                       "Word (DOCX) and OpenDocument (ODT) text documents: paragraphs, headings, "
                       "tables, lists, notes, headers and footers, tracked changes",
                       hstag::common::kPugixmlLibraries.data(), "docx,odt", &Sniff)
