// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers of the office extractor's tests: DOCX and ODT packages written
// by hand (their XML in the test, zipped with libarchive), run through the
// default pipeline.
#ifndef HSTAG_TESTS_PLUGINS_OFFICE_OFFICE_TEST_SUPPORT_H_
#define HSTAG_TESTS_PLUGINS_OFFICE_OFFICE_TEST_SUPPORT_H_

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace hstag::testing {

using Parts = std::vector<std::pair<std::string, std::string>>;

inline const char kW[] =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

// A DOCX of these parts; word/document.xml's body is `body`.
inline std::string Docx(const std::string& body, Parts more = {}) {
  Parts parts = {
      {"[Content_Types].xml",
       R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"_rels/.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)"},
      {"word/document.xml", std::string("<?xml version=\"1.0\"?>\n<w:document ") + kW +
                                "><w:body>" + body + "</w:body></w:document>"}};
  for (auto& p : more) parts.push_back(std::move(p));
  const std::filesystem::path path = TempPath("hand_made.docx");
  WriteArchive(path, parts);
  return ReadAll(path);
}

inline const char kOdfNs[] =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")";

// An ODT whose office:text holds `text`; `automatic_styles` go into
// content.xml, more parts (styles.xml, meta.xml) after.
inline std::string Odt(const std::string& text, Parts more = {},
                       const std::string& automatic_styles = "") {
  Parts parts = {{"mimetype", "application/vnd.oasis.opendocument.text"},
                 {"content.xml", std::string("<?xml version=\"1.0\"?>\n<office:document-content ") +
                                     kOdfNs + "><office:automatic-styles>" + automatic_styles +
                                     "</office:automatic-styles><office:body><office:text>" + text +
                                     "</office:text></office:body></office:document-content>"}};
  for (auto& p : more) parts.push_back(std::move(p));
  const std::filesystem::path path = TempPath("hand_made.odt");
  WriteArchive(path, parts, ArchiveKind::kStoredZip);
  return ReadAll(path);
}

// The segments' texts, in order.
inline std::vector<std::string> Texts(const Document& d) {
  std::vector<std::string> t;
  for (const auto& s : d.segments) t.push_back(d.text.substr(s.start, s.end - s.start));
  return t;
}

}  // namespace hstag::testing

#endif  // HSTAG_TESTS_PLUGINS_OFFICE_OFFICE_TEST_SUPPORT_H_
