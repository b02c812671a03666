// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "text/analyzer.h"
#include "lexicon/loader.h"
#include "hstag/codebook.h"
#include "hstag/writer.h"

namespace hstag {

using ordered_json = nlohmann::ordered_json;

const char kOrientationRule[] =
    "The freedom with the largest share when its share is at least 0.5 and its count at least "
    "1.5 times the next freedom's; balanced when freedoms are mentioned but none leads by that "
    "much; none when no freedom is mentioned. Counts are explicit and indicator matches outside "
    "boilerplate; a coordinated form (\"freedom from fear and want\") counts for each freedom it "
    "names.";

const char* Orientation(uint64_t fear, uint64_t want, uint64_t dignity) {
  const uint64_t total = fear + want + dignity;
  if (total == 0) return "none";
  std::array<std::pair<uint64_t, const char*>, 3> f{
      {{fear, "fear"}, {want, "want"}, {dignity, "dignity"}}};
  std::stable_sort(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  // share >= 0.5 and top >= 1.5 * next, in integers: 2 top >= total, 2 top >= 3 next.
  if (2 * f[0].first >= total && 2 * f[0].first >= 3 * f[1].first) return f[0].second;
  return "balanced";
}

namespace {

constexpr size_t kMaxXpaths = 20;

const std::array<const char*, 7> kDimensions = {"economic",  "food",      "health",   "environmental",
                                                "personal",  "community", "political"};

double Round(double v, double scale) { return std::round(v * scale) / scale; }

struct Counts {
  uint64_t explicit_ = 0, indicator = 0, boilerplate = 0;
  double best_score = -1;  // how closely, for matches that carry a score
  std::set<uint32_t> pages;
  std::vector<std::string> xpaths;  // distinct, in order, at most kMaxXpaths
  const Annotation* first = nullptr;
  uint32_t index = 0;  // the concept's place in the order of IDs (Summarizer::ids_)
  const Concept* concept_ptr = nullptr;  // null for an ID no lexicon defines
  std::string section;
  uint64_t total() const { return explicit_ + indicator; }
};

class Summarizer {
 public:
  Summarizer(const AnalysisResult& r, const Pipeline& p, const SummaryOptions& o)
      : r_(r), p_(p), o_(o) {
    paged_ = r.doc.pages > 0;
    for (const auto& s : r.doc.segments) {
      paged_ = paged_ || s.page > 0;
      xml_ = xml_ || !s.xpath.empty();
    }
    if (paged_) xml_ = false;
  }

  void Write(JsonSink& w) {
    Count();
    w.BeginObject();
    w.Member("annotations", uint64_t{r_.annotations.size()});
    w.Key("concepts");
    Concepts(w);
    w.Key("profile");
    Profile(w);
    w.Key("actors");
    Actors(w);
    w.Key("key_passages");
    KeyPassages(w);
    w.Key("definitions");
    Definitions(w);
    w.Key("abbreviations");
    Abbreviations(w);
    w.EndObject();
  }

 private:
  bool Boiler(const Annotation& a) const {
    return a.segment < r_.doc.segments.size() && r_.doc.segments[a.segment].boilerplate;
  }
  const Segment* SegmentOf(const Annotation& a) const {
    return a.segment < r_.doc.segments.size() ? &r_.doc.segments[a.segment] : nullptr;
  }
  // page (and page label) or xpath of an annotation, as members.
  void Where(const Annotation& a, JsonSink& w) const {
    const Segment* s = SegmentOf(a);
    if (!s) return;
    if (s->page) w.Member("page", s->page);
    if (!s->page_label.empty()) w.Member("page_label", s->page_label);
    if (!s->xpath.empty()) w.Member("xpath", s->xpath);
  }
  void Per10k(std::string_view key, uint64_t n, JsonSink& w) const {
    if (r_.stats.words == 0) return w.Member(key, nullptr);
    w.Member(key, Round(double(n) * 10000.0 / double(r_.stats.words), 100));
  }

  void Count() {
    struct Hit {
      uint32_t sentence;
      const Counts* counts;
      const Annotation* a;
    };
    std::vector<Hit> hits;
    for (const auto& a : r_.annotations) {
      Counts& c = counts_[a.concept_id];
      c.best_score = std::max(c.best_score, a.score);
      if (Boiler(a)) {
        ++c.boilerplate;
        continue;
      }
      a.strength == Strength::kExplicit ? ++c.explicit_ : ++c.indicator;
      if (!c.first) c.first = &a;  // annotations are sorted by start
      if (const Segment* s = SegmentOf(a)) {
        if (paged_ && s->page) c.pages.insert(s->page);
        if (xml_ && !s->xpath.empty() && c.xpaths.size() < kMaxXpaths &&
            std::find(c.xpaths.begin(), c.xpaths.end(), s->xpath) == c.xpaths.end()) {
          c.xpaths.push_back(s->xpath);
        }
      }
      if (a.sentence < r_.sentences.size()) hits.push_back({a.sentence, &c, &a});
    }
    // Concepts numbered in the order of their IDs: a sorted list of numbers
    // is a sorted list of IDs.
    for (auto& [id, c] : counts_) {
      c.index = static_cast<uint32_t>(ids_.size());
      ids_.push_back(&id);
      c.concept_ptr = p_.FindConcept(id);
      c.section = c.concept_ptr ? c.concept_ptr->section : std::string(codebook::SectionOf(id));
    }
    // Annotations by sentence (sentences ascending, annotations in start order).
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit& x, const Hit& y) { return x.sentence < y.sentence; });
    sentence_anns_.reserve(hits.size());
    for (const Hit& h : hits) sentence_anns_.push_back({h.counts->index, h.a});
    const std::span<const std::pair<uint32_t, const Annotation*>> all(sentence_anns_);
    for (size_t k = 0; k < hits.size();) {
      size_t e = k + 1;
      while (e < hits.size() && hits[e].sentence == hits[k].sentence) ++e;
      by_sentence_.push_back({hits[k].sentence, all.subspan(k, e - k)});
      k = e;
    }
  }

  void Concepts(JsonSink& w) const {
    w.BeginObject();
    for (const auto& [id, c] : counts_) {
      w.Key(id);
      w.BeginObject();
      w.Member("label", c.concept_ptr ? c.concept_ptr->label : id);
      w.Member("section", c.section);
      w.Member("explicit", c.explicit_);
      w.Member("indicator", c.indicator);
      w.Member("total", c.total());
      if (c.boilerplate) w.Member("boilerplate", c.boilerplate);
      if (c.best_score >= 0) w.Member("best_score", c.best_score);
      Per10k("per_10k_words", c.total(), w);
      if (paged_) {
        w.Key("pages");
        w.BeginArray();
        for (uint32_t page : c.pages) w.Uint(page);
        w.EndArray();
      }
      if (xml_) {
        w.Key("xpaths");
        w.BeginArray();
        for (const auto& x : c.xpaths) w.String(x);
        w.EndArray();
      }
      w.Key("first");
      if (c.first) {
        w.BeginObject();
        w.Member("start", c.first->start);
        w.Member("end", c.first->end);
        Where(*c.first, w);
        w.EndObject();
      } else {
        w.Null();
      }
      w.EndObject();
    }
    w.EndObject();
  }

  uint64_t Total(const std::string& id) const {
    auto it = counts_.find(id);
    return it == counts_.end() ? 0 : it->second.total();
  }

  void Profile(JsonSink& w) const {
    w.BeginObject();
    const uint64_t fear = Total("pillar.freedom_from_fear");
    const uint64_t want = Total("pillar.freedom_from_want");
    const uint64_t dignity = Total("pillar.freedom_to_live_in_dignity");
    const uint64_t all = fear + want + dignity;
    auto share = [&](uint64_t n) { return all ? Round(double(n) / double(all), 1000) : 0.0; };
    w.Key("freedoms");
    w.BeginObject();
    w.Member("fear", fear);
    w.Member("want", want);
    w.Member("dignity", dignity);
    w.Key("shares");
    w.BeginObject();
    w.Member("fear", share(fear));
    w.Member("want", share(want));
    w.Member("dignity", share(dignity));
    w.EndObject();
    w.EndObject();
    w.Member("orientation", Orientation(fear, want, dignity));
    w.Member("orientation_rule", kOrientationRule);

    // A dimension counts its own ID and any sub-ID a lexicon adds below it.
    struct Dimension {
      uint64_t explicit_ = 0, indicator = 0;
    };
    std::array<Dimension, kDimensions.size()> by{};
    uint64_t covered_explicit = 0, covered_any = 0;
    for (size_t k = 0; k < kDimensions.size(); ++k) {
      // The IDs that start with the dimension's are together in the map.
      const std::string id = std::string("dimension.") + kDimensions[k];
      for (auto it = counts_.lower_bound(id); it != counts_.end() && it->first.starts_with(id);
           ++it) {
        if (it->first.size() == id.size() || it->first[id.size()] == '.') {
          by[k].explicit_ += it->second.explicit_;
          by[k].indicator += it->second.indicator;
        }
      }
      covered_explicit += by[k].explicit_ > 0;
      covered_any += by[k].explicit_ + by[k].indicator > 0;
    }
    w.Key("dimensions");
    w.BeginObject();
    w.Member("covered_explicit", covered_explicit);
    w.Member("covered_any", covered_any);
    w.Member("of", uint64_t{kDimensions.size()});
    w.Key("by_dimension");
    w.BeginObject();
    for (size_t k = 0; k < kDimensions.size(); ++k) {
      w.Key(kDimensions[k]);
      w.BeginObject();
      w.Member("explicit", by[k].explicit_);
      w.Member("indicator", by[k].indicator);
      Per10k("per_10k_words", by[k].explicit_ + by[k].indicator, w);
      w.EndObject();
    }
    w.EndObject();  // by_dimension
    w.EndObject();  // dimensions
    for (const auto& [key, section] :
         {std::pair{"approaches", "approach"}, {"principles", "principle"}}) {
      w.Key(key);
      w.BeginArray();
      for (const auto& [id, c] : counts_) {
        if (c.total() && c.section == section) w.String(id);
      }
      w.EndArray();
    }
    w.EndObject();
  }

  void Actors(JsonSink& w) const {
    struct Actor {
      const std::string* id;
      const Concept* concept_ptr;
      uint64_t count = 0;
      std::vector<uint64_t> with;  // by concept number
    };
    std::vector<Actor> actors;
    std::vector<int32_t> actor_of(ids_.size(), -1);  // concept number -> actors index
    for (const auto& [id, c] : counts_) {
      if (c.total() && c.section == "actor") {
        actor_of[c.index] = static_cast<int32_t>(actors.size());
        actors.push_back({&id, c.concept_ptr, c.total(), std::vector<uint64_t>(ids_.size(), 0)});
      }
    }
    // Per sentence: each (actor, other concept) pair present counts once.
    std::vector<uint32_t> here_actors, here_others;
    for (const auto& [sentence, anns] : by_sentence_) {
      here_actors.clear();
      here_others.clear();
      for (const auto& [concept_index, a] : anns) {
        (actor_of[concept_index] >= 0 ? here_actors : here_others).push_back(concept_index);
      }
      SortUnique(&here_actors);
      SortUnique(&here_others);
      for (uint32_t actor : here_actors) {
        for (uint32_t other : here_others) ++actors[actor_of[actor]].with[other];
      }
    }
    std::vector<const Actor*> order;
    for (const Actor& a : actors) order.push_back(&a);
    std::stable_sort(order.begin(), order.end(),
                     [](const Actor* a, const Actor* b) { return a->count > b->count; });
    w.BeginArray();
    for (const Actor* a : order) {
      const Concept* c = a->concept_ptr;
      w.BeginObject();
      w.Member("id", *a->id);
      w.Member("label", c ? c->label : *a->id);
      if (c && !c->type.empty()) {
        w.Member("type", c->type);
      } else {
        w.Member("type", nullptr);
      }
      w.Member("count", a->count);
      w.Key("co_occurrence");
      w.BeginObject();
      for (size_t i = 0; i < a->with.size(); ++i) {
        if (a->with[i]) w.Member(*ids_[i], a->with[i]);
      }
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
  }

  static void SortUnique(std::vector<uint32_t>* v) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }

  // Words of sentence `i` as the analyzer counts them (at least 1).
  uint64_t SentenceWords(uint32_t i) const {
    return i < r_.sentence_words.size() ? std::max<uint32_t>(r_.sentence_words[i], 1) : 1;
  }

  // The text of sentence `i`, trimmed, as a string value; cut (at a
  // character) and ended with "…" past max_passage_bytes.
  void SentenceText(uint32_t i, JsonSink& w) const {
    auto [start, end] = r_.sentences[i];
    const std::string_view t = r_.doc.text;
    end = std::min<uint32_t>(end, t.size());
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
    while (start < end && space(t[start])) ++start;
    while (end > start && space(t[end - 1])) --end;
    const std::string_view s = t.substr(start, end - start);
    if (s.size() <= o_.max_passage_bytes) return w.String(s);
    size_t cut = o_.max_passage_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    w.String(std::string(s.substr(0, cut)) + "\xE2\x80\xA6");  // …
  }

  void KeyPassages(JsonSink& w) {
    w.BeginObject();
    if (o_.key_passages == 0) return w.EndObject();
    // Candidates per concept, in sentence order: each sentence where the
    // concept occurs, with its first match there and the sentence's number
    // of distinct concepts.
    struct Candidate {
      uint32_t sentence;
      const Annotation* first;  // the concept's first match in the sentence
      uint64_t concepts, words;
    };
    std::vector<std::vector<Candidate>> candidates(ids_.size());  // by concept number
    std::vector<uint32_t> here;
    std::vector<char> seen(ids_.size(), 0);
    for (const auto& [sentence, anns] : by_sentence_) {
      here.clear();
      for (const auto& [concept_index, a] : anns) here.push_back(concept_index);
      SortUnique(&here);
      const uint64_t distinct = here.size(), words = SentenceWords(sentence);
      for (const auto& [concept_index, a] : anns) {
        if (!seen[concept_index]) {
          seen[concept_index] = 1;
          candidates[concept_index].push_back({sentence, a, distinct, words});
        }
      }
      for (uint32_t k : here) seen[k] = 0;
    }
    for (const auto& [id, c] : counts_) {
      if (!c.total()) continue;
      std::vector<Candidate>& cand = candidates[c.index];
      // Densest first (compared exactly as fractions), then earlier.
      std::stable_sort(cand.begin(), cand.end(), [](const Candidate& a, const Candidate& b) {
        return a.concepts * b.words > b.concepts * a.words;
      });
      w.Key(id);
      w.BeginArray();
      for (size_t k = 0; k < cand.size() && k < o_.key_passages; ++k) {
        const Candidate& x = cand[k];
        w.BeginObject();
        w.Member("sentence", x.sentence);
        w.Key("text");
        SentenceText(x.sentence, w);
        Where(*x.first, w);
        w.Member("density", Round(double(x.concepts) / double(x.words), 10000));
        w.Member("concepts", x.concepts);
        w.Member("words", x.words);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }

  void Definitions(JsonSink& w) const {
    std::map<std::string, const Annotation*> best;
    for (const auto& a : r_.annotations) {
      if (a.plugin != "definitions" || Boiler(a)) continue;
      const Annotation*& b = best[a.concept_id];
      if (!b || a.score > b->score) b = &a;  // ties: the earlier passage
    }
    std::vector<const Annotation*> order;
    for (const auto& [id, a] : best) order.push_back(a);
    std::stable_sort(order.begin(), order.end(),
                     [](const Annotation* a, const Annotation* b) { return a->score > b->score; });
    w.BeginArray();
    for (const Annotation* a : order) {
      w.BeginObject();
      w.Member("id", a->concept_id);
      if (a->score >= 0) {
        w.Member("score", a->score);
      } else {
        w.Member("score", nullptr);
      }
      w.Member("start", a->start);
      w.Member("end", a->end);
      w.Member("source", a->value);
      Where(*a, w);
      w.EndObject();
    }
    w.EndArray();
  }

  void Abbreviations(JsonSink& w) const {
    static constexpr std::string_view kPrefix = "abbreviation:";
    struct Key {
      int64_t via;
      std::string short_form, concept_id;
      auto operator<=>(const Key&) const = default;
    };
    struct Entry {
      std::string long_form;
      uint64_t occurrences = 0;
    };
    std::map<Key, Entry> found;
    for (const auto& a : r_.annotations) {
      if (a.plugin != "abbreviations" || Boiler(a)) continue;
      if (a.rule.compare(0, kPrefix.size(), kPrefix) != 0) continue;
      Entry& e = found[{a.via, a.rule.substr(kPrefix.size()), a.concept_id}];
      if (e.long_form.empty()) e.long_form = a.value;
      ++e.occurrences;
    }
    w.BeginArray();
    for (const auto& [k, e] : found) {
      w.BeginObject();
      w.Member("short", k.short_form);
      w.Member("long", e.long_form);
      w.Member("concept", k.concept_id);
      if (k.via >= 0) {
        w.Member("defined_at", k.via);
      } else {
        w.Member("defined_at", nullptr);
      }
      w.Member("occurrences", e.occurrences);
      w.EndObject();
    }
    w.EndArray();
  }

  const AnalysisResult& r_;
  const Pipeline& p_;
  const SummaryOptions& o_;
  bool paged_ = false, xml_ = false;
  std::map<std::string, Counts> counts_;
  std::vector<const std::string*> ids_;  // the concepts' IDs in order, by concept number
  // (concept number, annotation) outside boilerplate, by sentence ascending
  std::vector<std::pair<uint32_t, const Annotation*>> sentence_anns_;
  struct Sentence {
    uint32_t sentence;
    std::span<const std::pair<uint32_t, const Annotation*>> anns;  // in sentence_anns_
  };
  std::vector<Sentence> by_sentence_;  // sentences ascending
};

}  // namespace

void WriteSummary(JsonSink& sink, const AnalysisResult& result, const Pipeline& pipeline,
                  const SummaryOptions& options) {
  Summarizer(result, pipeline, options).Write(sink);
}

ordered_json Summary(const AnalysisResult& result, const Pipeline& pipeline,
                     const SummaryOptions& options) {
  JsonBuilder b;
  WriteSummary(b, result, pipeline, options);
  return b.Take();
}

}  // namespace hstag
