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
