// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon_test_support.h"

#include "test_support.h"

namespace hstag::testing {

Tagged Tag(const std::string& text) {
  const AnalysisResult r = DefaultPipeline().RunBytes(text, "t.txt");
  Tagged t;
  t.language = r.doc.language;
  for (const auto& e : r.doc.errors) t.errors.push_back(e.stage + ": " + e.message);
  for (const auto& a : r.annotations) {
    t.matches.push_back({a.concept_id, r.doc.text.substr(a.start, a.end - a.start)});
  }
  return t;
}

bool HasMatch(const Tagged& t, std::string_view concept_id, std::string_view matched) {
  for (const auto& m : t.matches) {
    if (m.concept_id == concept_id && m.text == matched) return true;
  }
  return false;
}

bool HasConcept(const Tagged& t, std::string_view concept_id) {
  for (const auto& m : t.matches) {
    if (m.concept_id == concept_id) return true;
  }
  return false;
}

bool HasConceptWithPrefix(const Tagged& t, std::string_view prefix) {
  for (const auto& m : t.matches) {
    if (std::string_view(m.concept_id).substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

std::string Describe(const Tagged& t) {
  std::string s = "lang=" + (t.language.empty() ? std::string("?") : t.language);
  for (const auto& m : t.matches) s += "; " + m.concept_id + ":'" + m.text + "'";
  if (t.matches.empty()) s += "; (no matches)";
  for (const auto& e : t.errors) s += "; error: " + e;
  return s;
}

}  // namespace hstag::testing
