// SPDX-License-Identifier: GPL-3.0-or-later
//
// The page of one document (report/report.h).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hstag/codebook.h"
#include "report/html.h"
#include "report/report.h"
#include "report/style.h"
#include "report/widgets.h"

namespace hstag {
namespace report {
namespace {

// "1–3, 5, 9"; at most `max_runs` runs, then "…".
std::string PageRanges(const std::vector<uint32_t>& p, size_t max_runs = 12) {
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
  DocumentReport(const ordered_json& doc, const Summary& summary, const ReportOptions& o)
      : doc_(doc), summary_(summary), o_(o) {}

  std::string Render() {
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
            ProfileHtml(summary_, Num(Get(doc_, "stats"), "words"), /*with_rule=*/true, 0) +
            Definitions() + "</section>\n";
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
    for (const auto& c : Categories()) {
      if (categories_.count(c.id)) {
        o += "<input class=\"filters\" type=\"checkbox\" id=\"f-" + std::string(c.id) +
             "\" checked aria-label=\"show " + std::string(c.label) + "\">\n";
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
      categories_.insert(CategoryOf(SectionOf(summary_, Str(a, "concept"))).id);
      for (auto [key, any] : {std::pair{"boilerplate", &any_boilerplate_},
                              std::pair{"references", &any_references_}}) {
        const ordered_json& v = Get(a, key);
        *any = *any || (v.is_boolean() && v.get<bool>());
      }
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
    // A document in more than one language: the words and segments of each.
    if (const ordered_json& langs = Get(stats, "languages");
        langs.is_object() && langs.size() > 1) {
      std::string each;
      for (const auto& [lang, count] : langs.items()) {
        const uint64_t segments = Uint(count, "segments");
        each += (each.empty() ? "" : "; ") + Esc(lang) + " " + Int(Uint(count, "words")) +
                " words in " + Int(segments) + (segments == 1 ? " segment" : " segments");
      }
      row("Languages", each);
    }
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

  // A concept's chip.
  std::string ChipOf(std::string_view id, const std::string& extra = "") const {
    return Chip(id, SectionOf(summary_, id), extra);
  }
  // "p. N" for a place with a page, else "".
  static std::string PageOf(const Summary::Place& place) {
    return place.page ? "p. " + Int(place.page) : "";
  }

  std::string Definitions() {
    std::string o = "<h3>Canonical definitions the text aligns with</h3>";
    if (summary_.definitions.empty()) return o + "<p class=\"muted\">None.</p>\n";
    o += "<table><thead><tr><th>Definition</th><th>Source</th><th "
         "class=\"n\">Score</th><th>Where</th></tr></thead><tbody>";
    for (const auto& d : summary_.definitions) {
      const std::string where = PageOf(d.place);
      const size_t i = FindAnnotation(d.id, "start", d.start);
      const std::string link = i == SIZE_MAX ? "" : LinkTo(i, "in the text");
      o += "<tr><td>" + ChipOf(d.id) + "</td><td>" + Esc(d.source) + "</td><td class=\"n\">" +
           (d.score ? FormatNumber(*d.score, 2) : "-") + "</td><td>" + where +
           (where.empty() || link.empty() ? "" : " ") + link + "</td></tr>";
    }
    return o + "</tbody></table>\n";
  }

  // A section's concept IDs (`ids`) in the order of the tables.
  std::vector<std::string> ByCategory(std::vector<std::string> ids) const {
    return report::ByCategory(std::move(ids),
                              [&](std::string_view id) { return SectionOf(summary_, id); });
  }

  std::string Concepts() {
    std::string o = "<section id=\"concepts\"><h2>Concepts</h2>\n";
    std::vector<std::string> ids;
    for (const auto& c : summary_.concepts) ids.push_back(c.id);
    if (ids.empty()) return o + "<p class=\"muted\">No concept found.</p></section>\n";
    o += "<table><thead><tr><th>Concept</th><th>Label</th><th class=\"n\">Explicit</th>"
         "<th class=\"n\">Indicator</th><th class=\"n\">Per 10k "
         "words</th><th>Pages</th><th>First</th></tr></thead><tbody>\n";
    for (const auto& id : ByCategory(std::move(ids))) {
      const Summary::Concept& c = *summary_.FindConcept(id);
      std::string first;
      if (c.first) {
        const size_t i = FindAnnotation(id, "start", c.first->start);
        if (i != SIZE_MAX) {
          first = LinkTo(i, c.first->place.page ? PageOf(c.first->place) : "first");
        }
      }
      o += "<tr><td>" + ChipOf(id) + "</td><td>" + Esc(c.label) + "</td><td class=\"n\">" +
           Int(c.explicit_count) + "</td><td class=\"n\">" + Int(c.indicator_count) +
           "</td><td class=\"n\">" + Per10k(c.per_10k_words) + "</td><td>" +
           (c.pages ? PageRanges(*c.pages) : "") + "</td><td>" + first + "</td></tr>\n";
    }
    return o + "</tbody></table></section>\n";
  }

  std::string Actors() {
    std::string o = "<section id=\"actors\"><h2>Actors</h2>\n";
    if (summary_.actors.empty()) return o + "<p class=\"muted\">No actor named.</p></section>\n";
    o += "<table><thead><tr><th>Actor</th><th>Type</th><th class=\"n\">Mentions</th>"
         "<th>Concepts in the same sentences</th></tr></thead><tbody>\n";
    for (const auto& a : summary_.actors) {
      // The concepts most often in the actor's sentences, ties by ID.
      std::vector<const std::pair<std::string, uint64_t>*> with;
      for (const auto& x : a.co_occurrence) with.push_back(&x);
      std::stable_sort(with.begin(), with.end(),
                       [](const auto* x, const auto* y) { return x->second > y->second; });
      std::string chips;
      for (size_t k = 0; k < with.size() && k < 8; ++k) {
        chips += ChipOf(with[k]->first, " " + Int(with[k]->second));
      }
      if (with.size() > 8) {
        chips += " <span class=\"muted\">+" + Int(with.size() - 8) + " more</span>";
      }
      o += "<tr><td>" + Esc(a.label) + "<br><span class=\"id muted\">" + Esc(a.id) +
           "</span></td><td>" + Esc(a.type.value_or("")) + "</td><td class=\"n\">" + Int(a.count) +
           "</td><td>" + (chips.empty() ? "<span class=\"muted\">none</span>" : chips) +
           "</td></tr>\n";
    }
    return o + "</tbody></table></section>\n";
  }

  std::string Passages() {
    std::string o =
        "<section id=\"passages\"><h2>Key passages</h2>\n<p class=\"muted\">Per concept, "
        "the sentences with the most distinct concepts per word.</p>\n";
    std::map<std::string_view, const std::vector<Summary::Passage>*> by_id;
    std::vector<std::string> ids;
    for (const auto& k : summary_.key_passages) {
      if (by_id.emplace(k.concept_id, &k.passages).second) ids.push_back(k.concept_id);
    }
    if (ids.empty()) return o + "<p class=\"muted\">None.</p></section>\n";
    for (const auto& id : ByCategory(std::move(ids))) {
      const Summary::Concept* c = summary_.FindConcept(id);
      o += "<h3>" + ChipOf(id) + " " + Esc(c ? c->label : "") + " <span class=\"muted\">(" +
           Int(c ? c->total : 0) + ")</span></h3><ol class=\"passages\">";
      for (const auto& p : *by_id[id]) {
        std::string text = p.text;
        std::replace(text.begin(), text.end(), '\n', ' ');
        const std::string where = PageOf(p.place);
        const size_t i = FindAnnotation(id, "sentence", p.sentence);
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
    for (const auto& c : Categories()) {
      if (categories_.count(c.id)) {
        o += "<label for=\"f-" + std::string(c.id) + "\" class=\"c-" + std::string(c.id) + "\">" +
             std::string(c.label) + "</label>";
      }
    }
    o += "<label for=\"f-ind\">indicators</label><br><span class=\"muted\">Filled: explicit; "
         "underline only: indicator. Hover a match for its concept ID and strength.";
    // Matches the summary counts apart are faded (mark.bp, mark.rf).
    if (any_boilerplate_ || any_references_) {
      o += " Faded, counted apart: ";
      if (any_boilerplate_) o += "in a running header or footer";
      if (any_boilerplate_ && any_references_) o += " or ";
      if (any_references_) o += "in a reference list";
      o += ".";
    }
    o += "</span></div>\n";
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
      bool is_explicit = false, boiler = true, refs = true;
      std::string title;
      auto flag = [&](size_t i, const char* key) {
        const ordered_json& v = Get(anns[i], key);
        return v.is_boolean() && v.get<bool>();
      };
      for (size_t i : mk.anns) {
        const std::string strength = Str(anns[i], "strength");
        is_explicit = is_explicit || strength == "explicit";
        boiler = boiler && flag(i, "boilerplate");
        refs = refs && flag(i, "references") &&
               codebook::CountedApartInReferences(Str(anns[i], "concept"));
        title += (title.empty() ? "" : "\n") + Str(anns[i], "concept") + " (" + strength + ")";
      }
      // Faded: in boilerplate, or in a reference list (counted apart).
      const char* faded = "";
      if (boiler) {
        faded = " bp";
        title += "\nin a running header or footer";
      } else if (refs) {
        faded = " rf";
        title += "\nin a reference list";
      }
      *o += "<mark class=\"c-" +
            std::string(CategoryOf(SectionOf(summary_, Str(first, "concept"))).id) +
            (is_explicit ? " e" : " i") + faded + "\"";
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
  const Summary& summary_;
  const ReportOptions& o_;
  bool has_text_ = false;
  std::string_view text_;  // in doc_
  std::vector<Mark> marks_;
  std::map<size_t, size_t> mark_of_;       // annotation index -> mark
  std::set<size_t> linked_;                // marks a link points at
  std::set<std::string_view> categories_;  // present in the annotations (Category::id)
  bool any_boilerplate_ = false, any_references_ = false;  // annotations flagged so
};

}  // namespace
}  // namespace report

std::string DocumentReportHtml(const ordered_json& doc, const Summary& summary,
                               const ReportOptions& options) {
  return report::DocumentReport(doc, summary, options).Render();
}

}  // namespace hstag
