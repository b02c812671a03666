// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hstag/codebook.h"

namespace hstag {

const char kOrientationRule[] =
    "The freedom with the largest share when its share is at least 0.5 and its count at least "
    "1.5 times the next freedom's; balanced when freedoms are mentioned but none leads by that "
    "much; none when no freedom is mentioned. Counts are explicit and indicator matches outside "
    "boilerplate and reference lists; a coordinated form (\"freedom from fear and want\") counts "
    "for each freedom it names.";

const char* Orientation(uint64_t fear, uint64_t want, uint64_t dignity) {
  static_assert(std::size(codebook::kFreedoms) == 3, "three freedoms: fear, want, dignity");
  const uint64_t total = fear + want + dignity;
  if (total == 0) return "none";
  // The freedoms by count, largest first (ties in the codebook's order).
  std::array<std::pair<uint64_t, size_t>, 3> f{{{fear, 0}, {want, 1}, {dignity, 2}}};
  std::stable_sort(f.begin(), f.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  // share >= 0.5 and top >= 1.5 * next, in integers: 2 top >= total, 2 top >= 3 next.
  if (2 * f[0].first >= total && 2 * f[0].first >= 3 * f[1].first) {
    // The codebook's keys are string literals: their data() ends in a NUL.
    return codebook::kFreedoms[f[0].second].key.data();
  }
  return "balanced";
}

namespace {

constexpr size_t kMaxXpaths = 20;

double Round(double v, double scale) { return std::round(v * scale) / scale; }

struct Counts {
  uint64_t explicit_ = 0, indicator = 0, boilerplate = 0, references = 0;
  double best_score = -1;                // how closely, for matches that carry a score
  std::vector<uint32_t> pages;           // in document order, repeats dropped as they come
  std::vector<std::string_view> xpaths;  // distinct, in order, at most kMaxXpaths
  const Annotation* first = nullptr;
  const std::string* id = nullptr;  // the first annotation's concept_id
  uint32_t index = 0;               // the concept's place in the order of IDs (Summarizer::ids_)
  const Concept* concept_ptr = nullptr;  // null for an ID no lexicon defines
  std::string_view section;
  uint64_t total() const { return explicit_ + indicator; }
};

void SortUnique(std::vector<uint32_t>* v) {
  if (v->size() < 2) return;
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Counts the annotations once, then fills each part of the Summary from the
// counts. Strings are copied into the Summary once; while counting, IDs and
// xpaths are views of the analysis (which outlives the Summarizer).
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

  Summary Run() {
    Count();
    Summary s;
    s.annotations = r_.annotations.size();
    Concepts(&s.concepts);
    Profile(&s.profile);
    Actors(&s.actors);
    KeyPassages(&s.key_passages);
    Definitions(&s.definitions);
    Abbreviations(&s.abbreviations);
    return s;
  }

 private:
  bool Boiler(const Annotation& a) const {
    return a.segment < r_.doc.segments.size() && r_.doc.segments[a.segment].boilerplate;
  }
  // In a reference list, and counted apart there (not a citation; not in
  // boilerplate, which counts first).
  bool InReferences(const Annotation& a) const {
    return a.segment < r_.doc.segments.size() && r_.doc.segments[a.segment].references &&
           !r_.doc.segments[a.segment].boilerplate &&
           codebook::CountedApartInReferences(a.concept_id);
  }
  // Counted apart: in boilerplate or in a reference list.
  bool Apart(const Annotation& a) const {
    if (a.segment >= r_.doc.segments.size()) return false;
    const Segment& s = r_.doc.segments[a.segment];
    return s.boilerplate || (s.references && codebook::CountedApartInReferences(a.concept_id));
  }
  const Segment* SegmentOf(const Annotation& a) const {
    return a.segment < r_.doc.segments.size() ? &r_.doc.segments[a.segment] : nullptr;
  }
  // The page (and page label) or xpath of an annotation.
  Summary::Place PlaceOf(const Annotation& a) const {
    Summary::Place p;
    const Segment* s = SegmentOf(a);
    if (!s) return p;
    p.page = s->page;
    // Most documents have neither labels nor xpaths: no copy for those.
    if (!s->page_label.empty()) p.page_label = s->page_label;
    if (!s->xpath.empty()) p.xpath = s->xpath;
    return p;
  }
  std::optional<double> Per10k(uint64_t n) const {
    if (r_.stats.words == 0) return std::nullopt;
    return Round(double(n) * 10000.0 / double(r_.stats.words), 100);
  }

  void Count() {
    struct Hit {
      uint32_t sentence;
      const Counts* counts;
      const Annotation* a;
    };
    std::vector<Hit> hits;
    for (const auto& a : r_.annotations) {
      auto [it, inserted] = counts_.try_emplace(a.concept_id);
      Counts& c = it->second;
      if (inserted) c.id = &a.concept_id;
      c.best_score = std::max(c.best_score, a.score);
      if (Boiler(a)) {
        ++c.boilerplate;
        continue;
      }
      if (InReferences(a)) {
        ++c.references;
        continue;
      }
      a.strength == Strength::kExplicit ? ++c.explicit_ : ++c.indicator;
      if (!c.first) c.first = &a;  // annotations are sorted by start
      if (const Segment* s = SegmentOf(a)) {
        if (paged_ && s->page && (c.pages.empty() || c.pages.back() != s->page)) {
          c.pages.push_back(s->page);
        }
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
      ids_.push_back(id);
      c.concept_ptr = p_.FindConcept(*c.id);
      c.section =
          c.concept_ptr ? std::string_view(c.concept_ptr->section) : codebook::SectionOf(id);
      SortUnique(&c.pages);
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

  void Concepts(std::vector<Summary::Concept>* out) const {
    out->reserve(counts_.size());
    for (const auto& [id, c] : counts_) {
      // Built whole: strings constructed in place cost less than assigned.
      Summary::Concept& x = out->emplace_back(Summary::Concept{
          .id = std::string(id),
          .label = std::string(c.concept_ptr ? std::string_view(c.concept_ptr->label) : id),
          .section = std::string(c.section),
          .explicit_count = c.explicit_,
          .indicator_count = c.indicator,
          .total = c.total(),
          .boilerplate_count = c.boilerplate,
          .references_count = c.references,
      });
      if (c.best_score >= 0) x.best_score = c.best_score;
      x.per_10k_words = Per10k(c.total());
      if (paged_) x.pages = c.pages;
      if (xml_) x.xpaths.emplace(c.xpaths.begin(), c.xpaths.end());
      if (c.first)
        x.first = Summary::Concept::First{c.first->start, c.first->end, PlaceOf(*c.first)};
    }
  }

  uint64_t Total(std::string_view id) const {
    auto it = counts_.find(id);
    return it == counts_.end() ? 0 : it->second.total();
  }

  void Profile(Summary::Profile* p) const {
    uint64_t all = 0;
    for (size_t k = 0; k < std::size(codebook::kFreedoms); ++k) {
      p->freedoms[k].count = Total(codebook::kFreedoms[k].id);
      all += p->freedoms[k].count;
    }
    for (auto& f : p->freedoms) f.share = all ? Round(double(f.count) / double(all), 1000) : 0.0;
    static_assert(std::size(codebook::kFreedoms) == 3, "Orientation() takes three freedoms");
    p->orientation = Orientation(p->freedoms[0].count, p->freedoms[1].count, p->freedoms[2].count);
    p->orientation_rule = kOrientationRule;

    // A dimension counts its own ID and any sub-ID a lexicon adds below it.
    for (size_t k = 0; k < std::size(codebook::kDimensions); ++k) {
      Summary::Dimension& d = p->dimensions[k];
      // The IDs that start with the dimension's are together in the map.
      const std::string_view id = codebook::kDimensions[k].id;
      for (auto it = counts_.lower_bound(id); it != counts_.end() && it->first.starts_with(id);
           ++it) {
        if (it->first.size() == id.size() || it->first[id.size()] == '.') {
          d.explicit_count += it->second.explicit_;
          d.indicator_count += it->second.indicator;
        }
      }
      d.per_10k_words = Per10k(d.explicit_count + d.indicator_count);
      p->covered_explicit += d.explicit_count > 0;
      p->covered_any += d.explicit_count + d.indicator_count > 0;
    }
    for (const auto& [id, c] : counts_) {
      if (!c.total()) continue;
      if (c.section == codebook::kApproachSection) p->approaches.emplace_back(id);
      if (c.section == codebook::kPrincipleSection) p->principles.emplace_back(id);
    }
  }

  void Actors(std::vector<Summary::Actor>* out) const {
    struct Actor {
      std::string_view id;
      const Concept* concept_ptr;
      uint64_t count = 0;
      std::vector<uint64_t> with;  // by concept number
    };
    std::vector<Actor> actors;
    std::vector<int32_t> actor_of(ids_.size(), -1);  // concept number -> actors index
    for (const auto& [id, c] : counts_) {
      if (c.total() && c.section == codebook::kActorSection) {
        actor_of[c.index] = static_cast<int32_t>(actors.size());
        actors.push_back({id, c.concept_ptr, c.total(), std::vector<uint64_t>(ids_.size(), 0)});
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
    out->reserve(order.size());
    for (const Actor* a : order) {
      const Concept* c = a->concept_ptr;
      Summary::Actor& x = out->emplace_back(Summary::Actor{
          .id = std::string(a->id),
          .label = std::string(c ? std::string_view(c->label) : a->id),
      });
      if (c && !c->type.empty()) x.type = c->type;
      x.count = a->count;
      for (size_t i = 0; i < a->with.size(); ++i) {
        if (a->with[i]) x.co_occurrence.emplace_back(ids_[i], a->with[i]);
      }
    }
  }

  // Words of sentence `i` as the analyzer counts them (at least 1).
  uint64_t SentenceWords(uint32_t i) const {
    return i < r_.sentence_words.size() ? std::max<uint32_t>(r_.sentence_words[i], 1) : 1;
  }

  // The text of sentence `i`, trimmed; cut (at a character) and ended with
  // "…" past max_passage_bytes.
  std::string SentenceText(uint32_t i) const {
    auto [start, end] = r_.sentences[i];
    const std::string_view t = r_.doc.text;
    end = std::min<uint32_t>(end, t.size());
    auto space = [](char c) {
      return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    };
    while (start < end && space(t[start])) ++start;
    while (end > start && space(t[end - 1])) --end;
    const std::string_view s = t.substr(start, end - start);
    if (s.size() <= o_.max_passage_bytes) return std::string(s);
    size_t cut = o_.max_passage_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";  // …
  }

  void KeyPassages(std::vector<Summary::KeyPassages>* out) const {
    if (o_.key_passages == 0) return;
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
      Summary::KeyPassages& k =
          out->emplace_back(Summary::KeyPassages{.concept_id = std::string(id)});
      const size_t n = std::min(cand.size(), o_.key_passages);
      k.passages.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        const Candidate& x = cand[i];
        k.passages.push_back({x.sentence, SentenceText(x.sentence), PlaceOf(*x.first),
                              Round(double(x.concepts) / double(x.words), 10000), x.concepts,
                              x.words});
      }
    }
  }

  void Definitions(std::vector<Summary::Definition>* out) const {
    std::map<std::string_view, const Annotation*> best;
    for (const auto& a : r_.annotations) {
      if (a.plugin != "definitions" || Apart(a)) continue;
      const Annotation*& b = best[a.concept_id];
      if (!b || a.score > b->score) b = &a;  // ties: the earlier passage
    }
    std::vector<const Annotation*> order;
    for (const auto& [id, a] : best) order.push_back(a);
    std::stable_sort(order.begin(), order.end(),
                     [](const Annotation* a, const Annotation* b) { return a->score > b->score; });
    out->reserve(order.size());
    for (const Annotation* a : order) {
      out->push_back({.id = a->concept_id,
                      .score = a->score >= 0 ? std::optional<double>(a->score) : std::nullopt,
                      .start = a->start,
                      .end = a->end,
                      .source = a->value,
                      .place = PlaceOf(*a)});
    }
  }

  void Abbreviations(std::vector<Summary::Abbreviation>* out) const {
    static constexpr std::string_view kPrefix = "abbreviation:";
    struct Key {
      int64_t via;
      std::string_view short_form, concept_id;
      auto operator<=>(const Key&) const = default;
    };
    struct Entry {
      std::string_view long_form;
      uint64_t occurrences = 0;
    };
    std::map<Key, Entry> found;
    for (const auto& a : r_.annotations) {
      if (a.plugin != "abbreviations" || Apart(a)) continue;
      if (!a.rule.starts_with(kPrefix)) continue;
      Entry& e = found[{a.via, std::string_view(a.rule).substr(kPrefix.size()), a.concept_id}];
      if (e.long_form.empty()) e.long_form = a.value;
      ++e.occurrences;
    }
    out->reserve(found.size());
    for (const auto& [k, e] : found) {
      out->push_back({.short_form = std::string(k.short_form),
                      .long_form = std::string(e.long_form),
                      .concept_id = std::string(k.concept_id),
                      .defined_at = k.via >= 0 ? std::optional<int64_t>(k.via) : std::nullopt,
                      .occurrences = e.occurrences});
    }
  }

  const AnalysisResult& r_;
  const Pipeline& p_;
  const SummaryOptions& o_;
  bool paged_ = false, xml_ = false;
  std::map<std::string_view, Counts, std::less<>> counts_;  // IDs are the annotations'
  std::vector<std::string_view> ids_;  // the concepts' IDs in order, by concept number
  // (concept number, annotation) outside boilerplate and reference lists,
  // by sentence ascending
  std::vector<std::pair<uint32_t, const Annotation*>> sentence_anns_;
  struct Sentence {
    uint32_t sentence;
    std::span<const std::pair<uint32_t, const Annotation*>> anns;  // in sentence_anns_
  };
  std::vector<Sentence> by_sentence_;  // sentences ascending
};

}  // namespace

const Summary::Concept* Summary::FindConcept(std::string_view id) const {
  auto it = std::lower_bound(concepts.begin(), concepts.end(), id,
                             [](const Concept& c, std::string_view x) { return c.id < x; });
  return it != concepts.end() && it->id == id ? &*it : nullptr;
}

Summary Summarize(const AnalysisResult& result, const Pipeline& pipeline,
                  const SummaryOptions& options) {
  return Summarizer(result, pipeline, options).Run();
}

}  // namespace hstag
