// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lexicon tagger: matches the cues of the pipeline's lexicons on the
// analyzer's tokens.
//
// Compilation (once): every cue term is analyzed by the host's analyzer, so a
// term is tokenized exactly as documents are; its words go into a token trie
// whose edges are word IDs (one hash look-up per document token, whatever the
// size of the lexicon). Words with `*` are globs, looked up by their first
// letter.
//
// Matching (per document): from every token, walk the trie over following
// tokens of the same sentence whose gap is only white space or hyphens (or
// the punctuation the term itself has there). Then, in order:
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
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "hstag/lexicon.h"
#include "hstag/plugin.h"

namespace {

using hstag::sdk::Strength;
using hstag::sdk::TextView;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
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

std::string Primary(std::string_view lang) {
  std::string s(lang.substr(0, lang.find_first_of("-_")));
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class LexiconTagger : public hstag::sdk::Tagger {
 public:
  explicit LexiconTagger(const hstag::sdk::CreateArgs& args) {
    const auto options = nlohmann::json::parse(args.options_json, nullptr, false);
    if (options.is_discarded() || !options.is_object()) {
      throw std::runtime_error("options must be a JSON object");
    }
    std::vector<std::string> files;
    for (const auto& l : args.lexicons) files.emplace_back(l.data, l.size);
    if (options.contains("lexicons")) files = options["lexicons"].get<std::vector<std::string>>();
    nodes_.emplace_back();
    for (const auto& f : files) {
      auto lex = hstag::LoadLexicon(f, f);
      if (!lex.ok()) throw std::runtime_error(lex.error());
      for (const auto& c : lex->concepts) ConceptIndex(c.id, c.overlap_group);
      for (const auto& c : lex->concepts) {
        const uint32_t ci = ConceptIndex(c.id, c.overlap_group);
        for (const auto& cue : c.cues) Compile(args.host, lex.value(), ci, cue, false);
        for (const auto& cue : c.excludes) Compile(args.host, lex.value(), ci, cue, true);
      }
    }
  }

  void Tag(const TextView& text, const hstag::sdk::Sink& sink) const override {
    const auto tokens = text.tokens();
    const size_t n = tokens.size();
    // Word IDs of every token: its literal ID and the globs it matches.
    std::vector<uint32_t> id_start(n + 1);
    std::vector<uint32_t> ids;
    for (size_t i = 0; i < n; ++i) {
      id_start[i] = static_cast<uint32_t>(ids.size());
      if (tokens[i].flags & HSTAG_TOKEN_URL) continue;  // never match inside a URL
      const std::string_view w = text.Norm(tokens[i]);
      if (auto it = vocab_.find(w); it != vocab_.end()) ids.push_back(it->second);
      if (!globs_.empty()) {
        auto visit = [&](const std::vector<std::pair<std::string, uint32_t>>& bucket) {
          for (const auto& [g, id] : bucket) {
            if (hstag::GlobMatch(g, w)) ids.push_back(id);
          }
        };
        if (auto it = glob_buckets_.find(static_cast<unsigned char>(w.empty() ? 0 : w[0]));
            it != glob_buckets_.end()) {
          visit(it->second);
        }
        visit(star_globs_);
      }
    }
    id_start[n] = static_cast<uint32_t>(ids.size());

    std::vector<Candidate> found;
    std::vector<uint32_t> frontier, next;
    for (size_t i = 0; i < n; ++i) {
      if (id_start[i] == id_start[i + 1]) continue;
      frontier.assign(1, 0);
      for (size_t j = i; j < n && !frontier.empty(); ++j) {
        if (j > i) {
          const auto& a = tokens[j - 1];
          const auto& b = tokens[j];
          if (b.sentence != a.sentence || b.segment != a.segment) break;
          const std::string gap = hstag::GapBetween(text.norm(), a.norm_end, b.norm_start);
          if (!gap.empty() && !IsHyphens(gap) && !gaps_.count(gap)) break;
        }
        next.clear();
        for (uint32_t node : frontier) {
          for (uint32_t k = id_start[j]; k < id_start[j + 1]; ++k) {
            auto it = edges_.find(Key(node, ids[k]));
            if (it != edges_.end()) next.push_back(it->second);
          }
        }
        std::swap(frontier, next);
        for (uint32_t node : frontier) {
          for (uint32_t p : nodes_[node].outputs) {
            if (Accept(text, patterns_[p], i, j + 1)) {
              found.push_back({p, static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1)});
            }
          }
        }
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
    // Longest match within a section.
    std::sort(kept.begin(), kept.end(), [&](const Candidate& a, const Candidate& b) {
      const auto& sa = concepts_[patterns_[a.pattern].concept_idx].section;
      const auto& sb = concepts_[patterns_[b.pattern].concept_idx].section;
      if (sa != sb) return sa < sb;
      if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
      if (a.first != b.first) return a.first < b.first;
      return patterns_[a.pattern].order < patterns_[b.pattern].order;
    });
    std::vector<Candidate> chosen;
    for (size_t i = 0; i < kept.size();) {
      const std::string& section = concepts_[patterns_[kept[i].pattern].concept_idx].section;
      std::vector<std::pair<uint32_t, uint32_t>> taken;  // sorted token ranges of this section
      for (; i < kept.size() && concepts_[patterns_[kept[i].pattern].concept_idx].section == section;
           ++i) {
        const Candidate& c = kept[i];
        const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& r) {
          return c.first < r.second && r.first < c.last;
        });
        if (overlaps) continue;
        taken.emplace_back(c.first, c.last);
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

  static uint64_t Key(uint32_t node, uint32_t word) {
    return (static_cast<uint64_t>(node) << 32) | word;
  }

  uint32_t ConceptIndex(const std::string& id, const std::string& section) {
    auto [it, fresh] = concept_index_.emplace(id, static_cast<uint32_t>(concepts_.size()));
    if (fresh) concepts_.push_back({id, section});
    return it->second;
  }

  uint32_t WordId(const hstag::CueWord& w) {
    auto [it, fresh] = word_ids_.emplace(w.norm, next_word_id_);
    if (fresh) {
      ++next_word_id_;
      if (w.glob) {
        globs_.emplace_back(w.norm, it->second);
        if (w.norm[0] == '*') {
          star_globs_.emplace_back(w.norm, it->second);
        } else {
          glob_buckets_[static_cast<unsigned char>(w.norm[0])].emplace_back(w.norm, it->second);
        }
      } else {
        vocab_.emplace(w.norm, it->second);
      }
    }
    return it->second;
  }

  void Compile(const hstag::sdk::Host& host, const hstag::Lexicon& lex, uint32_t concept_idx,
               const hstag::Cue& cue, bool exclude) {
    auto analyzed = host.Analyze(cue.term);
    if (!analyzed.ok()) {
      throw std::runtime_error(lex.display + ":" + std::to_string(cue.line) + ": cue `" +
                               cue.term + "` cannot be analyzed");
    }
    const std::vector<hstag::CueWord> words = hstag::CueWords(*analyzed.view().raw());
    if (words.empty()) return;  // `hstag lexicon check` reports it
    Pattern p;
    p.concept_idx = concept_idx;
    p.strength = cue.strength == hstag::Strength::kExplicit ? Strength::kExplicit
                                                             : Strength::kIndicator;
    p.exact = cue.case_mode == hstag::Cue::Case::kExact;
    p.exclude = exclude;
    // A term written wholly in a script other than Latin (Japanese, Arabic,
    // Cyrillic...) names its language itself: it applies whatever the
    // document's language. Latin-script terms of one language apply only in
    // that language (German "Island" is not the English "island").
    if (!OnlyNonLatinLetters(cue.term)) p.langs = cue.langs;
    p.rule = lex.name + ":" + std::to_string(cue.line);
    p.order = static_cast<uint32_t>(patterns_.size());
    for (const auto& a : cue.also) p.also.push_back(ConceptIndex(a, hstag::SectionOfId(a)));
    if (!cue.required.empty()) {
      p.required = static_cast<int32_t>(ConceptIndex(cue.required, hstag::SectionOfId(cue.required)));
    }
    uint32_t node = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      const auto& w = words[k];
      p.surfaces.push_back(w.surface);
      p.gaps.push_back(k == 0 ? "" : w.gap_before);
      if (k > 0 && !w.gap_before.empty() && !IsHyphens(w.gap_before)) gaps_.insert(w.gap_before);
      const uint64_t key = Key(node, WordId(w));
      auto it = edges_.find(key);
      if (it == edges_.end()) {
        nodes_.emplace_back();
        it = edges_.emplace(key, static_cast<uint32_t>(nodes_.size() - 1)).first;
      }
      node = it->second;
    }
    nodes_[node].outputs.push_back(static_cast<uint32_t>(patterns_.size()));
    patterns_.push_back(std::move(p));
  }

  bool Accept(const TextView& text, const Pattern& p, size_t first, size_t last) const {
    const auto tokens = text.tokens();
    if (!p.langs.empty()) {
      const std::string lang = Primary(text.Language(tokens[first]));
      if (!lang.empty() && std::find(p.langs.begin(), p.langs.end(), lang) == p.langs.end()) {
        return false;
      }
    }
    for (size_t k = first; k < last; ++k) {
      const size_t w = k - first;
      if (p.exact && !p.surfaces[w].empty() && p.surfaces[w].find('*') == std::string::npos &&
          text.Surface(tokens[k]) != p.surfaces[w]) {
        return false;
      }
      if (k > first) {
        const std::string gap =
            hstag::GapBetween(text.norm(), tokens[k - 1].norm_end, tokens[k].norm_start);
        if (!gap.empty() && !IsHyphens(gap) && gap != p.gaps[w]) return false;
      }
    }
    return true;
  }

  std::vector<ConceptRef> concepts_;
  std::unordered_map<std::string, uint32_t> concept_index_;
  std::vector<Pattern> patterns_;
  std::vector<Node> nodes_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> vocab_;
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
