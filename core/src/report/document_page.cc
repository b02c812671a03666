// SPDX-License-Identifier: GPL-3.0-or-later
//
// The page of one document (report/report.h).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "report/html.h"
#include "report/report.h"
#include "report/style.h"
#include "report/widgets.h"

namespace hstag {
namespace report {
namespace {

// "1–3, 5, 9"; at most `max_runs` runs, then "…".
std::string PageRanges(const ordered_json& pages, size_t max_runs = 12) {
  std::vector<uint64_t> p;
  if (pages.is_array()) {
    for (const auto& x : pages) {
      if (x.is_number_unsigned()) p.push_back(x.get<uint64_t>());
    }
  }
  std::string out;
  size_t runs = 0;
  for (size_t i = 0; i < p.size();) {
    size_t j = i;
    while (j + 1 < p.size() && p[j + 1] == p[j] + 1) ++j;
    if (runs == max_runs) return out + ", \xE2\x80\xA6";
    out += (runs ? ", " : "") + Int(p[i]) + (j > i ? "\xE2\x80\x93" + Int(p[j]) : "");
    ++runs;
    i = j + 1;
  }
  return out;
}

// ---- the document's text with its matches ---------------------------------

struct Mark {
  size_t start = 0, end = 0;
  std::vector<size_t> anns;  // annotation indices on exactly this span
};

class DocumentReport {
 public:
  DocumentReport(const ordered_json& doc, const ReportOptions& o) : doc_(doc), o_(o) {}

  std::string Render() {
    summary_ = &Get(doc_, "summary");
    concepts_ = &Get(*summary_, "concepts");
    const ordered_json& text = Get(doc_, "text");
    has_text_ = text.is_string();
    if (has_text_) text_ = text.get_ref<const std::string&>();
    BuildMarks();
    const std::string path = Str(Get(doc_, "source"), "path");
    std::string body = Filters();
    body += "<main>\n";
    body += Header(path);
    body +=
        "<nav class=\"toc\"><a href=\"#profile\">HS profile</a><a href=\"#concepts\">Concepts</a>"
        "<a href=\"#actors\">Actors</a><a href=\"#passages\">Key passages</a>"
        "<a href=\"#text\">Text</a></nav>\n";
    body += "<section id=\"profile\"><h2>HS profile</h2>\n" +
            ProfileHtml(doc_, /*with_rule=*/true, 0) + Definitions() + "</section>\n";
    body += Concepts();
    body += Actors();
    body += Passages();
    body += Text();
    body += Footer();
    body += "</main>\n";
    return Page("hstag report: " + FileName(path), body, "");
  }

 private:
  // Hidden checkboxes, siblings before <main>, so that CSS can filter by them.
  std::string Filters() const {
    std::string o;
    for (const auto& c : kCategories) {
      if (categories_.count(c.id)) {
        o += "<input class=\"filters\" type=\"checkbox\" id=\"f-" + std::string(c.id) +
             "\" checked aria-label=\"show " + c.label + "\">\n";
      }
    }
    return o +
           "<input class=\"filters\" type=\"checkbox\" id=\"f-ind\" checked "
           "aria-label=\"show indicators\">\n";
  }

  void BuildMarks() {
    const ordered_json& anns = Get(doc_, "annotations");
    if (!anns.is_array()) return;
    std::vector<size_t> order;
    for (size_t i = 0; i < anns.size(); ++i) {
      const ordered_json& a = anns[i];
      const std::string id = Str(a, "concept");
      categories_.insert(CategoryOf(SectionOf(*concepts_, id)).id);
      if (!has_text_) continue;
      const uint64_t s = Uint(a, "start"), e = Uint(a, "end");
      if (s < e && e <= text_.size()) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const uint64_t sx = Uint(anns[x], "start"), sy = Uint(anns[y], "start");
      if (sx != sy) return sx < sy;
      return Uint(anns[x], "end") > Uint(anns[y], "end");
    });
    for (size_t i : order) {
      const size_t s = Uint(anns[i], "start"), e = Uint(anns[i], "end");
      if (marks_.empty() || marks_.back().start != s || marks_.back().end != e) {
        marks_.push_back({s, e, {}});
      }
      marks_.back().anns.push_back(i);
      mark_of_[i] = marks_.size() - 1;
    }
  }

  // An anchor to annotation `i` in the text ("" when it is not shown).
  std::string LinkTo(size_t i, const std::string& label) {
    auto it = mark_of_.find(i);
    if (it == mark_of_.end()) return "";
    linked_.insert(it->second);
    return "<a href=\"#m" + Int(it->second) + "\">" + label + "</a>";
  }
  // The first annotation of `concept` with `key` equal to `value`.
  size_t FindAnnotation(const std::string& concept_id, const char* key, uint64_t value,
                        const char* plugin = nullptr) const {
    const ordered_json& anns = Get(doc_, "annotations");
    for (size_t i = 0; anns.is_array() && i < anns.size(); ++i) {
      if (Str(anns[i], "concept") == concept_id && Uint(anns[i], key) == value &&
          Get(anns[i], key).is_number() && (!plugin || Str(anns[i], "plugin") == plugin)) {
        return i;
      }
    }
    return SIZE_MAX;
  }

  std::string Header(const std::string& path) const {
    const ordered_json& source = Get(doc_, "source");
    const ordered_json& meta = Get(source, "metadata");
    const ordered_json& stats = Get(doc_, "stats");
    const ordered_json& tool = Get(doc_, "tool");
    std::string title = Str(meta, "title");
    if (title.empty()) title = FileName(path);
    std::string o =
        "<header><h1>" + Esc(title) +
        "</h1>\n<p class=\"muted\">Human Security audit report</p>\n<dl class=\"meta\">";
    auto row = [&](const std::string& k, const std::string& v_escaped) {
      if (!v_escaped.empty()) o += "<dt>" + Esc(k) + "</dt><dd>" + v_escaped + "</dd>";
    };
    row("File", "<code>" + Esc(path) + "</code>");
    row("Format", Esc(Str(source, "format")));
    if (Uint(stats, "pages")) row("Pages", Int(Uint(stats, "pages")));
    row("Words", Int(Uint(stats, "words")));
    row("Language", Esc(Str(source, "language")));
    row("SHA-256", "<code>" + Esc(Str(source, "sha256")) + "</code>");
    if (meta.is_object()) {
      for (const auto& [k, v] : meta.items()) {
        if (k == "title" && Str(meta, "title") == title) continue;
        row(k, Esc(v.is_string() ? v.get<std::string>() : v.dump()));
      }
    }
    row("hstag", Esc(Str(tool, "version")));
    std::string lex;
    for (const auto& l : Get(tool, "lexicons")) {
      lex += (lex.empty() ? "" : ", ") + Esc(Str(l, "name")) + " " + Esc(Str(l, "version"));
    }
    row("Lexicons", lex);
    row("Report made", Esc(o_.date));
    o += "</dl>\n";
    for (const char* kind : {"errors", "warnings"}) {
      for (const auto& m : Get(doc_, kind)) {
        o += "<p class=\"warn\"><strong>" + std::string(kind[0] == 'e' ? "Error" : "Warning") +
             "</strong> (" + Esc(Str(m, "stage")) + "): " + Esc(Str(m, "message")) + "</p>\n";
      }
    }
    return o + "</header>\n";
  }

  std::string Definitions() {
    std::string o = "<h3>Canonical definitions the text aligns with</h3>";
    const ordered_json& defs = Get(*summary_, "definitions");
    if (!defs.is_array() || defs.empty()) return o + "<p class=\"muted\">None.</p>\n";
    o += "<table><thead><tr><th>Definition</th><th>Source</th><th "
         "class=\"n\">Score</th><th>Where</th></tr></thead><tbody>";
    for (const auto& d : defs) {
      const std::string id = Str(d, "id");
      const ordered_json& score = Get(d, "score");
      std::string where = Get(d, "page").is_number() ? "p. " + Int(Uint(d, "page")) : "";
      const size_t i = FindAnnotation(id, "start", Uint(d, "start"));
      const std::string link = i == SIZE_MAX ? "" : LinkTo(i, "in the text");
      o += "<tr><td>" + Chip(id, *concepts_, "") + "</td><td>" + Esc(Str(d, "source")) +
           "</td><td class=\"n\">" +
           (score.is_number() ? FormatNumber(score.get<double>(), 2) : "-") + "</td><td>" + where +
           (where.empty() || link.empty() ? "" : " ") + link + "</td></tr>";
    }
    return o + "</tbody></table>\n";
  }

  std::string Concepts() {
    std::string o = "<section id=\"concepts\"><h2>Concepts</h2>\n";
    std::vector<std::string> ids;
    if (concepts_->is_object()) {
      for (const auto& [id, c] : concepts_->items()) ids.push_back(id);
    }
    if (ids.empty()) return o + "<p class=\"muted\">No concept found.</p></section>\n";
    o += "<table><thead><tr><th>Concept</th><th>Label</th><th class=\"n\">Explicit</th>"
         "<th class=\"n\">Indicator</th><th class=\"n\">Per 10k "
         "words</th><th>Pages</th><th>First</th></tr></thead><tbody>\n";
    for (const auto& id : ByCategory(ids, *concepts_)) {
      const ordered_json& c = Get(*concepts_, id.c_str());
      std::string first;
      const ordered_json& f = Get(c, "first");
      if (f.is_object()) {
        const size_t i = FindAnnotation(id, "start", Uint(f, "start"));
        if (i != SIZE_MAX)
          first = LinkTo(i, Get(f, "page").is_number() ? "p. " + Int(Uint(f, "page")) : "first");
      }
      o += "<tr><td>" + Chip(id, *concepts_, "") + "</td><td>" + Esc(Str(c, "label")) +
           "</td><td class=\"n\">" + Int(Uint(c, "explicit")) + "</td><td class=\"n\">" +
           Int(Uint(c, "indicator")) + "</td><td class=\"n\">" + Per10k(Get(c, "per_10k_words")) +
           "</td><td>" + PageRanges(Get(c, "pages")) + "</td><td>" + first + "</td></tr>\n";
    }
    return o + "</tbody></table></section>\n";
  }

  std::string Actors() {
    std::string o = "<section id=\"actors\"><h2>Actors</h2>\n";
    const ordered_json& actors = Get(*summary_, "actors");
    if (!actors.is_array() || actors.empty())
      return o + "<p class=\"muted\">No actor named.</p></section>\n";
    o += "<table><thead><tr><th>Actor</th><th>Type</th><th class=\"n\">Mentions</th>"
         "<th>Concepts in the same sentences</th></tr></thead><tbody>\n";
    for (const auto& a : actors) {
      std::vector<std::pair<uint64_t, std::string>> with;
      for (const auto& [id, n] : Get(a, "co_occurrence").items()) {
        with.emplace_back(n.is_number_unsigned() ? n.get<uint64_t>() : 0, id);
      }
      std::stable_sort(with.begin(), with.end(),
                       [](const auto& x, const auto& y) { return x.first > y.first; });
      std::string chips;
      for (size_t k = 0; k < with.size() && k < 8; ++k) {
        chips += Chip(with[k].second, *concepts_, " " + Int(with[k].first));
      }
      if (with.size() > 8)
        chips += " <span class=\"muted\">+" + Int(with.size() - 8) + " more</span>";
      o += "<tr><td>" + Esc(Str(a, "label")) + "<br><span class=\"id muted\">" + Esc(Str(a, "id")) +
           "</span></td><td>" + Esc(Str(a, "type")) + "</td><td class=\"n\">" +
           Int(Uint(a, "count")) + "</td><td>" +
           (chips.empty() ? "<span class=\"muted\">none</span>" : chips) + "</td></tr>\n";
    }
    return o + "</tbody></table></section>\n";
  }

  std::string Passages() {
    std::string o =
        "<section id=\"passages\"><h2>Key passages</h2>\n<p class=\"muted\">Per concept, "
        "the sentences with the most distinct concepts per word.</p>\n";
    const ordered_json& kp = Get(*summary_, "key_passages");
    std::vector<std::string> ids;
    if (kp.is_object()) {
      for (const auto& [id, list] : kp.items()) ids.push_back(id);
    }
    if (ids.empty()) return o + "<p class=\"muted\">None.</p></section>\n";
    for (const auto& id : ByCategory(ids, *concepts_)) {
      const ordered_json& c = Get(*concepts_, id.c_str());
      o += "<h3>" + Chip(id, *concepts_, "") + " " + Esc(Str(c, "label")) +
           " <span class=\"muted\">(" + Int(Uint(c, "total")) +
           ")</span></h3><ol class=\"passages\">";
      for (const auto& p : Get(kp, id.c_str())) {
        std::string text = Str(p, "text");
        std::replace(text.begin(), text.end(), '\n', ' ');
        std::string where = Get(p, "page").is_number() ? "p. " + Int(Uint(p, "page")) : "";
        const size_t i = FindAnnotation(id, "sentence", Uint(p, "sentence"));
        const std::string link = i == SIZE_MAX ? "" : LinkTo(i, "in the text");
        o += "<li><blockquote>" + Esc(text) + "</blockquote><span class=\"muted\">" + where +
             (where.empty() || link.empty() ? "" : " \xC2\xB7 ") + link + "</span></li>";
      }
      o += "</ol>\n";
    }
    return o + "</section>\n";
  }

  std::string Legend() const {
    std::string o =
        "<div class=\"legend\" aria-label=\"Legend: click a category to hide or show its "
        "highlights\">"
        "<strong>Highlights</strong><span class=\"noprint\"> (click to hide or show)</span>: ";
    for (const auto& c : kCategories) {
      if (categories_.count(c.id)) {
        o += "<label for=\"f-" + std::string(c.id) + "\" class=\"c-" + c.id + "\">" + c.label +
             "</label>";
      }
    }
    o += "<label for=\"f-ind\">indicators</label><br><span class=\"muted\">Filled: explicit; "
         "underline only: indicator. Hover a match for its concept ID and strength.</span></div>\n";
    return o;
  }

  std::string Text() {
    std::string o = "<section id=\"text\"><h2>Text</h2>\n";
    if (!has_text_) {
      return o +
             "<p class=\"warn\">This JSON does not carry the document's text (it was written "
             "without --emit-text): the matches cannot be shown in it. Run <code>hstag "
             "report</code> "
             "on the document itself.</p></section>\n";
    }
    o += Legend();
    // Sections: one per page when the segments carry pages, else one.
    struct Part {
      size_t start;
      uint64_t page;
      std::string label;
    };
    std::vector<Part> parts;
    for (const auto& s : Get(doc_, "segments")) {
      const uint64_t page = Uint(s, "page");
      if (!page) continue;
      if (parts.empty() || parts.back().page != page) {
        const size_t start = std::min<size_t>(Uint(s, "start"), text_.size());
        if (!parts.empty() && start < parts.back().start) continue;  // out of order: ignore
        parts.push_back({start, page, Str(s, "page_label")});
      }
    }
    if (parts.empty()) parts.push_back({0, 0, ""});
    parts.front().start = 0;
    size_t m = 0;  // next mark
    for (size_t k = 0; k < parts.size(); ++k) {
      const size_t b = parts[k].start, e = k + 1 < parts.size() ? parts[k + 1].start : text_.size();
      if (parts[k].page) {
        const std::string num = Int(parts[k].page);
        o += "<div class=\"pm\" id=\"p" + num + "\">Page " + num;
        if (!parts[k].label.empty() && parts[k].label != num) o += " (" + Esc(parts[k].label) + ")";
        o += "</div>";
      }
      o += "<div class=\"pt\">";
      RenderRange(b, e, &m, &o);
      o += "</div>\n";
    }
    return o + "</section>\n";
  }

  // The text of [b, e) with the marks that start in it; a mark that crosses
  // an enclosing one or the range's end is cut there.
  void RenderRange(size_t b, size_t e, size_t* m, std::string* o) {
    const ordered_json& anns = Get(doc_, "annotations");
    std::vector<size_t> open;  // ends of open marks
    size_t pos = b;
    auto close_until = [&](size_t limit) {
      while (!open.empty() && open.back() <= limit) {
        AppendHtmlEscaped(std::string_view(text_).substr(pos, open.back() - pos), o);
        *o += "</mark>";
        pos = open.back();
        open.pop_back();
      }
    };
    for (; *m < marks_.size() && marks_[*m].start < e; ++*m) {
      const Mark& mk = marks_[*m];
      if (mk.start < pos) continue;  // overlapped by an earlier part's cut
      close_until(mk.start);
      size_t end = std::min(mk.end, e);
      if (!open.empty()) end = std::min(end, open.back());
      if (end <= mk.start) continue;
      AppendHtmlEscaped(std::string_view(text_).substr(pos, mk.start - pos), o);
      pos = mk.start;
      const ordered_json& first = anns[mk.anns.front()];
      bool is_explicit = false, boiler = true;
      std::string title;
      for (size_t i : mk.anns) {
        const std::string strength = Str(anns[i], "strength");
        is_explicit = is_explicit || strength == "explicit";
        boiler = boiler && Get(anns[i], "boilerplate").is_boolean() &&
                 Get(anns[i], "boilerplate").get<bool>();
        title += (title.empty() ? "" : "\n") + Str(anns[i], "concept") + " (" + strength + ")";
      }
      *o += "<mark class=\"c-" +
            std::string(CategoryOf(SectionOf(*concepts_, Str(first, "concept"))).id) +
            (is_explicit ? " e" : " i") + (boiler ? " bp" : "") + "\"";
      if (linked_.count(*m)) *o += " id=\"m" + Int(*m) + "\"";
      *o += " title=\"" + Esc(title) + "\">";
      open.push_back(end);
    }
    close_until(e);
    AppendHtmlEscaped(std::string_view(text_).substr(pos, e - pos), o);
  }

  std::string Footer() const {
    return "<footer>Made by hstag " + Esc(Str(Get(doc_, "tool"), "version")) +
           ". Matches are the lexicons' cues, not a reading of the document: check them in "
           "context.</footer>\n";
  }

  const ordered_json& doc_;
  const ReportOptions& o_;
  const ordered_json* summary_ = nullptr;
  const ordered_json* concepts_ = nullptr;
  bool has_text_ = false;
  std::string text_;
  std::vector<Mark> marks_;
  std::map<size_t, size_t> mark_of_;  // annotation index -> mark
  std::set<size_t> linked_;           // marks a link points at
  std::set<std::string> categories_;  // present in the annotations
};

}  // namespace
}  // namespace report

std::string DocumentReportHtml(const ordered_json& doc, const ReportOptions& options) {
  return report::DocumentReport(doc, options).Render();
}

}  // namespace hstag
