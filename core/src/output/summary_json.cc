// SPDX-License-Identifier: GPL-3.0-or-later
//
// The summary as JSON (hstag/summary.h): written member by member in the
// order core/schema/document.schema.json lists them, and read back with
// every member the schema requires checked for presence and type.
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
  if (c.references_count) w.Member("references", c.references_count);
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

// Reads the members of a summary's JSON into a Summary. Each read names the
// value it reads by its path ("summary.profile.freedoms"); the first one
// missing or of the wrong type is the error, and the reads after it do
// nothing.
class Reader {
 public:
  bool ok() const { return error_.empty(); }
  Status Error() const {
    return Status::Error(error_ +
                         " (the JSON was written by an older hstag, or edited): analyse the "
                         "document again");
  }

  // The member `key` of the object `obj` at `path`; null (and the error set)
  // when it is absent.
  const ordered_json* Get(const ordered_json& obj, const std::string& path, const char* key) {
    if (!ok()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) {
      Fail(path + "." + key, "is missing");
      return nullptr;
    }
    return &*it;
  }
  // The same for a member that may be absent: null without an error.
  const ordered_json* Find(const ordered_json& obj, const char* key) const {
    if (!ok()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  const ordered_json* Object(const ordered_json* v, const std::string& path) {
    if (v && !v->is_object()) Fail(path, "is not an object");
    return ok() ? v : nullptr;
  }
  const ordered_json* Array(const ordered_json* v, const std::string& path) {
    if (v && !v->is_array()) Fail(path, "is not an array");
    return ok() ? v : nullptr;
  }
  const ordered_json* Object(const ordered_json& obj, const std::string& path, const char* key) {
    return Object(Get(obj, path, key), path + "." + key);
  }
  const ordered_json* Array(const ordered_json& obj, const std::string& path, const char* key) {
    return Array(Get(obj, path, key), path + "." + key);
  }

  void Uint(const ordered_json* v, const std::string& path, uint64_t* out) {
    if (!v) return;
    if (v->is_number_unsigned()) {
      *out = v->get<uint64_t>();
    } else if (v->is_number_integer() && v->get<int64_t>() >= 0) {
      *out = static_cast<uint64_t>(v->get<int64_t>());
    } else {
      Fail(path, "is not a whole number of at least 0");
    }
  }
  void Uint(const ordered_json& obj, const std::string& path, const char* key, uint64_t* out) {
    Uint(Get(obj, path, key), path + "." + key, out);
  }
  void String(const ordered_json* v, const std::string& path, std::string* out) {
    if (!v) return;
    if (v->is_string()) {
      *out = v->get_ref<const std::string&>();
    } else {
      Fail(path, "is not a string");
    }
  }
  void String(const ordered_json& obj, const std::string& path, const char* key, std::string* out) {
    String(Get(obj, path, key), path + "." + key, out);
  }
  void Number(const ordered_json& obj, const std::string& path, const char* key, double* out) {
    const ordered_json* v = Get(obj, path, key);
    if (!v) return;
    if (v->is_number()) {
      *out = v->get<double>();
    } else {
      Fail(path + "." + key, "is not a number");
    }
  }
  void NumberOrNull(const ordered_json* v, const std::string& path, std::optional<double>* out) {
    if (!v || v->is_null()) return;
    if (v->is_number()) {
      *out = v->get<double>();
    } else {
      Fail(path, "is not a number or null");
    }
  }
  void NumberOrNull(const ordered_json& obj, const std::string& path, const char* key,
                    std::optional<double>* out) {
    NumberOrNull(Get(obj, path, key), path + "." + key, out);
  }
  void Strings(const ordered_json* v, const std::string& path, std::vector<std::string>* out) {
    if (!Array(v, path)) return;
    out->reserve(v->size());
    for (const auto& x : *v) String(&x, path + "[]", &out->emplace_back());
  }

  // The optional page, page_label and xpath of an object.
  void Place(const ordered_json& obj, const std::string& path, Summary::Place* out) {
    if (const ordered_json* page = Find(obj, "page")) {
      uint64_t n = 0;
      Uint(page, path + ".page", &n);
      if (n > std::numeric_limits<uint32_t>::max()) Fail(path + ".page", "is not a page number");
      out->page = static_cast<uint32_t>(n);
    }
    if (const ordered_json* label = Find(obj, "page_label")) {
      String(label, path + ".page_label", &out->page_label);
    }
    if (const ordered_json* xpath = Find(obj, "xpath")) String(xpath, path + ".xpath", &out->xpath);
  }

  void Concept(const std::string& id, const ordered_json& c, const std::string& path,
               Summary::Concept* out) {
    if (!Object(&c, path)) return;
    out->id = id;
    String(c, path, "label", &out->label);
    String(c, path, "section", &out->section);
    Uint(c, path, "explicit", &out->explicit_count);
    Uint(c, path, "indicator", &out->indicator_count);
    Uint(c, path, "total", &out->total);
    if (const ordered_json* b = Find(c, "boilerplate")) {
      Uint(b, path + ".boilerplate", &out->boilerplate_count);
    }
    if (const ordered_json* r = Find(c, "references")) {
      Uint(r, path + ".references", &out->references_count);
    }
    NumberOrNull(Find(c, "best_score"), path + ".best_score", &out->best_score);
    NumberOrNull(c, path, "per_10k_words", &out->per_10k_words);
    if (const ordered_json* pages = Array(Find(c, "pages"), path + ".pages")) {
      out->pages.emplace().reserve(pages->size());
      for (const auto& p : *pages) {
        uint64_t n = 0;
        Uint(&p, path + ".pages[]", &n);
        out->pages->push_back(static_cast<uint32_t>(n));
      }
    }
    if (const ordered_json* xpaths = Find(c, "xpaths")) {
      Strings(xpaths, path + ".xpaths", &out->xpaths.emplace());
    }
    const ordered_json* first = Get(c, path, "first");
    if (first && !first->is_null() && Object(first, path + ".first")) {
      // From a value: clang cannot tell a nested struct with member
      // initializers default-constructible inside std::optional.
      Summary::Concept::First& f = out->first.emplace(Summary::Concept::First{});
      Uint(*first, path + ".first", "start", &f.start);
      Uint(*first, path + ".first", "end", &f.end);
      Place(*first, path + ".first", &f.place);
    }
  }

  void Profile(const ordered_json& p, const std::string& path, Summary::Profile* out) {
    const std::string fpath = path + ".freedoms";
    if (const ordered_json* f = Object(p, path, "freedoms")) {
      const ordered_json* shares = Object(*f, fpath, "shares");
      for (size_t k = 0; k < out->freedoms.size() && shares; ++k) {
        const std::string key(codebook::kFreedoms[k].key);
        Uint(*f, fpath, key.c_str(), &out->freedoms[k].count);
        Number(*shares, fpath + ".shares", key.c_str(), &out->freedoms[k].share);
      }
    }
    String(p, path, "orientation", &out->orientation);
    String(p, path, "orientation_rule", &out->orientation_rule);
    const std::string dpath = path + ".dimensions";
    if (const ordered_json* d = Object(p, path, "dimensions")) {
      Uint(*d, dpath, "covered_explicit", &out->covered_explicit);
      Uint(*d, dpath, "covered_any", &out->covered_any);
      uint64_t of = 0;
      Uint(*d, dpath, "of", &of);
      if (ok() && of != out->dimensions.size()) Fail(dpath + ".of", "is not 7");
      const ordered_json* by = Object(*d, dpath, "by_dimension");
      for (size_t k = 0; k < out->dimensions.size() && by; ++k) {
        const std::string key(codebook::kDimensions[k].key);
        const std::string kpath = dpath + ".by_dimension." + key;
        if (const ordered_json* x = Object(*by, dpath + ".by_dimension", key.c_str())) {
          Uint(*x, kpath, "explicit", &out->dimensions[k].explicit_count);
          Uint(*x, kpath, "indicator", &out->dimensions[k].indicator_count);
          NumberOrNull(*x, kpath, "per_10k_words", &out->dimensions[k].per_10k_words);
        }
      }
    }
    Strings(Get(p, path, "approaches"), path + ".approaches", &out->approaches);
    Strings(Get(p, path, "principles"), path + ".principles", &out->principles);
  }

  void Actor(const ordered_json& a, const std::string& path, Summary::Actor* out) {
    if (!Object(&a, path)) return;
    String(a, path, "id", &out->id);
    String(a, path, "label", &out->label);
    if (const ordered_json* type = Get(a, path, "type"); type && !type->is_null()) {
      String(type, path + ".type", &out->type.emplace());
    }
    Uint(a, path, "count", &out->count);
    if (const ordered_json* with = Object(a, path, "co_occurrence")) {
      out->co_occurrence.reserve(with->size());
      for (const auto& [id, n] : with->items()) {
        auto& [x, count] = out->co_occurrence.emplace_back(id, 0);
        Uint(&n, path + ".co_occurrence[\"" + x + "\"]", &count);
      }
    }
  }

  void Passage(const ordered_json& p, const std::string& path, Summary::Passage* out) {
    if (!Object(&p, path)) return;
    Uint(p, path, "sentence", &out->sentence);
    String(p, path, "text", &out->text);
    Place(p, path, &out->place);
    Number(p, path, "density", &out->density);
    Uint(p, path, "concepts", &out->concepts);
    Uint(p, path, "words", &out->words);
  }

  void Definition(const ordered_json& d, const std::string& path, Summary::Definition* out) {
    if (!Object(&d, path)) return;
    String(d, path, "id", &out->id);
    NumberOrNull(d, path, "score", &out->score);
    Uint(d, path, "start", &out->start);
    Uint(d, path, "end", &out->end);
    String(d, path, "source", &out->source);
    Place(d, path, &out->place);
  }

  void Abbreviation(const ordered_json& a, const std::string& path, Summary::Abbreviation* out) {
    if (!Object(&a, path)) return;
    String(a, path, "short", &out->short_form);
    String(a, path, "long", &out->long_form);
    String(a, path, "concept", &out->concept_id);
    if (const ordered_json* at = Get(a, path, "defined_at"); at && !at->is_null()) {
      if (at->is_number_integer()) {
        out->defined_at = at->get<int64_t>();
      } else {
        Fail(path + ".defined_at", "is not a whole number or null");
      }
    }
    Uint(a, path, "occurrences", &out->occurrences);
  }

  void Fail(const std::string& path, std::string_view what) {
    if (ok()) error_ = path + " " + std::string(what);
  }

 private:
  std::string error_;
};

// "summary.concepts" and an ID: summary.concepts["dimension.food"].
std::string Keyed(const std::string& path, const std::string& id) {
  return path + "[\"" + id + "\"]";
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

Result<Summary> SummaryFromJson(const ordered_json& j) {
  Reader r;
  const std::string path = "summary";
  if (j.is_null()) r.Fail(path, "is missing");
  r.Object(&j, path);
  if (!r.ok()) return r.Error();
  Summary s;
  r.Uint(j, path, "annotations", &s.annotations);
  if (const ordered_json* concepts = r.Object(j, path, "concepts")) {
    s.concepts.reserve(concepts->size());
    for (const auto& [id, c] : concepts->items()) {
      r.Concept(id, c, Keyed(path + ".concepts", id), &s.concepts.emplace_back());
    }
    // Kept sorted by ID, as FindConcept needs (the JSON is, unless edited).
    std::stable_sort(s.concepts.begin(), s.concepts.end(),
                     [](const auto& a, const auto& b) { return a.id < b.id; });
  }
  if (const ordered_json* profile = r.Object(j, path, "profile")) {
    r.Profile(*profile, path + ".profile", &s.profile);
  }
  if (const ordered_json* actors = r.Array(j, path, "actors")) {
    s.actors.reserve(actors->size());
    for (const auto& a : *actors) r.Actor(a, path + ".actors[]", &s.actors.emplace_back());
  }
  // A corpus line's summary has no key passages (they stay in OUT/docs).
  if (const ordered_json* kp = r.Object(r.Find(j, "key_passages"), path + ".key_passages")) {
    s.key_passages.reserve(kp->size());
    for (const auto& [id, list] : kp->items()) {
      Summary::KeyPassages& k = s.key_passages.emplace_back();
      k.concept_id = id;
      const std::string kpath = Keyed(path + ".key_passages", id);
      if (!r.Array(&list, kpath)) break;
      k.passages.reserve(list.size());
      for (const auto& p : list) r.Passage(p, kpath + "[]", &k.passages.emplace_back());
    }
  }
  if (const ordered_json* defs = r.Array(j, path, "definitions")) {
    s.definitions.reserve(defs->size());
    for (const auto& d : *defs)
      r.Definition(d, path + ".definitions[]", &s.definitions.emplace_back());
  }
  if (const ordered_json* abbrs = r.Array(j, path, "abbreviations")) {
    s.abbreviations.reserve(abbrs->size());
    for (const auto& a : *abbrs) {
      r.Abbreviation(a, path + ".abbreviations[]", &s.abbreviations.emplace_back());
    }
  }
  if (!r.ok()) return r.Error();
  return s;
}

Result<Summary> SummaryFromDocumentJson(const ordered_json& doc) {
  static const ordered_json kNone;
  if (!doc.is_object()) return SummaryFromJson(kNone);
  auto it = doc.find("summary");
  return SummaryFromJson(it == doc.end() ? kNone : *it);
}

}  // namespace hstag
