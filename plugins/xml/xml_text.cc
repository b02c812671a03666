// SPDX-License-Identifier: GPL-3.0-or-later
#include "xml_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <utility>

namespace hstag::xml {
namespace {

struct Entity {
  const char* name;
  char32_t cp;
};
constexpr Entity kHtmlEntities[] = {
#include "html_entities.inc"
};

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameChar(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80;
}

}  // namespace

char32_t HtmlEntity(std::string_view name) {
  const auto* begin = std::begin(kHtmlEntities);
  const auto* end = std::end(kHtmlEntities);
  const auto* it = std::lower_bound(begin, end, name, [](const Entity& e, std::string_view n) {
    return std::string_view(e.name) < n;
  });
  return it != end && std::string_view(it->name) == name ? it->cp : 0;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void DecodeReferences(std::string_view raw, bool html, std::string* out,
                      std::set<std::string, std::less<>>* unresolved) {
  out->clear();
  size_t i = 0;
  while (i < raw.size()) {
    const size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(raw.substr(i));
      break;
    }
    out->append(raw.substr(i, amp - i));
    // A reference is `&` name-or-#number `;`, at most 64 bytes long.
    size_t j = amp + 1;
    while (j < raw.size() && j - amp < 64 && (IsNameChar(raw[j]) || raw[j] == '#')) ++j;
    if (j >= raw.size() || raw[j] != ';' || j == amp + 1) {
      out->push_back('&');
      i = amp + 1;
      continue;
    }
    const std::string_view name = raw.substr(amp + 1, j - amp - 1);
    i = j + 1;
    if (name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string_view digits = name.substr(hex ? 2 : 1);
      char32_t cp = 0;
      bool ok = !digits.empty() && digits.size() <= 8;
      for (char c : digits) {
        if (!ok) break;
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) ok = false;
        else cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      }
      if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
      AppendUtf8(cp, out);
      continue;
    }
    if (name == "lt") out->push_back('<');
    else if (name == "gt") out->push_back('>');
    else if (name == "amp") out->push_back('&');
    else if (name == "apos") out->push_back('\'');
    else if (name == "quot") out->push_back('"');
    else if (const char32_t cp = html ? HtmlEntity(name) : 0; cp != 0) AppendUtf8(cp, out);
    else if (unresolved) unresolved->emplace(name);
  }
}

std::string Decoded(std::string_view raw, bool html) {
  if (raw.find('&') == std::string_view::npos) return std::string(raw);
  std::string out;
  DecodeReferences(raw, html, &out, nullptr);
  return out;
}

void TextBuffer::Append(std::string_view s) {
  for (char c : s) {
    if (IsXmlSpace(c)) {
      space_ = true;
      continue;
    }
    if (space_ && !text_.empty()) text_.push_back(' ');
    space_ = false;
    text_.push_back(c);
  }
}

std::string_view LocalName(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view NamespaceOf(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const size_t colon = name.find(':');
  std::string attr = "xmlns";
  if (colon != std::string_view::npos) attr += ":" + std::string(name.substr(0, colon));
  for (pugi::xml_node p = n; p && p.type() == pugi::node_element; p = p.parent()) {
    if (const pugi::xml_attribute a = p.attribute(attr.c_str())) return a.value();
  }
  return "";
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return {};
}

std::string TextOf(const pugi::xml_node& root, bool html) {
  TextBuffer buf;
  std::string scratch;
  pugi::xml_node n = root.first_child();
  while (n) {
    if (n.type() == pugi::node_pcdata) {
      DecodeReferences(n.value(), html, &scratch, nullptr);
      buf.Append(scratch);
    } else if (n.type() == pugi::node_cdata) {
      buf.Append(n.value());
    } else if (n.type() == pugi::node_element) {
      buf.Break();
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
    }
    // Next in document order, without leaving `root`.
    while (n && n != root && !n.next_sibling()) {
      n = n.parent();
      if (n.type() == pugi::node_element) buf.Break();
    }
    if (!n || n == root) break;
    n = n.next_sibling();
  }
  return buf.Take();
}

std::string Attr(const pugi::xml_node& n, const char* name) {
  return Decoded(n.attribute(name).value(), false);
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  LineColumn lc;
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++lc.column;
    }
  }
  return lc;
}

}  // namespace hstag::xml
