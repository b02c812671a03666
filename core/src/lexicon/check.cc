// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/check.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "hstag/codebook.h"

#include "lexicon/cue_words.h"
#include "text/analyzer.h"

namespace hstag {
namespace {

bool IsVersion(std::string_view v) {  // N.N.N
  int dots = 0;
  bool digit = false;
  for (char c : v) {
    if (c == '.') {
      if (!digit) return false;
      ++dots;
      digit = false;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else {
      return false;
    }
  }
  return dots == 2 && digit;
}

bool IsName(std::string_view name) {  // [a-z0-9_.-]+
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

// A concept's definition: a description, and a codebook type for every
// actor and for actors only.
template <typename Problem>
void CheckDefinition(const Concept& c, const Problem& problem) {
  if (c.description.empty()) problem(c.line, "concept `" + c.id + "` has no description");
  if (c.section == codebook::kActorSection) {
    if (std::find(std::begin(codebook::kActorTypes), std::end(codebook::kActorTypes), c.type) ==
        std::end(codebook::kActorTypes)) {
      std::string known;
      for (std::string_view t : codebook::kActorTypes)
        known += (known.empty() ? "" : ", ") + std::string(t);
      problem(c.line, "actor `" + c.id + "` has " +
                          (c.type.empty() ? std::string("no type") : "type `" + c.type + "`") +
                          "; its type is one of " + known);
    }
  } else if (!c.type.empty()) {
    problem(c.line, "concept `" + c.id + "` has a type but is no actor");
  }
}

// What lexicons/README.md asks of a file in hstag's format beyond what the
// loader enforces: a name and a version, a description of every concept, a
// codebook type for every actor and for actors only, ISO 639-1 languages.
void CheckFormat(const Lexicon& lex, std::vector<LexiconProblem>* problems) {
  auto problem = [&](int line, std::string message) {
    problems->push_back({lex.display, line, std::move(message)});
  };
  if (!IsName(lex.name)) {
    problem(1, "lexicon name `" + lex.name + "` is not made of a-z, 0-9, `_`, `.` and `-`");
  }
  if (!IsVersion(lex.version)) {
    problem(1, "version `" + lex.version + "` is not a version number (1.2.3)");
  }
  for (const Concept& c : lex.concepts) {
    // A concept of a lexicon that extends another is defined, and checked, there.
    if (lex.extends.empty()) CheckDefinition(c, problem);
    for (const Cue& cue : c.cues) {
      for (const std::string& l : cue.langs) {
        if (l.size() != 2 || !std::islower(static_cast<unsigned char>(l[0])) ||
            !std::islower(static_cast<unsigned char>(l[1]))) {
          problem(cue.line, "cue `" + cue.term + "`: lang `" + l +
                                "` is not a two-letter ISO 639-1 code");
        }
      }
    }
  }
}

}  // namespace

std::vector<LexiconProblem> CheckLexicons(const std::vector<Lexicon>& lexicons,
                                          const Analyzer& analyzer) {
  std::vector<LexiconProblem> problems;
  std::map<std::string, std::pair<std::string, int>> ids;  // id -> where
  for (const Lexicon& lex : lexicons) {
    if (!lex.extends.empty()) continue;  // adds cues to concepts defined elsewhere
    for (const Concept& c : lex.concepts) {
      auto [it, fresh] = ids.emplace(c.id, std::make_pair(lex.display, c.line));
      if (!fresh) {
        problems.push_back({lex.display, c.line,
                            "duplicate concept id `" + c.id + "` (first at " + it->second.first +
                                ":" + std::to_string(it->second.second) + ")"});
      }
    }
  }
  for (const Lexicon& lex : lexicons) {
    if (lex.format == "hstag") CheckFormat(lex, &problems);
  }
  // cue key (the analyzed tokens) -> first concept that has it
  std::map<std::string, std::tuple<std::string, std::string, int>> cue_owner;
  for (const Lexicon& lex : lexicons) {
    for (const Concept& c : lex.concepts) {
      auto known = [&](const std::string& id, int line, const char* what) {
        if (!ids.count(id)) {
          problems.push_back({lex.display, line,
                              std::string("unknown ") + what + " `" + id + "` in `" + c.id + "`"});
        }
      };
      if (!c.parent.empty()) known(c.parent, c.line, "parent");
      if (c.cues.empty() && c.matched_by.empty()) {
        problems.push_back({lex.display, c.line, "concept `" + c.id + "` has no cues"});
      }
      if (!c.cues.empty() && !c.matched_by.empty()) {
        problems.push_back(
            {lex.display, c.line,
             "concept `" + c.id + "` has cues and matched_by `" + c.matched_by + "`"});
      }
      auto check_term = [&](const Cue& cue, bool is_exclude) -> std::string {
        auto analyzed = analyzer.Analyze(cue.term, {}, "");
        if (!analyzed.ok() || analyzed.value()->tokens.empty()) {
          problems.push_back(
              {lex.display, cue.line, "cue `" + cue.term + "` has no words and can never match"});
          return "";
        }
        std::string key;
        const hstag_text_v1 view = analyzed.value()->View();
        for (const CueWord& w : CueWords(view)) {
          if (w.norm.find_first_not_of('*') == std::string::npos) {
            problems.push_back({lex.display, cue.line,
                                "cue `" + cue.term +
                                    "` has a word that is only `*`: it would match "
                                    "anything"});
          }
          key += w.norm + " ";
        }
        if (cue.case_mode == Cue::Case::kExact && !is_exclude) {
          key += "|exact:" + cue.term;
        }
        return key;
      };
      for (const Cue& cue : c.cues) {
        for (const auto& a : cue.also) known(a, cue.line, "concept in `also`");
        if (!cue.required.empty()) known(cue.required, cue.line, "concept in `requires`");
        for (const CueContext* ctx : {&cue.context, &cue.veto}) {
          for (const auto& id : ctx->concepts) known(id, cue.line, "concept in `concepts`");
        }
        std::string key = check_term(cue, false);
        // The same words under other conditions are another cue.
        if (!key.empty() && !(cue.context.empty() && cue.veto.empty())) {
          for (const CueContext* ctx : {&cue.context, &cue.veto}) {
            key += "|";
            for (const auto* list :
                 {&ctx->near, &ctx->after, &ctx->before, &ctx->sentence, &ctx->concepts, &ctx->in})
              for (const auto& w : *list) key += w + ",";
            key += std::to_string(ctx->within);
          }
        }
        // A user dictionary lists a word in several categories on purpose.
        if (key.empty() || lex.format != "hstag") continue;
        for (const auto& l : cue.langs) key += "|" + l;
        auto [it, fresh] = cue_owner.emplace(key, std::make_tuple(c.id, lex.display, cue.line));
        if (!fresh && std::get<0>(it->second) != c.id) {
          problems.push_back({lex.display, cue.line,
                              "cue `" + cue.term + "` of `" + c.id + "` is also a cue of `" +
                                  std::get<0>(it->second) + "` (" + std::get<1>(it->second) + ":" +
                                  std::to_string(std::get<2>(it->second)) + ")"});
        } else if (!fresh) {
          problems.push_back(
              {lex.display, cue.line, "cue `" + cue.term + "` is listed twice in `" + c.id + "`"});
        }
      }
      for (const Cue& cue : c.excludes) check_term(cue, true);
    }
  }
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  return problems;
}

}  // namespace hstag
