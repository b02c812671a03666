// SPDX-License-Identifier: GPL-3.0-or-later
#include "html_walk.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "common/language.h"
#include "common/path_budget.h"

namespace hstag::html {
namespace {

using hstag::sdk::ExtractOutput;

enum class Kind { kContainer, kBlock, kInline, kBreak, kSkip };

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Text with HTML white space collapsed to one space, none at the start or
// end (as the XML extractor's TextBuffer, with form feeds).
class TextBuffer {
 public:
  void Append(std::string_view s) {
    for (char c : s) {
      if (IsSpace(c)) {
        space_ = true;
        continue;
      }
      if (space_ && !text_.empty()) text_.push_back(' ');
      space_ = false;
      text_.push_back(c);
    }
  }
  void Break() { space_ = true; }
  bool empty() const { return text_.empty(); }
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

std::optional<Kind> Classify(std::string_view name) {
  static const std::unordered_map<std::string_view, Kind> kKinds = [] {
    std::unordered_map<std::string_view, Kind> m;
    for (std::string_view n :
         {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
          "embed", "select", "textarea", "button", "rp", "map", "canvas", "audio", "video"}) {
      m.emplace(n, Kind::kSkip);
    }
    for (std::string_view n :
         {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "pre",
          "figcaption", "address", "summary", "legend"}) {
      m.emplace(n, Kind::kBlock);
    }
    for (std::string_view n :
         {"a",       "span", "b",      "i",     "em",      "strong", "sub",  "sup",  "abbr",
          "acronym", "cite", "code",   "q",     "small",   "big",    "u",    "s",    "strike",
          "font",    "mark", "time",   "var",   "kbd",     "samp",   "dfn",  "bdi",  "bdo",
          "tt",      "del",  "ins",    "label", "img",     "wbr",    "nobr", "ruby", "rb",
          "rt",      "data", "output", "meter", "progress"}) {
      m.emplace(n, Kind::kInline);
    }
    for (std::string_view n :
         {"html",   "body",  "div",      "section", "article",    "header",   "footer",
          "nav",    "aside", "main",     "ul",      "ol",         "dl",       "menu",
          "table",  "thead", "tbody",    "tfoot",   "tr",         "colgroup", "col",
          "figure", "form",  "fieldset", "details", "blockquote", "center",   "hgroup"}) {
      m.emplace(n, Kind::kContainer);
    }
    m.emplace("br", Kind::kBreak);
    m.emplace("hr", Kind::kBreak);
    return m;
  }();
  const auto it = kKinds.find(name);
  if (it == kKinds.end()) return std::nullopt;
  return it->second;
}

const char* AttrValue(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

// The element's name in lower case: gumbo's for the tags it knows, else
// the name as written.
std::string TagName(const GumboNode* n) {
  if (n->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n->v.element.tag);
  GumboStringPiece piece = n->v.element.original_tag;
  if (!piece.data || piece.length < 2) return "unknown";
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.empty() ? "unknown" : name;
}

bool IsText(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
         n->type == GUMBO_NODE_WHITESPACE;
}

bool IsElement(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

// HTML's landmark roles that are not the page's text.
bool BoilerplateRole(const GumboNode* n) {
  const char* role = AttrValue(n, "role");
  if (!role) return false;
  const std::string_view r(role);
  return r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary";
}

// Whether the space-separated list `list` holds `token`.
bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsSpace(list[i])) ++i;
    size_t j = i;
    while (j < list.size() && !IsSpace(list[j])) ++j;
    if (list.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

// A reference list: DPUB-ARIA's bibliography and endnotes roles, EPUB's
// types (as the XML extractor's XHTML profile reads them).
bool ReferencesRole(const GumboNode* n) {
  const char* role = AttrValue(n, "role");
  const char* type = AttrValue(n, "epub:type");
  const std::string_view r = role ? role : "", t = type ? type : "";
  return HasToken(r, "doc-bibliography") || HasToken(r, "doc-endnotes") ||
         HasToken(t, "bibliography") || HasToken(t, "endnotes") || HasToken(t, "rearnotes");
}

class Walker {
 public:
  Walker(const ExtractOutput& out, const WalkOptions& options)
      : out_(out), options_(options), path_budget_(options.max_path_bytes) {}

  size_t Run(const GumboNode* root) {
    Enter(root);
    while (!frames_.empty()) {
      Frame& f = frames_.back();
      const GumboVector& children = f.node->v.element.children;
      if (f.next >= children.length) {
        Exit();
        continue;
      }
      const GumboNode* c = static_cast<const GumboNode*>(children.data[f.next++]);
      if (IsText(c)) {
        if (c->v.text.text) Text(c->v.text.text);
      } else if (IsElement(c)) {
        Enter(c);
      }
    }
    FlushOrphan();
    return segments_;
  }

 private:
  struct Frame {
    const GumboNode* node = nullptr;
    unsigned next = 0;  // the next child to visit
    Kind kind = Kind::kContainer;
    size_t path_before = 0, path_len = 0;  // path_ without and with this step
    std::string lang;                      // own lang, normalized
    size_t lang_frame = kNone;             // frame whose lang is in scope
    size_t owner = 0;                      // nearest non-inline frame
    bool mixed = false;                    // has text of its own
    bool opened = false;                   // opened the segment
    bool boilerplate = false;
    bool references = false;  // in a reference list
    bool sectioned = false;  // inside article, section, main, nav or aside
    std::vector<std::pair<std::string, uint32_t>> counts;  // children per name
  };
  struct Block {
    TextBuffer buf;
    std::string xpath, lang;
    bool boilerplate = false;
    bool references = false;
  };
  static constexpr size_t kNone = static_cast<size_t>(-1);

  std::string XpathOf(size_t i) {
    path_budget_.Charge(frames_[i].path_len, frames_.size());
    return path_.substr(0, frames_[i].path_len);
  }
  std::string LangOf(size_t i) const {
    const size_t l = frames_[i].lang_frame;
    return l == kNone ? std::string() : frames_[l].lang;
  }

  void Emit(std::string text, std::string xpath, std::string lang, bool boilerplate,
            bool references) {
    if (text.empty()) return;
    out_.AddSegment({.text = text,
                     .xpath = xpath,
                     .lang = lang,
                     .boilerplate = boilerplate,
                     .references = references});
    ++segments_;
  }

  void FlushOrphan() {
    if (orphan_owner_ != kNone && !orphan_.empty()) {
      Emit(orphan_.Take(), XpathOf(orphan_owner_), LangOf(orphan_owner_),
           frames_[orphan_owner_].boilerplate, frames_[orphan_owner_].references);
    }
    orphan_.Clear();
    orphan_owner_ = kNone;
  }

  void Boundary() {
    if (block_) {
      block_->buf.Break();
    } else {
      orphan_.Break();
    }
  }

  void Text(std::string_view s) {
    if (block_) {
      block_->buf.Append(s);
      return;
    }
    const size_t owner = frames_.back().owner;
    if (owner != orphan_owner_) {
      FlushOrphan();
      orphan_owner_ = owner;
    }
    orphan_.Append(s);
  }

  void Enter(const GumboNode* n) {
    Frame* parent = frames_.empty() ? nullptr : &frames_.back();
    std::string name = TagName(n);
    std::optional<Kind> classified;
    if (n->type == GUMBO_NODE_TEMPLATE || n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) {
      classified = Kind::kSkip;
    } else {
      classified = Classify(name);
    }
    // Word-processor output sets a heading's number in a <span class="num">
    // (as the XHTML profile reads it).
    if (name == "span") {
      const char* cls = AttrValue(n, "class");
      if (cls && (" " + std::string(cls) + " ").find(" num ") != std::string::npos) {
        classified = Kind::kContainer;
      }
    }
    Kind kind = classified.value_or(parent && parent->mixed ? Kind::kInline : Kind::kContainer);
    if (!parent && kind != Kind::kBlock) kind = Kind::kContainer;  // the root is walked
    uint32_t index = 1;
    if (parent) {
      auto it = std::find_if(parent->counts.begin(), parent->counts.end(),
                             [&](const auto& c) { return c.first == name; });
      if (it == parent->counts.end()) {
        parent->counts.emplace_back(name, 1);
      } else {
        index = ++it->second;
      }
    }
    if (kind == Kind::kSkip) return;
    if (kind == Kind::kBreak) {
      Boundary();
      return;
    }
    Frame f;
    f.node = n;
    f.kind = kind;
    f.path_before = path_.size();
    path_ += '/';
    path_ += name;
    if (parent) {
      path_ += '[';
      path_ += std::to_string(index);
      path_ += ']';
    }
    f.path_len = path_.size();
    const size_t self = frames_.size();
    const char* lang = AttrValue(n, "lang");
    if (!lang) lang = AttrValue(n, "xml:lang");
    if (lang) f.lang = common::NormalizeLanguage(lang);
    f.lang_frame = lang ? self : parent ? parent->lang_frame : kNone;
    f.owner = kind == Kind::kInline && parent ? parent->owner : self;
    const bool parent_sectioned = parent && parent->sectioned;
    f.sectioned = parent_sectioned || name == "article" || name == "section" || name == "main" ||
                  name == "nav" || name == "aside";
    f.boilerplate =
        (parent && parent->boilerplate) ||
        (options_.boilerplate && (name == "nav" || name == "aside" || BoilerplateRole(n) ||
                                  ((name == "header" || name == "footer") && !parent_sectioned)));
    f.references = (parent && parent->references) || ReferencesRole(n);
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length && !f.mixed; ++i) {
      const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
      f.mixed = c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA;
    }
    frames_.push_back(std::move(f));
    if (kind == Kind::kInline) return;
    if (kind == Kind::kBlock && !block_) {
      FlushOrphan();
      block_.emplace(Block{});  // from a value: see summary_json.cc on clang
      block_->xpath = XpathOf(self);
      block_->lang = LangOf(self);
      block_->boilerplate = frames_.back().boilerplate;
      block_->references = frames_.back().references;
      frames_.back().opened = true;
      return;
    }
    if (block_) {
      block_->buf.Break();
    } else {
      FlushOrphan();
    }
  }

  void Exit() {
    const size_t self = frames_.size() - 1;
    Frame& f = frames_.back();
    if (f.opened) {
      Block b = std::move(*block_);
      block_.reset();
      Emit(b.buf.Take(), std::move(b.xpath), std::move(b.lang), b.boilerplate, b.references);
    } else if (f.kind != Kind::kInline) {
      if (block_) {
        block_->buf.Break();
      } else if (orphan_owner_ == self) {
        FlushOrphan();
      }
    }
    path_.resize(f.path_before);
    frames_.pop_back();
  }

  const ExtractOutput& out_;
  const WalkOptions& options_;
  common::PathBudget path_budget_;
  std::vector<Frame> frames_;
  std::optional<Block> block_;
  std::string path_;
  TextBuffer orphan_;
  size_t orphan_owner_ = kNone;
  size_t segments_ = 0;
};

// The text of an element's subtree, white space collapsed, without recursion.
std::string TextOf(const GumboNode* n) {
  TextBuffer buf;
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{n, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector& children = node->v.element.children;
    if (next >= children.length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* c = static_cast<const GumboNode*>(children.data[next++]);
    if (IsText(c) && c->v.text.text) {
      buf.Append(c->v.text.text);
    } else if (IsElement(c)) {
      stack.emplace_back(c, 0);
    }
  }
  return buf.Take();
}

std::string Collapsed(std::string_view s) {
  TextBuffer buf;
  buf.Append(s);
  return buf.Take();
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The metadata key for a <meta name> (lower case), or "".
std::string_view KeyFor(std::string_view name) {
  static const std::unordered_map<std::string_view, std::string_view> kKeys = {
      {"author", "author"},
      {"dc.creator", "author"},
      {"dcterms.creator", "author"},
      {"date", "date"},
      {"dc.date", "date"},
      {"dcterms.date", "date"},
      {"dcterms.issued", "date"},
      {"dcterms.created", "date"},
      {"article:published_time", "date"},
      {"description", "description"},
      {"dc.description", "description"},
      {"dcterms.description", "description"},
      {"og:description", "description"},
      {"keywords", "keywords"},
      {"dc.subject", "keywords"},
      {"dcterms.subject", "keywords"},
      {"dc.publisher", "publisher"},
      {"dcterms.publisher", "publisher"},
      {"generator", "generator"},
      {"dc.title", "dc_title"},
      {"dcterms.title", "dc_title"},
      {"og:title", "dc_title"},
  };
  const auto it = kKeys.find(name);
  return it == kKeys.end() ? std::string_view() : it->second;
}

void Add(std::vector<std::pair<std::string, std::string>>* fields, std::string_view key,
         std::string value) {
  if (value.empty()) return;
  for (auto& [k, v] : *fields) {
    if (k != key) continue;
    if (v != value && (v.size() < value.size() + 2 || v.find(value) == std::string::npos)) {
      v += "; " + value;
    }
    return;
  }
  fields->emplace_back(std::string(key), std::move(value));
}

}  // namespace

size_t WalkSegments(const GumboNode* root, const ExtractOutput& out, const WalkOptions& options) {
  if (!root || !IsElement(root)) return 0;
  Walker walker(out, options);
  return walker.Run(root);
}

PageMetadata ReadMetadata(const GumboNode* root) {
  PageMetadata meta;
  if (!root || !IsElement(root)) return meta;
  std::string title, dc_title, content_language;
  const GumboVector& top = root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const GumboNode* head = static_cast<const GumboNode*>(top.data[i]);
    if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD) continue;
    const GumboVector& children = head->v.element.children;
    for (unsigned j = 0; j < children.length; ++j) {
      const GumboNode* c = static_cast<const GumboNode*>(children.data[j]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      if (c->v.element.tag == GUMBO_TAG_TITLE && title.empty()) title = TextOf(c);
      if (c->v.element.tag != GUMBO_TAG_META) continue;
      const char* content = AttrValue(c, "content");
      if (!content) continue;
      const char* equiv = AttrValue(c, "http-equiv");
      if (equiv && Lower(Collapsed(equiv)) == "content-language") {
        content_language = Collapsed(content);
        continue;
      }
      const char* name = AttrValue(c, "name");
      if (!name) name = AttrValue(c, "property");
      if (!name) continue;
      const std::string key_name = Lower(Collapsed(name));
      const std::string_view key = KeyFor(key_name);
      if (key == "dc_title") {
        if (dc_title.empty()) dc_title = Collapsed(content);
      } else if (!key.empty()) {
        Add(&meta.fields, key, Collapsed(content));
      }
    }
  }
  if (title.empty()) title = dc_title;
  if (!title.empty()) meta.fields.insert(meta.fields.begin(), {"title", title});
  const char* lang = AttrValue(root, "lang");
  if (!lang) lang = AttrValue(root, "xml:lang");
  if (lang) {
    meta.language = common::NormalizeLanguage(lang);
  } else if (!content_language.empty()) {
    meta.language = common::NormalizeLanguage(
        std::string_view(content_language).substr(0, content_language.find(',')));
  }
  return meta;
}

}  // namespace hstag::html
