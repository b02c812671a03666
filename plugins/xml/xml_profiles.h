// SPDX-License-Identifier: GPL-3.0-or-later
//
// Profiles of the XML extractor: per schema, which elements hold prose and
// how, and where the document's metadata is.
//
// Every element is classified (by its local name, the prefix ignored) as
//   kSkip       never prose: the subtree is left out (<meta>, <teiHeader>,
//               <script>, apparatus);
//   kBlock      a paragraph-like element: one segment holds its whole text,
//               nested non-inline elements becoming spaces (the outermost
//               block wins);
//   kDetached   a note inside prose (a footnote): a segment of its own,
//               placed after the segment it interrupts;
//   kInline     part of the running text, no word break (<i>, <b>, <ref>,
//               <hi>, <span>);
//   kBreak      an empty element that separates words (<br/>, <lb/>);
//   kLabel      a number or label before a paragraph (Akoma Ntoso <num>,
//               Formex <NO.PARAG>): its text starts the next segment of its
//               parent ("b) the WSIS+10 statement ...") or, when none
//               follows, is a segment of its own;
//   kQuote      an empty element that stands for a quotation mark (Formex
//               <QUOT.START CODE="2018"/>);
//   kContainer  structure: its boundaries separate words; text directly in
//               it becomes a segment of its own.
// An element a profile does not list is inline inside mixed content (its
// parent has text of its own) and a container otherwise.
//
// Reference lists: the elements a profile names as one (TEI <listBibl>,
// JATS <ref-list>, DocBook <bibliography>, XHTML role="doc-bibliography")
// are extracted as any other, and every segment of their subtree is flagged
// `references` (HSTAG_SEGMENT_REFERENCES). Akoma Ntoso has no element for a
// reference list in its text (its <references> are metadata, skipped).
//
// Thread safety: immutable tables.
#ifndef HSTAG_PLUGINS_XML_XML_PROFILES_H_
#define HSTAG_PLUGINS_XML_XML_PROFILES_H_

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hstag::xml {

enum class Kind { kContainer, kBlock, kDetached, kInline, kBreak, kQuote, kLabel, kSkip };

struct Metadata {
  std::vector<std::pair<std::string, std::string>> fields;  // lower_snake keys
  std::string language;                                     // BCP 47, normalized
  void Set(std::string key, std::string value) {
    if (!value.empty()) fields.emplace_back(std::move(key), std::move(value));
  }
};

struct Profile {
  std::string_view name;
  // HTML: named entities decoded from a table, `lang` as well as `xml:lang`.
  bool html = false;
  // Akoma Ntoso: the nearest eId is appended to segment xpaths.
  bool eid = false;
  // The kind of element `n` (whose parent element is `parent`, empty for the
  // root), or nullopt when the profile does not list it.
  std::optional<Kind> (*classify)(const pugi::xml_node& n, std::string_view local,
                                  const pugi::xml_node& parent) = nullptr;
  void (*metadata)(const pugi::xml_node& root, Metadata* out) = nullptr;
  // Whether element `n` is a reference list (its subtree is flagged);
  // null: the profile knows none.
  bool (*references)(const pugi::xml_node& n, std::string_view local) = nullptr;
};

// The profile called `name` (akn, tei, jats, formex, xhtml, udhr, docbook,
// generic), or null.
const Profile* FindProfile(std::string_view name);
// The profile for a document, from its root element and namespace.
const Profile& DetectProfile(const pugi::xml_node& root);
// "akn, tei, ..." for messages.
std::string ProfileNames();

}  // namespace hstag::xml

#endif  // HSTAG_PLUGINS_XML_XML_PROFILES_H_
