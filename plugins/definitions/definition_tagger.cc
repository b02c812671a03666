// SPDX-License-Identifier: GPL-3.0-or-later
//
// The definition tagger: passages that quote or closely paraphrase one of the
// canonical definitions of human security (codebook §8), found by word
// shingle overlap with the wordings of lexicons/definitions.yaml (its header
// documents the format).
//
// Words. Every wording is analyzed by the host's analyzer, exactly as
// documents are, and only its tokens' normalized (NFKC, case-folded) forms
// are kept: punctuation, brackets, ellipses, quotes and line breaks are not
// tokens, so "[Human Security seeks] to protect ..." and "... despair ...
// All individuals" compare on words alone. Numbers (footnote marks such as
// "¹¹" become "11") and URL tokens are dropped on both sides. The file's
// `equivalents` fold spelling variants (fulfilment/fulfillment) on both sides.
// In the document, a span that an earlier tagger annotated with a concept of
// the file's `expand` map counts as the expansion's words unless it already
// has them: "HS", tagged hs.concept by the abbreviation plugin after "Human
// Security (HS)", reads as "human security". So this plugin runs after the
// abbreviation plugin. A concept may have one expansion per language
// ({en: human security, fr: sécurité humaine}): a span that holds the words
// of any of them stays as it is ("sécurité humaine" is not rewritten as
// "human security", which would break the French wordings' shingles), and
// one that holds none reads as the expansion of its language (the token's
// segment's, else the document's), else as the first one listed ("SH" after
// "sécurité humaine (SH)" in a French text reads as "sécurité humaine").
//
// Matching. A shingle is k consecutive words (option `shingle`, default 3).
// Every document shingle is looked up in an index of the wordings' shingles.
// The hits of one wording are grouped into clusters: a hit more than
// `max_gap` words (default 8) after the end of the previous one starts a new
// cluster, so a few inserted words ("[the]", "[Human Security seeks]") or
// left-out words (an ellipsis) do not split a quote. In a cluster, a passage
// is the longest chain of hits that advances both in the document and in the
// wording (a clause before the quote that repeats the wording's last words is
// not part of it); the hits left may form further passages. A passage spans
// its first to its last matched word.
//
// Score: containment, the share of the wording's distinct shingles that the
// passage contains, in [0, 1]. It is 1 for a verbatim quote of the whole
// wording, loses about k shingles per changed word, and stays low for a
// passage that only shares a phrase ("human security is about protecting
// people" against "Human security is about the basic needs of individuals and
// communities in times of peril": 2 of 12 shingles, 0.17). A passage aligns
// when its score is at least `threshold` (default 0.5) and it has at least
// `min_shingles` (default 3) matched shingles. Passages of one definition that
// overlap (the key sentence and the fuller quote around it) merge: the union
// of the spans, the best score.
//
// Output: one annotation per aligned passage: concept = the definition ID,
// strength explicit, the passage's span, score, rule "definition:<id>",
// value = the definition's source.
//
// Options (JSON): {"definitions": "<file>" (relative to the config's folder;
// default: definitions.yaml there, else <data dir>/lexicons/definitions.yaml),
// "threshold": 0.5, "shingle": 3, "max_gap": 8, "min_shingles": 3}.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/flat_table.h"
#include "common/lexicon_match.h"
#include "common/options.h"
#include "hstag/plugin.h"

namespace {

namespace fs = std::filesystem;
using hstag::sdk::TextView;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct DefinitionItem {
  std::string id;
  std::string source;
  std::string rule;
};

struct Wording {
  uint32_t item = 0;          // index into items_
  uint32_t n_shingles = 0;    // distinct shingles
};

struct Expansion {
  std::string concept_id;
  std::string lang;                // BCP 47 primary subtag, lower case; "" for any
  std::vector<std::string> words;  // normalized
};

// A word of the document as matched: its word ID and source span.
struct Word {
  uint32_t id;
  uint32_t start, end;
};

struct Hit {
  uint32_t i;    // document word
  uint32_t j;    // wording word
  uint64_t key;  // the shingle
};

struct Passage {
  uint32_t item;
  uint32_t start, end;
  double score;
};

class DefinitionTagger : public hstag::sdk::Tagger {
 public:
  explicit DefinitionTagger(const hstag::sdk::CreateArgs& args) {
    const hstag::common::Options options(
        args.options_json, {"definitions", "threshold", "shingle", "max_gap", "min_shingles"});
    const std::string file = options.String("definitions");
    threshold_ = options.Number("threshold", threshold_, 0, 1);
    k_ = static_cast<uint32_t>(options.Unsigned("shingle", k_, 1, 8));
    max_gap_ = static_cast<uint32_t>(options.Unsigned("max_gap", max_gap_, 0, UINT32_MAX));
    min_shingles_ =
        static_cast<uint32_t>(options.Unsigned("min_shingles", min_shingles_, 0, UINT32_MAX));
    const fs::path config_dir(std::string(args.config_dir));
    fs::path path;
    if (!file.empty()) {
      path = fs::path(file).is_absolute() ? fs::path(file) : config_dir / file;
    } else {
      std::error_code ec;
      path = config_dir / "definitions.yaml";
      if (!fs::exists(path, ec)) path = fs::path(std::string(args.data_dir)) / "lexicons" / "definitions.yaml";
    }
    Load(args.host, path.lexically_normal().string());
    // A document word's ID in one look-up: its equivalent's, else its own.
    auto add = [&](std::string_view word, uint32_t id) {
      doc_words_.Insert(word, static_cast<uint32_t>(doc_word_ids_.size()));
      doc_word_ids_.push_back(id);
    };
    for (const auto& [w, id] : vocab_) {
      if (!equivalents_.count(w)) add(w, id);
    }
    for (const auto& [from, to] : equivalents_) add(from, LookUp(to));
    // The shingle index, into a flat table for the per-shingle look-up.
    for (auto& [key, at] : index_) {
      shingles_.Insert(hstag::common::Mix64(key), static_cast<uint32_t>(postings_.size()));
      postings_.push_back({key, std::move(at)});
    }
    index_.clear();
  }

  void Tag(const TextView& text, const hstag::sdk::Sink& sink) const override {
    const std::vector<Word> words = Words(text);
    if (words.size() < k_) return;
    // Hits per wording: a document shingle at word i equal to the wording's
    // shingle at word j.
    std::vector<std::vector<Hit>> hits(wordings_.size());
    uint32_t run = 0;  // known words ending at word `last`
    for (size_t last = 0; last < words.size(); ++last) {
      run = words[last].id != 0 ? run + 1 : 0;
      if (run < k_) continue;
      const size_t i = last + 1 - k_;  // the shingle words[i..last], all known
      uint64_t key = 0;
      for (size_t t = i; t <= last; ++t) key = Mix(key, words[t].id);
      const uint32_t p = shingles_.Find(hstag::common::Mix64(key),
                                        [&](uint32_t v) { return postings_[v].key == key; });
      if (p == hstag::common::FlatTable::kNone) continue;
      for (const auto& [w, j] : postings_[p].at)
        hits[w].push_back({static_cast<uint32_t>(i), j, key});
    }

    std::vector<Passage> passages;
    std::vector<Hit> cluster;
    for (size_t w = 0; w < wordings_.size(); ++w) {
      const auto& h = hits[w];
      for (size_t a = 0; a < h.size();) {
        size_t b = a + 1;
        while (b < h.size() && h[b].i <= h[b - 1].i + k_ + max_gap_) ++b;
        cluster.assign(h.begin() + static_cast<long>(a), h.begin() + static_cast<long>(b));
        Align(words, static_cast<uint32_t>(w), &cluster, &passages);
        a = b;
      }
    }
    // Merge overlapping passages of one definition.
    std::sort(passages.begin(), passages.end(), [](const Passage& x, const Passage& y) {
      return std::tie(x.item, x.start, x.end) < std::tie(y.item, y.start, y.end);
    });
    std::vector<Passage> merged;
    for (const auto& p : passages) {
      if (!merged.empty() && merged.back().item == p.item && p.start < merged.back().end) {
        merged.back().end = std::max(merged.back().end, p.end);
        merged.back().score = std::max(merged.back().score, p.score);
      } else {
        merged.push_back(p);
      }
    }
    for (const auto& p : merged) {
      const DefinitionItem& d = items_[p.item];
      hstag::sdk::Annotation a;
      a.concept_id = d.id;
      a.strength = hstag::sdk::Strength::kExplicit;
      a.start = p.start;
      a.end = p.end;
      a.rule = d.rule;
      a.value = d.source;
      a.score = p.score;
      sink.Emit(a);
    }
  }

 private:
  // The passages of one wording in a cluster of hits (hits no more than
  // max_gap words apart): the heaviest chain of hits that advances in the
  // document and in the wording alike (so a clause before a quote that
  // shares words with the wording's end does not stretch the passage), then
  // again on the hits left, while a chain aligns.
  void Align(const std::vector<Word>& words, uint32_t w, std::vector<Hit>* cluster,
             std::vector<Passage>* out) const {
    std::vector<uint32_t> best, prev;
    std::unordered_set<uint64_t> keys;
    while (cluster->size() >= min_shingles_) {
      auto& h = *cluster;
      const size_t m = h.size();
      // A chain holds at most the cluster's distinct shingles: when they are
      // too few for the threshold, no chain can pass it (and the quadratic
      // chaining below is not worth its time).
      keys.clear();
      for (const Hit& hit : h) keys.insert(hit.key);
      if (keys.size() < min_shingles_ ||
          static_cast<double>(keys.size()) / wordings_[w].n_shingles < threshold_) {
        break;
      }
      best.assign(m, 1);
      prev.assign(m, UINT32_MAX);
      size_t top = 0;
      constexpr size_t kMaxChain = 4000;  // beyond: the cluster as it is
      for (size_t x = 0; x < m; ++x) {
        if (m <= kMaxChain) {
          for (size_t y = 0; y < x; ++y) {
            if (h[y].i < h[x].i && h[y].j < h[x].j && h[x].i <= h[y].i + k_ + max_gap_ &&
                best[y] + 1 > best[x]) {
              best[x] = best[y] + 1;
              prev[x] = static_cast<uint32_t>(y);
            }
          }
        } else if (x > 0) {
          best[x] = best[x - 1] + 1;
          prev[x] = static_cast<uint32_t>(x - 1);
        }
        if (best[x] > best[top]) top = x;
      }
      std::vector<bool> in_chain(m, false);
      keys.clear();
      size_t first = top;
      for (size_t x = top; x != UINT32_MAX; x = prev[x]) {
        in_chain[x] = true;
        keys.insert(h[x].key);
        first = x;
      }
      const double score = static_cast<double>(keys.size()) / wordings_[w].n_shingles;
      if (keys.size() < min_shingles_ || score < threshold_) break;
      out->push_back({wordings_[w].item, words[h[first].i].start, words[h[top].i + k_ - 1].end,
                      std::min(score, 1.0)});
      std::vector<Hit> rest;
      for (size_t x = 0; x < m; ++x) {
        if (!in_chain[x]) rest.push_back(h[x]);
      }
      h.swap(rest);
    }
  }

  static uint64_t Mix(uint64_t key, uint32_t id) {
    // Order-sensitive; collisions between shingles of a few hundred words are
    // out of reach in practice.
    uint64_t x = (key ^ (id + 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 31);
  }

  static bool Skipped(const hstag_token_v1& t) {
    return (t.flags & HSTAG_TOKEN_URL) ||
           ((t.flags & HSTAG_TOKEN_NUMBER) && !(t.flags & HSTAG_TOKEN_LETTER));
  }

  std::string Fold(std::string_view w) const {
    auto it = equivalents_.find(w);
    return it == equivalents_.end() ? std::string(w) : it->second;
  }

  uint32_t WordId(const std::string& w) {
    auto [it, fresh] = vocab_.emplace(w, static_cast<uint32_t>(vocab_.size() + 1));
    return it->second;
  }
  uint32_t LookUp(std::string_view w) const {
    auto it = vocab_.find(w);
    return it == vocab_.end() ? 0 : it->second;
  }

  std::vector<std::string> AnalyzeWords(const hstag::sdk::Host& host, const std::string& s,
                                        const std::string& where) const {
    auto analyzed = host.Analyze(s);
    if (!analyzed.ok()) throw std::runtime_error(where + ": cannot be analyzed");
    const TextView v = analyzed.view();
    std::vector<std::string> out;
    for (const auto& t : v.tokens()) {
      if (!Skipped(t)) out.push_back(Fold(v.Norm(t)));
    }
    return out;
  }

  void Load(const hstag::sdk::Host& host, const std::string& path) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
      throw std::runtime_error(path + ": cannot read the definitions file");
    } catch (const YAML::Exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    try {
      if (!root.IsMap() || !root["items"] || !root["items"].IsSequence()) {
        throw std::runtime_error(path + ": a definitions file is a mapping with `items`");
      }
      for (const auto& kv : root["equivalents"]) {
        const auto from = AnalyzeWords(host, kv.first.as<std::string>(), path);
        const auto to = AnalyzeWords(host, kv.second.as<std::string>(), path);
        if (from.size() != 1 || to.size() != 1) {
          throw std::runtime_error(path + ": equivalents are single words: `" +
                                   kv.first.as<std::string>() + "`");
        }
        equivalents_[from[0]] = to[0];
      }
      // concept: words, or concept: {lang: words, ...} (the first is the default).
      for (const auto& kv : root["expand"]) {
        const std::string concept_id = kv.first.as<std::string>();
        std::vector<std::pair<std::string, std::string>> by_lang;
        if (kv.second.IsMap()) {
          for (const auto& lw : kv.second) {
            std::string lang = lw.first.as<std::string>();
            std::transform(lang.begin(), lang.end(), lang.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            by_lang.emplace_back(std::move(lang), lw.second.as<std::string>());
          }
        } else {
          by_lang.emplace_back("", kv.second.as<std::string>());
        }
        if (by_lang.empty()) throw std::runtime_error(path + ": empty expansion for " + concept_id);
        for (auto& [lang, words] : by_lang) {
          Expansion e;
          e.concept_id = concept_id;
          e.lang = std::move(lang);
          e.words = AnalyzeWords(host, words, path);
          if (e.words.empty()) {
            throw std::runtime_error(path + ": empty expansion for " + concept_id);
          }
          for (const auto& w : e.words) WordId(w);
          expansions_.push_back(std::move(e));
        }
      }
      for (const auto& item : root["items"]) {
        DefinitionItem d;
        d.id = item["id"].as<std::string>();
        d.source = item["source"] ? item["source"].as<std::string>() : "";
        d.rule = "definition:" + d.id;
        const auto item_idx = static_cast<uint32_t>(items_.size());
        if (!item["wordings"] || !item["wordings"].IsSequence() || item["wordings"].size() == 0) {
          throw std::runtime_error(path + ":" + std::to_string(item.Mark().line + 1) + ": " +
                                   d.id + " has no wordings");
        }
        for (const auto& wn : item["wordings"]) {
          const std::string where = path + ":" + std::to_string(wn.Mark().line + 1);
          const auto ws = AnalyzeWords(host, wn.as<std::string>(), where);
          if (ws.size() < k_) {
            throw std::runtime_error(where + ": a wording needs at least " + std::to_string(k_) +
                                     " words");
          }
          std::vector<uint32_t> ids;
          for (const auto& w : ws) ids.push_back(WordId(w));
          std::unordered_set<uint64_t> keys;
          for (size_t i = 0; i + k_ <= ids.size(); ++i) {
            uint64_t key = 0;
            for (size_t j = i; j < i + k_; ++j) key = Mix(key, ids[j]);
            keys.insert(key);
          }
          const auto w_idx = static_cast<uint32_t>(wordings_.size());
          wordings_.push_back({item_idx, static_cast<uint32_t>(keys.size())});
          for (size_t i = 0; i + k_ <= ids.size(); ++i) {
            uint64_t key = 0;
            for (size_t j = i; j < i + k_; ++j) key = Mix(key, ids[j]);
            index_[key].emplace_back(w_idx, static_cast<uint32_t>(i));
          }
        }
        items_.push_back(std::move(d));
      }
    } catch (const YAML::Exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (items_.empty()) throw std::runtime_error(path + ": no definitions");
  }

  // The document's words, with `expand` applied.
  std::vector<Word> Words(const TextView& text) const {
    const auto tokens = text.tokens();
    const size_t n = tokens.size();
    // Token ranges to expand: [first, last) -> expansion.
    std::vector<int32_t> expand_at(n, -1);  // expansion index starting at a token
    std::vector<uint32_t> expand_end(n, 0);
    std::vector<bool> inside(n, false);
    for (const auto& a : text.prior()) {
      const std::string_view concept_id = a.concept_id;
      if (std::none_of(expansions_.begin(), expansions_.end(),
                       [&](const Expansion& e) { return e.concept_id == concept_id; })) {
        continue;
      }
      const size_t first = static_cast<size_t>(
          std::partition_point(tokens.begin(), tokens.end(),
                               [&](const hstag_token_v1& t) { return t.source_end <= a.start; }) -
          tokens.begin());
      size_t last = first;
      while (last < n && tokens[last].source_start < a.end) ++last;
      if (first == last || inside[first] || expand_at[first] >= 0) continue;
      // The concept's expansion for the span's language, else its first; none
      // when the span already has the words of one of them (or more: "human
      // security approach").
      int32_t chosen = -1, fallback = -1;
      bool has_words = false;
      std::string_view lang;  // the span's (BCP 47), "" when unknown
      for (size_t e = 0; e < expansions_.size() && !has_words; ++e) {
        if (expansions_[e].concept_id != concept_id) continue;
        size_t found = 0;
        for (const auto& w : expansions_[e].words) {
          for (size_t t = first; t < last; ++t) {
            if (Fold(text.Norm(tokens[t])) == w) {
              ++found;
              break;
            }
          }
        }
        has_words = found == expansions_[e].words.size();
        if (fallback < 0) {
          fallback = static_cast<int32_t>(e);
          lang = text.Language(tokens[first]);
        }
        if (chosen < 0 && !lang.empty() &&
            hstag::common::LanguageMatches(lang, {expansions_[e].lang})) {
          chosen = static_cast<int32_t>(e);
        }
      }
      if (has_words || fallback < 0) continue;
      expand_at[first] = chosen >= 0 ? chosen : fallback;
      expand_end[first] = static_cast<uint32_t>(last);
      for (size_t t = first + 1; t < last; ++t) inside[t] = true;
    }
    std::vector<Word> words;
    words.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      const auto& t = tokens[i];
      if (expand_at[i] >= 0) {
        const auto& e = expansions_[static_cast<size_t>(expand_at[i])];
        const uint32_t end = tokens[expand_end[i] - 1].source_end;
        for (const auto& w : e.words) words.push_back({LookUp(w), t.source_start, end});
        continue;
      }
      if (inside[i] || Skipped(t)) continue;
      const uint32_t k = doc_words_.Find(text.Norm(t));
      words.push_back({k == hstag::common::WordTable::kNone ? 0 : doc_word_ids_[k], t.source_start,
                       t.source_end});
    }
    return words;
  }

  double threshold_ = 0.5;
  uint32_t k_ = 3;
  uint32_t max_gap_ = 8;
  uint32_t min_shingles_ = 3;
  std::vector<DefinitionItem> items_;
  std::vector<Wording> wordings_;
  // shingle -> (wording, position in the wording)
  // shingle -> (wording, word) where it occurs: built in index_ while
  // loading, then kept as postings_ behind a flat table.
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, uint32_t>>> index_;
  struct Postings {
    uint64_t key;
    std::vector<std::pair<uint32_t, uint32_t>> at;
  };
  std::vector<Postings> postings_;
  hstag::common::FlatTable shingles_;  // Mix64(shingle) -> index into postings_
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> vocab_;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> equivalents_;
  // Words(): a document word's ID in one look-up, its equivalent's or its own.
  hstag::common::WordTable doc_words_;  // word -> index into doc_word_ids_
  std::vector<uint32_t> doc_word_ids_;
  std::vector<Expansion> expansions_;
};

}  // namespace

HSTAG_TAGGER_PLUGIN(DefinitionTagger, "definitions", "1.1.0",
                    "Passages aligned with the canonical definitions of human security "
                    "(word shingle containment)",
                    "")
