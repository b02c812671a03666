// SPDX-License-Identifier: GPL-3.0-or-later
//
// The abbreviation tagger: short forms a document defines for itself.
//
// Definitions. A definition is "<long form> (<short form>)" or the reverse,
// "<short form> (<long form>)", in the surface view (Schwartz & Hearst 2003,
// "A simple algorithm for identifying abbreviation definitions in biomedical
// text"):
//   - the short form (SF) is the text inside the parentheses up to a first
//     `,` or `;` (forward form), or the word before the parenthesis (reverse
//     form): 2-10 characters, at most 2 words, first character a letter or a
//     digit, at least one letter, and (our addition, against "(ies)",
//     "(severe)") at least one upper-case letter;
//   - the long form (LF) must be something the lexicon knows: a PRIOR
//     annotation (of the taggers that ran before, the lexicon tagger first)
//     that ends right before the parenthesis (forward form; only spaces and
//     `*`/`_` emphasis marks in between) or at the end of the parenthesised
//     text (reverse form), that has at most min(|SF| + 5, 2 |SF|) words, and
//     whose text matches the SF by Schwartz & Hearst's right-to-left character
//     match (the first SF character at the start of a word), and that is
//     readable from it (ReadableFrom: the first characters agree; an SF
//     written as a capitalised word is spelt by the LF's initials). The longest such
//     annotation wins; every concept annotated on exactly that span counts
//     (a cue's `also` concepts).
// A definition's offset (`via`) is where it starts: the long form's start in
// "Human Security (HS)", the short form's in "UNSSC (United Nations ...)".
//
// Occurrences. Every run of whole tokens whose SURFACE equals the SF
// (case-sensitive: "HS", not "hs"; with option `plurals`, also SF+"s" and
// SF+"'s" for a one-word SF ending in an upper-case letter: "NGOs") is tagged
// with the long form's concept(s), the long form annotation's strength, rule
// "abbreviation:<SF>", value = the long form as written and via = the
// definition's offset, unless a token is in a URL or e-mail address or is
// already covered by a prior annotation (a lexicon cue wins). The SF in its
// own definition is not: the long form there is the mention ("Human
// Security (HS)" counts once). Nor is an SF inside a name (a name's head
// after it: "the 2023 TIP Report", and in lower case "the TIP report", "the
// TIP office", "the national TIP commission"; but "the CHS report" is the
// Commission's) or a code ("J/TIP").
//
// Which definition an occurrence takes:
//   - the nearest definition of that SF at or before it;
//   - before the first definition: when every definition of the SF in the
//     document has the same meaning (the same concepts), the first one (so its
//     `via` is then AFTER the occurrence: that is how "used before defined"
//     shows in the output); when the document gives the SF different
//     meanings, none. Option `before_definition: false` tags nothing before
//     the first definition.
// A document-defined short form is never a cue: an SF the document does not
// define is not tagged, whatever another document said.
//
// Phrases. A short form stands for its long form inside the lexicons'
// multi-word cues too: when the long form's words are part of a cue ("human
// security" in "human security programme", hs.approach), an occurrence with
// the cue's other words around it ("HS programme") is tagged as that cue
// would be: its concept and `also` concepts, its strength, over the whole
// phrase. As in the lexicon tagger, the phrase then replaces the short form's
// own annotation within the same codebook section (hs.approach's `also`
// brings hs.concept along) and not across sections. The words around match
// by their normalized form, in the same sentence, with only white space or
// hyphens between them and no prior annotation on them; cues with a case
// rule, a `requires`, globs or a language other than the text's are left out;
// the longest phrase wins (ties: lexicon order).
//
// Limits: a long form is what the lexicon tagger annotated, so "CHS
// (Commission on HS)" defines nothing (the lexicon knows "Commission on Human
// Security", not "Commission on HS").
//
// Options (JSON): {"plurals": true, "before_definition": true, "phrases": true}.
#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/lexicon_match.h"
#include "common/options.h"
#include "hstag/codebook.h"
#include "hstag/plugin.h"

namespace {

using hstag::sdk::Strength;
using hstag::sdk::TextView;

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Bytes of multi-byte UTF-8 characters count as letters (the S-H match
// compares bytes; a non-ASCII SF character must then appear as written).
bool IsWordByte(unsigned char c) { return IsAsciiAlnum(c) || c >= 0x80; }
unsigned char Lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Schwartz & Hearst's match: every letter or digit of the short form, from
// right to left, found in the long form in order, the first one at the start
// of a word. Returns where the matched long form starts (the start of the
// word holding the first SF character), or npos.
size_t SchwartzHearstStart(std::string_view sf, std::string_view lf) {
  long s = static_cast<long>(sf.size()) - 1;
  long l = static_cast<long>(lf.size()) - 1;
  while (s >= 0) {
    const unsigned char c = Lower(static_cast<unsigned char>(sf[static_cast<size_t>(s)]));
    if (!IsWordByte(c)) {
      --s;
      continue;
    }
    while (l >= 0 &&
           (Lower(static_cast<unsigned char>(lf[static_cast<size_t>(l)])) != c ||
            (s == 0 && l > 0 && IsWordByte(static_cast<unsigned char>(lf[static_cast<size_t>(l - 1)]))))) {
      --l;
    }
    if (l < 0) return std::string_view::npos;
    --l;
    --s;
  }
  ++l;  // at the first SF character's match
  while (l > 0 && IsWordByte(static_cast<unsigned char>(lf[static_cast<size_t>(l - 1)]))) --l;
  return static_cast<size_t>(l);
}

// Beyond Schwartz & Hearst, the short form must be readable from the long
// form (codebook §10.7): its first character is the initial of the long
// form's first word, and a short form written as a capitalised word (one
// upper-case letter, then lower case: "Rio", "Unicef") is spelt, all its
// letters in order, by the initials of the long form's words ("United
// Nations International Children's Emergency Fund"). So a place before a
// parenthesised citation, "Rio (resolution 66/288)", defines nothing,
// though S&H's character match alone finds r-i-o in "resolution".
bool ReadableFrom(std::string_view sf, std::string_view lf) {
  if (sf.empty() || lf.empty()) return false;
  if (Lower(static_cast<unsigned char>(sf[0])) != Lower(static_cast<unsigned char>(lf[0]))) {
    return false;
  }
  size_t upper = 0;
  bool capitalised_word = sf[0] >= 'A' && sf[0] <= 'Z';
  for (size_t i = 0; i < sf.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(sf[i]);
    if (c >= 'A' && c <= 'Z') ++upper;
    if (i > 0 && !(c >= 'a' && c <= 'z')) capitalised_word = false;
  }
  if (!capitalised_word || upper != 1) return true;
  std::string initials;
  for (size_t i = 0; i < lf.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(lf[i]);
    const bool starts = IsWordByte(c) && (i == 0 || !IsWordByte(static_cast<unsigned char>(lf[i - 1])));
    if (starts) initials += static_cast<char>(Lower(c));
  }
  size_t k = 0;
  for (char c : initials) {
    if (k < sf.size() && c == static_cast<char>(Lower(static_cast<unsigned char>(sf[k])))) ++k;
  }
  return k == sf.size();
}

// A short form candidate: 2-10 characters, at least one letter and one
// upper-case letter, the first a letter or digit.
bool IsShortForm(std::string_view sf) {
  const size_t n = CodePoints(sf);
  if (n < 2 || n > 10) return false;
  if (!IsWordByte(static_cast<unsigned char>(sf[0]))) return false;
  bool letter = false, upper = false;
  for (unsigned char c : sf) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) letter = true;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  return letter && upper;
}

bool OnlyEmphasis(std::string_view gap) {
  for (char c : gap) {
    if (c != ' ' && c != '\t' && c != '*' && c != '_') return false;
  }
  return true;
}

struct Definition {
  std::string sf;             // the short form as written
  std::string first_word;     // its first token's surface
  uint32_t n_tokens = 0;      // words of the short form
  uint32_t start = 0;         // source offset: `via`
  uint32_t sf_at = 0;         // source offset of the short form in the definition
  bool actor = false;         // the long form names an actor
  std::vector<size_t> lf;     // prior annotations: the long form's concepts
  std::string meaning;        // sorted concept IDs
  std::string long_form;      // as written in the source text
  std::vector<std::string> lf_words;  // the long form's words, normalized
};

// A multi-word lexicon cue, for short forms inside phrases.
struct Phrase {
  std::vector<std::string> words;     // normalized
  std::vector<std::string> concepts;  // the cue's concept, then its `also`
  Strength strength = Strength::kExplicit;
  std::vector<std::string> langs;
};

// True when only white space, hyphens or emphasis marks (* _) stand between two words of the
// norm view.
bool SpaceOrJoiners(std::string_view norm, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) {
    if (norm[i] != ' ' && norm[i] != '\n' && norm[i] != '-' && norm[i] != '*' && norm[i] != '_') {
      return false;
    }
  }
  return true;
}

class AbbreviationTagger : public hstag::sdk::Tagger {
 public:
  explicit AbbreviationTagger(const hstag::sdk::CreateArgs& args) {
    const hstag::common::Options options(args.options_json,
                                         {"plurals", "before_definition", "phrases"});
    plurals_ = options.Bool("plurals", plurals_);
    before_definition_ = options.Bool("before_definition", before_definition_);
    phrases_on_ = options.Bool("phrases", phrases_on_);
    if (phrases_on_) LoadPhrases(args);
  }

  void Tag(const TextView& text, const hstag::sdk::Sink& sink) const override {
    const auto tokens = text.tokens();
    const auto prior = text.prior();
    const std::string_view surface = text.surface();
    const size_t n = tokens.size();
    if (n == 0) return;

    // Tokens covered by a prior annotation.
    std::vector<bool> covered(n, false);
    for (const auto& a : prior) {
      size_t i = FirstTokenEndingAfter(tokens, a.start);
      for (; i < n && tokens[i].source_start < a.end; ++i) covered[i] = true;
    }
    // Prior annotations by end offset (ties in their order).
    ByEnd by_end;
    by_end.reserve(prior.size());
    for (size_t k = 0; k < prior.size(); ++k) by_end.emplace_back(prior[k].end, k);
    std::sort(by_end.begin(), by_end.end());

    std::vector<Definition> defs;
    for (size_t p = surface.find('('); p != std::string_view::npos; p = surface.find('(', p + 1)) {
      // The parenthesised text: up to the closing parenthesis on the same line.
      size_t q = p + 1;
      while (q < surface.size() && q < p + 200 && surface[q] != ')' && surface[q] != '(' &&
             surface[q] != '\n') {
        ++q;
      }
      if (q >= surface.size() || surface[q] != ')') continue;
      // Tokens inside; the token before.
      const size_t first_in = FirstTokenStartingAt(tokens, static_cast<uint32_t>(p + 1));
      size_t end_in = first_in;
      while (end_in < n && tokens[end_in].surface_end <= q) ++end_in;
      if (first_in == end_in || first_in == 0) continue;
      const size_t before = first_in - 1;
      if (tokens[before].surface_end > p) continue;
      if (!OnlyEmphasis(surface.substr(tokens[before].surface_end, p - tokens[before].surface_end)))
        continue;
      if (tokens[before].flags & HSTAG_TOKEN_URL) continue;
      // S-H: the parenthesised text up to a first `,` or `;`.
      size_t cut = surface.find_first_of(",;", p + 1);
      if (cut == std::string_view::npos || cut > q) cut = q;
      size_t last_in = first_in;  // one past the last inside token before the cut
      while (last_in < end_in && tokens[last_in].surface_end <= cut) ++last_in;
      if (last_in == first_in) continue;

      Definition d;
      if (TryForward(text, by_end, before, first_in, last_in, p, cut, &d) ||
          TryReverse(text, by_end, before, first_in, last_in, &d)) {
        defs.push_back(std::move(d));
      }
    }
    if (defs.empty()) return;

    // Definitions by short form, in text order; short forms by first word.
    std::map<std::string, std::vector<const Definition*>, std::less<>> by_sf;
    for (const auto& d : defs) by_sf[d.sf].push_back(&d);
    std::map<std::string, std::vector<const std::string*>, std::less<>> by_first;
    for (const auto& [sf, list] : by_sf) by_first[list.front()->first_word].push_back(&sf);

    for (size_t i = 0; i < n; ++i) {
      if (covered[i] || (tokens[i].flags & HSTAG_TOKEN_URL)) continue;
      const std::string_view w = text.Surface(tokens[i]);
      std::string_view key = w;
      auto it = by_first.find(key);
      if (it == by_first.end() && plurals_) {
        // "NGOs", "NGO's" for a one-word SF ending in an upper-case letter.
        for (std::string_view suffix : {"s", "'s"}) {
          if (w.size() > suffix.size() + 1 && w.ends_with(suffix) &&
              IsUpper(w[w.size() - suffix.size() - 1])) {
            key = w.substr(0, w.size() - suffix.size());
            it = by_first.find(key);
            if (it != by_first.end()) break;
          }
        }
        if (it != by_first.end()) {
          const auto f = by_sf.find(key);
          if (f == by_sf.end() || f->second.front()->n_tokens != 1) it = by_first.end();
        }
      }
      if (it == by_first.end()) continue;
      // The longest short form that starts here.
      const Definition* chosen = nullptr;
      size_t words = 0;
      for (const std::string* sf : it->second) {
        const auto& list = by_sf.find(*sf)->second;
        const size_t m = list.front()->n_tokens;
        if (m <= words || i + m > n) continue;
        if (m > 1) {
          bool clean = true;
          for (size_t k = i + 1; k < i + m; ++k) {
            clean = clean && !covered[k] && !(tokens[k].flags & HSTAG_TOKEN_URL);
          }
          if (!clean || surface.substr(tokens[i].surface_start,
                                       tokens[i + m - 1].surface_end - tokens[i].surface_start) !=
                            *sf) {
            continue;
          }
        }
        const Definition* d = Choose(list, tokens[i].source_start);
        if (!d) continue;
        chosen = d;
        words = m;
      }
      if (!chosen) continue;
      // The short form in its definition: the long form is the mention.
      if (std::any_of(defs.begin(), defs.end(),
                      [&](const Definition& d) { return d.sf_at == tokens[i].source_start; })) {
        i += words - 1;
        continue;
      }
      // A short form that a name's head follows is a word of that name
      // (codebook §10.1): "the 2023 TIP Report", "Trafficking in Persons (TIP)
      // Report", "the WPS Strategy"; in lower case too when the head names a
      // publication or an office ("the TIP report", "the national TIP
      // commission").
      if (const size_t next = i + words; next < n && tokens[next].sentence == tokens[i].sentence) {
        const std::string_view gap =
            surface.substr(tokens[next - 1].surface_end,
                           tokens[next].surface_start - tokens[next - 1].surface_end);
        const std::string_view head = text.Norm(tokens[next]);
        // (An actor's short form before "report" is the actor's: "the CHS
        // report".)
        if (gap.find_first_not_of(" )") == std::string_view::npos &&
            ((hstag::common::Capitalised(text.Surface(tokens[next])) &&
              hstag::common::NameHead(head)) ||
             (!chosen->actor && LowerCaseHead(head)))) {
          i += words - 1;
          continue;
        }
      }
      // A short form after a code's letters and a slash is part of the code
      // ("J/TIP", "G/TIP": State Department offices).
      if (i > 0 && tokens[i - 1].sentence == tokens[i].sentence &&
          surface.substr(tokens[i - 1].surface_end,
                         tokens[i].surface_start - tokens[i - 1].surface_end) == "/" &&
          AllCapitals(text.Surface(tokens[i - 1]))) {
        i += words - 1;
        continue;
      }
      const std::string rule = "abbreviation:" + chosen->sf;
      hstag::sdk::Annotation a;
      a.rule = rule;
      a.value = chosen->long_form;
      a.via = chosen->start;
      const auto [phrase, before, after] = FindPhrase(text, covered, *chosen, i, i + words);
      std::vector<std::string> phrase_sections;
      if (phrase) {
        a.strength = phrase->strength;
        a.start = tokens[i - before].source_start;
        a.end = tokens[i + words + after - 1].source_end;
        for (const auto& c : phrase->concepts) {
          a.concept_id = c;
          sink.Emit(a);
          phrase_sections.emplace_back(hstag::codebook::SectionOf(c));
        }
      }
      for (size_t k : chosen->lf) {
        a.concept_id = prior[k].concept_id;
        const std::string section(hstag::codebook::SectionOf(a.concept_id));
        if (std::find(phrase_sections.begin(), phrase_sections.end(), section) !=
            phrase_sections.end()) {
          continue;  // the longer phrase wins within its section
        }
        a.strength = prior[k].strength;
        a.start = tokens[i].source_start;
        a.end = tokens[i + words - 1].source_end;
        sink.Emit(a);
      }
      i += words + after - 1;
    }
  }

 private:
  // (end offset, index) of the prior annotations, sorted.
  using ByEnd = std::vector<std::pair<uint32_t, size_t>>;
  static auto EndingAt(const ByEnd& by_end, uint32_t end) {
    return std::equal_range(by_end.begin(), by_end.end(), std::pair<uint32_t, size_t>{end, 0},
                            [](const auto& x, const auto& y) { return x.first < y.first; });
  }

  static bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
  static bool AllCapitals(std::string_view w) {
    return !w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), IsUpper);
  }
  // Heads that name a publication or an office after a short form, in lower
  // case too.
  static bool LowerCaseHead(std::string_view norm) {
    return norm == "report" || norm == "office" || norm == "commission" || norm == "committee";
  }

  static size_t FirstTokenEndingAfter(std::span<const hstag_token_v1> tokens, uint32_t off) {
    return static_cast<size_t>(
        std::partition_point(tokens.begin(), tokens.end(),
                             [&](const hstag_token_v1& t) { return t.source_end <= off; }) -
        tokens.begin());
  }
  static size_t FirstTokenStartingAt(std::span<const hstag_token_v1> tokens, uint32_t surface_off) {
    return static_cast<size_t>(
        std::partition_point(tokens.begin(), tokens.end(),
                             [&](const hstag_token_v1& t) { return t.surface_start < surface_off; }) -
        tokens.begin());
  }

  // The lexicons' multi-word cues that a short form can stand in, with
  // their words as the host analyzed them.
  void LoadPhrases(const hstag::sdk::CreateArgs& args) {
    for (const auto lex : args.lexicons) {
      for (const auto c : lex.concepts()) {
        for (const auto cue : c.cues()) {
          if (cue.exact() || !cue.required().empty() ||
              cue.term().find('*') != std::string_view::npos || cue.words().size() < 2) {
            continue;
          }
          Phrase p;
          for (const auto w : cue.words()) p.words.emplace_back(w.norm());
          p.concepts.emplace_back(c.id());
          for (const auto a : cue.also()) p.concepts.emplace_back(a);
          p.strength = cue.strength();
          for (const auto l : cue.langs()) p.langs.emplace_back(l);
          const auto idx = static_cast<uint32_t>(phrases_.size());
          for (uint32_t pos = 0; pos < p.words.size(); ++pos) {
            by_word_[p.words[pos]].emplace_back(idx, pos);
          }
          phrases_.push_back(std::move(p));
        }
      }
    }
  }

  struct PhraseMatch {
    const Phrase* phrase = nullptr;
    size_t before = 0, after = 0;  // the phrase's words before and after the short form
  };

  // The longest phrase whose long-form words the short form at tokens
  // [first, last) stands for, the phrase's other words around it.
  PhraseMatch FindPhrase(const TextView& text, const std::vector<bool>& covered,
                         const Definition& d, size_t first, size_t last) const {
    PhraseMatch best;
    if (d.lf_words.empty()) return best;
    auto it = by_word_.find(d.lf_words.front());
    if (it == by_word_.end()) return best;
    const auto tokens = text.tokens();
    const size_t lf = d.lf_words.size();
    // Token k, the phrase's word w: same sentence as the short form, free,
    // that word, joined to its neighbour on the short form's side.
    auto fits = [&](size_t k, const std::string& w, size_t neighbour) {
      const auto& t = tokens[k];
      const auto& o = tokens[neighbour];
      if (covered[k] || (t.flags & HSTAG_TOKEN_URL) || t.sentence != tokens[first].sentence ||
          t.segment != tokens[first].segment || text.Norm(t) != w) {
        return false;
      }
      return k < neighbour ? SpaceOrJoiners(text.norm(), t.norm_end, o.norm_start)
                           : SpaceOrJoiners(text.norm(), o.norm_end, t.norm_start);
    };
    for (const auto& [idx, pos] : it->second) {
      const Phrase& p = phrases_[idx];
      if (pos + lf > p.words.size() ||
          !std::equal(d.lf_words.begin(), d.lf_words.end(), p.words.begin() + pos)) {
        continue;
      }
      const size_t before = pos, after = p.words.size() - pos - lf;
      if (before + after <= best.before + best.after || before > first ||
          last + after > tokens.size()) {
        continue;
      }
      if (!hstag::common::LanguageMatches(text.Language(tokens[first]), p.langs)) continue;
      bool ok = true;
      for (size_t k = 0; k < before && ok; ++k) {
        ok = fits(first - 1 - k, p.words[pos - 1 - k], first - k);
      }
      for (size_t k = 0; k < after && ok; ++k) {
        ok = fits(last + k, p.words[pos + lf + k], last + k - 1);
      }
      if (ok) best = {&p, before, after};
    }
    return best;
  }

  // The nearest definition at or before `off`; before the first, the first
  // when the SF has one meaning in the document.
  const Definition* Choose(const std::vector<const Definition*>& list, uint32_t off) const {
    const Definition* best = nullptr;
    for (const Definition* d : list) {
      if (d->start <= off) best = d;
    }
    if (best) return best;
    if (!before_definition_) return nullptr;
    for (const Definition* d : list) {
      if (d->meaning != list.front()->meaning) return nullptr;
    }
    return list.front();
  }

  // The long form annotation: the longest prior annotation on the given
  // token range's end whose text S-H-matches `sf`, within the word limit.
  // Fills d->lf with every prior annotation on that span.
  static bool PickLongForm(const TextView& text, const std::vector<size_t>& candidates,
                           std::string_view sf, Definition* d) {
    const auto prior = text.prior();
    const auto tokens = text.tokens();
    const size_t sf_len = CodePoints(sf);
    const size_t max_words = std::min(sf_len + 5, 2 * sf_len);
    int64_t best = -1;
    for (size_t k : candidates) {
      const auto& a = prior[k];
      // The annotation's tokens, in the surface view.
      const size_t first = FirstTokenEndingAfter(tokens, a.start);
      size_t last = first;
      while (last < tokens.size() && tokens[last].source_start < a.end) ++last;
      if (last == first || last - first > max_words) continue;
      const std::string_view lf = text.surface().substr(
          tokens[first].surface_start, tokens[last - 1].surface_end - tokens[first].surface_start);
      if (CodePoints(lf) <= sf_len) continue;
      if (SchwartzHearstStart(sf, lf) == std::string_view::npos) continue;
      if (!ReadableFrom(sf, lf)) continue;
      if (best < 0 || a.end - a.start > prior[static_cast<size_t>(best)].end -
                                            prior[static_cast<size_t>(best)].start) {
        best = static_cast<int64_t>(k);
      }
    }
    if (best < 0) return false;
    const auto& b = prior[static_cast<size_t>(best)];
    std::vector<std::string> concepts;
    for (size_t k : candidates) {
      if (prior[k].start == b.start && prior[k].end == b.end) {
        const std::string c(prior[k].concept_id);
        if (std::find(concepts.begin(), concepts.end(), c) != concepts.end()) continue;
        d->lf.push_back(k);
        concepts.push_back(c);
      }
    }
    std::sort(concepts.begin(), concepts.end());
    for (const auto& c : concepts) {
      d->meaning += c + ";";
      d->actor = d->actor || hstag::codebook::SectionOf(c) == "actor";
    }
    d->long_form = std::string(text.text().substr(b.start, b.end - b.start));
    for (size_t k = FirstTokenEndingAfter(tokens, b.start);
         k < tokens.size() && tokens[k].source_start < b.end; ++k) {
      d->lf_words.emplace_back(text.Norm(tokens[k]));
    }
    return true;
  }

  // "<long form> (<SF>)"
  bool TryForward(const TextView& text, const ByEnd& by_end, size_t before, size_t first_in,
                  size_t last_in, size_t p, size_t cut, Definition* d) const {
    const auto tokens = text.tokens();
    const std::string_view surface = text.surface();
    if (last_in - first_in > 2) return false;
    // The SF: from its first token to its last, nothing but spaces around.
    for (size_t k = p + 1; k < tokens[first_in].surface_start; ++k) {
      if (surface[k] != ' ') return false;
    }
    for (size_t k = tokens[last_in - 1].surface_end; k < cut; ++k) {
      if (surface[k] != ' ' && surface[k] != '.') return false;  // "(U.S.)": the token is "U.S"
    }
    for (size_t k = first_in; k < last_in; ++k) {
      if (tokens[k].flags & HSTAG_TOKEN_URL) return false;
    }
    const std::string_view sf = surface.substr(
        tokens[first_in].surface_start,
        tokens[last_in - 1].surface_end - tokens[first_in].surface_start);
    if (!IsShortForm(sf)) return false;
    std::vector<size_t> candidates;
    const auto [lo, hi] = EndingAt(by_end, tokens[before].source_end);
    for (auto it = lo; it != hi; ++it) candidates.push_back(it->second);
    if (!PickLongForm(text, candidates, sf, d)) return false;
    d->sf = std::string(sf);
    d->first_word = std::string(text.Surface(tokens[first_in]));
    d->n_tokens = static_cast<uint32_t>(last_in - first_in);
    d->start = text.prior()[d->lf.front()].start;
    d->sf_at = tokens[first_in].source_start;
    return true;
  }

  // "<SF> (<long form>)"
  bool TryReverse(const TextView& text, const ByEnd& by_end, size_t before, size_t first_in,
                  size_t last_in, Definition* d) const {
    const auto tokens = text.tokens();
    const std::string_view sf = text.Surface(tokens[before]);
    if (!IsShortForm(sf)) return false;
    const uint32_t lo = tokens[first_in].source_start;
    const uint32_t hi = tokens[last_in - 1].source_end;
    std::vector<size_t> candidates;
    const auto [from, to] = EndingAt(by_end, hi);
    for (auto it = from; it != to; ++it) {
      if (text.prior()[it->second].start >= lo) candidates.push_back(it->second);
    }
    if (!PickLongForm(text, candidates, sf, d)) return false;
    d->sf = std::string(sf);
    d->first_word = d->sf;
    d->n_tokens = 1;
    d->start = tokens[before].source_start;
    d->sf_at = d->start;
    return true;
  }

  bool plurals_ = true;
  bool before_definition_ = true;
  bool phrases_on_ = true;
  std::vector<Phrase> phrases_;
  // word -> (phrase, position of the word in it)
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>, std::less<>> by_word_;
};

}  // namespace

HSTAG_TAGGER_PLUGIN(AbbreviationTagger, "abbreviations", "1.0.0",
                    "Short forms a document defines for a long form the lexicon knows "
                    "(Schwartz-Hearst)",
                    "")
