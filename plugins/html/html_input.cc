// SPDX-License-Identifier: GPL-3.0-or-later
#include "html_input.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "common/charset.h"
#include "hstag/utf8.h"

namespace hstag::html {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string LowerTrimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  std::string out(s.substr(b, e - b));
  for (char& c : out) c = Lower(c);
  return out;
}

bool StartsNoCase(std::string_view s, size_t at, std::string_view p) {
  if (at > s.size() || s.size() - at < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (Lower(s[at + i]) != p[i]) return false;
  }
  return true;
}

// One attribute of a tag from `*i` (HTML's "get an attribute"); false at the
// tag's `>` (*i after it) or at the end of `s`.
bool NextAttribute(std::string_view s, size_t* i, std::string* name, std::string* value) {
  size_t k = *i;
  while (k < s.size() && (IsSpace(s[k]) || s[k] == '/')) ++k;
  if (k >= s.size() || s[k] == '>') {
    *i = k >= s.size() ? s.size() + 1 : k + 1;  // past the end: cut short
    return false;
  }
  name->clear();
  value->clear();
  do {
    name->push_back(Lower(s[k++]));
  } while (k < s.size() && s[k] != '=' && !IsSpace(s[k]) && s[k] != '/' && s[k] != '>');
  while (k < s.size() && IsSpace(s[k])) ++k;
  if (k < s.size() && s[k] == '=') {
    ++k;
    while (k < s.size() && IsSpace(s[k])) ++k;
    if (k < s.size() && (s[k] == '"' || s[k] == '\'')) {
      const char q = s[k++];
      const size_t e = s.find(q, k);
      const size_t end = e == std::string_view::npos ? s.size() : e;
      value->assign(s.substr(k, end - k));
      k = end + 1;
    } else {
      while (k < s.size() && !IsSpace(s[k]) && s[k] != '>') value->push_back(s[k++]);
    }
  }
  *i = k;
  return true;
}

// The charset in a Content-Type value ("text/html; charset=utf-8"), or "".
std::string CharsetOfContent(std::string_view content) {
  for (size_t i = 0; (i = content.find_first_of("cC", i)) != std::string_view::npos; ++i) {
    if (!StartsNoCase(content, i, "charset")) continue;
    size_t k = i + 7;
    while (k < content.size() && IsSpace(content[k])) ++k;
    if (k >= content.size() || content[k] != '=') continue;
    ++k;
    while (k < content.size() && IsSpace(content[k])) ++k;
    if (k < content.size() && (content[k] == '"' || content[k] == '\'')) {
      const char q = content[k++];
      const size_t e = content.find(q, k);
      if (e == std::string_view::npos) return "";
      return std::string(content.substr(k, e - k));
    }
    size_t e = k;
    while (e < content.size() && !IsSpace(content[e]) && content[e] != ';') ++e;
    return std::string(content.substr(k, e - k));
  }
  return "";
}

// The ICU name for a charset label of the web (WHATWG Encoding): the
// labels of Latin-1 and ASCII mean windows-1252, UTF-16 in a <meta> means
// UTF-8 (the page could not have been read otherwise). "" when unknown.
std::string WebCharset(const std::string& label) {
  auto in = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), label) != names.end();
  };
  if (label.empty()) return "";
  if (in({"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
          "x-unicode20utf8"}) ||
      label.starts_with("utf-16") ||
      in({"unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff", "unicodefffe"})) {
    return "utf-8";
  }
  if (in({"iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "iso_8859-1:1987", "latin1", "l1",
          "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252", "cp819", "ibm819", "iso-ir-100",
          "csisolatin1", "x-cp1252", "windows-1252", "x-user-defined"})) {
    return "windows-1252";
  }
  if (in({"iso-8859-9", "iso8859-9", "iso_8859-9", "iso88599", "latin5", "l5"})) {
    return "windows-1254";
  }
  if (in({"tis-620", "iso-8859-11", "iso8859-11", "iso885911", "dos-874"})) return "windows-874";
  if (in({"gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58", "x-gbk", "gbk"})) {
    return "GBK";
  }
  if (in({"euc-kr", "ks_c_5601-1987", "korean", "windows-949", "cseuckr"})) return "windows-949";
  if (in({"shift_jis", "sjis", "x-sjis", "ms932", "ms_kanji", "windows-31j", "csshiftjis"})) {
    return "Shift_JIS";
  }
  if (label.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.:") == std::string::npos &&
      common::KnownCharset(label.c_str())) {
    return label;
  }
  return "";
}

bool Ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::string PrescanCharset(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, 1024);
  std::string name, value;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.substr(i, 4) == "<!--") {
      const size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) return "";
      i = e + 3;
    } else if (StartsNoCase(s, i, "<meta") && i + 5 < s.size() &&
               (IsSpace(s[i + 5]) || s[i + 5] == '/')) {
      i += 5;
      std::string charset, pragma_charset;
      bool pragma = false;
      while (NextAttribute(s, &i, &name, &value)) {
        if (name == "charset" && charset.empty()) charset = LowerTrimmed(value);
        if (name == "http-equiv" && LowerTrimmed(value) == "content-type") pragma = true;
        if (name == "content") pragma_charset = LowerTrimmed(CharsetOfContent(value));
      }
      if (i > s.size()) return "";  // the tag is cut short
      if (!charset.empty()) return charset;
      if (pragma && !pragma_charset.empty()) return pragma_charset;
    } else if (i + 1 < s.size() &&
               (IsAlpha(s[i + 1]) || (s[i + 1] == '/' && i + 2 < s.size() && IsAlpha(s[i + 2])))) {
      i += 2;
      while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
      while (NextAttribute(s, &i, &name, &value)) {
      }
    } else if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
      const size_t e = s.find('>', i + 1);
      if (e == std::string_view::npos) return "";
      i = e + 1;
    } else {
      ++i;
    }
  }
  return "";
}

Decoded DecodePage(std::string_view bytes) {
  Decoded d;
  auto repair = [&](std::string_view body) {
    const size_t bad = hstag::RepairUtf8(body, &d.text);
    d.warnings.push_back("invalid UTF-8: " + std::to_string(bad) +
                         " ill-formed sequence(s) replaced by U+FFFD");
    d.origin = "repaired";
  };
  auto transcode = [&](std::string_view body, const std::string& charset) {
    size_t bad = 0;
    d.text = common::Transcode(body, charset.c_str(), &bad);
    if (bad) {
      d.warnings.push_back(std::to_string(bad) + " character(s) not valid in " + charset +
                           " replaced by U+FFFD");
    }
    d.origin = "transcoded:" + charset;
  };
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!hstag::IsValidUtf8(bytes)) {
      repair(bytes);
      return d;
    }
    d.text = bytes;
    d.origin = "utf8-bom";
    return d;
  }
  if (bytes.starts_with("\xFF\xFE")) {
    transcode(bytes.substr(2), "UTF-16LE");
    return d;
  }
  if (bytes.starts_with("\xFE\xFF")) {
    transcode(bytes.substr(2), "UTF-16BE");
    return d;
  }
  const std::string label = PrescanCharset(bytes);
  const std::string charset = WebCharset(label);
  if (!label.empty() && charset.empty()) {
    d.warnings.push_back("unknown charset '" + label.substr(0, 64) +
                         "' declared in a <meta>: the encoding is detected instead");
  }
  // ASCII reads the same in every charset a <meta> can declare.
  if (Ascii(bytes) || ((charset.empty() || charset == "utf-8") && hstag::IsValidUtf8(bytes))) {
    d.text = bytes;
    d.origin = "utf8";
    return d;
  }
  if (charset == "utf-8" || (charset.empty() && common::MostlyUtf8(bytes))) {
    repair(bytes);
    return d;
  }
  if (!charset.empty()) {
    transcode(bytes, charset);
    return d;
  }
  if (const auto detected = common::DetectLegacyCharset(bytes, true)) {
    d.warnings.push_back("encoding detected as " + detected->name + " (confidence " +
                         std::to_string(detected->confidence) + "%)");
    transcode(bytes, detected->name);
    return d;
  }
  d.warnings.push_back("encoding neither declared nor detected: read as windows-1252");
  transcode(bytes, "windows-1252");
  return d;
}

size_t NestingDepth(std::string_view text, size_t limit, size_t* at) {
  static constexpr std::array<std::string_view, 21> kOptionalEnd = {
      "p",  "li", "dt",    "dd",    "option", "optgroup", "tr",
      "td", "th", "tbody", "thead", "tfoot",  "colgroup", "caption",
      "rb", "rt", "rtc",   "rp",    "html",   "head",     "body"};
  static constexpr std::array<std::string_view, 20> kVoid = {
      "area",   "base",     "br",      "col",   "embed",  "hr",      "img",
      "input",  "link",     "meta",    "param", "source", "track",   "wbr",
      "keygen", "basefont", "bgsound", "frame", "image",  "menuitem"};
  static constexpr std::array<std::string_view, 8> kRaw = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
  auto has = [](const auto& list, std::string_view n) {
    return std::find(list.begin(), list.end(), n) != list.end();
  };
  size_t depth = 0, deepest = 0, foreign = 0;  // foreign: the depth of an open <svg> or <math>
  std::string name;
  size_t i = 0;
  *at = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    if (text.substr(i, 4) == "<!--") {
      const size_t e = text.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    const bool end = i + 1 < text.size() && text[i + 1] == '/';
    size_t j = i + 1 + end;
    if (j >= text.size() || !IsAlpha(text[j])) {
      if (j < text.size() && (text[j] == '!' || text[j] == '?')) {
        const size_t e = text.find('>', j);
        if (e == std::string_view::npos) break;
        i = e + 1;
      } else {
        ++i;
      }
      continue;
    }
    name.clear();
    while (j < text.size() && !IsSpace(text[j]) && text[j] != '/' && text[j] != '>') {
      name.push_back(Lower(text[j++]));
    }
    // The tag's end: a `>` outside an attribute value.
    size_t k = j;
    bool after_eq = false;
    while (k < text.size() && text[k] != '>') {
      const char c = text[k];
      if (c == '=') {
        after_eq = true;
      } else if (after_eq && (c == '"' || c == '\'')) {
        const size_t e = text.find(c, k + 1);
        if (e == std::string_view::npos) return deepest;
        k = e;
        after_eq = false;
      } else if (!IsSpace(c)) {
        after_eq = false;
      }
      ++k;
    }
    if (k >= text.size()) break;
    const bool self_closing = text[k - 1] == '/';
    i = k + 1;
    if (has(kVoid, name) || has(kOptionalEnd, name)) continue;
    if (end) {
      if (has(kRaw, name)) continue;
      if (depth > 0) --depth;
      if (foreign > depth) foreign = 0;
      continue;
    }
    if (name == "plaintext") return deepest;  // the rest of the page is text
    if (has(kRaw, name)) {
      // Its text is not markup: on after its end tag.
      size_t e = i;
      while ((e = text.find("</", e)) != std::string_view::npos &&
             !StartsNoCase(text, e + 2, name)) {
        e += 2;
      }
      if (e == std::string_view::npos) break;
      i = e;
      continue;
    }
    if (self_closing && foreign) continue;
    ++depth;
    if (!foreign && (name == "svg" || name == "math")) foreign = depth;
    if (depth > deepest) {
      deepest = depth;
      *at = i;
      if (depth > limit) return depth;
    }
  }
  return deepest;
}

bool EndsInsideMarkup(std::string_view text) {
  const size_t open_comment = text.rfind("<!--");
  if (open_comment != std::string_view::npos &&
      text.find("-->", open_comment + 4) == std::string_view::npos) {
    return true;
  }
  const size_t lt = text.rfind('<');
  if (lt == std::string_view::npos || lt + 1 >= text.size()) return lt != std::string_view::npos;
  const size_t gt = text.rfind('>');
  if (gt != std::string_view::npos && gt > lt) return false;
  const char c = text[lt + 1];
  return IsAlpha(c) || c == '/' || c == '!';
}

}  // namespace hstag::html
