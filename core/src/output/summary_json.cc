// SPDX-License-Identifier: GPL-3.0-or-later
//
// The summary as JSON (hstag/summary.h): written member by member in the
// order core/schema/document.schema.json lists them.
#include <algorithm>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>

#include "hstag/codebook.h"
#include "hstag/summary.h"
#include "hstag/writer.h"

namespace hstag {
namespace {

void WritePlace(const Summary::Place& p, JsonSink& w) {
  if (p.page) w.Member("page", p.page);
  if (!p.page_label.empty()) w.Member("page_label", p.page_label);
  if (!p.xpath.empty()) w.Member("xpath", p.xpath);
}

void NumberOrNull(std::string_view key, const std::optional<double>& v, JsonSink& w) {
  if (v) {
    w.Member(key, *v);
  } else {
    w.Member(key, nullptr);
  }
}

void WriteConcept(const Summary::Concept& c, JsonSink& w) {
  w.BeginObject();
  w.Member("label", c.label);
  w.Member("section", c.section);
  w.Member("explicit", c.explicit_count);
  w.Member("indicator", c.indicator_count);
  w.Member("total", c.total);
  if (c.boilerplate_count) w.Member("boilerplate", c.boilerplate_count);
  if (c.best_score) w.Member("best_score", *c.best_score);
  NumberOrNull("per_10k_words", c.per_10k_words, w);
  if (c.pages) {
    w.Key("pages");
    w.BeginArray();
    for (uint32_t page : *c.pages) w.Uint(page);
    w.EndArray();
  }
  if (c.xpaths) {
    w.Key("xpaths");
    w.BeginArray();
    for (const auto& x : *c.xpaths) w.String(x);
    w.EndArray();
  }
  w.Key("first");
  if (c.first) {
    w.BeginObject();
    w.Member("start", c.first->start);
    w.Member("end", c.first->end);
    WritePlace(c.first->place, w);
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
}

void WriteProfile(const Summary::Profile& p, JsonSink& w) {
  w.BeginObject();
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
  w.Member("orientation", p.orientation);
  w.Member("orientation_rule", p.orientation_rule);
  w.Key("dimensions");
  w.BeginObject();
  w.Member("covered_explicit", p.covered_explicit);
  w.Member("covered_any", p.covered_any);
  w.Member("of", uint64_t{p.dimensions.size()});
  w.Key("by_dimension");
  w.BeginObject();
  for (size_t k = 0; k < p.dimensions.size(); ++k) {
    const Summary::Dimension& d = p.dimensions[k];
    w.Key(codebook::kDimensions[k].key);
    w.BeginObject();
    w.Member("explicit", d.explicit_count);
    w.Member("indicator", d.indicator_count);
    NumberOrNull("per_10k_words", d.per_10k_words, w);
    w.EndObject();
  }
  w.EndObject();  // by_dimension
  w.EndObject();  // dimensions
  for (const auto& [key, ids] :
       {std::pair{"approaches", &p.approaches}, {"principles", &p.principles}}) {
    w.Key(key);
    w.BeginArray();
    for (const auto& id : *ids) w.String(id);
    w.EndArray();
  }
  w.EndObject();
}

void WriteActor(const Summary::Actor& a, JsonSink& w) {
  w.BeginObject();
  w.Member("id", a.id);
  w.Member("label", a.label);
  if (a.type) {
    w.Member("type", *a.type);
  } else {
    w.Member("type", nullptr);
  }
  w.Member("count", a.count);
  w.Key("co_occurrence");
  w.BeginObject();
  for (const auto& [id, n] : a.co_occurrence) w.Member(id, n);
  w.EndObject();
  w.EndObject();
}

void WritePassage(const Summary::Passage& p, JsonSink& w) {
  w.BeginObject();
  w.Member("sentence", p.sentence);
  w.Member("text", p.text);
  WritePlace(p.place, w);
  w.Member("density", p.density);
  w.Member("concepts", p.concepts);
  w.Member("words", p.words);
  w.EndObject();
}

void WriteDefinition(const Summary::Definition& d, JsonSink& w) {
  w.BeginObject();
  w.Member("id", d.id);
  NumberOrNull("score", d.score, w);
  w.Member("start", d.start);
  w.Member("end", d.end);
  w.Member("source", d.source);
  WritePlace(d.place, w);
  w.EndObject();
}

void WriteAbbreviation(const Summary::Abbreviation& a, JsonSink& w) {
  w.BeginObject();
  w.Member("short", a.short_form);
  w.Member("long", a.long_form);
  w.Member("concept", a.concept_id);
  if (a.defined_at) {
    w.Member("defined_at", *a.defined_at);
  } else {
    w.Member("defined_at", nullptr);
  }
  w.Member("occurrences", a.occurrences);
  w.EndObject();
}

}  // namespace

void WriteSummary(JsonSink& w, const Summary& s) {
  w.BeginObject();
  w.Member("annotations", s.annotations);
  w.Key("concepts");
  w.BeginObject();
  for (const auto& c : s.concepts) {
    w.Key(c.id);
    WriteConcept(c, w);
  }
  w.EndObject();
  w.Key("profile");
  WriteProfile(s.profile, w);
  w.Key("actors");
  w.BeginArray();
  for (const auto& a : s.actors) WriteActor(a, w);
  w.EndArray();
  w.Key("key_passages");
  w.BeginObject();
  for (const auto& k : s.key_passages) {
    w.Key(k.concept_id);
    w.BeginArray();
    for (const auto& p : k.passages) WritePassage(p, w);
    w.EndArray();
  }
  w.EndObject();
  w.Key("definitions");
  w.BeginArray();
  for (const auto& d : s.definitions) WriteDefinition(d, w);
  w.EndArray();
  w.Key("abbreviations");
  w.BeginArray();
  for (const auto& a : s.abbreviations) WriteAbbreviation(a, w);
  w.EndArray();
  w.EndObject();
}

ordered_json SummaryJson(const Summary& summary) {
  JsonBuilder b;
  WriteSummary(b, summary);
  return b.Take();
}

}  // namespace hstag
