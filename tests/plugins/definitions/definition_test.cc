// SPDX-License-Identifier: GPL-3.0-or-later
//
// The definition plugin: passages aligned with the canonical definitions of
// lexicons/definitions.yaml, on short texts, a committed sample
// (data/quotes.txt) and, when it is present, the CCOE info sheet of the
// shared reference folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "hstag/builtins.h"
#include "hstag/writer.h"
#include "hstag/pipeline.h"
#include "util/util.h"
#include "test_support.h"

namespace hstag {
namespace {

using ::hstag::testing::SourceDir;

std::string DataDir() { return SourceDir() + "/tests/plugins/definitions/data"; }
std::string CcoePath() {
  return SourceDir() + "/../shared/reference/ccoe-human-security-info-sheet.txt";
}

Result<std::unique_ptr<Pipeline>> Create(const std::string& config,
                                         std::vector<std::pair<std::string, std::string>> options) {
  PipelineOptions o;
  o.config_path = DataDir() + "/" + config;
  o.builtins = BuiltinPlugins();
  o.plugin_options = std::move(options);
  return Pipeline::Create(o);
}

std::unique_ptr<Pipeline> Make(const std::string& config,
                               std::vector<std::pair<std::string, std::string>> options = {}) {
  auto r = Create(config, std::move(options));
  EXPECT_TRUE(r.ok()) << r.error();
  return r.ok() ? std::move(r).value() : nullptr;
}

const Pipeline& Rules() {
  static const std::unique_ptr<Pipeline> p = Make("pipeline.yaml");
  return *p;
}

std::vector<Annotation> Definitions(const AnalysisResult& r) {
  std::vector<Annotation> out;
  for (const auto& a : r.annotations) {
    if (a.plugin == "definitions") out.push_back(a);
  }
  return out;
}

std::vector<Annotation> Definitions(const Pipeline& p, const std::string& text) {
  const AnalysisResult r = p.RunBytes(text, "t.txt");
  EXPECT_TRUE(r.doc.errors.empty());
  return Definitions(r);
}

TEST(DefinitionTest, RunsAfterTheAbbreviationsAndIsListed) {
  std::vector<std::string> taggers;
  for (const auto& p : Rules().plugins()) {
    if (p.kind == "tagger") taggers.push_back(p.id + "@" + p.version);
  }
  EXPECT_EQ(taggers, (std::vector<std::string>{"lexicon@1.0.0", "abbreviations@1.0.0",
                                               "definitions@1.1.0"}));
  const auto tool = ToolJson(Rules());
  bool listed = false;
  for (const auto& p : tool["plugins"]) listed = listed || p["id"] == "definitions";
  EXPECT_TRUE(listed);
}

// The key wording of every definition, quoted in a sentence, aligns with it
// and with nothing else.
TEST(DefinitionTest, EveryKeyWordingAligns) {
  const std::map<std::string, std::string> quotes = {
      {"definition.undp_1994",
       "safety from chronic threats such as hunger, disease and repression, and protection from "
       "sudden and hurtful disruptions in the patterns of daily life"},
      {"definition.chs_2003",
       "to protect the vital core of all human lives in ways that enhance human freedoms and "
       "human fulfillment"},
      {"definition.unga_66_290",
       "the right of people to live in freedom and dignity, free from poverty and despair"},
      {"definition.barcelona_2004",
       "freedom for individuals from basic insecurities caused by gross human rights violations"},
      {"definition.madrid_2007",
       "Human security is about the basic needs of individuals and communities in times of "
       "peril"},
      {"definition.uk_jsp_1325",
       "an approach to national and international security that gives primacy to human beings "
       "and their complex social and economic interactions"},
  };
  for (const auto& [id, quote] : quotes) {
    const std::string before = "As the report puts it, \"";
    const std::string text = before + quote + "\". Nothing else is said here.";
    const auto defs = Definitions(Rules(), text);
    ASSERT_EQ(defs.size(), 1u) << id;
    const Annotation& a = defs[0];
    EXPECT_EQ(a.concept_id, id);
    EXPECT_EQ(a.rule, "definition:" + id);
    EXPECT_EQ(a.strength, Strength::kExplicit);
    EXPECT_FALSE(a.value.empty());
    EXPECT_GE(a.score, 0.6) << id;
    EXPECT_LE(a.score, 1.0);
    EXPECT_GE(a.start, before.size()) << id;
    EXPECT_LE(a.end, before.size() + quote.size()) << id;
    EXPECT_GE(a.end - a.start, quote.size() * 3 / 4) << id;
  }
}

TEST(DefinitionTest, PassagesSharingAFewWordsDoNotAlign) {
  for (const std::string text : {
           "Human security is about protecting people.",
           "Human security is an approach that puts people first.",
           "The right of people matters, and so do freedom from fear and freedom from want.",
           "Chronic threats such as hunger and disease persist in the region.",
           "The vital core of the programme is the protection of individuals and communities.",
           "Gross human rights violations were reported; individuals fled basic insecurity.",
       }) {
    EXPECT_TRUE(Definitions(Rules(), text).empty()) << text;
  }
}

TEST(DefinitionTest, EllipsesBracketsAndLineBreaksAreTolerated) {
  const std::string text = testing::ReadAll(DataDir() + "/quotes.txt");
  const auto defs = Definitions(Rules(), text);
  std::map<std::string, Annotation> by_id;
  for (const auto& a : defs) by_id[a.concept_id] = a;
  ASSERT_EQ(by_id.size(), 3u);
  // Each passage lies in its paragraph.
  auto inside = [&](const Annotation& a, const std::string& from, const std::string& to) {
    const size_t lo = text.find(from), hi = text.find(to);
    EXPECT_NE(lo, std::string::npos);
    EXPECT_NE(hi, std::string::npos);
    EXPECT_GE(a.start, lo) << a.concept_id;
    EXPECT_LE(a.end, hi + to.size()) << a.concept_id;
  };
  ASSERT_TRUE(by_id.count("definition.chs_2003"));
  inside(by_id["definition.chs_2003"], "[to] protect", "human fulfilment");
  EXPECT_GE(by_id["definition.chs_2003"].score, 0.9);
  ASSERT_TRUE(by_id.count("definition.undp_1994"));
  inside(by_id["definition.undp_1994"], "safety from", "daily life");
  EXPECT_EQ(by_id["definition.undp_1994"].start, text.find("safety from"));
  EXPECT_EQ(by_id["definition.undp_1994"].end, text.find("daily life") + 10);
  ASSERT_TRUE(by_id.count("definition.barcelona_2004"));
  // "HS refers to ...": HS reads as "human security".
  EXPECT_EQ(by_id["definition.barcelona_2004"].start, text.find("HS refers"));
  // The last paragraph shares words with three definitions and aligns with none.
  for (const auto& a : defs) EXPECT_LT(a.end, text.find("Human security is about"));
}

TEST(DefinitionTest, AnEllipsisThatLeavesWordsOutIsBridged) {
  const std::string text =
      "The GA agreed on \"the right of people to live in freedom and dignity \u2026 All "
      "individuals, in particular vulnerable people, are entitled to freedom from fear and "
      "freedom from want\". It then moved on.";
  const auto defs = Definitions(Rules(), text);
  ASSERT_EQ(defs.size(), 1u);
  EXPECT_EQ(defs[0].concept_id, "definition.unga_66_290");
  EXPECT_EQ(defs[0].start, text.find("the right"));
  EXPECT_EQ(defs[0].end, text.find("\". It then"));
}

TEST(DefinitionTest, AbbreviationsAreResolvedFirst) {
  const std::string text =
      "This note is about Human Security (HS). HS refers to freedom for individuals from "
      "basic insecurities.";
  const auto with = Definitions(Rules(), text);
  ASSERT_EQ(with.size(), 1u);
  EXPECT_EQ(with[0].concept_id, "definition.barcelona_2004");
  EXPECT_EQ(with[0].start, text.find("HS refers"));
  // Without the abbreviation plugin "HS" is just "hs": too little is left.
  auto bare = Make("pipeline_no_abbreviations.yaml");
  ASSERT_TRUE(bare);
  EXPECT_TRUE(Definitions(*bare, text).empty());
  // A paraphrase with HS scores as the full wording does.
  const std::string madrid =
      "On Human Security (HS): HS is about the basic needs of individuals and communities in "
      "times of peril.";
  const auto m = Definitions(Rules(), madrid);
  const auto m_bare = Definitions(*bare, madrid);
  ASSERT_EQ(m.size(), 1u);
  ASSERT_EQ(m_bare.size(), 1u);
  EXPECT_DOUBLE_EQ(m[0].score, 1.0);
  EXPECT_LT(m_bare[0].score, m[0].score);
}

TEST(DefinitionTest, OptionsThresholdAndShingle) {
  const std::string text =
      "HS refers to: \"[the] freedom for individuals from basic insecurities caused by gross "
      "human rights violations\"";
  const auto base = Definitions(Rules(), text);
  ASSERT_EQ(base.size(), 1u);
  EXPECT_LT(base[0].score, 0.9);
  auto strict = Make("pipeline.yaml", {{"definitions", R"({"threshold": 0.9})"}});
  ASSERT_TRUE(strict);
  EXPECT_TRUE(Definitions(*strict, text).empty());
  auto four = Make("pipeline.yaml", {{"definitions", R"({"shingle": 4})"}});
  ASSERT_TRUE(four);
  const auto k4 = Definitions(
      *four, "the right of people to live in freedom and dignity, free from poverty and despair");
  ASSERT_EQ(k4.size(), 1u);
  EXPECT_DOUBLE_EQ(k4[0].score, 1.0);
}

TEST(DefinitionTest, BadOptionsAndMissingFileAreRefused) {
  auto bad = Create("pipeline.yaml", {{"definitions", R"({"treshold": 0.4})"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().find("unknown option `treshold`"), std::string::npos) << bad.error();
  auto missing = Create("pipeline.yaml", {{"definitions", R"({"definitions": "nowhere.yaml"})"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().find("nowhere.yaml: cannot read"), std::string::npos)
      << missing.error();
}

TEST(DefinitionTest, CanBeSwitchedOff) {
  auto p = Make("pipeline_off.yaml");
  ASSERT_TRUE(p);
  for (const auto& info : p->plugins()) EXPECT_NE(info.id, "definitions");
  EXPECT_TRUE(Definitions(*p, testing::ReadAll(DataDir() + "/quotes.txt")).empty());
}

// French and Spanish: the wordings of lexicons/definitions.yaml that UN pages
// quote, with and without the French and Spanish cues (which tag "sécurité
// humaine" and "seguridad humana" as hs.concept before this plugin runs).
const Pipeline& RulesFrEs() {
  static const std::unique_ptr<Pipeline> p = Make("pipeline_fr_es.yaml");
  return *p;
}

struct Quote {
  std::string before, quote, after;
  std::string text() const { return before + quote + after; }
};

// A quote in running text aligns with GA 66/290, covers most of the quote
// and nothing around it, whatever typographic apostrophes and quotation marks
// it has.
TEST(DefinitionTest, FrenchAndSpanishQuotesAlign) {
  const std::vector<Quote> quotes = {
      {"Dans sa résolution 66/290, l’Assemblée générale rappelle que « ",
       "les êtres humains ont le droit de vivre libres et dans la dignité, à l’abri de la "
       "pauvreté et du désespoir",
       " ». Le débat se poursuit."},
      {"Pour l’Assemblée générale, « ",
       "la sécurité humaine a pour objet d’aider les États Membres à cerner les problèmes "
       "communs et généralisés qui compromettent la survie, les moyens de subsistance et la "
       "dignité de leurs populations et à y remédier",
       " ». Le rapport le rappelle."},
      {"Según se señala en la resolución 66/290 de la Asamblea General, «",
       "la seguridad humana es un enfoque que ayuda a los Estados Miembros a determinar y "
       "superar las dificultades generalizadas e intersectoriales que afectan a la "
       "supervivencia, los medios de subsistencia y la dignidad de sus ciudadanos",
       "». El informe lo recuerda."},
      {"En la resolución se exigen «",
       "respuestas centradas en las personas, exhaustivas, adaptadas a cada contexto y "
       "orientadas a la prevención que refuercen la protección y el empoderamiento de todas "
       "las personas",
       "». Nada más."},
  };
  for (const Pipeline* p : {&Rules(), &RulesFrEs()}) {
    for (const auto& q : quotes) {
      const std::string text = q.text();
      const auto defs = Definitions(*p, text);
      ASSERT_EQ(defs.size(), 1u) << text;
      EXPECT_EQ(defs[0].concept_id, "definition.unga_66_290") << text;
      EXPECT_EQ(defs[0].rule, "definition:definition.unga_66_290");
      EXPECT_DOUBLE_EQ(defs[0].score, 1.0) << text;
      EXPECT_GE(defs[0].start, q.before.size()) << text;
      EXPECT_LE(defs[0].end, q.before.size() + q.quote.size()) << text;
      EXPECT_GE(defs[0].end - defs[0].start, q.quote.size() * 3 / 4) << text;
    }
  }
}

// The Commission on Human Security's key sentence as Spanish texts quote it
// aligns with CHS 2003, and not with GA 66/290.
TEST(DefinitionTest, SpanishQuoteOfTheCommissionAligns) {
  const Quote q{"La Comisión de Seguridad Humana define la seguridad humana como la «",
                "protección del núcleo vital de todas las vidas humanas de forma que se mejoren "
                "las libertades humanas y la realización de las personas",
                "». El informe lo desarrolla."};
  const std::string text = q.text();
  const auto defs = Definitions(RulesFrEs(), text);
  ASSERT_EQ(defs.size(), 1u) << text;
  EXPECT_EQ(defs[0].concept_id, "definition.chs_2003") << text;
  EXPECT_DOUBLE_EQ(defs[0].score, 1.0) << text;
  EXPECT_GE(defs[0].start, q.before.size()) << text;
  EXPECT_LE(defs[0].end, q.before.size() + q.quote.size()) << text;
  // Its words about freedoms alone are no quote.
  EXPECT_TRUE(Definitions(RulesFrEs(),
                          "La seguridad humana mejora las libertades humanas de las personas.")
                  .empty());
}

// A close paraphrase (words left out, changed or spelt otherwise, "Etats"
// without its accent) aligns, with a lower score.
TEST(DefinitionTest, FrenchAndSpanishParaphrasesAlign) {
  for (const std::string text : {
           "Selon l'ONU, la sécurité humaine aide les Etats Membres à cerner les problèmes "
           "communs et généralisés qui compromettent la survie, les moyens de subsistance et la "
           "dignité des populations.",
           "Tous les êtres humains ont le droit de vivre libres et dans la dignité, à l'abri de "
           "la pauvreté.",
           "La seguridad humana es un enfoque que ayuda a los Estados a determinar y superar las "
           "dificultades generalizadas que afectan a la supervivencia, los medios de "
           "subsistencia y la dignidad de la población.",
       }) {
    const auto defs = Definitions(RulesFrEs(), text);
    ASSERT_EQ(defs.size(), 1u) << text;
    EXPECT_EQ(defs[0].concept_id, "definition.unga_66_290") << text;
    EXPECT_GE(defs[0].score, 0.5) << text;
    EXPECT_LT(defs[0].score, 1.0) << text;
  }
}

// Passages about human security that share phrases with the wordings but
// quote none of them align with nothing.
TEST(DefinitionTest, FrenchAndSpanishNearMissesDoNotAlign) {
  for (const std::string text : {
           "La sécurité humaine est une approche centrée sur les personnes : elle vise à "
           "protéger les populations à l'abri de la peur et du besoin.",
           "Les États Membres ont débattu de la sécurité humaine, de la survie et de la dignité "
           "de leurs populations lors de la session.",
           "Le rapport rappelle que la pauvreté et le désespoir menacent la dignité des êtres "
           "humains.",
           "La seguridad humana es un enfoque centrado en las personas que protege a las "
           "comunidades frente a la pobreza y la desesperación.",
           "Los Estados Miembros debatieron sobre la seguridad humana y la dignidad de sus "
           "ciudadanos, y sobre los medios de subsistencia.",
           "La Comisión de Seguridad Humana publicó su informe en 2003: proteger a las personas "
           "es la esencia de la seguridad humana.",
       }) {
    for (const Pipeline* p : {&Rules(), &RulesFrEs()}) {
      EXPECT_TRUE(Definitions(*p, text).empty()) << text;
    }
  }
}

// "sécurité humaine", tagged hs.concept by the French cues, is not rewritten
// as "human security" (the expansion of hs.concept in English): the quote
// scores as it does without the French cues. And "SH", after "sécurité
// humaine (SH)" in a French text, reads as "sécurité humaine"; "SH" in a
// Spanish text as "seguridad humana".
TEST(DefinitionTest, ExpansionsFollowTheLanguage) {
  const std::string fr =
      "La sécurité humaine a pour objet d'aider les États Membres à cerner les problèmes "
      "communs et généralisés qui compromettent la survie, les moyens de subsistance et la "
      "dignité de leurs populations et à y remédier.";
  const auto with_cues = Definitions(RulesFrEs(), fr);
  ASSERT_EQ(with_cues.size(), 1u);
  EXPECT_DOUBLE_EQ(with_cues[0].score, 1.0);
  EXPECT_EQ(with_cues[0].start, 0u);

  // "SH" defined in the text, then the quote with "SH" for "sécurité
  // humaine" / "seguridad humana": aligned from "la SH".
  const std::string fr_sh =
      "Le présent rapport porte sur la sécurité humaine (SH) et sur la façon dont les États "
      "la mettent en œuvre dans leurs politiques. Selon l'Assemblée générale, la SH a pour "
      "objet d'aider les États Membres à cerner les problèmes communs et généralisés qui "
      "compromettent la survie, les moyens de subsistance et la dignité de leurs populations "
      "et à y remédier.";
  const std::string es_sh =
      "El presente informe trata de la seguridad humana (SH) y de la forma en que los Estados "
      "la aplican en sus políticas. Según la Asamblea General, la SH es un enfoque que ayuda "
      "a los Estados Miembros a determinar y superar las dificultades generalizadas e "
      "intersectoriales que afectan a la supervivencia, los medios de subsistencia y la "
      "dignidad de sus ciudadanos.";
  for (const auto& [text, from] :
       {std::pair{fr_sh, "la SH a pour"}, std::pair{es_sh, "la SH es"}}) {
    const auto found = Definitions(RulesFrEs(), text);
    ASSERT_EQ(found.size(), 1u) << from;
    EXPECT_EQ(found[0].concept_id, "definition.unga_66_290");
    EXPECT_EQ(found[0].start, text.find(from));
    EXPECT_DOUBLE_EQ(found[0].score, 1.0);
  }
}

// `expand` as one expansion for all languages (the older form) still reads
// "HS" as "human security"; an empty map of expansions is refused.
TEST(DefinitionTest, ExpandAsOneExpansionAndEmptyExpansions) {
  const auto path = testing::TempPath("definitions_one_expansion.yaml");
  auto write = [&](const std::string& expand) {
    std::ofstream(path) << "definitions: hstag-definitions/1\n"
                           "version: 1.0.0\n"
                           "expand:\n"
                           "  hs.concept: "
                        << expand
                        << "\n"
                           "items:\n"
                           "  - id: definition.barcelona_2004\n"
                           "    wordings: [\"Human security refers to freedom for individuals\"]\n";
  };
  const std::string options = R"({"definitions": ")" + path.string() + "\"}";
  write("human security");
  auto one = Make("pipeline.yaml", {{"definitions", options}});
  ASSERT_TRUE(one);
  const auto defs =
      Definitions(*one, "On Human Security (HS). HS refers to freedom for individuals.");
  ASSERT_EQ(defs.size(), 1u);
  EXPECT_DOUBLE_EQ(defs[0].score, 1.0);
  write("{}");
  auto empty = Create("pipeline.yaml", {{"definitions", options}});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().find("empty expansion for hs.concept"), std::string::npos)
      << empty.error();
}

// The CCOE info sheet quotes five of the six definitions (GA 66/290 twice);
// the UNDP 1994 one is only mentioned, not quoted.
TEST(DefinitionTest, CcoeInfoSheetQuotesFiveDefinitions) {
  if (!std::filesystem::exists(CcoePath())) GTEST_SKIP() << CcoePath() << " absent";
  const std::string text = testing::ReadAll(CcoePath());
  const AnalysisResult r = Rules().Run(CcoePath(), "ccoe.txt");
  ASSERT_TRUE(r.doc.errors.empty());
  ASSERT_EQ(r.doc.text, text);
  const auto defs = Definitions(r);
  std::map<std::string, std::vector<Annotation>> by_id;
  for (const auto& a : defs) by_id[a.concept_id].push_back(a);
  std::set<std::string> ids;
  for (const auto& [id, list] : by_id) ids.insert(id);
  EXPECT_EQ(ids, (std::set<std::string>{"definition.chs_2003", "definition.unga_66_290",
                                        "definition.barcelona_2004", "definition.madrid_2007",
                                        "definition.uk_jsp_1325"}));
  // Each passage lies in the quotation (with the clause that introduces it)
  // and covers its key words.
  struct Region {
    std::string id, from, to, key;
  };
  const std::vector<Region> regions = {
      {"definition.chs_2003", "“ [Human Security seeks]", "livelihood and dignity.”", "vital core"},
      {"definition.unga_66_290", "“The right of people", "human potential.”", "free from poverty"},
      {"definition.barcelona_2004", "HS refers to:", "rights violations”", "basic insecurities"},
      {"definition.madrid_2007", "“Human Security is about", "live in peace.”", "times of peril"},
      {"definition.uk_jsp_1325", "HS is an approach to national",
       "interact with national security.", "gives primacy"},
  };
  for (const auto& reg : regions) {
    const auto& list = by_id[reg.id];
    ASSERT_FALSE(list.empty()) << reg.id;
    size_t from = 0;
    for (const auto& a : list) {
      const size_t lo = text.find(reg.from, from);
      ASSERT_NE(lo, std::string::npos) << reg.id;
      const size_t hi = text.find(reg.to, lo) + reg.to.size();
      const size_t key = text.find(reg.key, lo);
      EXPECT_GE(a.start, lo) << reg.id;
      EXPECT_LE(a.end, hi) << reg.id;
      EXPECT_LT(a.start, key) << reg.id;
      EXPECT_GT(a.end, key) << reg.id;
      EXPECT_GE(a.score, 0.8) << reg.id;
      from = hi;
    }
  }
  EXPECT_EQ(by_id["definition.unga_66_290"].size(), 2u);
  for (const auto& id : {"definition.chs_2003", "definition.barcelona_2004",
                         "definition.madrid_2007", "definition.uk_jsp_1325"}) {
    EXPECT_EQ(by_id[id].size(), 1u) << id;
  }
}

}  // namespace
}  // namespace hstag
