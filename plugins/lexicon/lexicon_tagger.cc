// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lexicon tagger: matches the cues of the pipeline's lexicons on the
// analyzer's tokens. It takes no options: its lexicons are the pipeline's,
// as the host hands them (CreateArgs::lexicons).
//
// Compilation (once): every cue comes with its words as the host's analyzer
// tokenizes the term, exactly as documents are tokenized; they go into a
// token trie whose edges are word IDs (one hash look-up per document token,
// whatever the size of the lexicon). Words with `*` are globs, looked up by
// their first letter.
//
// Matching (per document): from every token whose word starts a term (a
// table of the terms' first words), walk the trie over following tokens of
// the same sentence whose gap is only white space or hyphens (or the
// punctuation the term itself has there); a following token's word ID is
// looked up when a walk reaches it, and only when a filter of the trie's
// (node, word) steps, small enough to stay in cache, lets it: most walks
// end at their first step (when there are globs, every step is looked up).
// Then, in order:
//   1. case (`exact` cues compare the words as written) and language;
//   2. exclusions: a match of a concept inside a match of one of its
//      `exclude` phrases is dropped;
//   3. overlaps: within one codebook section the longest match wins (ties:
//      the earlier start, then lexicon order); different sections may overlap;
//      each category of a user dictionary (quanteda, LIWC) is a group of its
//      own, so a word counts in every category that lists it;
//   4. `requires`: a cue that needs another concept counts only when the
//      document has a match of that concept.
// A kept match yields its concept and the concepts in its cue's `also`.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/flat_table.h"
#include "common/lexicon_match.h"
#include "common/options.h"
#include "hstag/codebook.h"
#include "hstag/plugin.h"

namespace {

using hstag::sdk::Strength;
using hstag::sdk::TextView;

// (node, word) -> child node; the key of the one edge into each child is
// kept to tell a hit from two keys whose hashes agree in the bits the table
// keeps.
class EdgeTable {
 public:
  static constexpr uint32_t kNone = hstag::common::FlatTable::kNone;
  uint32_t Find(uint64_t key) const {
    return table_.Find(hstag::common::Mix64(key), [&](uint32_t child) { return keys_[child] == key; });
  }
  void Insert(uint64_t key, uint32_t child) {
    if (keys_.size() <= child) keys_.resize(child + 1);
    keys_[child] = key;
    table_.Insert(hstag::common::Mix64(key), child);
  }

 private:
  hstag::common::FlatTable table_;
  std::vector<uint64_t> keys_;  // by child: a child has one edge into it
};

struct Pattern {
  uint32_t concept_idx = 0;
  std::vector<uint32_t> also;
  int32_t required = -1;  // concept index
  Strength strength = Strength::kExplicit;
  bool exact = false;
  bool exclude = false;
  std::vector<std::string> surfaces;  // words as written, for exact cues
  std::vector<std::string> gaps;      // gap before each word (first is empty)
  std::vector<std::string> langs;
  std::string rule;
  uint32_t order = 0;
};

struct ConceptRef {
  std::string id;
  std::string section;
};

struct Candidate {
  uint32_t pattern;
  uint32_t first, last;  // token range, half-open
};

// True when only white space stands between two words: the common case,
// checked without building the gap.
bool PlainGap(std::string_view norm, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) {
    if (norm[i] != ' ' && norm[i] != '\n') return false;
  }
  return true;
}

bool IsHyphens(std::string_view gap) {
  // '-' and U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
  for (size_t i = 0; i < gap.size();) {
    if (gap[i] == '-') {
      ++i;
    } else if (gap.substr(i, 3) == "\xE2\x80\x90" || gap.substr(i, 3) == "\xE2\x80\x91") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

bool OnlyNonLatinLetters(std::string_view term) {
  bool any = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(term.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(term.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode ec = U_ZERO_ERROR;
    if (uscript_getScript(c, &ec) == USCRIPT_LATIN) return false;
    any = true;
  }
  return any;
}

class LexiconTagger : public hstag::sdk::Tagger {
 public:
  explicit LexiconTagger(const hstag::sdk::CreateArgs& args) {
    hstag::common::Options(args.options_json, {});  // none: the lexicons are the pipeline's
    nodes_.emplace_back();
    // Every concept of a lexicon has its index before the `also` and
    // `requires` of its cues name others (those of later lexicons included).
    struct Pending {
      hstag::sdk::LexiconView lex;
      uint32_t concept_idx;
      hstag::sdk::CueView cue;
      bool exclude;
    };
    std::vector<Pending> pending;
    for (const auto lex : args.lexicons) {
      for (const auto c : lex.concepts()) ConceptIndex(c.id(), c.overlap_group());
      for (const auto c : lex.concepts()) {
        const uint32_t ci = ConceptIndex(c.id(), c.overlap_group());
        for (const auto cue : c.cues()) pending.push_back({lex, ci, cue, false});
        for (const auto cue : c.excludes()) pending.push_back({lex, ci, cue, true});
      }
    }
    for (const Pending& p : pending) Compile(p.lex, p.concept_idx, p.cue, p.exclude);
    root_children_.resize(next_word_id_, EdgeTable::kNone);  // every ID indexes it
    for (const auto& [word, id] : word_ids_) {
      if (root_children_[id] != EdgeTable::kNone && vocab_.Find(word) == id)
        starts_.Insert(word, id);
    }
    for (const auto& c : concepts_) groups_.push_back(GroupIndex(c.section));
  }

  void Tag(const TextView& text, const hstag::sdk::Sink& sink) const override {
    const auto tokens = text.tokens();
    const size_t n = tokens.size();
    // The word IDs of token j: its literal ID and the globs it matches.
    auto ids_of = [&](size_t j, std::vector<uint32_t>* ids) {
      ids->clear();
      if (tokens[j].flags & HSTAG_TOKEN_URL) return;  // never match inside a URL
      const std::string_view w = text.Norm(tokens[j]);
      if (const uint32_t id = vocab_.Find(w); id != hstag::common::WordTable::kNone) ids->push_back(id);
      AddGlobs(w, ids);
    };

    std::vector<Candidate> found;
    std::vector<uint32_t> frontier, next, ids;
    for (size_t i = 0; i < n; ++i) {
      // Terms start at the words of a small table (most words of the
      // vocabulary, "of" and "and" among them, are only inside terms), so
      // most tokens take one look-up that its filter answers.
      if (tokens[i].flags & HSTAG_TOKEN_URL) continue;
      const std::string_view w = text.Norm(tokens[i]);
      frontier.clear();
      if (const uint32_t id = starts_.Find(w); id != hstag::common::WordTable::kNone) {
        frontier.push_back(root_children_[id]);
      }
      if (!globs_.empty()) {
        ids.clear();
        AddGlobs(w, &ids);
        for (uint32_t id : ids) {
          if (const uint32_t child = root_children_[id]; child != EdgeTable::kNone) {
            frontier.push_back(child);
          }
        }
      }
      for (size_t j = i; !frontier.empty();) {
        for (uint32_t node : frontier) {
          for (uint32_t p : nodes_[node].outputs) {
            if (Accept(text, patterns_[p], i, j + 1)) {
              found.push_back({p, static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1)});
            }
          }
        }
        if (++j >= n) break;
        const auto& a = tokens[j - 1];
        const auto& b = tokens[j];
        if (b.sentence != a.sentence || b.segment != a.segment) break;
        if (!PlainGap(text.norm(), a.norm_end, b.norm_start)) {
          const std::string gap = hstag::sdk::GapBetween(text.norm(), a.norm_end, b.norm_start);
          if (!gap.empty() && !IsHyphens(gap) && !gaps_.count(gap)) break;
        }
        if (globs_.empty()) {
          // Most walks end here: the filter of the steps tells that no
          // node of the frontier has an edge for this word, before the
          // word is looked up in the vocabulary and the edges.
          const uint64_t h = hstag::common::HashBytes(text.Norm(b));
          bool may = false;
          for (uint32_t node : frontier) may |= steps_.MayHold(StepHash(node, h));
          if (!may) break;
        }
        ids_of(j, &ids);
        next.clear();
        for (uint32_t node : frontier) {
          for (uint32_t id : ids) {
            if (const uint32_t child = edges_.Find(Key(node, id)); child != EdgeTable::kNone) {
              next.push_back(child);
            }
          }
        }
        std::swap(frontier, next);
      }
    }

    // Exclusions.
    std::vector<Candidate> excl, kept;
    for (const auto& c : found) (patterns_[c.pattern].exclude ? excl : kept).push_back(c);
    if (!excl.empty()) {
      std::erase_if(kept, [&](const Candidate& c) {
        for (const auto& e : excl) {
          if (patterns_[e.pattern].concept_idx == patterns_[c.pattern].concept_idx &&
              e.first <= c.first && c.last <= e.last) {
            return true;
          }
        }
        return false;
      });
    }
    // Longest match within an overlap group: candidates longest first, each
    // kept when none of its tokens is taken in its group yet.
    auto group = [&](const Candidate& c) { return groups_[patterns_[c.pattern].concept_idx]; };
    std::sort(kept.begin(), kept.end(), [&](const Candidate& a, const Candidate& b) {
      if (group(a) != group(b)) return group(a) < group(b);
      if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
      if (a.first != b.first) return a.first < b.first;
      return patterns_[a.pattern].order < patterns_[b.pattern].order;
    });
    std::vector<Candidate> chosen;
    std::vector<uint32_t> taken(n, UINT32_MAX);  // token -> group that took it
    std::vector<std::pair<uint32_t, uint32_t>> marks;  // to reset per group
    for (size_t i = 0; i < kept.size();) {
      const uint32_t g = group(kept[i]);
      for (; i < kept.size() && group(kept[i]) == g; ++i) {
        const Candidate& c = kept[i];
        bool free = true;
        for (uint32_t k = c.first; k < c.last && free; ++k) free = taken[k] != g;
        if (!free) continue;
        for (uint32_t k = c.first; k < c.last; ++k) taken[k] = g;
        chosen.push_back(c);
      }
    }
    // `requires`.
    std::vector<bool> present(concepts_.size(), false);
    for (const auto& c : chosen) {
      const Pattern& p = patterns_[c.pattern];
      if (p.required < 0) {
        present[p.concept_idx] = true;
        for (uint32_t a : p.also) present[a] = true;
      }
    }
    for (const auto& c : chosen) {
      const Pattern& p = patterns_[c.pattern];
      if (p.required >= 0 && !present[static_cast<size_t>(p.required)]) continue;
      hstag::sdk::Annotation a;
      a.strength = p.strength;
      a.start = tokens[c.first].source_start;
      a.end = tokens[c.last - 1].source_end;
      a.rule = p.rule;
      a.concept_id = concepts_[p.concept_idx].id;
      sink.Emit(a);
      for (uint32_t extra : p.also) {
        a.concept_id = concepts_[extra].id;
        sink.Emit(a);
      }
    }
  }

 private:
  struct Node {
    std::vector<uint32_t> outputs;  // patterns ending here
  };

  // Appends the IDs of the globs that `w` matches.
  void AddGlobs(std::string_view w, std::vector<uint32_t>* ids) const {
    if (globs_.empty()) return;
    auto visit = [&](const std::vector<std::pair<std::string, uint32_t>>& bucket) {
      for (const auto& [g, id] : bucket) {
        if (hstag::common::GlobMatch(g, w)) ids->push_back(id);
      }
    };
    if (auto it = glob_buckets_.find(static_cast<unsigned char>(w.empty() ? 0 : w[0]));
        it != glob_buckets_.end()) {
      visit(it->second);
    }
    visit(star_globs_);
  }

  static uint64_t Key(uint32_t node, uint32_t word) {
    return (static_cast<uint64_t>(node) << 32) | word;
  }
  // A step from `node` over a word whose HashBytes is `word_hash`.
  static uint64_t StepHash(uint32_t node, uint64_t word_hash) {
    return hstag::common::Mix64(word_hash ^ (uint64_t{node} * 0x9E3779B97F4A7C15ull));
  }

  uint32_t ConceptIndex(std::string_view id, std::string_view section) {
    auto [it, fresh] =
        concept_index_.emplace(std::string(id), static_cast<uint32_t>(concepts_.size()));
    if (fresh) concepts_.push_back({std::string(id), std::string(section)});
    return it->second;
  }

  uint32_t WordId(const hstag::sdk::CueWordView& w) {
    const std::string norm(w.norm());
    auto [it, fresh] = word_ids_.emplace(norm, next_word_id_);
    if (fresh) {
      ++next_word_id_;
      if (w.glob()) {
        globs_.emplace_back(norm, it->second);
        if (norm[0] == '*') {
          star_globs_.emplace_back(norm, it->second);
        } else {
          glob_buckets_[static_cast<unsigned char>(norm[0])].emplace_back(norm, it->second);
        }
      } else {
        vocab_.Insert(norm, it->second);
      }
    }
    return it->second;
  }

  uint32_t GroupIndex(const std::string& group) {
    auto [it, fresh] = group_index_.emplace(group, static_cast<uint32_t>(group_index_.size()));
    return it->second;
  }

  void Compile(const hstag::sdk::LexiconView& lex, uint32_t concept_idx,
               const hstag::sdk::CueView& cue, bool exclude) {
    const auto words = cue.words();
    if (words.empty()) return;  // `hstag lexicon check` reports it
    Pattern p;
    p.concept_idx = concept_idx;
    p.strength = cue.strength();
    p.exact = cue.exact();
    p.exclude = exclude;
    // A term written wholly in a script other than Latin (Japanese, Arabic,
    // Cyrillic...) names its language itself: it applies whatever the
    // document's language. Latin-script terms of one language apply only in
    // that language (German "Island" is not the English "island").
    if (!OnlyNonLatinLetters(cue.term())) {
      for (const auto l : cue.langs()) p.langs.emplace_back(l);
    }
    p.rule = std::string(lex.name()) + ":" + std::to_string(cue.line());
    p.order = static_cast<uint32_t>(patterns_.size());
    for (const auto a : cue.also()) {
      p.also.push_back(ConceptIndex(a, hstag::codebook::SectionOf(a)));
    }
    if (!cue.required().empty()) {
      p.required = static_cast<int32_t>(
          ConceptIndex(cue.required(), hstag::codebook::SectionOf(cue.required())));
    }
    uint32_t node = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      const auto w = words[k];
      p.surfaces.emplace_back(w.surface());
      p.gaps.emplace_back(k == 0 ? "" : w.gap_before());
      if (k > 0 && !w.gap_before().empty() && !IsHyphens(w.gap_before())) {
        gaps_.emplace(w.gap_before());
      }
      const uint32_t word = WordId(w);
      const uint64_t key = Key(node, word);
      uint32_t child = edges_.Find(key);
      if (child == EdgeTable::kNone) {
        nodes_.emplace_back();
        child = static_cast<uint32_t>(nodes_.size() - 1);
        edges_.Insert(key, child);
        if (!w.glob()) steps_.Insert(StepHash(node, hstag::common::HashBytes(w.norm())), child);
        if (node == 0) {
          if (root_children_.size() <= word) root_children_.resize(word + 1, EdgeTable::kNone);
          root_children_[word] = child;
        }
      }
      node = child;
    }
    nodes_[node].outputs.push_back(static_cast<uint32_t>(patterns_.size()));
    patterns_.push_back(std::move(p));
  }

  bool Accept(const TextView& text, const Pattern& p, size_t first, size_t last) const {
    const auto tokens = text.tokens();
    if (!hstag::common::LanguageMatches(text.Language(tokens[first]), p.langs)) return false;
    for (size_t k = first; k < last; ++k) {
      const size_t w = k - first;
      if (p.exact && !p.surfaces[w].empty() && p.surfaces[w].find('*') == std::string::npos &&
          text.Surface(tokens[k]) != p.surfaces[w]) {
        return false;
      }
      if (k > first && !PlainGap(text.norm(), tokens[k - 1].norm_end, tokens[k].norm_start)) {
        const std::string gap =
            hstag::sdk::GapBetween(text.norm(), tokens[k - 1].norm_end, tokens[k].norm_start);
        if (!gap.empty() && !IsHyphens(gap) && gap != p.gaps[w]) return false;
      }
    }
    return true;
  }

  std::vector<ConceptRef> concepts_;
  std::vector<uint32_t> groups_;  // overlap group of each concept, as a number
  std::unordered_map<std::string, uint32_t> group_index_;
  std::unordered_map<std::string, uint32_t> concept_index_;
  std::vector<Pattern> patterns_;
  std::vector<Node> nodes_;
  EdgeTable edges_;
  // The literal edges again, by StepHash, for the filter alone (Tag).
  hstag::common::FlatTable steps_;
  std::vector<uint32_t> root_children_;  // word ID -> child of the root, or kNone
  hstag::common::WordTable vocab_;
  hstag::common::WordTable starts_;  // the words of vocab_ that start a term (root_children_)
  std::unordered_map<std::string, uint32_t> word_ids_;
  uint32_t next_word_id_ = 0;
  std::vector<std::pair<std::string, uint32_t>> globs_;
  std::unordered_map<unsigned char, std::vector<std::pair<std::string, uint32_t>>> glob_buckets_;
  std::vector<std::pair<std::string, uint32_t>> star_globs_;
  std::set<std::string, std::less<>> gaps_;  // punctuation that terms have between words
};

}  // namespace

HSTAG_TAGGER_PLUGIN(LexiconTagger, "lexicon", "1.0.0",
                    "Lexicon cues matched on the analyzer's tokens (token trie)", "")
