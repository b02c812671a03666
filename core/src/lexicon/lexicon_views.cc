// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/lexicon_views.h"

#include <string_view>

#include "hstag/plugin.h"
#include "hstag/utf8.h"

namespace hstag {
namespace {

using sdk::Str;

// The cues, then the excludes, of a concept: the order their terms are
// analyzed in and their views laid out in.
template <typename F>
void ForEachCue(const Concept& c, F f) {
  for (const Cue& cue : c.cues) f(cue);
  for (const Cue& cue : c.excludes) f(cue);
}

// The word lists of a cue's context and veto, in the order they are laid out.
template <typename F>
void ForEachContextWord(const Cue& cue, F f) {
  for (const CueContext* c : {&cue.context, &cue.veto}) {
    for (const auto* list : {&c->near, &c->after, &c->before, &c->sentence}) {
      for (const std::string& w : *list) f(w);
    }
  }
}

uint32_t InBits(const std::vector<std::string>& in) {
  uint32_t bits = 0;
  for (const auto& place : in) {
    if (place == "name") bits |= HSTAG_IN_NAME;
    if (place == "actor") bits |= HSTAG_IN_ACTOR;
    if (place == "references") bits |= HSTAG_IN_REFERENCES;
  }
  return bits;
}

}  // namespace

Result<std::unique_ptr<const LexiconViews>> LexiconViews::Build(
    const std::vector<Lexicon>& lexicons, const Analyzer& analyzer) {
  std::unique_ptr<LexiconViews> v(new LexiconViews);
  std::vector<std::string_view> terms, context_words;
  std::vector<std::pair<const Lexicon*, int>> context_word_at;  // for errors
  size_t n_concepts = 0, n_strings = 0;
  for (const Lexicon& lex : lexicons) {
    n_concepts += lex.concepts.size();
    for (const Concept& c : lex.concepts) {
      Status bad;
      ForEachCue(c, [&](const Cue& cue) {
        if (bad.ok() && !IsValidUtf8(cue.term)) {
          std::string shown;
          RepairUtf8(cue.term, &shown);
          bad = Status::Error(lex.display + ":" + std::to_string(cue.line) + ": cue `" + shown +
                              "` is not valid UTF-8; save the file as UTF-8");
        }
        terms.push_back(cue.term);
        n_strings += cue.langs.size() + cue.also.size() + cue.context.concepts.size() +
                     cue.veto.concepts.size();
        ForEachContextWord(cue, [&](const std::string& w) {
          if (bad.ok() && !IsValidUtf8(w)) {
            bad = Status::Error(lex.display + ":" + std::to_string(cue.line) +
                                ": a context word of cue `" + cue.term + "` is not valid UTF-8");
          }
          context_words.push_back(w);
          context_word_at.emplace_back(&lex, cue.line);
        });
      });
      if (!bad.ok()) return bad;
    }
  }
  auto words = AnalyzeTerms(analyzer, terms);
  if (!words.ok()) return words.status();
  v->words_of_cue_ = std::move(words).value();
  // Context words are compared with a document's words as the analyzer
  // folds them: each must be one word.
  auto folded = AnalyzeTerms(analyzer, context_words);
  if (!folded.ok()) return folded.status();
  v->context_words_.reserve(context_words.size());
  for (size_t i = 0; i < context_words.size(); ++i) {
    const auto& ws = folded.value()[i];
    if (ws.size() != 1) {
      return Status::Error(context_word_at[i].first->display + ":" +
                           std::to_string(context_word_at[i].second) + ": context word `" +
                           std::string(context_words[i]) + "` is " +
                           (ws.empty() ? "no word" : "more than one word") +
                           ": list single words");
    }
    v->context_words_.push_back(ws[0].norm);
  }
  n_strings += context_words.size();

  // Every vector gets its final size first: the views point into them.
  size_t n_words = 0;
  for (const auto& w : v->words_of_cue_) n_words += w.size();
  v->words_.reserve(n_words);
  v->strings_.reserve(n_strings);
  v->cues_.reserve(terms.size());
  v->concepts_.reserve(n_concepts);
  v->lexicons_.reserve(lexicons.size());
  auto strings = [&](const std::vector<std::string>& list) {
    const hstag_str* first = v->strings_.data() + v->strings_.size();
    for (const auto& s : list) v->strings_.push_back(Str(s));
    return first;
  };
  size_t next_word = 0;  // the next context word's index in context_words_
  auto context = [&](const CueContext& c) {
    hstag_cue_context_v1 x{};
    auto words = [&](const std::vector<std::string>& list, const hstag_str** out, size_t* n) {
      *out = v->strings_.data() + v->strings_.size();
      *n = list.size();
      for (size_t i = 0; i < list.size(); ++i) v->strings_.push_back(Str(v->context_words_[next_word++]));
    };
    words(c.near, &x.near, &x.n_near);
    words(c.after, &x.after, &x.n_after);
    words(c.before, &x.before, &x.n_before);
    words(c.sentence, &x.sentence, &x.n_sentence);
    x.within = static_cast<uint32_t>(c.within);
    x.concepts = strings(c.concepts);
    x.n_concepts = c.concepts.size();
    x.in = InBits(c.in);
    return x;
  };
  size_t k = 0;  // the cue's index in terms and words_of_cue_
  for (const Lexicon& lex : lexicons) {
    hstag_lexicon_v2 l{};
    l.format = Str(lex.format);
    l.name = Str(lex.name);
    l.version = Str(lex.version);
    l.description = Str(lex.description);
    l.path = Str(lex.path);
    l.display = Str(lex.display);
    l.sha256 = Str(lex.sha256);
    l.concepts = v->concepts_.data() + v->concepts_.size();
    l.n_concepts = lex.concepts.size();
    for (const Concept& c : lex.concepts) {
      hstag_concept_v2 cv{};
      cv.id = Str(c.id);
      cv.label = Str(c.label);
      cv.section = Str(c.section);
      cv.parent = Str(c.parent);
      cv.type = Str(c.type);
      cv.description = Str(c.description);
      cv.matched_by = Str(c.matched_by);
      cv.overlap_group = Str(c.overlap_group);
      cv.line = static_cast<uint32_t>(c.line);
      cv.cues = v->cues_.data() + v->cues_.size();
      cv.n_cues = c.cues.size();
      cv.excludes = cv.cues + c.cues.size();
      cv.n_excludes = c.excludes.size();
      ForEachCue(c, [&](const Cue& cue) {
        hstag_cue_v3 u{};
        u.term = Str(cue.term);
        u.strength = static_cast<uint32_t>(cue.strength);
        u.case_mode = cue.case_mode == Cue::Case::kExact ? HSTAG_CASE_EXACT : HSTAG_CASE_FOLD;
        u.langs = strings(cue.langs);
        u.n_langs = cue.langs.size();
        u.also = strings(cue.also);
        u.n_also = cue.also.size();
        u.required = Str(cue.required);
        u.line = static_cast<uint32_t>(cue.line);
        u.words = v->words_.data() + v->words_.size();
        u.n_words = v->words_of_cue_[k].size();
        u.context = context(cue.context);
        u.veto = context(cue.veto);
        for (const CueWord& w : v->words_of_cue_[k]) {
          v->words_.push_back({Str(w.norm), Str(w.surface), Str(w.gap_before), w.glob ? 1u : 0u});
        }
        v->cues_.push_back(u);
        ++k;
      });
      v->concepts_.push_back(cv);
    }
    v->lexicons_.push_back(l);
  }
  return std::unique_ptr<const LexiconViews>(std::move(v));
}

}  // namespace hstag
