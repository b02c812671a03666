// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon_test_support.h"

#include <map>
#include <memory>

#include "hstag/builtins.h"
#include "hstag/pipeline.h"
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

const Pipeline& LexiconPipeline(const std::string& path) {
  static std::map<std::string, std::unique_ptr<Pipeline>> made;
  auto& p = made[path];
  if (!p) {
    PipelineOptions o;
    o.builtins = BuiltinPlugins();
    o.lexicons = {path};
    auto r = Pipeline::Create(o);
    if (!r.ok()) {
      ADD_FAILURE() << r.error();
      std::abort();
    }
    p = std::move(r).value();
  }
  return *p;
}

std::vector<std::string> ConceptsAndTexts(const Pipeline& p, const std::string& text) {
  AnalysisResult r = p.RunBytes(text, "t.txt");
  EXPECT_TRUE(r.doc.errors.empty());
  std::vector<std::string> out;
  for (const auto& a : r.annotations) {
    out.push_back(a.concept_id + ":" + r.doc.text.substr(a.start, a.end - a.start));
  }
  return out;
}

std::vector<const Concept*> States() {
  std::vector<const Concept*> out;
  for (const Concept* c : DefaultPipeline().concepts()) {
    if (c->id.rfind("actor.state.", 0) == 0) out.push_back(c);
  }
  return out;
}

}  // namespace hstag::testing
