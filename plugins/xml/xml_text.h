// SPDX-License-Identifier: GPL-3.0-or-later
//
// Text helpers of the XML extractor: entity references, white space, element
// names, language tags, the line and column of a parse error.
//
// Documents are parsed without pugixml's escape decoding, so that the
// extractor sees every reference as written and can tell `&amp;foo;` (the
// text "&foo;") from `&foo;` (a reference to an entity that is never
// expanded). DecodeReferences decodes them.
//
// Thread safety: pure functions and per-call state.
#ifndef HSTAG_PLUGINS_XML_XML_TEXT_H_
#define HSTAG_PLUGINS_XML_XML_TEXT_H_

#include <pugixml.hpp>

#include <set>
#include <string>
#include <string_view>

#include "common/language.h"

namespace hstag::xml {

// Decodes the references of `raw` into `out` (cleared first): the five
// predefined entities, decimal and hexadecimal character references and, when
// `html` is set, the HTML 4 named entities (&nbsp;, &eacute; ...). Any other
// `&name;` is left out of the text and its name added to `unresolved` (when
// not null). A `&` that does not start a reference stays as it is.
void DecodeReferences(std::string_view raw, bool html, std::string* out,
                      std::set<std::string, std::less<>>* unresolved);
std::string Decoded(std::string_view raw, bool html);

// The code point of an HTML 4 named entity, or 0.
char32_t HtmlEntity(std::string_view name);

void AppendUtf8(char32_t cp, std::string* out);

// Collects text with XML white space (space, tab, CR, LF) collapsed to one
// space, none at the start or end: source indentation is not prose.
class TextBuffer {
 public:
  void Append(std::string_view s);
  // A word boundary: a space before the next text, if any text follows.
  void Break() { space_ = true; }
  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }
  std::string Take() {
    space_ = false;
    return std::move(text_);
  }
  void Clear() {
    text_.clear();
    space_ = false;
  }

 private:
  std::string text_;
  bool space_ = false;
};

// The name of an element without its prefix.
std::string_view LocalName(const pugi::xml_node& n);
// The namespace URI in scope for the prefix of `n`'s name (the default
// namespace when unprefixed), "" when none is declared.
std::string_view NamespaceOf(const pugi::xml_node& n);

// The first child element whose local name is `name`.
pugi::xml_node Child(const pugi::xml_node& n, std::string_view name);
// The text content of an element (entity references decoded, white space
// collapsed), walked without recursion.
std::string TextOf(const pugi::xml_node& n, bool html = false);
// An attribute's decoded value.
std::string Attr(const pugi::xml_node& n, const char* name);

// A language tag in BCP 47 form (plugins/common/language.h).
using hstag::common::NormalizeLanguage;

// 1-based line and column (in code points) of a byte offset, for the
// position of a parse error.
struct LineColumn {
  size_t line = 1, column = 1;
};
LineColumn LineColumnAt(std::string_view text, size_t offset);

}  // namespace hstag::xml

#endif  // HSTAG_PLUGINS_XML_XML_TEXT_H_
