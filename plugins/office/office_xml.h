// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the DOCX and ODT readers share: the package's members, parsing one
// with pugixml (errors name the member and the line and column), element
// names without their prefix, the provenance paths of paragraphs, a
// paragraph's text as it is collected, and the page count kept from the
// page breaks a file records.
#ifndef HSTAG_PLUGINS_OFFICE_OFFICE_XML_H_
#define HSTAG_PLUGINS_OFFICE_OFFICE_XML_H_

#include <pugixml.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hstag/plugin.h"

namespace hstag::office {

// The members of a package that a reader asked for, by name.
using Members = std::map<std::string, std::string, std::less<>>;

// Parses `bytes` (the member `name`) into `doc`; throws std::runtime_error
// "word/document.xml: malformed XML at line 3, column 17: ..." when it is
// not well-formed. White space in text is kept (DOCX runs hold spaces of
// their own); no DOCTYPE entity is ever expanded.
void Parse(std::string_view name, const std::string& bytes, pugi::xml_document* doc);

// An element's name without its prefix ("w:p" -> "p").
std::string_view Local(const pugi::xml_node& n);

// Elements nested deeper than this fail the document as hostile: a real
// DOCX or ODT nests a few dozen deep.
constexpr int kMaxDepth = 200;
// Throws, naming `member`, when `depth` is over kMaxDepth.
void CheckDepth(std::string_view member, int depth);
// The first child element with this local name.
pugi::xml_node Child(const pugi::xml_node& n, std::string_view local);
// An attribute by local name ("w:val" for "val").
std::string_view Attr(const pugi::xml_node& n, std::string_view local);

// An element's step in a provenance path: its name as written and [n], its
// position among its parent's children of the same name.
std::string Step(const pugi::xml_node& n);
// The path of `n` below the root of its member (the root element left out):
// "/w:body/w:p[12]". Containers that occur once by nature (`bare`: w:body,
// office:body, office:text) have no [n].
std::string PathOf(const pugi::xml_node& n, const std::vector<std::string_view>& bare);

// A paragraph's text as runs add to it: spaces kept as written (DOCX) or
// collapsed (ODT, whose white space is collapsed by the format), the ends
// trimmed when taken.
class TextBuilder {
 public:
  explicit TextBuilder(bool collapse) : collapse_(collapse) {}
  void Append(std::string_view s);
  void Char(char c) { text_ += c; }  // a tab, a line break: kept
  bool empty() const { return text_.find_first_not_of(" \t\r\n") == std::string::npos; }
  std::string Take();

 private:
  bool collapse_;
  std::string text_;
};

// The paragraphs of a document as they come, with their provenance.
struct Paragraph {
  std::string text;
  std::string path;  // "word/document.xml:/w:body/w:p[12]"
  uint32_t page = 0;
  uint32_t heading = 0;
  bool boilerplate = false;
};

// Hands the paragraphs to the host, in order.
void Emit(const std::vector<Paragraph>& paragraphs, const hstag::sdk::ExtractOutput& out);

// Trims a metadata value and sets it when it is not empty.
void SetMeta(const hstag::sdk::ExtractOutput& out, std::string_view key, std::string_view value);

// The readers: the members they want from the package, and the extraction.
bool DocxWants(std::string_view name);
void ExtractDocx(const Members& members, const hstag::sdk::ExtractOutput& out);
bool OdtWants(std::string_view name);
void ExtractOdt(const Members& members, const hstag::sdk::ExtractOutput& out);

}  // namespace hstag::office

#endif  // HSTAG_PLUGINS_OFFICE_OFFICE_XML_H_
