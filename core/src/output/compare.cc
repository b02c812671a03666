// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/compare.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "hstag/codebook.h"
#include "hstag/writer.h"

namespace hstag {

Result<ComparedDocument> ComparedDocumentFromJson(const ordered_json& doc,
                                                  std::string_view fallback_path) {
  Result<Summary> summary = SummaryFromDocumentJson(doc);
  if (!summary.ok()) return summary.status();
  ComparedDocument d;
  d.path = fallback_path;
  auto source = doc.find("source");
  if (source != doc.end() && source->is_object()) {
    auto path = source->find("path");
    if (path != source->end() && path->is_string()) d.path = path->get<std::string>();
  }
  auto stats = doc.find("stats");
  if (stats != doc.end() && stats->is_object()) {
    auto words = stats->find("words");
    if (words != stats->end()) {
      if (!words->is_number_unsigned()) {
        return Status::Error(
            "stats.words is not a whole number (the JSON was edited): analyse the document "
            "again");
      }
      d.words = words->get<uint64_t>();
    }
  }
  d.summary = std::move(summary).value();
  return d;
}

namespace {

bool Mentions(const Summary& s, const std::string& id) {
  const Summary::Concept* c = s.FindConcept(id);
  return c && c->total > 0;
}

Comparison::Side SideOf(const ComparedDocument& d, const std::string& id) {
  if (const Summary::Concept* c = d.summary.FindConcept(id)) return {c->total, c->per_10k_words};
  return {0, d.words ? std::optional<double>(0.0) : std::nullopt};
}

}  // namespace

Comparison CompareDocuments(ComparedDocument a, ComparedDocument b) {
  Comparison cmp;
  cmp.a = std::move(a);
  cmp.b = std::move(b);
  const Summary& sa = cmp.a.summary;
  const Summary& sb = cmp.b.summary;
  std::set<std::string> ids;
  for (const Summary* s : {&sa, &sb}) {
    for (const auto& c : s->concepts) {
      if (c.total > 0) ids.insert(c.id);
    }
  }
  for (const auto& id : ids) {
    const bool in_a = Mentions(sa, id), in_b = Mentions(sb, id);
    const Summary::Concept& c = *(in_a ? sa : sb).FindConcept(id);
    cmp.concepts.push_back({id, c.label, c.section, SideOf(cmp.a, id), SideOf(cmp.b, id)});
    const Comparison::Concept& x = cmp.concepts.back();
    if (c.section == codebook::kActorSection) {
      cmp.actors.push_back({id, c.label, x.a.total, x.b.total});
    }
    if (!in_b) cmp.only_in_a.push_back(id);
    if (!in_a) cmp.only_in_b.push_back(id);
  }
  std::map<std::string, Comparison::Definition> defs;
  for (const auto& d : sa.definitions) defs[d.id].a = d.score;
  for (const auto& d : sb.definitions) defs[d.id].b = d.score;
  for (auto& [id, d] : defs) {
    d.id = id;
    cmp.definitions.push_back(std::move(d));
  }
  return cmp;
}

namespace {

void NumberOrNull(const std::optional<double>& v, JsonSink& w) {
  if (v) {
    w.Double(*v);
  } else {
    w.Null();
  }
}

void WriteDocumentSide(const ComparedDocument& d, JsonSink& w) {
  const Summary::Profile& p = d.summary.profile;
  w.BeginObject();
  w.Member("path", d.path);
  w.Member("words", d.words);
  w.Member("orientation", p.orientation);
  w.Key("freedoms");
  w.BeginObject();
  for (size_t k = 0; k < p.freedoms.size(); ++k) {
    w.Member(codebook::kFreedoms[k].key, p.freedoms[k].count);
  }
  w.Key("shares");
  w.BeginObject();
  for (size_t k = 0; k < p.freedoms.size(); ++k) {
    w.Member(codebook::kFreedoms[k].key, p.freedoms[k].share);
  }
  w.EndObject();
  w.EndObject();
  w.Key("dimensions");
  w.BeginObject();
  w.Member("covered_explicit", p.covered_explicit);
  w.Member("covered_any", p.covered_any);
  w.Member("of", uint64_t{p.dimensions.size()});
  w.EndObject();
  for (const auto& [key, ids] :
       {std::pair{"approaches", &p.approaches}, {"principles", &p.principles}}) {
    w.Key(key);
    w.BeginArray();
    for (const auto& id : *ids) w.String(id);
    w.EndArray();
  }
  w.EndObject();
}

void WriteConceptSide(const Comparison::Side& s, JsonSink& w) {
  w.BeginObject();
  w.Member("total", s.total);
  w.Key("per_10k_words");
  NumberOrNull(s.per_10k_words, w);
  w.EndObject();
}

void WriteDimension(const Summary::Dimension& d, JsonSink& w) {
  w.BeginObject();
  w.Member("explicit", d.explicit_count);
  w.Member("indicator", d.indicator_count);
  w.Key("per_10k_words");
  NumberOrNull(d.per_10k_words, w);
  w.EndObject();
}

void WriteIds(std::string_view key, const std::vector<std::string>& ids, JsonSink& w) {
  w.Key(key);
  w.BeginArray();
  for (const auto& id : ids) w.String(id);
  w.EndArray();
}

}  // namespace

void WriteComparison(JsonSink& w, const Comparison& cmp) {
  w.BeginObject();
  w.Member("schema", "hstag.compare/1");
  w.Key("a");
  WriteDocumentSide(cmp.a, w);
  w.Key("b");
  WriteDocumentSide(cmp.b, w);
  w.Key("concepts");
  w.BeginObject();
  for (const auto& c : cmp.concepts) {
    w.Key(c.id);
    w.BeginObject();
    w.Member("label", c.label);
    w.Member("section", c.section);
    w.Key("a");
    WriteConceptSide(c.a, w);
    w.Key("b");
    WriteConceptSide(c.b, w);
    w.EndObject();
  }
  w.EndObject();
  w.Key("dimensions");
  w.BeginObject();
  for (size_t k = 0; k < std::size(codebook::kDimensions); ++k) {
    w.Key(codebook::kDimensions[k].key);
    w.BeginObject();
    w.Key("a");
    WriteDimension(cmp.a.summary.profile.dimensions[k], w);
    w.Key("b");
    WriteDimension(cmp.b.summary.profile.dimensions[k], w);
    w.EndObject();
  }
  w.EndObject();
  w.Key("actors");
  w.BeginObject();
  for (const auto& a : cmp.actors) {
    w.Key(a.id);
    w.BeginObject();
    w.Member("label", a.label);
    w.Member("a", a.a);
    w.Member("b", a.b);
    w.EndObject();
  }
  w.EndObject();
  w.Key("definitions");
  w.BeginObject();
  for (const auto& d : cmp.definitions) {
    w.Key(d.id);
    w.BeginObject();
    w.Key("a");
    NumberOrNull(d.a, w);
    w.Key("b");
    NumberOrNull(d.b, w);
    w.EndObject();
  }
  w.EndObject();
  WriteIds("only_in_a", cmp.only_in_a, w);
  WriteIds("only_in_b", cmp.only_in_b, w);
  w.EndObject();
}

ordered_json ComparisonJson(const Comparison& comparison) {
  JsonBuilder b;
  WriteComparison(b, comparison);
  return b.Take();
}

// ---- the table ----------------------------------------------------------

namespace {

constexpr size_t kLabel = 33, kValue = 21;  // 33 + 2 + 21 + 2 + 21 = 79 columns

size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// At most `w` code points: cut and ended with "…" (at the front when `keep_end`).
std::string Fit(const std::string& s, size_t w, bool keep_end = false) {
  if (Width(s) <= w) return s;
  std::vector<size_t> starts;  // byte offset of every code point
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (keep_end) return "\xE2\x80\xA6" + s.substr(starts[starts.size() - (w - 1)]);
  return s.substr(0, starts[w - 1]) + "\xE2\x80\xA6";
}

std::string Pad(const std::string& s, size_t w, bool right) {
  const std::string f = Fit(s, w, right);
  const std::string fill(w - Width(f), ' ');
  return right ? fill + f : f + fill;
}

std::string Row(const std::string& label, const std::string& a, const std::string& b) {
  std::string line =
      Pad(label, kLabel, false) + "  " + Pad(a, kValue, true) + "  " + Pad(b, kValue, true);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "\n";
}

std::string Num(const std::optional<double>& v, const char* fmt = "%.1f") {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, *v);
  return buf;
}

std::string Int(uint64_t v) { return std::to_string(v); }

// Words wrapped after `indent` to 79 columns.
std::string Wrap(const std::string& head, const std::vector<std::string>& items) {
  std::string out = head, line_pad(4, ' ');
  size_t col = Width(head);
  if (items.empty()) return out + " (none)\n";
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
    if (col + 1 + Width(item) > 79 && col > line_pad.size()) {
      out += "\n" + line_pad + item;
      col = line_pad.size() + Width(item);
    } else {
      out += " " + item;
      col += 1 + Width(item);
    }
  }
  return out + "\n";
}

// Up to 8 concepts by density in one side (`side` picks it), actors apart.
std::vector<const Comparison::Concept*> Top(const Comparison& cmp,
                                            const Comparison::Side Comparison::Concept::*side) {
  std::vector<std::pair<double, const Comparison::Concept*>> v;
  for (const auto& c : cmp.concepts) {
    const Comparison::Side& s = c.*side;
    if (c.section == codebook::kActorSection || !s.per_10k_words || s.total == 0) continue;
    v.emplace_back(*s.per_10k_words, &c);
  }
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  if (v.size() > 8) v.resize(8);
  std::vector<const Comparison::Concept*> out;
  for (const auto& [density, c] : v) out.push_back(c);
  return out;
}

}  // namespace

std::string ComparisonTable(const Comparison& cmp) {
  const ComparedDocument& a = cmp.a;
  const ComparedDocument& b = cmp.b;
  const Summary::Profile& pa = a.summary.profile;
  const Summary::Profile& pb = b.summary.profile;
  std::string out;
  out += "A  " + a.path + "\n";
  out += "B  " + b.path + "\n\n";
  out += Row("", "A", "B");
  out += Row("document", std::filesystem::path(a.path).filename().string(),
             std::filesystem::path(b.path).filename().string());
  out += Row("words", Int(a.words), Int(b.words));
  out += Row("orientation", pa.orientation, pb.orientation);
  out += "freedoms: share (count)\n";
  for (size_t k = 0; k < std::size(codebook::kFreedoms); ++k) {
    auto cell = [&](const Summary::Profile& p) {
      return Num(p.freedoms[k].share, "%.2f") + " (" + Int(p.freedoms[k].count) + ")";
    };
    out += Row("  " + std::string(codebook::kFreedoms[k].key), cell(pa), cell(pb));
  }
  const std::string of = Int(std::size(codebook::kDimensions));
  auto coverage = [&](const Summary::Profile& p) {
    return Int(p.covered_explicit) + "/" + of + " explicit, " + Int(p.covered_any) + "/" + of +
           " any";
  };
  out += Row("dimensions covered", coverage(pa), coverage(pb));
  out += "dimensions: per 10k words (explicit+indicator)\n";
  for (size_t k = 0; k < std::size(codebook::kDimensions); ++k) {
    out += Row("  " + std::string(codebook::kDimensions[k].key),
               Num(pa.dimensions[k].per_10k_words), Num(pb.dimensions[k].per_10k_words));
  }

  for (const auto& [letter, side] :
       {std::pair{"A", &Comparison::Concept::a}, std::pair{"B", &Comparison::Concept::b}}) {
    out += std::string("top concepts of ") + letter + ": per 10k words\n";
    const auto list = Top(cmp, side);
    if (list.empty()) out += "  (none)\n";
    for (const Comparison::Concept* c : list) {
      out += Row("  " + c->id, Num(c->a.per_10k_words), Num(c->b.per_10k_words));
    }
  }

  out += "actors: mentions\n";
  std::vector<const Comparison::Actor*> actors;
  for (const auto& x : cmp.actors) actors.push_back(&x);
  std::stable_sort(actors.begin(), actors.end(),
                   [](const auto* x, const auto* y) { return x->a + x->b > y->a + y->b; });
  const size_t shown = std::min<size_t>(actors.size(), 12);
  if (actors.empty()) out += "  (none)\n";
  for (size_t i = 0; i < shown; ++i) {
    out += Row("  " + actors[i]->label, Int(actors[i]->a), Int(actors[i]->b));
  }
  if (actors.size() > shown) out += "  … " + Int(actors.size() - shown) + " more\n";

  out += "definitions: best score\n";
  if (cmp.definitions.empty()) out += "  (none)\n";
  for (const auto& d : cmp.definitions) {
    out += Row("  " + d.id, Num(d.a, "%.2f"), Num(d.b, "%.2f"));
  }

  out += "\n" + Wrap("only in A (" + Int(cmp.only_in_a.size()) + "):", cmp.only_in_a);
  out += Wrap("only in B (" + Int(cmp.only_in_b.size()) + "):", cmp.only_in_b);
  return out;
}

}  // namespace hstag
