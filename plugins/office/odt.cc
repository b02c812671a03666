// SPDX-License-Identifier: GPL-3.0-or-later
//
// ODT (OpenDocument text): content.xml's office:text, then the headers and
// footers of styles.xml's master pages (boilerplate); metadata from
// meta.xml.
//
// A segment per paragraph (text:p) and heading (text:h, its
// text:outline-level), in lists, tables and sections too; notes
// (text:note: footnotes and endnotes) and text boxes after the paragraph
// that holds them. White space collapsed as the format says, text:s, tabs
// and line breaks kept. Comments (office:annotation) left out. Tracked
// changes: the inserted text stands in the body and is read; deleted text
// stands in text:tracked-changes and is left out, with a warning.
//
// Pages: where LibreOffice recorded its layout (text:soft-page-break) and
// where a paragraph's automatic style breaks before it
// (fo:break-before="page"); a document with neither has no page numbers.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <stdexcept>

#include "office_xml.h"

namespace hstag::office {
namespace {

const std::vector<std::string_view> kBare = {"office:body", "office:text", "office:master-styles"};

class OdtReader {
 public:
  explicit OdtReader(std::vector<Paragraph>* out) : out_(out) {}

  void Body(const std::string& member, const pugi::xml_node& text,
            const std::set<std::string, std::less<>>& page_styles) {
    member_ = member;
    page_styles_ = &page_styles;
    paging_ = true;
    page_ = 1;
    const size_t first = out_->size();
    Blocks(text, PathOf(text, kBare), 0);
    if (page_ == 1 && !breaks_) {
      for (size_t i = first; i < out_->size(); ++i) (*out_)[i].page = 0;
    }
    paging_ = false;
    page_styles_ = nullptr;
  }

  // The headers and footers of styles.xml's master pages.
  void MasterPages(const std::string& member, const pugi::xml_node& root) {
    member_ = member;
    boilerplate_ = true;
    const pugi::xml_node masters = Child(root, "master-styles");
    for (pugi::xml_node page : masters.children()) {
      if (Local(page) != "master-page") continue;
      for (pugi::xml_node part : page.children()) {
        const std::string_view local = Local(part);
        if (local.starts_with("header") || local.starts_with("footer")) {
          Blocks(part, PathOf(part, kBare), 0);
        }
      }
    }
    boilerplate_ = false;
  }

  bool tracked() const { return tracked_; }

 private:
  void Blocks(const pugi::xml_node& parent, const std::string& path, int depth) {
    CheckDepth(member_, depth);
    for (pugi::xml_node n : parent.children()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view local = Local(n);
      if (local == "p" || local == "h") {
        ReadParagraph(n, path + "/" + Step(n), depth);
      } else if (local == "list" || local == "list-item" || local == "list-header" ||
                 local == "section" || local == "table" || local == "table-header-rows" ||
                 local == "table-rows" || local == "table-row-group" || local == "table-row" ||
                 local == "table-cell" || local == "covered-table-cell" || local == "note-body" ||
                 local == "text-box" || local == "index-body" || local == "table-of-content" ||
                 local == "index-title") {
        Blocks(n, path + "/" + Step(n), depth + 1);
      } else if (local == "tracked-changes") {
        if (Child(n, "changed-region")) tracked_ = true;
      } else if (local == "soft-page-break") {
        Break(nullptr);
      }
    }
  }

  struct Para {
    TextBuilder text{true};
    uint32_t start_page = 0;
    uint32_t breaks_after = 0;
    std::vector<std::pair<pugi::xml_node, std::string>> detached;  // notes, text boxes
  };

  void Break(Para* p) {
    if (!paging_) return;
    ++breaks_;
    if (p && !p->text.empty()) {
      ++p->breaks_after;
    } else {
      ++page_;
    }
  }

  void ReadParagraph(const pugi::xml_node& n, const std::string& path, int depth) {
    Para p;
    if (page_styles_ && page_styles_->count(Attr(n, "style-name"))) Break(&p);
    uint32_t heading = 0;
    if (Local(n) == "h") {
      const std::string_view level = Attr(n, "outline-level");
      const int v = level.empty() ? 1 : std::atoi(std::string(level).c_str());
      heading = v >= 1 && v <= 9 ? static_cast<uint32_t>(v) : 0;
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
    for (const auto& [d, d_path] : p.detached) Blocks(d, d_path, depth + 1);
  }

  void Inline(const pugi::xml_node& parent, const std::string& path, Para* p, int depth) {
    CheckDepth(member_, depth);
    for (pugi::xml_node n : parent.children()) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        const std::string_view t = n.value();
        if (!p->start_page && t.find_first_not_of(" \t\r\n") != std::string_view::npos) {
          p->start_page = page_;
        }
        p->text.Append(t);
        continue;
      }
      if (n.type() != pugi::node_element) continue;
      const std::string_view local = Local(n);
      if (local == "s") {
        const std::string_view c = Attr(n, "c");
        const int count = c.empty() ? 1 : std::atoi(std::string(c).c_str());
        for (int i = 0; i < std::clamp(count, 1, 1000); ++i) p->text.Char(' ');
      } else if (local == "tab") {
        p->text.Char('\t');
      } else if (local == "line-break") {
        p->text.Char('\n');
      } else if (local == "soft-page-break") {
        Break(p);
      } else if (local == "note") {
        if (pugi::xml_node body = Child(n, "note-body")) {
          p->detached.emplace_back(body, path + "/" + Step(n) + "/" + Step(body));
        }
      } else if (local == "frame") {
        for (pugi::xml_node box : n.children()) {
          if (Local(box) == "text-box") {
            p->detached.emplace_back(box, path + "/" + Step(n) + "/" + Step(box));
          }
        }
      } else if (local == "annotation" || local == "annotation-end" || local == "note-citation" ||
                 local == "ruby-text" || local == "tracked-changes" || local == "bookmark-ref" ||
                 local == "title" || local == "desc") {
        continue;  // comments, note marks, ruby glosses
      } else {
        Inline(n, path + "/" + Step(n), p, depth + 1);  // spans, links, fields
      }
    }
  }

  std::vector<Paragraph>* out_;
  std::string member_;
  const std::set<std::string, std::less<>>* page_styles_ = nullptr;
  bool paging_ = false;
  bool boilerplate_ = false;
  bool tracked_ = false;
  uint32_t page_ = 0;
  uint32_t breaks_ = 0;
};

// The automatic paragraph styles that break the page before.
std::set<std::string, std::less<>> PageBreakStyles(const pugi::xml_node& root) {
  std::set<std::string, std::less<>> names;
  for (pugi::xml_node s : Child(root, "automatic-styles").children()) {
    if (Local(s) != "style") continue;
    const std::string_view before = Attr(Child(s, "paragraph-properties"), "break-before");
    if (before == "page") names.emplace(Attr(s, "name"));
  }
  return names;
}

void Meta(const Members& members, const hstag::sdk::ExtractOutput& out) {
  auto it = members.find("meta.xml");
  if (it == members.end()) return;
  pugi::xml_document doc;
  Parse(it->first, it->second, &doc);
  const pugi::xml_node meta = Child(doc.document_element(), "meta");
  static constexpr std::pair<std::string_view, std::string_view> kKeys[] = {
      {"title", "title"},
      {"initial-creator", "author"},
      {"subject", "subject"},
      {"creator", "last_modified_by"},
      {"creation-date", "creation_date"},
      {"date", "modification_date"},
      {"language", "language"}};
  std::string keywords;
  for (pugi::xml_node n : meta.children()) {
    for (const auto& [local, key] : kKeys) {
      if (Local(n) == local) SetMeta(out, key, n.child_value());
    }
    if (Local(n) == "keyword" && *n.child_value()) {
      keywords += (keywords.empty() ? "" : "; ") + std::string(n.child_value());
    }
  }
  SetMeta(out, "keywords", keywords);
}

}  // namespace

bool OdtWants(std::string_view name) {
  return name == "mimetype" || name == "content.xml" || name == "styles.xml" || name == "meta.xml";
}

void ExtractOdt(const Members& members, const hstag::sdk::ExtractOutput& out) {
  auto it = members.find("content.xml");
  if (it == members.end()) throw std::runtime_error("ODT without its content.xml");
  std::vector<Paragraph> paragraphs;
  OdtReader reader(&paragraphs);
  {
    pugi::xml_document doc;
    Parse(it->first, it->second, &doc);
    const pugi::xml_node root = doc.document_element();
    const pugi::xml_node text = Child(Child(root, "body"), "text");
    if (!text) throw std::runtime_error("content.xml: no office:body/office:text");
    reader.Body(it->first, text, PageBreakStyles(root));
  }
  if (auto s = members.find("styles.xml"); s != members.end()) {
    pugi::xml_document doc;
    Parse(s->first, s->second, &doc);
    reader.MasterPages(s->first, doc.document_element());
  }
  Meta(members, out);
  out.SetTextOrigin("utf8");
  Emit(paragraphs, out);
  if (reader.tracked()) {
    out.Warn(
        "the document has tracked changes that are not accepted; insertions are read, "
        "deletions left out");
  }
}

}  // namespace hstag::office
