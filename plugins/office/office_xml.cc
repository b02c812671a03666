// SPDX-License-Identifier: GPL-3.0-or-later
#include "office_xml.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace hstag::office {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// 1-based line and column (in code points) of a byte offset.
std::pair<size_t, size_t> LineColumnAt(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

void Parse(std::string_view name, const std::string& bytes, pugi::xml_document* doc) {
  // parse_ws_pcdata: a run of spaces alone (<w:t xml:space="preserve"> </w:t>)
  // is text. No parse_doctype: a DOCTYPE is skipped, its entities unknown.
  constexpr unsigned kFlags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol |
                              pugi::parse_wconv_attribute | pugi::parse_ws_pcdata;
  const pugi::xml_parse_result r =
      doc->load_buffer(bytes.data(), bytes.size(), kFlags, pugi::encoding_auto);
  if (!r) {
    std::string where;
    if (r.encoding == pugi::encoding_utf8 && r.offset >= 0) {
      const auto [line, column] = LineColumnAt(bytes, static_cast<size_t>(r.offset));
      where = "line " + std::to_string(line) + ", column " + std::to_string(column);
    } else {
      where = "offset " + std::to_string(r.offset);
    }
    throw std::runtime_error(std::string(name) + ": malformed XML at " + where + ": " +
                             r.description());
  }
  if (!doc->document_element()) throw std::runtime_error(std::string(name) + ": no root element");
}

std::string_view Local(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(name);
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && Local(c) == local) return c;
  }
  return {};
}

std::string_view Attr(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const char* name = a.name();
    const char* colon = std::strchr(name, ':');
    if ((colon ? std::string_view(colon + 1) : std::string_view(name)) == local) return a.value();
  }
  return {};
}

std::string Step(const pugi::xml_node& n) {
  size_t index = 1;
  for (pugi::xml_node s = n.previous_sibling(n.name()); s; s = s.previous_sibling(n.name())) {
    ++index;
  }
  return std::string(n.name()) + "[" + std::to_string(index) + "]";
}

std::string PathOf(const pugi::xml_node& n, const std::vector<std::string_view>& bare) {
  std::vector<pugi::xml_node> chain;
  for (pugi::xml_node p = n; p && p.parent() && p.parent().type() == pugi::node_element;
       p = p.parent()) {
    chain.push_back(p);
  }
  std::string path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    path += '/';
    if (std::find(bare.begin(), bare.end(), std::string_view(it->name())) != bare.end()) {
      path += it->name();
    } else {
      path += Step(*it);
    }
  }
  return path;
}

void TextBuilder::Append(std::string_view s) {
  if (!collapse_) {
    text_.append(s);
    return;
  }
  for (char c : s) {
    if (IsSpace(c)) {
      if (!text_.empty() && text_.back() != ' ') text_ += ' ';
    } else {
      text_ += c;
    }
  }
}

std::string TextBuilder::Take() {
  std::string t;
  t.swap(text_);
  const size_t b = t.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const size_t e = t.find_last_not_of(" \t\r\n");
  return t.substr(b, e - b + 1);
}

void Emit(const std::vector<Paragraph>& paragraphs, const hstag::sdk::ExtractOutput& out) {
  for (const Paragraph& p : paragraphs) {
    if (p.text.empty()) continue;
    out.AddSegment({.text = p.text,
                    .page = p.page,
                    .xpath = p.path,
                    .boilerplate = p.boilerplate,
                    .heading = p.heading});
  }
}

void SetMeta(const hstag::sdk::ExtractOutput& out, std::string_view key, std::string_view value) {
  while (!value.empty() && IsSpace(value.front())) value.remove_prefix(1);
  while (!value.empty() && IsSpace(value.back())) value.remove_suffix(1);
  if (!value.empty()) out.SetMetadata(key, value);
}

void CheckDepth(std::string_view member, int depth) {
  if (depth > kMaxDepth) {
    throw std::runtime_error(std::string(member) + ": elements nested more than " +
                             std::to_string(kMaxDepth) + " deep: a hostile or broken document");
  }
}

}  // namespace hstag::office
