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
// Context conditions (`context`, `veto`) are checked in two places: those
// that look only at the text (words around the match, a name around it, a
// reference list) before step 3, so that a match they refuse does not hide
// a shorter one; those that look at other matches (concepts in the
// sentence, a longer actor match around it) after step 3, once the
// members of coordinations are added (Coordinated, SharedHeads: "food and
// health insecurity" is food security too).
// A kept match yields its concept and the concepts in its cue's `also` (a
// dimension named by the cue of a concept of another section as an
// indicator: codebook §10.8).
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <set>
#include <span>
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

// A cue's context or veto (hstag_cue_context_v1), compiled.
struct Condition {
  std::vector<std::string> near, after, before;  // folded words, `*` a wildcard
  uint32_t within = 5;
  std::vector<std::string> sentence;  // anywhere in the sentence
  std::vector<uint32_t> concepts;  // concept indices
  uint32_t in = 0;                 // hstag_cue_in bits
  bool Local() const {
    return !near.empty() || !after.empty() || !before.empty() || !sentence.empty() ||
           (in & (HSTAG_IN_NAME | HSTAG_IN_REFERENCES));
  }
  bool OnMatches() const { return !concepts.empty() || (in & HSTAG_IN_ACTOR); }
};

struct Pattern {
  uint32_t concept_idx = 0;
  Condition context, veto;
  std::vector<uint32_t> also;
  int32_t required = -1;  // concept index
  Strength strength = Strength::kExplicit;
  bool exact = false;
  bool exclude = false;
  std::vector<std::string> surfaces;  // words as written, for exact cues
  std::vector<std::string> gaps;      // gap before each word (first is empty)
  std::vector<std::string> langs;
  std::string rule;
  std::string coordinated_rule;  // rule + " coordinated"
  uint32_t order = 0;
};

struct ConceptRef {
  std::string id;
  std::string section;
  bool state() const { return id.rfind("actor.state.", 0) == 0; }
};

struct Candidate {
  uint32_t pattern;
  uint32_t first, last;  // token range, half-open
  bool coordinated = false;  // found by Coordinated(), not by the cue's own words
  // An actor's match vetoed inside a name: it yields nothing, but holds its
  // words against the shorter matches of its group ("Republic of the Congo"
  // in "... Mission in the Democratic Republic of the Congo").
  bool named = false;
};

// Modifiers that make a compound of the word after them ("public health",
// "global health", "mental health"): that word is no member of a
// coordination before a shared head.
bool BindingModifier(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "public",  "global",   "human",     "mental", "animal", "reproductive",
      "primary", "maternal", "planetary", "basic",  "sexual", "occupational"};
  return kWords.count(w) > 0;
}

// Words that join coordinated members ("food and health insecurity").
bool Conjunction(std::string_view norm) {
  return norm == "and" || norm == "or" || norm == "nor" || norm == "et" || norm == "ou" ||
         norm == "y" || norm == "e" || norm == "o" || norm == "und" || norm == "oder";
}

// Words that are no member of a coordination of modifiers: articles,
// determiners, pronouns and prepositions ("interconnected, and the threats").
bool FunctionWord(std::string_view norm) {
  static const std::set<std::string, std::less<>> kWords = {
      "the", "a", "an", "its", "their", "our", "his", "her", "my", "your", "this", "that", "these",
      "those", "all", "other", "such", "any", "some", "each", "every", "no", "more", "most", "of",
      "to", "in", "for", "on", "by", "with", "from", "at", "as", "le", "la", "les", "des", "du",
      "de", "el", "los", "las", "der", "die", "das", "den", "dem",
      // French, Spanish, German articles and prepositions ("hors mariage,
      // sans enfants" is no "mariage d'enfants")
      "un", "une", "au", "aux", "à", "en", "dans", "sans", "avec", "pour", "par", "sur", "contre",
      "hors", "entre", "chez", "vers", "ce", "cette", "ces", "leur", "leurs", "una", "unos", "unas",
      "al", "del", "a", "sin", "con", "para", "por", "sobre", "contra", "hacia", "su", "sus", "ein",
      "eine", "einer", "eines", "einem", "einen", "im", "am", "auf", "aus", "bei", "zu", "zum",
      "zur", "vom", "ohne", "mit", "für", "durch", "gegen"};
  return kWords.count(norm) > 0;
}

// Languages whose noun phrases put the head first ("sécurité alimentaire et
// sanitaire"): there a member after the conjunction takes the head before it.
bool HeadFirst(const std::vector<std::string>& langs) {
  if (langs.empty()) return false;
  for (const auto& l : langs) {
    if (l != "fr" && l != "es" && l != "it" && l != "pt") return false;
  }
  return true;
}

// True when only white space stands between two words: the common case,
// checked without building the gap.
bool PlainGap(std::string_view norm, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) {
    if (norm[i] != ' ' && norm[i] != '\n') return false;
  }
  return true;
}

// True when a gap holds only hyphens ('-', U+2010 HYPHEN, U+2011
// NON-BREAKING HYPHEN), emphasis marks of plain text ('*', '_': "*UN HS*
// approach") and, with `quotes`, double quotation marks, which set a term
// apart inside the phrase of a cue (the "human security" approach,
// 「人間の安全保障」の視点, l'approche de « sécurité humaine »): the words on
// either side are joined. Single quotes are not: ' and ’ are apostrophes too.
// Context words are searched across hyphens and emphasis marks only: a quote
// ends their search ("« autonomisation » dans la région" is no empowerment
// of the region).
bool IsJoiner(std::string_view gap, bool quotes) {
  static constexpr std::string_view kMarks[] = {
      "\xE2\x80\x90", "\xE2\x80\x91",                                   // hyphens
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",                   // “ ” „
      "\xC2\xAB",     "\xC2\xBB",                                       // « »
      "\xE3\x80\x8C", "\xE3\x80\x8D", "\xE3\x80\x8E", "\xE3\x80\x8F"};  // 「 」 『 』
  for (size_t i = 0; i < gap.size();) {
    if (gap[i] == '-' || gap[i] == '*' || gap[i] == '_' || (quotes && gap[i] == '"')) {
      ++i;
      continue;
    }
    bool mark = false;
    for (std::string_view m : quotes ? std::span(kMarks) : std::span(kMarks).first(2)) {
      if (gap.substr(i, m.size()) == m) {
        i += m.size();
        mark = true;
        break;
      }
    }
    if (!mark) return false;
  }
  return true;
}

// True when a gap is an elided word and its apostrophe ("l'", "d'", "qu'",
// "dell'"), as the analyzer leaves it before the word it was written with.
bool IsElision(std::string_view gap) {
  if (gap.size() < 2 || gap.size() > 7 || gap.back() != '\'') return false;
  for (size_t i = 0; i + 1 < gap.size(); ++i) {
    if (gap[i] < 'a' || gap[i] > 'z') return false;
  }
  return true;
}

// Lower-case words that a capitalised name holds between capitalised words
// ("Office for the Coordination of Humanitarian Affairs", "Task Force on
// the Prevention of Sexual Harassment and Sexual Exploitation and Abuse",
// "Comité contra la Tortura", "Plan Nacional contra la Violencia").
bool NameConnector(std::string_view norm) {
  static const std::set<std::string, std::less<>> kWords = {
      "of",     "for",  "on",   "the", "in",   "to",  "against", "and",  "de",   "des",
      "du",     "la",   "le",   "les", "et",   "pour", "del",    "para", "los",  "las",
      "y",      "für",  "der",  "die", "das",  "und", "von",     "zur",  "zum",  "contra",
      "contre", "sobre", "sur", "gegen", "über"};
  return kWords.count(norm) > 0;
}

// A word that heads the name of an entity other than a state, where it
// follows the state's name: NameHead, less the heads of a state's own organs
// ("Japan International Cooperation Agency", "the Sudanese Armed Forces",
// "the British Ministry of Defence" are the state's), and with the national
// societies of the Red Cross and Red Crescent ("the Honduran Red Cross").
bool StateNameHead(std::string_view norm) {
  static const std::set<std::string, std::less<>> kOrgans = {
      "agency", "authority", "bank", "board", "command", "commission", "committee", "council",
      "court", "department", "directorate", "force", "mission", "ministry", "office", "secretariat",
      "tribunal", "unit", "system", "register",
      // and their plurals ("Kenyan ministries and agencies")
      "agencies", "commissions", "committees", "councils", "departments", "ministries", "offices",
      "units"};
  if (norm == "cross" || norm == "crescent") return true;
  return kOrgans.count(norm) == 0 && hstag::common::NameHead(norm);
}

// Whether a language writes "and" as part of the next word (Arabic و,
// Hebrew ו).
bool ConjunctionPrefixed(std::string_view lang) {
  const std::string_view l = lang.substr(0, 2);
  return l == "ar" || l == "he";
}

// Whether token k is a number joined by a hyphen to the word before it
// ("COVID-19").
bool HyphenedNumber(const TextView& text, uint32_t k) {
  const auto tokens = text.tokens();
  return k > 0 && (tokens[k].flags & HSTAG_TOKEN_NUMBER) &&
         tokens[k].norm_start == tokens[k - 1].norm_end + 1 &&
         text.norm()[tokens[k - 1].norm_end] == '-';
}

// Whether token k is a capitalised word (not a number): a word of a name.
bool CapitalWord(const TextView& text, uint32_t k) {
  const auto tokens = text.tokens();
  return !(tokens[k].flags & HSTAG_TOKEN_NUMBER) &&
         hstag::common::Capitalised(text.Surface(tokens[k]));
}

// Whether a word as written has a lower-case (ASCII) letter: without one it
// is an acronym or a word of a heading in capitals.
bool HasLowerCase(std::string_view surface) {
  return std::any_of(surface.begin(), surface.end(),
                     [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

bool WordIn(const std::vector<std::string>& list, std::string_view w) {
  for (const auto& x : list) {
    if (x.find('*') == std::string::npos ? x == w : hstag::common::GlobMatch(x, w)) return true;
  }
  return false;
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
          if (!gap.empty() && !IsJoiner(gap, /*quotes=*/true) && !gaps_.count(gap)) break;
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
    // Context conditions on the text alone.
    auto refused_by_text = [&](const Candidate& c) {
      const Pattern& p = patterns_[c.pattern];
      return (p.context.Local() && !LocalHolds(text, p.context, c, /*all=*/true)) ||
             (p.veto.Local() && LocalHolds(text, p.veto, c, /*all=*/false));
    };
    if (has_local_conditions_) {
      std::vector<Candidate> held;
      held.reserve(kept.size());
      for (Candidate c : kept) {
        if (refused_by_text(c)) {
          const Pattern& p = patterns_[c.pattern];
          if (concepts_[p.concept_idx].section != "actor" || !(p.veto.in & HSTAG_IN_NAME) ||
              !InsideName(text, c)) {
            continue;
          }
          c.named = true;
        }
        held.push_back(c);
      }
      kept.swap(held);
    }
    // An actor that is the principal of a post whose office a name heads is
    // not mentioned (OfficeOfPost).
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const Candidate& c) {
                                const ConceptRef& ref = concepts_[patterns_[c.pattern].concept_idx];
                                return ref.section == "actor" && !ref.state() &&
                                       (OfficeOfPost(text, c.first) || PostTo(text, c.first));
                              }),
               kept.end());
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
        if (!c.named) chosen.push_back(c);
      }
    }
    // Coordinated members that share the match's words.
    const size_t n_chosen = chosen.size();
    for (size_t i = 0; i < n_chosen; ++i) Coordinated(text, chosen[i], &chosen);
    SharedHeads(text, &chosen);
    if (has_local_conditions_) {
      std::erase_if(chosen, [&](const Candidate& c) { return c.coordinated && refused_by_text(c); });
    }
    // Context conditions on the other matches.
    if (has_match_conditions_) {
      std::unordered_map<uint32_t, std::vector<uint32_t>> in_sentence;  // sentence -> concepts
      for (const auto& c : chosen) {
        const Pattern& p = patterns_[c.pattern];
        auto& list = in_sentence[tokens[c.first].sentence];
        list.push_back(p.concept_idx);
        list.insert(list.end(), p.also.begin(), p.also.end());
      }
      auto holds = [&](const Condition& cond, const Candidate& c, bool all) {
        int set = 0, held = 0;
        if (!cond.concepts.empty()) {
          ++set;
          const auto it = in_sentence.find(tokens[c.first].sentence);
          bool any = false;
          if (it != in_sentence.end()) {
            for (uint32_t k : cond.concepts) {
              any |= std::find(it->second.begin(), it->second.end(), k) != it->second.end();
            }
          }
          held += any;
        }
        if (cond.in & HSTAG_IN_ACTOR) {
          ++set;
          bool inside = false;
          for (const auto& o : chosen) {
            inside |= concepts_[patterns_[o.pattern].concept_idx].section == "actor" &&
                      o.first <= c.first && c.last <= o.last && o.last - o.first > c.last - c.first;
          }
          held += inside;
        }
        return all ? held == set : held > 0;
      };
      std::vector<Candidate> ruled;
      for (const auto& c : chosen) {
        const Pattern& p = patterns_[c.pattern];
        if (p.context.OnMatches() && !holds(p.context, c, true)) continue;
        if (p.veto.OnMatches() && holds(p.veto, c, false)) continue;
        ruled.push_back(c);
      }
      chosen.swap(ruled);
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
    // Two matches of one concept side by side, one space apart, the second a
    // common noun, are one mention ("the COVID-19 pandemic", "the Ebola
    // epidemic"): the span of both, by the explicit cue's rule if either is
    // one. Not a list of a table's cells ("Bangladesh\nBangladesh",
    // "floods\nGlobal warming"), nor in languages that write "and" as part
    // of the next word (Arabic الإرهاب والجريمة المنظمة: terrorism and
    // organized crime).
    std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
      return a.first != b.first ? a.first < b.first : a.last < b.last;
    });
    std::vector<Candidate> merged;
    merged.reserve(chosen.size());
    for (const auto& c : chosen) {
      if (!merged.empty()) {
        Candidate& m = merged.back();
        const Pattern& pm = patterns_[m.pattern];
        const Pattern& pc = patterns_[c.pattern];
        // The first may carry a number after a hyphen ("COVID-19").
        uint32_t end = m.last;
        if (end < tokens.size() && HyphenedNumber(text, end)) ++end;
        if (!m.coordinated && !c.coordinated && pm.concept_idx == pc.concept_idx &&
            c.first == end && tokens[c.first].sentence == tokens[m.first].sentence &&
            tokens[c.first].norm_start == tokens[end - 1].norm_end + 1 &&
            text.norm()[tokens[end - 1].norm_end] == ' ' &&
            !hstag::common::Capitalised(text.Surface(tokens[c.first])) &&
            !ConjunctionPrefixed(text.Language(tokens[c.first]))) {
          if (pc.strength == hstag::sdk::Strength::kExplicit && pm.strength != pc.strength)
            m.pattern = c.pattern;
          m.last = c.last;
          continue;
        }
        // A short form in parentheses right after its long form, as a
        // document defines it ("the United Nations High Commissioner for
        // Refugees (UNHCR)"), is the same mention: a definition counts once.
        if (pm.concept_idx == pc.concept_idx && c.first == m.last &&
            hstag::sdk::GapBetween(text.norm(), tokens[m.last - 1].norm_end,
                                   tokens[c.first].norm_start) == "(" &&
            (c.last == tokens.size() ||
             hstag::sdk::GapBetween(text.norm(), tokens[c.last - 1].norm_end,
                                    tokens[c.last].norm_start)
                 .starts_with(")")) &&
            !HasLowerCase(text.Surface(tokens[c.first]))) {
          continue;
        }
      }
      merged.push_back(c);
    }
    chosen.swap(merged);
    for (const auto& c : chosen) {
      const Pattern& p = patterns_[c.pattern];
      if (p.required >= 0 && !present[static_cast<size_t>(p.required)]) continue;
      hstag::sdk::Annotation a;
      a.strength = p.strength;
      a.start = tokens[c.first].source_start;
      a.end = tokens[c.last - 1].source_end;
      a.rule = c.coordinated ? p.coordinated_rule : p.rule;
      a.concept_id = concepts_[p.concept_idx].id;
      sink.Emit(a);
      for (uint32_t extra : p.also) {
        a.concept_id = concepts_[extra].id;
        // A cue that names another concept only signals a dimension
        // (codebook §10.8): "trafficking in persons" names the topic.
        a.strength = concepts_[extra].section == "dimension" &&
                             concepts_[p.concept_idx].section != "dimension"
                         ? Strength::kIndicator
                         : p.strength;
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
    p.coordinated_rule = p.rule + " coordinated";
    p.order = static_cast<uint32_t>(patterns_.size());
    for (const auto a : cue.also()) {
      p.also.push_back(ConceptIndex(a, hstag::codebook::SectionOf(a)));
    }
    if (!cue.required().empty()) {
      p.required = static_cast<int32_t>(
          ConceptIndex(cue.required(), hstag::codebook::SectionOf(cue.required())));
    }
    auto compile = [&](const hstag::sdk::CueContextView& v, Condition* out) {
      for (const auto w : v.near()) out->near.emplace_back(w);
      for (const auto w : v.after()) out->after.emplace_back(w);
      for (const auto w : v.before()) out->before.emplace_back(w);
      for (const auto w : v.sentence()) out->sentence.emplace_back(w);
      out->within = v.within();
      for (const auto id : v.concepts()) {
        out->concepts.push_back(ConceptIndex(id, hstag::codebook::SectionOf(id)));
      }
      out->in = v.in();
      has_local_conditions_ |= out->Local();
      has_match_conditions_ |= out->OnMatches();
    };
    if (!exclude) {
      compile(cue.context(), &p.context);
      compile(cue.veto(), &p.veto);
    }
    uint32_t node = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      const auto w = words[k];
      p.surfaces.emplace_back(w.surface());
      p.gaps.emplace_back(k == 0 ? "" : w.gap_before());
      if (k > 0 && !w.gap_before().empty() && !IsJoiner(w.gap_before(), /*quotes=*/true)) {
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
    if (!exclude && words.size() == 2 && !words[1].glob() &&
        concepts_[concept_idx].section != "actor") {
      const std::string head(words[1].norm());
      if (heads_.Find(head) == hstag::common::WordTable::kNone) {
        heads_.Insert(head, static_cast<uint32_t>(heads_.size()));
      }
    }
    nodes_[node].outputs.push_back(static_cast<uint32_t>(patterns_.size()));
    patterns_.push_back(std::move(p));
  }

  // The trie node reached from `node` over token k's word (kNone: none).
  uint32_t Step(const TextView& text, uint32_t node, size_t k) const {
    if (node == EdgeTable::kNone) return EdgeTable::kNone;
    const auto tokens = text.tokens();
    if (tokens[k].flags & HSTAG_TOKEN_URL) return EdgeTable::kNone;
    const uint32_t id = vocab_.Find(text.Norm(tokens[k]));
    if (id == hstag::common::WordTable::kNone) return EdgeTable::kNone;
    if (node == 0) return id < root_children_.size() ? root_children_[id] : EdgeTable::kNone;
    return edges_.Find(Key(node, id));
  }

  // The patterns that end at `node` and may stand for a coordinated member
  // of a match of `of`: cues (not exclusions) of another concept, in the
  // text's language.
  // The first such pattern at `node` (one concept per member: the first cue
  // listed), not of concept `skip`, and in overlap group `group` unless that
  // is UINT32_MAX (then in any group but the actors').
  bool MembersAt(const TextView& text, uint32_t node, uint32_t skip, uint32_t group,
                 uint32_t first, uint32_t last, std::vector<Candidate>* out) const {
    if (node == EdgeTable::kNone) return false;
    const auto tokens = text.tokens();
    for (uint32_t q : nodes_[node].outputs) {
      const Pattern& p = patterns_[q];
      if (p.exclude || p.concept_idx == skip || p.exact || p.required >= 0) continue;
      if (!hstag::common::LanguageMatches(text.Language(tokens[first]), p.langs)) continue;
      if (group == UINT32_MAX ? concepts_[p.concept_idx].section == "actor"
                              : groups_[p.concept_idx] != group) {
        continue;
      }
      out->push_back({q, first, last, true});
      return true;
    }
    return false;
  }

  // Members before a shared head (codebook §10.9): "food and health
  // insecurity", "water, food and energy security", "political and military
  // security". At every word that ends a two-word cue (the head), the words
  // before it are read as a coordination of one-word members ("energy",
  // then "food", "water", joined by commas and a conjunction); a member that
  // makes a cue with the head is a match of that cue over the phrase from
  // the member to the head (marked `coordinated`), but of the concept the
  // member next to the head makes with it ("food and nutrition security" is
  // food security once).
  void SharedHeads(const TextView& text, std::vector<Candidate>* out) const {
    if (heads_.size() == 0) return;
    const auto tokens = text.tokens();
    auto gap = [&](size_t a) {  // between tokens a and a + 1
      return hstag::sdk::GapBetween(text.norm(), tokens[a].norm_end, tokens[a + 1].norm_start);
    };
    for (uint32_t h = 2; h < tokens.size(); ++h) {
      if (heads_.Find(text.Norm(tokens[h])) == hstag::common::WordTable::kNone) continue;
      const uint32_t sentence = tokens[h].sentence;
      auto same = [&](size_t k) { return tokens[k].sentence == sentence; };
      const uint32_t y = h - 1;  // the member next to the head
      if (!same(y) || !PlainGap(text.norm(), tokens[y].norm_end, tokens[h].norm_start) ||
          Conjunction(text.Norm(tokens[y])) || FunctionWord(text.Norm(tokens[y]))) {
        continue;
      }
      uint32_t skip = UINT32_MAX;
      if (const uint32_t node = Step(text, Step(text, 0, y), h); node != EdgeTable::kNone) {
        for (uint32_t q : nodes_[node].outputs) {
          if (!patterns_[q].exclude) skip = patterns_[q].concept_idx;
        }
      }
      uint32_t at = y;
      for (int members = 0; members < 6 && at >= 1 && same(at - 1); ++members) {
        uint32_t x;
        if (Conjunction(text.Norm(tokens[at - 1])) && at >= 2 && same(at - 2) &&
            (gap(at - 2).empty() || gap(at - 2) == ",")) {
          x = at - 2;
        } else if (gap(at - 1) == ",") {
          x = at - 1;
        } else {
          break;
        }
        if ((tokens[x].flags & HSTAG_TOKEN_NUMBER) || FunctionWord(text.Norm(tokens[x]))) break;
        // A member is one word: one bound to a modifier before it is a
        // phrase that does not share the head ("public health, food
        // security").
        if (x >= 1 && same(x - 1) &&
            PlainGap(text.norm(), tokens[x - 1].norm_end, tokens[x].norm_start) &&
            BindingModifier(text.Norm(tokens[x - 1]))) {
          break;
        }
        MembersAt(text, Step(text, Step(text, 0, x), h), skip, UINT32_MAX, x, h + 1, out);
        at = x;
      }
    }
  }

  // Coordination and ellipsis (codebook §10.9), after a match: the members
  // of a coordination that share the match's head before them, where a
  // member repeats the word before it ("freedom from want as well as from
  // fear") or, in languages that put the head first, without it ("sécurité
  // alimentaire et sanitaire"), and there lists closed by a conjunction
  // ("sécurité économique, alimentaire et sanitaire"). Each member is a
  // match of its own cue, over the whole phrase (marked `coordinated`), in
  // the match's overlap group.
  // (Members before a shared head: SharedHeads.)
  // (`c` is a copy: it may be an element of *out, which the members grow.)
  void Coordinated(const TextView& text, const Candidate c, std::vector<Candidate>* out) const {
    const Pattern& m = patterns_[c.pattern];
    if (c.coordinated || m.exclude || c.last - c.first < 2) return;
    if (concepts_[m.concept_idx].section == "actor") return;
    const auto tokens = text.tokens();
    const uint32_t sentence = tokens[c.first].sentence;
    auto same = [&](size_t k) { return k < tokens.size() && tokens[k].sentence == sentence; };
    auto gap = [&](size_t a) {  // between tokens a and a + 1
      return hstag::sdk::GapBetween(text.norm(), tokens[a].norm_end, tokens[a + 1].norm_start);
    };
    // After: "<match> and [w] Y" where w is the match's word before its last.
    uint32_t k = c.last;
    if (!same(k)) return;
    auto prefix = [&] {  // the node of the match's words before its last
      uint32_t node = 0;
      for (uint32_t j = c.first; j + 1 < c.last && (j == c.first || node != EdgeTable::kNone); ++j) {
        node = Step(text, node, j);
      }
      return node;
    };
    // Head first, a list of one-word members: "<match>, Y1, Y2 and Y3" ("la
    // sécurité environnementale, économique, alimentaire et politique"),
    // closed by a conjunction.
    if (HeadFirst(m.langs) && gap(c.last - 1) == ",") {
      std::vector<uint32_t> ys;
      bool closed = false;
      for (uint32_t j = c.last; same(j) && ys.size() < 8; ++j) {
        const std::string_view w = text.Norm(tokens[j]);
        if ((tokens[j].flags & HSTAG_TOKEN_NUMBER) || Conjunction(w) || FunctionWord(w)) break;
        ys.push_back(j);
        if (!same(j + 2)) break;
        const std::string g = gap(j);
        if ((g.empty() || g == ",") && Conjunction(text.Norm(tokens[j + 1])) &&
            gap(j + 1).empty() && !FunctionWord(text.Norm(tokens[j + 2]))) {
          ys.push_back(j + 2);
          closed = true;
          break;
        }
        if (g != ",") break;
      }
      if (!closed) return;
      const uint32_t node = prefix();
      for (uint32_t y : ys) {
        if (node != EdgeTable::kNone) {
          MembersAt(text, Step(text, node, y), m.concept_idx, groups_[m.concept_idx], c.first,
                    y + 1, out);
        }
      }
      return;
    }
    if (Conjunction(text.Norm(tokens[k]))) {
      ++k;
    } else if (text.Norm(tokens[k]) == "as" && same(k + 2) && text.Norm(tokens[k + 1]) == "well" &&
               text.Norm(tokens[k + 2]) == "as") {
      k += 3;
    } else {
      return;
    }
    if (!same(k)) return;
    const bool repeats = same(k + 1) && text.Norm(tokens[k]) == text.Norm(tokens[c.last - 2]);
    if (!repeats && !HeadFirst(m.langs)) return;
    const uint32_t y = repeats ? k + 1 : k;
    uint32_t node = prefix();
    if (node != EdgeTable::kNone) node = Step(text, node, y);
    MembersAt(text, node, m.concept_idx, groups_[m.concept_idx], c.first, y + 1, out);
  }

  // True when only white space, hyphens or emphasis marks stand between
  // tokens a and b, or an elided article or preposition that the analyzer
  // took off b ("protection de l'individu": "l'" stands between "de" and
  // "individu").
  static bool Joined(const TextView& text, uint32_t a, uint32_t b) {
    const auto tokens = text.tokens();
    if (PlainGap(text.norm(), tokens[a].norm_end, tokens[b].norm_start)) return true;
    const std::string gap =
        hstag::sdk::GapBetween(text.norm(), tokens[a].norm_end, tokens[b].norm_start);
    return IsJoiner(gap, /*quotes=*/false) || IsElision(gap);
  }

  // True when a possessive 's stands between tokens a and b ("women's
  // rights"): the phrase goes on.
  static bool Possessive(const TextView& text, uint32_t a, uint32_t b) {
    const auto tokens = text.tokens();
    std::string gap = hstag::sdk::GapBetween(text.norm(), tokens[a].norm_end, tokens[b].norm_start);
    while (!gap.empty() && gap.back() == ' ') gap.pop_back();
    if (gap == "'s" || gap == "\u2019s") return true;
    // A plural's possessive ("the British Bankers' Association").
    const std::string_view word = text.Norm(tokens[a]);
    return (gap == "'" || gap == "\u2019") && !word.empty() && word.back() == 's';
  }

  // Whether the conditions of `cond` on the text hold for the match `c`:
  // all of those set (`all`), or any of them.
  bool LocalHolds(const TextView& text, const Condition& cond, const Candidate& c, bool all) const {
    const auto tokens = text.tokens();
    const uint32_t sentence = tokens[c.first].sentence;
    int set = 0, held = 0;
    // A word of `list` among the `within` words before (dir -1) or after (+1) the match.
    auto around = [&](const std::vector<std::string>& list, int dir) {
      if (dir < 0) {
        for (uint32_t k = c.first, n = 0; k-- > 0 && n < cond.within; ++n) {
          if (tokens[k].sentence != sentence) break;
          if (WordIn(list, text.Norm(tokens[k]))) return true;
        }
      } else {
        for (uint32_t k = c.last, n = 0; k < tokens.size() && n < cond.within; ++k, ++n) {
          if (tokens[k].sentence != sentence) break;
          if (WordIn(list, text.Norm(tokens[k]))) return true;
        }
      }
      return false;
    };
    // `after` and `before` look within the phrase: up to punctuation.
    auto phrase = [&](const std::vector<std::string>& list, int dir) {
      if (dir < 0) {
        for (uint32_t k = c.first, n = 0; k-- > 0 && n < cond.within; ++n) {
          if (tokens[k].sentence != sentence ||
              !(Joined(text, k, k + 1) || Possessive(text, k, k + 1))) {
            break;
          }
          if (WordIn(list, text.Norm(tokens[k]))) return true;
        }
      } else {
        for (uint32_t k = c.last, n = 0; k < tokens.size() && n < cond.within; ++k, ++n) {
          if (tokens[k].sentence != sentence ||
              !(Joined(text, k - 1, k) || Possessive(text, k - 1, k))) {
            break;
          }
          if (WordIn(list, text.Norm(tokens[k]))) return true;
        }
      }
      return false;
    };
    if (!cond.near.empty()) {
      ++set;
      held += around(cond.near, -1) || around(cond.near, +1);
    }
    if (!cond.after.empty()) {
      ++set;
      held += phrase(cond.after, +1);
    }
    if (!cond.before.empty()) {
      ++set;
      held += phrase(cond.before, -1);
    }
    if (!cond.sentence.empty()) {
      ++set;
      bool any = false;
      for (uint32_t k = c.first; k-- > 0 && tokens[k].sentence == sentence && !any;) {
        any = WordIn(cond.sentence, text.Norm(tokens[k]));
      }
      for (uint32_t k = c.last; k < tokens.size() && tokens[k].sentence == sentence && !any; ++k) {
        any = WordIn(cond.sentence, text.Norm(tokens[k]));
      }
      held += any;
    }
    if (cond.in & HSTAG_IN_NAME) {
      ++set;
      held += InsideName(text, c);
    }
    if (cond.in & HSTAG_IN_REFERENCES) {
      ++set;
      const auto segs = text.segments();
      const uint32_t seg = tokens[c.first].segment;
      held += seg < segs.size() && (segs[seg].flags & HSTAG_SEGMENT_REFERENCES) != 0;
    }
    return all ? held == set : held > 0;
  }

  // Whether the actor at `first` is the principal of a post whose office a
  // name heads: "the Office of the Special Envoy of the Secretary-General
  // for Yemen", "the Office of the Special Adviser to the Secretary-General
  // on Cyprus" name an office, not the Secretary-General ("the Report of
  // the Secretary-General" stays his).
  static bool OfficeOfPost(const TextView& text, uint32_t first) {
    const auto tokens = text.tokens();
    const uint32_t sentence = tokens[first].sentence;
    auto word = [&](uint32_t i) { return text.Norm(tokens[i]); };
    auto here = [&](uint32_t i) { return tokens[i].sentence == sentence; };
    auto capital = [&](uint32_t i) { return CapitalWord(text, i); };
    uint32_t k = first;
    if (k > 0 && here(k - 1) && word(k - 1) == "the") --k;
    if (k < 2 || !here(k - 1) || (word(k - 1) != "of" && word(k - 1) != "to")) return false;
    --k;  // the connector; the post's title before it
    if (!here(k - 1) || !capital(k - 1) || !PostHead(word(k - 1))) return false;
    while (k > 0 && here(k - 1) && capital(k - 1) && Joined(text, k - 1, k)) --k;
    if (k > 0 && here(k - 1) && word(k - 1) == "the") --k;
    return k >= 2 && here(k - 2) && word(k - 1) == "of" && capital(k - 2) &&
           word(k - 2) == "office";
  }

  // Whether the actor at `first` ends the title of another's post to it:
  // "the U.S. Ambassador to NATO", "the Permanent Representative of Brazil
  // to the United Nations" (a post's title is a name, codebook §10.1; "the
  // NATO Secretary General" is NATO's own officer and names it).
  static bool PostTo(const TextView& text, uint32_t first) {
    static const std::set<std::string, std::less<>> kPosts = {
        "ambassador", "ambassadors", "representative", "representatives", "envoy",
        "envoys",     "delegate",    "delegates",      "observer",        "mission"};
    const auto tokens = text.tokens();
    const uint32_t sentence = tokens[first].sentence;
    auto here = [&](uint32_t i) { return tokens[i].sentence == sentence; };
    uint32_t k = first;
    if (k > 0 && here(k - 1) && text.Norm(tokens[k - 1]) == "the") --k;
    if (k < 2 || !here(k - 1) || text.Norm(tokens[k - 1]) != "to") return false;
    --k;  // "to"; the post before it, or its holder's state ("... of Brazil to")
    for (uint32_t j = k; j-- > 0 && k - j <= 4 && here(j);) {
      if (!CapitalWord(text, j)) {
        if (text.Norm(tokens[j]) != "of") return false;
        continue;
      }
      if (kPosts.count(text.Norm(tokens[j]))) return true;
    }
    return false;
  }

  // Whether the words before `first` are a post's title that the match
  // completes in lower case ("the Special Rapporteur on trafficking in
  // persons", "the Independent Expert on the situation of human rights"): a
  // post's name (codebook §10.1).
  static bool PostMandate(const TextView& text, uint32_t first) {
    const auto tokens = text.tokens();
    uint32_t k = first;
    int connectors = 0;
    while (k > 0 && tokens[k - 1].sentence == tokens[first].sentence && connectors < 2 &&
           (text.Norm(tokens[k - 1]) == "on" || text.Norm(tokens[k - 1]) == "for" ||
            text.Norm(tokens[k - 1]) == "the")) {
      --k;
      ++connectors;
    }
    if (connectors == 0 || k == 0 || tokens[k - 1].sentence != tokens[first].sentence) return false;
    const std::string_view head = text.Norm(tokens[k - 1]);
    return hstag::common::Capitalised(text.Surface(tokens[k - 1])) &&
           (head == "rapporteur" || head == "representative" || head == "envoy" ||
            head == "expert" || head == "adviser" || head == "advisor");
  }

  // Whether the match is inside the quoted title of a cited work (codebook
  // §10.1: a publication's title is a name): between double quotes (“ ” or
  // "), within 40 words either side, in a headline's capitals (at least
  // three words, the first capitalised, and three in four of those of four
  // letters or more), with at least two words besides the match's; and
  // cited: a comma, full stop, colon or semicolon with the closing quote,
  // then, within 160 bytes, a year, a web address or "press release"
  // ("Kareem Shaheen, “Beheaded Syrian Scholar Refused to Lead Isis to
  // Hidden Palmyra Antiquities,” The Guardian, August 19, 2015, https://...").
  // A quoted term alone ("the “Responsibility to Protect,” endorsed in
  // 2005") or a quotation in a sentence's case is no title.
  static bool QuotedTitle(const TextView& text, const Candidate& c) {
    constexpr uint32_t kReach = 40;
    constexpr size_t kCiteReach = 160;
    const auto tokens = text.tokens();
    const std::string_view s = text.surface();
    auto gap_before = [&](uint32_t k) {  // the surface between word k - 1 and word k
      const uint32_t from = k == 0 ? 0 : tokens[k - 1].surface_end;
      const uint32_t to = k < tokens.size() ? tokens[k].surface_start : s.size();
      return from <= to ? s.substr(from, to - from) : std::string_view();
    };
    constexpr std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";
    auto opens = [&](std::string_view g) {
      return g.find(kOpen) != std::string_view::npos || g.ends_with('"');
    };
    auto closes = [&](std::string_view g) {
      const size_t straight = g.find('"');
      return g.find(kClose) != std::string_view::npos ||
             (straight != std::string_view::npos && straight + 1 < g.size());
    };
    uint32_t open = 0;
    for (uint32_t k = c.first;; --k) {
      const std::string_view g = gap_before(k);
      if (k < c.first && closes(g)) return false;
      if (opens(g)) {
        open = k;
        break;
      }
      if (k == 0 || c.first - k >= kReach) return false;
    }
    uint32_t close = 0;
    for (uint32_t k = c.last; k <= tokens.size() && k - c.last <= kReach; ++k) {
      const std::string_view g = gap_before(k);
      if (closes(g)) {
        close = k;
        break;
      }
      if (opens(g) && k > c.last) return false;
    }
    if (close == 0) return false;
    // The closing quote's punctuation, then what cites.
    const std::string_view end_gap = gap_before(close);
    if (end_gap.find_first_of(",.;:") == std::string_view::npos) return false;
    const std::string_view cite = s.substr(tokens[close - 1].surface_end, kCiteReach);
    bool cited = cite.find("http") != std::string_view::npos ||
                 cite.find("www.") != std::string_view::npos ||
                 cite.find("press release") != std::string_view::npos;
    // A year, 1800 to 2099, not inside a longer number.
    auto digit = [&](size_t j) { return j < cite.size() && cite[j] >= '0' && cite[j] <= '9'; };
    for (size_t i = 0; !cited && i + 4 <= cite.size(); ++i) {
      const std::string_view century = cite.substr(i, 2);
      cited = (century == "18" || century == "19" || century == "20") && digit(i + 2) &&
              digit(i + 3) && !digit(i + 4) && (i == 0 || !digit(i - 1));
    }
    if (!cited) return false;
    // A headline's capitals, and words besides the match's.
    size_t words = 0, long_words = 0, long_capitals = 0;
    for (uint32_t k = open; k < close; ++k) {
      if (tokens[k].flags & HSTAG_TOKEN_NUMBER) continue;
      const std::string_view w = text.Surface(tokens[k]);
      const bool capital = hstag::common::Capitalised(w);
      if (words++ == 0 && !capital) return false;
      if (w.size() >= 4) {
        ++long_words;
        long_capitals += capital;
      }
    }
    const size_t own = c.last - c.first;
    return words >= 3 && words >= own + 2 && 4 * long_capitals >= 3 * long_words;
  }

  // Whether the match is inside a title set after the word for its
  // publication and a comma ("his 2009 report, Implementing the
  // Responsibility to Protect", "its 2001 report, The Responsibility to
  // Protect, described ...") or after "entitled" or "titled": a run of
  // capitalised words and connectors that holds the match and a
  // capitalised word besides it, just before it or right after it ("In its
  // report, the Responsibility to Protect ..." has none: no title).
  static bool TitleAfterPublication(const TextView& text, const Candidate& c) {
    static const std::set<std::string, std::less<>> kPublications = {
        "report",  "book",        "study",    "paper", "volume",   "article",
        "chapter", "publication", "handbook", "essay", "monograph"};
    const auto tokens = text.tokens();
    const uint32_t sentence = tokens[c.first].sentence;
    auto here = [&](uint32_t k) { return k < tokens.size() && tokens[k].sentence == sentence; };
    auto capital = [&](uint32_t k) { return CapitalWord(text, k); };
    uint32_t k = c.first;
    while (k > 0 && here(k - 1) && (capital(k - 1) || NameConnector(text.Norm(tokens[k - 1]))) &&
           Joined(text, k - 1, k)) {
      --k;
    }
    while (k < c.first && !capital(k)) ++k;  // a title starts with a capital
    if (k == 0 || !here(k - 1)) return false;
    const std::string_view head = text.Norm(tokens[k - 1]);
    const std::string gap =
        hstag::sdk::GapBetween(text.norm(), tokens[k - 1].norm_end, tokens[k].norm_start);
    const bool entitled =
        (head == "entitled" || head == "titled") && (gap.empty() || gap == ":" || gap == ",");
    if (!entitled && !(kPublications.count(head) && gap == ",")) return false;
    for (uint32_t j = k; j < c.first; ++j) {
      if (capital(j)) return true;
    }
    return here(c.last) && capital(c.last) && Joined(text, c.last - 1, c.last);
  }

  // Whether the match is inside the name of an entity (codebook §10.1): a
  // run of capitalised words around it, joined by lower-case connectors
  // such as "of" or "for the" and by nothing else but spaces and hyphens,
  // that holds, besides the match, a word that heads names of organizations,
  // programmes, units, publications, series or events (NameHead: Network,
  // Fund, Convention, Panel, Report, Index ...): "Human Security Network",
  // "UN Trust Fund for Human Security", "Framework Convention on Climate
  // Change", "FAO Food Security Indicators". For an actor only words after
  // it count ("UN Framework Convention"; "the Charter of the United Nations"
  // is the UN's). A capitalised heading or caption is no name ("Table 13:
  // Urbanization and Urban Poverty"), nor is "Japan's Human Security policy".
  // A state's own organs are the state's ("the British Ministry of Defence":
  // StateNameHead). The match's first word must be capitalised, or the
  // match must complete a post's title (PostMandate). An acronym's capitals
  // are no sign of a name before it, but a name's words after it still make
  // one ("the 2023 WPS Strategy", "the NATO WPS Policy"; not "the WPS
  // agenda").
  bool InsideName(const TextView& text, const Candidate& c) const {
    const auto tokens = text.tokens();
    const ConceptRef& ref = concepts_[patterns_[c.pattern].concept_idx];
    const bool actor = ref.section == "actor";
    const bool state = ref.state();
    // An actor's name may start with an article ("the Sudan").
    const uint32_t lead = actor && c.last - c.first > 1 && text.Norm(tokens[c.first]) == "the"
                              ? c.first + 1
                              : c.first;
    const std::string_view first = text.Surface(tokens[lead]);
    if (!hstag::common::Capitalised(first)) return PostMandate(text, c.first);
    if (QuotedTitle(text, c) || TitleAfterPublication(text, c)) return true;
    const bool acronym = !actor && !HasLowerCase(first.substr(1));
    const uint32_t sentence = tokens[c.first].sentence;
    auto capital = [&](uint32_t k) { return CapitalWord(text, k); };
    auto in_sentence = [&](uint32_t k) {
      return k < tokens.size() && tokens[k].sentence == sentence;
    };
    auto gap = [&](uint32_t a, uint32_t b) {
      return hstag::sdk::GapBetween(text.norm(), tokens[a].norm_end, tokens[b].norm_start);
    };
    // A comma between capitalised words of a list that "and" (or "&")
    // closes, within the capitalised run, joins them in a name ("the
    // Ministry of Women, Children and Poverty Alleviation", "the Ministry of
    // Agriculture, Fisheries, Food Security and Nature"); not around an
    // actor, which is mostly one of a list of actors ("the United Nations,
    // African Union and SADC missions", "Argentina, Brazil and Chile").
    auto listed = [&](uint32_t a, uint32_t b, std::string_view g_ab) {
      if (actor || g_ab != "," || !capital(a) || !capital(b)) return false;
      for (uint32_t k = b + 1; in_sentence(k) && k < b + 8; ++k) {
        const std::string g = gap(k - 1, k);
        if (g == "&") return capital(k);  // "Women, Children & Poverty Alleviation"
        if (!g.empty() && g != ",") return false;
        if (text.Norm(tokens[k]) == "and") {
          return g.empty() && in_sentence(k + 1) && capital(k + 1) && gap(k, k + 1).empty();
        }
        if (!capital(k)) return false;
      }
      return false;
    };
    // A slash joins the words of a name too ("HIV/AIDS Strategy"), and an
    // ampersand its capitalised words ("Foreign & Diaspora Affairs").
    auto joined = [&](uint32_t a, uint32_t b) {
      if (Joined(text, a, b)) return true;
      const std::string g = gap(a, b);
      return g == "/" || (g == "&" && capital(a) && capital(b)) || listed(a, b, g);
    };
    auto connector = [&](uint32_t k) { return !capital(k) && NameConnector(text.Norm(tokens[k])); };
    // After the match: capitalised words, and connectors followed by one, or
    // a number hyphened to the word before it ("the COVID-19 Partners
    // Platform"; not the numbers of a table's row, "Albania 962 Algeria"); a
    // possessive past the match joins its word ("United Nations Children's
    // Fund"), one right after it is the match's own ("the UN's Food and
    // Agriculture Organization" names the UN).
    auto inner = [&](uint32_t k) { return connector(k) || HyphenedNumber(text, k); };
    bool crossed = false;  // a connector or a number stands between the match and the word
    for (uint32_t k = c.last;
         in_sentence(k) && (joined(k - 1, k) || (k > c.last && Possessive(text, k - 1, k)));) {
      uint32_t j = k;
      while (in_sentence(j) && inner(j) && in_sentence(j + 1) && joined(j, j + 1)) ++j;
      crossed = crossed || j > k;
      if (!in_sentence(j) || !capital(j)) break;
      const std::string_view norm = text.Norm(tokens[j]);
      const auto kind = hstag::common::NameHeadKind(norm);
      // A state in a heading in capitals is the heading's subject, not part
      // of a name, before a word that heads names only after the match
      // ("NEPAL ASSESSMENT"); a plural right after an actor other than a
      // state is that actor's ("UN Agencies"; not "the United Nations
      // Regional Centres for Peace and Disarmament").
      const bool heading = state && kind == hstag::common::HeadKind::kAfterOnly &&
                           !HasLowerCase(text.Surface(tokens[j]));
      const bool actors =
          kind == hstag::common::HeadKind::kPlural && actor && !state && j == c.last;
      // "Federation" heads the name of a country's federation of a sport or
      // trade behind a word of its own ("the Uganda Athletics Federation";
      // not "the Swiss Federation", "the United States and the Russian
      // Federation", the states' own names).
      const bool federation = state && norm == "federation" && j > c.last && !crossed;
      if (!heading && !actors &&
          (federation || (state ? StateNameHead(norm) : hstag::common::NameHead(norm)))) {
        return true;
      }
      k = j + 1;
    }
    // Before it, the same; but an actor's name after its connector is the
    // actor ("the Charter of the United Nations", "King Abdullah of Jordan"),
    // except a state's after a connector of place or subject, which ends the
    // name of a body in or for it ("the United Nations Assistance Mission in
    // Afghanistan"; not in German, which capitalises every noun).
    const std::string_view place = state ? PlaceConnector(text, c.first) : std::string_view();
    if (state && place.empty() && NationalSection(text, c)) return true;
    if (acronym || (actor && place.empty())) return false;
    // "in" a state ends the name of a mission or force there ("the United
    // Nations Interim Force in Lebanon"), "for" or "on" it that of a post or
    // a body for it ("the Special Envoy of the Secretary-General for
    // Yemen"); other names are placed there ("the Noguchi Memorial Institute
    // for Medical Research in Ghana") or are the state's own ("the National
    // Action Plan for the United States of America").
    const bool in = place == "in" || place == "en";
    // "of" or "in" a state ends the name of a university or a school ("the
    // University of the Bahamas", "the Islamic University in Uganda"); "of"
    // ends no name of the state's own bodies and posts ("the Government of
    // Ghana", "the Permanent Representative of Chile").
    const bool of = place == "of";
    // A possessive belongs to its word ("Commission on Strengthening
    // America's Health Security").
    for (uint32_t k = c.first;
         k > 0 && in_sentence(k - 1) && (joined(k - 1, k) || Possessive(text, k - 1, k));) {
      uint32_t j = k - 1;
      while (j > 0 && connector(j) && in_sentence(j - 1) && joined(j - 1, j)) --j;
      if (!capital(j)) break;
      const std::string_view norm = text.Norm(tokens[j]);
      if (place.empty() ? hstag::common::NameHead(norm, /*before=*/true)
          : of          ? SchoolHead(norm)
               : MissionHead(norm) || (in && SchoolHead(norm)) || (!in && PostHead(norm))) {
        return true;
      }
      k = j;
    }
    return false;
  }

  // A state's code in capitals that ends a run of capitalised words, inside
  // a sentence and with no connector between, names an organization's
  // national branch or one of that country ("Dementia UK", "Oxfam GB",
  // "Save the Children UK", "Palgrave Macmillan UK"); not after an acronym
  // ("EU UK relations"), not before a capitalised word ("the Geographer U.S.
  // Department of State", "Among US Adults"), and not at a sentence's start,
  // where any word is capitalised ("Yet US policy").
  static bool NationalSection(const TextView& text, const Candidate& c) {
    const auto tokens = text.tokens();
    if (c.last - c.first != 1 || c.first < 2) return false;
    const std::string_view code = text.Surface(tokens[c.first]);
    if (code.size() > 3 ||
        !std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
      return false;
    }
    const uint32_t k = c.first - 1;
    const uint32_t sentence = tokens[c.first].sentence;
    if (tokens[k].sentence != sentence || tokens[k - 1].sentence != sentence) return false;
    if (!PlainGap(text.norm(), tokens[k].norm_end, tokens[c.first].norm_start)) return false;
    if (c.last < tokens.size() && tokens[c.last].sentence == sentence &&
        Joined(text, c.first, c.last) && CapitalWord(text, c.last)) {
      return false;
    }
    const std::string_view word = text.Surface(tokens[k]);
    return CapitalWord(text, k) && HasLowerCase(word.substr(1)) &&
           !NameConnector(text.Norm(tokens[k]));
  }

  // The connector of place or subject ("in", "for", "on"; fr, es; "of") before
  // `first`, perhaps with "the" after it, in a segment not in German; empty
  // if none.
  static std::string_view PlaceConnector(const TextView& text, uint32_t first) {
    static const std::set<std::string, std::less<>> kPlace = {"in",  "for",  "on",    "en", "pour",
                                                              "sur", "para", "sobre", "of"};
    const auto tokens = text.tokens();
    uint32_t k = first;
    if (k > 0 && text.Norm(tokens[k - 1]) == "the") --k;
    if (k == 0 || tokens[k - 1].sentence != tokens[first].sentence) return {};
    if (text.Language(tokens[first]).substr(0, 2) == "de") return {};
    const std::string_view norm = text.Norm(tokens[k - 1]);
    return kPlace.count(norm) > 0 ? norm : std::string_view();
  }

  // The heads of the names of posts and bodies for a country.
  static bool PostHead(std::string_view norm) {
    static const std::set<std::string, std::less<>> kWords = {
        "envoy",   "representative", "adviser",    "advisor", "rapporteur",
        "expert",  "committee",      "commission", "envoyé",  "représentant",
        "enviado", "representante",  "comité",     "comisión"};
    return kWords.count(norm) > 0;
  }

  // The heads of the names of universities and schools named after a
  // country.
  static bool SchoolHead(std::string_view norm) {
    return norm == "university" || norm == "college" || norm == "school" || norm == "academy" ||
           norm == "polytechnic";
  }

  // The heads of the names of missions and forces in a country.
  static bool MissionHead(std::string_view norm) {
    return norm == "mission" || norm == "operation" || norm == "force" || norm == "misión" ||
           norm == "operación" || norm == "opération";
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
        if (!gap.empty() && !IsJoiner(gap, /*quotes=*/true) && gap != p.gaps[w]) return false;
      }
    }
    return true;
  }

  bool has_local_conditions_ = false;
  bool has_match_conditions_ = false;
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
  hstag::common::WordTable heads_;   // the last words of two-word cues (SharedHeads)
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
