// SPDX-License-Identifier: GPL-3.0-or-later
//
// DOCX (Office Open XML, WordprocessingML): the main document (named by
// _rels/.rels, word/document.xml by default), then its footnotes and
// endnotes, then its headers and footers (boilerplate).
//
// A segment per paragraph (w:p), in tables (w:tbl/w:tr/w:tc), content
// controls (w:sdt) and text boxes (w:txbxContent, after the paragraph that
// holds them; of mc:AlternateContent only the mc:Choice) too. Runs' text
// (w:t), tabs, line breaks, non-breaking hyphens; field codes (w:instrText)
// and comments (only references in the document; word/comments.xml is not
// read) left out. Tracked changes: w:ins and w:moveTo read, w:del and
// w:moveFrom left out, with a warning.
//
// Headings: the level of the paragraph's style (styles.xml: a style named
// "heading N", or its outline level, through w:basedOn), or of its own
// w:outlineLvl. Pages: where Word recorded its layout
// (w:lastRenderedPageBreak), those; else explicit breaks (w:br
// w:type="page", w:pageBreakBefore, section breaks); a document with
// neither has no page numbers.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include "office_xml.h"

namespace hstag::office {
namespace {

const std::vector<std::string_view> kBare = {"w:body"};

// styleId -> heading level, from styles.xml.
class Styles {
 public:
  explicit Styles(const Members& members) {
    auto it = members.find("word/styles.xml");
    if (it == members.end()) return;
    pugi::xml_document doc;
    Parse(it->first, it->second, &doc);
    for (pugi::xml_node s : doc.document_element().children()) {
      if (Local(s) != "style") continue;
      Style& st = styles_[std::string(Attr(s, "styleId"))];
      std::string name(Attr(Child(s, "name"), "val"));
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      if (name.size() == 9 && name.starts_with("heading ") && name[8] >= '1' && name[8] <= '9') {
        st.level = static_cast<uint32_t>(name[8] - '0');
      } else if (pugi::xml_node o = Child(Child(s, "pPr"), "outlineLvl")) {
        st.level = OutlineLevel(o);
      }
      st.based_on = Attr(Child(s, "basedOn"), "val");
    }
  }

  uint32_t Level(std::string_view id) const {
    for (int hops = 0; hops < 10 && !id.empty(); ++hops) {
      auto it = styles_.find(std::string(id));
      if (it == styles_.end()) break;
      if (it->second.level) return it->second.level;
      id = it->second.based_on;
    }
    // No styles.xml, or a style it lacks: Word's built-in IDs.
    if (styles_.empty() && id.size() == 8 && id.starts_with("Heading") && id[7] >= '1' &&
        id[7] <= '9') {
      return static_cast<uint32_t>(id[7] - '0');
    }
    return 0;
  }

  // w:outlineLvl: 0 to 8 for levels 1 to 9; 9 is body text.
  static uint32_t OutlineLevel(const pugi::xml_node& o) {
    const int v = std::atoi(std::string(Attr(o, "val")).c_str());
    return v >= 0 && v < 9 ? static_cast<uint32_t>(v + 1) : 0;
  }

 private:
  struct Style {
    uint32_t level = 0;
    std::string based_on;
  };
  std::map<std::string, Style, std::less<>> styles_;
};

class DocxReader {
 public:
  DocxReader(const Styles& styles, std::vector<Paragraph>* out) : styles_(styles), out_(out) {}

  // The body of the main document.
  void Body(const std::string& member, const pugi::xml_node& body, bool rendered) {
    member_ = member;
    rendered_ = rendered;
    paging_ = true;
    page_ = 1;
    const size_t first = out_->size();
    Blocks(body, "/" + std::string(body.name()), 0);
    if (page_ == 1 && !breaks_) {  // no page break recorded: no page numbers
      for (size_t i = first; i < out_->size(); ++i) (*out_)[i].page = 0;
    }
    paging_ = false;
  }

  // A part of notes, headers or footers: its block containers below the
  // root (w:footnote, or the root itself for w:hdr and w:ftr).
  void Part(const std::string& member, const pugi::xml_node& root, bool boilerplate) {
    member_ = member;
    boilerplate_ = boilerplate;
    paging_ = false;
    const std::string_view local = Local(root);
    if (local == "footnotes" || local == "endnotes") {
      for (pugi::xml_node n : root.children()) {
        if (n.type() != pugi::node_element) continue;
        const std::string_view type = Attr(n, "type");
        if (type == "separator" || type == "continuationSeparator" ||
            type == "continuationNotice") {
          continue;
        }
        Blocks(n, "/" + Step(n), 0);
      }
    } else {
      Blocks(root, "", 0);
    }
    boilerplate_ = false;
  }

  bool tracked() const { return tracked_; }

 private:
  // Children of a block container: paragraphs, tables, content controls.
  void Blocks(const pugi::xml_node& parent, const std::string& path, int depth) {
    CheckDepth(member_, depth);
    for (pugi::xml_node n : parent.children()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view local = Local(n);
      if (local == "p") {
        ReadParagraph(n, path + "/" + Step(n), depth);
      } else if (local == "tbl" || local == "tr" || local == "tc" || local == "sdtContent" ||
                 local == "customXml" || local == "txbxContent") {
        Blocks(n, path + "/" + Step(n), depth + 1);
      } else if (local == "sdt") {
        Blocks(n, path + "/" + Step(n), depth + 1);  // its w:sdtContent
      } else if (local == "ins" || local == "moveTo") {
        tracked_ = true;
        Blocks(n, path + "/" + Step(n), depth + 1);
      } else if (local == "del" || local == "moveFrom") {
        tracked_ = true;
      } else if (local == "AlternateContent") {
        if (pugi::xml_node c = Child(n, "Choice")) {
          Blocks(c, path + "/" + Step(n) + "/" + Step(c), depth + 1);
        }
      }
    }
  }

  struct Para {
    TextBuilder text{false};
    uint32_t start_page = 0;
    uint32_t breaks_after = 0;  // explicit breaks after the text began
    std::vector<std::pair<pugi::xml_node, std::string>> boxes;  // text boxes inside
  };

  void Break(Para* p, bool rendered) {
    if (!paging_ || rendered != rendered_) return;
    ++breaks_;
    if (p && !p->text.empty()) {
      ++p->breaks_after;
    } else {
      ++page_;
    }
  }

  void ReadParagraph(const pugi::xml_node& n, const std::string& path, int depth) {
    Para p;
    const pugi::xml_node ppr = Child(n, "pPr");
    uint32_t heading = 0;
    if (pugi::xml_node o = Child(ppr, "outlineLvl")) {
      heading = Styles::OutlineLevel(o);
    } else {
      heading = styles_.Level(Attr(Child(ppr, "pStyle"), "val"));
    }
    if (pugi::xml_node b = Child(ppr, "pageBreakBefore");
        b && Attr(b, "val") != "0" && Attr(b, "val") != "false") {
      Break(&p, false);
    }
    Inline(n, path, &p, depth + 1);
    Paragraph para;
    para.text = p.text.Take();
    para.path = member_ + ":" + path;
    para.page = !paging_ ? 0 : p.start_page ? p.start_page : page_;
    para.heading = heading;
    para.boilerplate = boilerplate_;
    out_->push_back(std::move(para));
    page_ += p.breaks_after;
    // A section break in the paragraph's properties starts a new page
    // unless it says otherwise.
    if (pugi::xml_node sect = Child(ppr, "sectPr")) {
      const std::string_view type = Attr(Child(sect, "type"), "val");
      if (type != "continuous" && type != "nextColumn") Break(nullptr, false);
    }
    for (const auto& [box, box_path] : p.boxes) Blocks(box, box_path, depth + 1);
  }

  void Inline(const pugi::xml_node& parent, const std::string& path, Para* p, int depth) {
    CheckDepth(member_, depth);
    for (pugi::xml_node n : parent.children()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view local = Local(n);
      if (local == "r") {
        Run(n, path + "/" + Step(n), p, depth + 1);
      } else if (local == "del" || local == "moveFrom") {
        tracked_ = true;
      } else if (local == "ins" || local == "moveTo") {
        tracked_ = true;
        Inline(n, path + "/" + Step(n), p, depth + 1);
      } else if (local == "hyperlink" || local == "smartTag" || local == "sdt" ||
                 local == "sdtContent" || local == "customXml" || local == "fldSimple" ||
                 local == "dir" || local == "bdo") {
        Inline(n, path + "/" + Step(n), p, depth + 1);
      } else if (local == "AlternateContent") {
        if (pugi::xml_node c = Child(n, "Choice")) Inline(c, path + "/" + Step(n), p, depth + 1);
      }
      // pPr, bookmarks, comment ranges, proofing marks: no text.
    }
  }

  void Run(const pugi::xml_node& r, const std::string& path, Para* p, int depth) {
    for (pugi::xml_node n : r.children()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view local = Local(n);
      if (local == "t") {
        const std::string_view t = n.child_value();
        if (!p->start_page && t.find_first_not_of(" \t") != std::string_view::npos) {
          p->start_page = page_;
        }
        p->text.Append(t);
      } else if (local == "tab" || local == "ptab") {
        p->text.Char('\t');
      } else if (local == "br" || local == "cr") {
        if (Attr(n, "type") == "page") {
          Break(p, false);
          p->text.Char(' ');
        } else {
          p->text.Char('\n');
        }
      } else if (local == "lastRenderedPageBreak") {
        Break(p, true);
      } else if (local == "noBreakHyphen") {
        p->text.Append("-");
      } else if (local == "drawing" || local == "pict" || local == "object" ||
                 local == "AlternateContent") {
        Boxes(n, path + "/" + Step(n), p, depth + 1);
      }
      // w:delText, w:instrText, w:softHyphen, note and comment references,
      // w:rPr: no text of the paragraph.
    }
  }

  // Text boxes inside a drawing: their paragraphs follow the paragraph.
  void Boxes(const pugi::xml_node& n, const std::string& path, Para* p, int depth) {
    CheckDepth(member_, depth);
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view local = Local(c);
      if (local == "Fallback") continue;  // mc:Choice holds the same
      const std::string child_path = path + "/" + Step(c);
      if (local == "txbxContent") {
        p->boxes.emplace_back(c, child_path);
      } else {
        Boxes(c, child_path, p, depth + 1);
      }
    }
  }

  const Styles& styles_;
  std::vector<Paragraph>* out_;
  std::string member_;
  bool rendered_ = false;  // pages from w:lastRenderedPageBreak, else explicit breaks
  bool paging_ = false;
  bool boilerplate_ = false;
  bool tracked_ = false;
  uint32_t page_ = 0;
  uint32_t breaks_ = 0;
};

// The main document's name, from the package relationships.
std::string MainDocument(const Members& members) {
  auto it = members.find("_rels/.rels");
  if (it != members.end()) {
    pugi::xml_document rels;
    Parse(it->first, it->second, &rels);
    for (pugi::xml_node r : rels.document_element().children()) {
      if (Local(r) != "Relationship") continue;
      const std::string_view type = Attr(r, "Type");
      if (!type.ends_with("/officeDocument")) continue;
      std::string_view target = Attr(r, "Target");
      while (target.starts_with("/")) target.remove_prefix(1);
      if (!target.empty()) return std::string(target);
    }
  }
  return "word/document.xml";
}

// "word/header12.xml" -> 12, for their order.
int PartNumber(std::string_view name, std::string_view prefix) {
  name.remove_prefix(prefix.size());
  return std::atoi(std::string(name).c_str());
}

void CoreProperties(const Members& members, const hstag::sdk::ExtractOutput& out) {
  auto it = members.find("docProps/core.xml");
  if (it == members.end()) return;
  pugi::xml_document doc;
  Parse(it->first, it->second, &doc);
  static constexpr std::pair<std::string_view, std::string_view> kKeys[] = {
      {"title", "title"},
      {"creator", "author"},
      {"subject", "subject"},
      {"keywords", "keywords"},
      {"lastModifiedBy", "last_modified_by"},
      {"created", "creation_date"},
      {"modified", "modification_date"},
      {"language", "language"}};
  for (pugi::xml_node n : doc.document_element().children()) {
    for (const auto& [local, key] : kKeys) {
      if (Local(n) == local) SetMeta(out, key, n.child_value());
    }
  }
}

}  // namespace

bool DocxWants(std::string_view name) {
  if (name == "_rels/.rels" || name == "docProps/core.xml") return true;
  return name.starts_with("word/") && name.ends_with(".xml") &&
         name.find('/', 5) == std::string_view::npos;
}

void ExtractDocx(const Members& members, const hstag::sdk::ExtractOutput& out) {
  const std::string main = MainDocument(members);
  auto it = members.find(main);
  if (it == members.end()) {
    throw std::runtime_error("DOCX without its main document " + main);
  }
  const Styles styles(members);
  std::vector<Paragraph> paragraphs;
  DocxReader reader(styles, &paragraphs);
  {
    pugi::xml_document doc;
    Parse(it->first, it->second, &doc);
    const pugi::xml_node body = Child(doc.document_element(), "body");
    if (!body) throw std::runtime_error(main + ": no w:body");
    const bool rendered = it->second.find("lastRenderedPageBreak") != std::string::npos;
    reader.Body(main, body, rendered);
  }
  std::vector<std::string> notes, parts;
  const std::string dir = main.substr(0, main.rfind('/') + 1);
  for (const char* n : {"footnotes.xml", "endnotes.xml"}) {
    if (members.count(dir + n)) notes.push_back(dir + n);
  }
  for (std::string_view kind : {"header", "footer"}) {
    std::vector<std::string> found;
    const std::string prefix = dir + std::string(kind);
    for (const auto& [name, bytes] : members) {
      if (name.starts_with(prefix) && name.ends_with(".xml") &&
          name.find('/', prefix.size()) == std::string::npos) {
        found.push_back(name);
      }
    }
    std::sort(found.begin(), found.end(), [&](const std::string& a, const std::string& b) {
      return PartNumber(a, prefix) < PartNumber(b, prefix) ||
             (PartNumber(a, prefix) == PartNumber(b, prefix) && a < b);
    });
    parts.insert(parts.end(), found.begin(), found.end());
  }
  for (const auto* list : {&notes, &parts}) {
    for (const std::string& name : *list) {
      pugi::xml_document doc;
      Parse(name, members.find(name)->second, &doc);
      reader.Part(name, doc.document_element(), list == &parts);
    }
  }
  CoreProperties(members, out);
  out.SetTextOrigin("utf8");
  Emit(paragraphs, out);
  if (reader.tracked()) {
    out.Warn(
        "the document has tracked changes that are not accepted; insertions are read, "
        "deletions left out");
  }
}

}  // namespace hstag::office
