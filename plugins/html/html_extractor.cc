// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTML extractor: web pages of any HTML version, parsed with gumbo, an
// implementation of HTML5's parsing algorithm (the tree a browser builds,
// with its error recovery: unclosed <p> and <li>, misnested tags, </br>,
// named references without a semicolon). plugins/html/README.md says why
// gumbo rather than libxml2's HTML parser.
//
// Before parsing: the charset (html_input.h: byte order mark, <meta>,
// detection) and the page converted to UTF-8; the nesting depth of its
// tags, refused beyond kMaxDepth (gumbo's tree construction takes time in
// the square of the depth: 100,000 nested <div> take 22 s). Then the walk
// (html_walk.h): segments with element paths, languages and the boilerplate
// flag, and the page's metadata.
//
// XHTML (an XML declaration, an XHTML DOCTYPE, or an <html> in the XHTML
// namespace without an HTML5 doctype) is left to the XML extractor: the
// sniff scores it below it.
//
// Memory: gumbo allocates through a pool that frees what gumbo leaves
// when the call ends (gumbo_destroy_output recurses as deep as the tree).
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/options.h"
#include "common/path_budget.h"
#include "hstag/plugin.h"
#include "html_input.h"
#include "html_walk.h"

#ifndef HSTAG_GUMBO_VERSION
#define HSTAG_GUMBO_VERSION "unknown"
#endif

namespace {

using hstag::sdk::ExtractInput;
using hstag::sdk::ExtractOutput;

// Deeper nesting (as NestingDepth counts it) fails the page. Real pages
// nest a few dozen elements deep; browsers stop nesting at 512.
constexpr size_t kMaxDepth = 4096;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool StartsNoCase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view p) {
  for (size_t i = 0; i + p.size() <= s.size(); ++i) {
    if (StartsNoCase(s.substr(i), p)) return true;
  }
  return false;
}

// After comments and white space: where the first markup starts, or npos.
size_t SkipComments(std::string_view h, size_t i) {
  while (i < h.size()) {
    while (i < h.size() && IsSpace(h[i])) ++i;
    if (h.substr(i, 4) != "<!--") return i < h.size() ? i : std::string_view::npos;
    const size_t e = h.find("-->", i + 4);
    if (e == std::string_view::npos) return std::string_view::npos;
    i = e + 3;
  }
  return std::string_view::npos;
}

// The elements a page or a fragment of one starts with.
bool HtmlTagAt(std::string_view s) {
  static constexpr std::string_view kTags[] = {
      "html",   "head",   "body", "meta",   "title",   "link",       "base",   "style",
      "script", "p",      "div",  "h1",     "h2",      "h3",         "h4",     "h5",
      "h6",     "ul",     "ol",   "table",  "section", "article",    "main",   "nav",
      "header", "footer", "span", "a",      "br",      "em",         "strong", "b",
      "i",      "img",    "form", "center", "font",    "blockquote", "pre",    "noscript"};
  if (s.size() < 2 || s[0] != '<') return false;
  for (std::string_view t : kTags) {
    if (StartsNoCase(s.substr(1), t) && s.size() > t.size() + 1) {
      const char c = s[t.size() + 1];
      if (IsSpace(c) || c == '>' || c == '/') return true;
    }
  }
  return false;
}

// Scores (the XML extractor gives 80 to 85 to an HTML doctype, 95 to XML
// after a byte order mark; the text extractor 90 to a byte order mark):
//   96  HTML after a byte order mark
//   90  an HTML doctype, an <html> root, a page's first elements, or any
//       markup in a .html/.htm file
//   70  a fragment that starts with an HTML element (50 named .xml)
//   40  XHTML: an XHTML doctype, an <html> in the XHTML namespace without an
//       HTML5 doctype, a .xhtml/.xht file
//    0  an XML declaration, no markup first (prose named .html is text),
//       control characters
int32_t Sniff(const uint8_t* head, size_t size, hstag_str ext_str) {
  std::string_view h(reinterpret_cast<const char*>(head), size);
  const std::string_view ext = hstag::sdk::View(ext_str);
  const bool html_ext = ext == "html" || ext == "htm";
  std::string utf16;  // a UTF-16 page's ASCII, to look at
  bool bom = false;
  if (h.starts_with("\xEF\xBB\xBF")) {
    h.remove_prefix(3);
    bom = true;
  } else if (h.starts_with("\xFF\xFE") || h.starts_with("\xFE\xFF")) {
    if (h.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return 0;  // UTF-32
    const bool le = h.starts_with("\xFF\xFE");
    for (size_t i = 2; i + 1 < h.size(); i += 2) {
      const char low = le ? h[i] : h[i + 1], high = le ? h[i + 1] : h[i];
      utf16.push_back(high == 0 ? low : '?');
    }
    h = utf16;
    bom = true;
  }
  const size_t i = SkipComments(h, 0);
  if (i == std::string_view::npos) return 0;
  const std::string_view rest = h.substr(i);
  if (rest.starts_with("<?xml")) return 0;
  const size_t tag_end = rest.find('>');
  const std::string_view first = rest.substr(0, tag_end);
  int32_t score = 0;
  if (StartsNoCase(rest, "<!doctype html")) {
    score = ContainsNoCase(first, "xhtml") ? 40 : 90;  // HTML5 or HTML 4
  } else if (StartsNoCase(rest, "<html")) {
    score = ContainsNoCase(first, "http://www.w3.org/1999/xhtml") ? 40 : 90;
  } else if (HtmlTagAt(rest)) {
    score = html_ext ? 90 : ext == "xml" ? 50 : 70;
    for (std::string_view page : {"<head", "<meta", "<title", "<body", "<link", "<base"}) {
      if (StartsNoCase(rest, page) && ext != "xml") score = 90;
    }
  } else if (rest.size() > 1 && rest[0] == '<' && html_ext) {
    score = 90;
  }
  if (ext == "xhtml" || ext == "xht") score = std::min(score, 40);
  if (score == 0) return 0;
  for (unsigned char c : h.substr(0, 1024)) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0) return 0;
  }
  return bom && score >= 70 ? 96 : score;
}

// gumbo's allocations, each after a link in a list, freed together.
class Pool {
 public:
  Pool() { head_.prev = head_.next = &head_; }
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool() {
    for (Link* l = head_.next; l != &head_;) {
      Link* next = l->next;
      std::free(l);
      l = next;
    }
  }
  static void* Allocate(void* self, size_t size) {
    auto* l = static_cast<Link*>(std::malloc(sizeof(Link) + size));
    if (!l) std::abort();  // gumbo does not check: a null pointer would crash later
    Pool* p = static_cast<Pool*>(self);
    l->prev = &p->head_;
    l->next = p->head_.next;
    p->head_.next->prev = l;
    p->head_.next = l;
    return l + 1;
  }
  static void Free(void*, void* ptr) {
    if (!ptr) return;
    Link* l = static_cast<Link*>(ptr) - 1;
    l->prev->next = l->next;
    l->next->prev = l->prev;
    std::free(l);
  }

 private:
  struct alignas(std::max_align_t) Link {
    Link* prev;
    Link* next;
  };
  Link head_;
};

class HtmlExtractor : public hstag::sdk::Extractor {
 public:
  explicit HtmlExtractor(const hstag::sdk::CreateArgs& args) {
    const hstag::common::Options options(args.options_json, {"boilerplate"}, "html option");
    boilerplate_ = options.Bool("boilerplate", true);
  }

  void Extract(const ExtractInput& in, const ExtractOutput& out) const override {
    const std::string_view bytes(reinterpret_cast<const char*>(in.data.data()), in.data.size());
    hstag::html::Decoded page = hstag::html::DecodePage(bytes);
    for (const auto& w : page.warnings) out.Warn(w);
    size_t at = 0;
    const size_t depth = hstag::html::NestingDepth(page.text, kMaxDepth, &at);
    if (depth > kMaxDepth) {
      throw std::runtime_error("elements nested more than " + std::to_string(kMaxDepth) +
                               " deep (at byte " + std::to_string(at) +
                               " of the page as UTF-8): a hostile or broken document");
    }
    if (const size_t nul = std::count(page.text.begin(), page.text.end(), '\0')) {
      out.Warn(std::to_string(nul) + " NUL byte(s) in the page, left out of the text");
    }
    if (hstag::html::EndsInsideMarkup(page.text)) {
      out.Warn("the page ends inside a tag or a comment: the file may be cut short");
    }

    Pool pool;
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Pool::Allocate;
    options.deallocator = &Pool::Free;
    options.userdata = &pool;
    options.max_errors = 0;  // parse errors are normal HTML: none are kept
    const GumboOutput* doc = gumbo_parse_with_options(&options, page.text.data(), page.text.size());
    if (!doc || !doc->root) throw std::runtime_error("the HTML parser gave no document");

    out.SetTextOrigin(page.origin);
    const hstag::html::PageMetadata meta = hstag::html::ReadMetadata(doc->root);
    for (const auto& [key, value] : meta.fields) out.SetMetadata(key, value);
    if (doc->document->v.document.has_doctype) {
      const char* name = doc->document->v.document.name;
      const char* pub = doc->document->v.document.public_identifier;
      std::string doctype = name ? name : "";
      if (pub && *pub) doctype += std::string(" ") + pub;
      out.SetMetadata("doctype", doctype);
    }
    if (!meta.language.empty()) {
      out.SetMetadata("language", meta.language);
      out.SetLanguage(meta.language);
    }
    hstag::html::WalkOptions walk;
    walk.boilerplate = boilerplate_;
    walk.max_path_bytes = hstag::common::PathBudget::ForFile(bytes.size());
    hstag::html::WalkSegments(doc->root, out, walk);
  }

 private:
  bool boilerplate_ = true;
};

}  // namespace

HSTAG_EXTRACTOR_PLUGIN(HtmlExtractor, "html", "1.1.0",
                       "HTML of any version, parsed as browsers do (HTML5), with element paths, "
                       "boilerplate and metadata",
                       "gumbo " HSTAG_GUMBO_VERSION, "html", &Sniff)
