// SPDX-License-Identifier: GPL-3.0-or-later
//
// The regex plugin: the shipped citation rules (one row per pattern variant,
// near misses included), overlaps, offsets, the rule file's errors, RE2's
// limits, and the plugin's place in the pipeline.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "test_support.h"

namespace hstag {
namespace {

namespace fs = std::filesystem;

const std::string kConfig = std::string(HSTAG_SOURCE_DIR) + "/tests/plugins/regex/data/pipeline.yaml";
const std::string kRules = std::string(HSTAG_SOURCE_DIR) + "/lexicons/rules/citations.yaml";

Result<std::unique_ptr<Pipeline>> Create(const std::string& config) {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.config_path = config;
  return Pipeline::Create(o);
}

const Pipeline& TestPipeline() {
  static const std::unique_ptr<Pipeline> p = [] {
    auto r = Create(kConfig);
    if (!r.ok()) {
      ADD_FAILURE() << r.error();
      std::abort();
    }
    return std::move(r).value();
  }();
  return *p;
}

// "matched text => value" for every annotation of a concept with the prefix.
std::vector<std::string> Found(const Pipeline& p, const std::string& text,
                               const std::string& prefix = "citation.") {
  AnalysisResult r = p.RunBytes(text, "t.txt");
  EXPECT_TRUE(r.doc.errors.empty()) << r.doc.errors.front().message;
  std::vector<std::string> out;
  for (const auto& a : r.annotations) {
    if (a.concept_id.rfind(prefix, 0) != 0) continue;
    out.push_back(r.doc.text.substr(a.start, a.end - a.start) + " => " + a.value);
  }
  return out;
}

std::vector<std::string> Concepts(const Pipeline& p, const std::string& text,
                                  const std::string& prefix) {
  AnalysisResult r = p.RunBytes(text, "t.txt");
  std::vector<std::string> out;
  for (const auto& a : r.annotations) {
    if (a.concept_id.rfind(prefix, 0) == 0) out.push_back(a.concept_id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> expected;  // "matched text => value"
};

// ---------------------------------------------------------------- resolutions

const Row kResolutions[] = {
    // Security Council, named.
    {"Security Council resolution 1325 (2000) on women",
     {"Security Council resolution 1325 (2000) => S/RES/1325"}},
    {"Security Council resolution 2250 calls", {"Security Council resolution 2250 => S/RES/2250"}},
    {"the United Nations Security Council Resolution (UNSCR) 1325 was",
     {"United Nations Security Council Resolution (UNSCR) 1325 => S/RES/1325"}},
    {"UN Security Council resolution no. 2419 (2018)",
     {"UN Security Council resolution no. 2419 (2018) => S/RES/2419"}},
    {"SECURITY COUNCIL RESOLUTION 242", {"SECURITY COUNCIL RESOLUTION 242 => S/RES/242"}},
    {"UNSCR 1325 is", {"UNSCR 1325 => S/RES/1325"}},
    {"UNSCR1325 and", {"UNSCR1325 => S/RES/1325"}},
    {"UNSCR 1325 (2000) and", {"UNSCR 1325 (2000) => S/RES/1325"}},
    {"UNSC Resolution 2250 says", {"UNSC Resolution 2250 => S/RES/2250"}},
    // Symbols.
    {"S/RES/1325(2000)", {"S/RES/1325(2000) => S/RES/1325"}},
    {"see S/RES/1325 (2000).", {"S/RES/1325 (2000) => S/RES/1325"}},
    {"see S/RES/2250.", {"S/RES/2250 => S/RES/2250"}},
    {"A/RES/66/290 of 2012", {"A/RES/66/290 => A/RES/66/290"}},
    {"A/RES/ES-10/14", {"A/RES/ES-10/14 => A/RES/ES-10/14"}},
    {"A/RES/1514 (XV)", {"A/RES/1514 (XV) => A/RES/1514(XV)"}},
    {"A/HRC/RES/16/21", {"A/HRC/RES/16/21 => A/HRC/RES/16/21"}},
    {"E/RES/1996/31", {"E/RES/1996/31 => E/RES/1996/31"}},
    // General Assembly and other organs, named.
    {"General Assembly resolution 66/290 on human security",
     {"General Assembly resolution 66/290 => A/RES/66/290"}},
    {"General Assembly resolution 1514 (XV)",
     {"General Assembly resolution 1514 (XV) => A/RES/1514(XV)"}},
    {"General Assembly resolution 2758 restored",
     {"General Assembly resolution 2758 => A/RES/2758"}},
    {"Human Rights Council resolution 16/21",
     {"Human Rights Council resolution 16/21 => A/HRC/RES/16/21"}},
    {"Human Rights Council resolution 35/12",
     {"Human Rights Council resolution 35/12 => A/HRC/RES/35/12"}},
    {"under resolution 5/1 of the Human Rights Council, the review",
     {"resolution 5/1 of the Human Rights Council => A/HRC/RES/5/1"}},
    {"conforme à la résolution 5/1 du Conseil des droits de l\xE2\x80\x99homme",
     {"résolution 5/1 du Conseil des droits de l\xE2\x80\x99homme => A/HRC/RES/5/1"}},
    {"de acuerdo con la resolución 5/1 del Consejo de Derechos Humanos",
     {"resolución 5/1 del Consejo de Derechos Humanos => A/HRC/RES/5/1"}},
    {"Economic and Social Council resolution 1996/31",
     {"Economic and Social Council resolution 1996/31 => E/RES/1996/31"}},
    {"ECOSOC resolution 2005/50", {"ECOSOC resolution 2005/50 => E/RES/2005/50"}},
    // A bare resolution.
    {"resolution 66/290 defines", {"resolution 66/290 => A/RES/66/290"}},
    {"resolution 46/182 of 1991", {"resolution 46/182 => A/RES/46/182"}},
    {"Resolution 60/1", {"Resolution 60/1 => A/RES/60/1"}},
    {"resolution ES-10/14", {"resolution ES-10/14 => A/RES/ES-10/14"}},
    // A bare number counts in a UN setting: a UN organ named in its
    // sentence or the one before (the near misses below have none).
    {"The UN met. The Council adopted resolution 1325 (2000) on women.",
     {"resolution 1325 (2000) => S/RES/1325"}},
    {"The United Nations met. It adopted resolution 1325 on", {"resolution 1325 => S/RES/1325"}},
    {"the Security Council and resolution 242", {"resolution 242 => S/RES/242"}},
    {"Resolution No. 1325 of the United Nations", {"Resolution No. 1325 => S/RES/1325"}},
    {"UN resolution 1 (1946)", {"resolution 1 (1946) => S/RES/1"}},
    // Another organization named too: the nearer one decides.
    {"the African Union road map, as approved by the Security Council in its resolution 2046 "
     "(2012)",
     {"resolution 2046 (2012) => S/RES/2046"}},
    {"Resolution 217 A (III) of 10 December 1948", {"Resolution 217 A (III) => A/RES/217(III)"}},
    {"resolution 194 (III) on", {"resolution 194 (III) => A/RES/194(III)"}},
    {"resolution 3201 (S-VI)", {"resolution 3201 (S-VI) => A/RES/3201(S-VI)"}},
    // Lists: one match per number.
    {"Security Council resolutions 1325 (2000) and 1820 (2008)",
     {"1325 (2000) => S/RES/1325", "1820 (2008) => S/RES/1820"}},
    {"UN resolutions 242 (1967), 338 (1973) and 425",
     {"242 (1967) => S/RES/242", "338 (1973) => S/RES/338", "425 => S/RES/425"}},
    {"UNSCRs 1325, 1820 and 1888",
     {"1325 => S/RES/1325", "1820 => S/RES/1820", "1888 => S/RES/1888"}},
    {"resolutions 72/273 and 73/297", {"72/273 => A/RES/72/273", "73/297 => A/RES/73/297"}},
    {"resolutions 1514 (XV) and 2066 (XX)",
     {"1514 (XV) => A/RES/1514(XV)", "2066 (XX) => A/RES/2066(XX)"}},
    {"ever since the UN adopted resolutions 435 (1978).", {"435 (1978) => S/RES/435"}},
    {"General Assembly resolutions 181 (II) of 1947", {"181 (II) => A/RES/181(II)"}},
    {"resolutions 55/2 of", {"55/2 => A/RES/55/2"}},
    {"by resolution\n\n33. Then the UN resolution 1325", {"resolution 1325 => S/RES/1325"}},
    // A session and its number as a transcript writes them, without the slash.
    {"The General Assembly decided in Resolution 79, 327 to pause new days.",
     {"Resolution 79, 327 => A/RES/79/327"}},
    {"Following GA Resolution 75 290A the UN reviewed its bodies.",
     {"Resolution 75 290A => A/RES/75/290"}},
    {"The UN adopted resolutions 1325, 1820 and 1888.",
     {"1325 => S/RES/1325", "1820 => S/RES/1820", "1888 => S/RES/1888"}},
    // Two citations in one sentence.
    {"resolution 66/290 and Security Council resolution 2250 (2015)",
     {"resolution 66/290 => A/RES/66/290",
      "Security Council resolution 2250 (2015) => S/RES/2250"}},
};

// --------------------------------------------------------------- documents

const Row kDocuments[] = {
    {"the report (document A/64/701) said", {"A/64/701 => A/64/701"}},
    {"A/66/763", {"A/66/763 => A/66/763"}},
    {"(see A/75/982).", {"A/75/982 => A/75/982"}},
    {"A/59/2005/Add.3", {"A/59/2005/Add.3 => A/59/2005/Add.3"}},
    {"A/77/PV.4", {"A/77/PV.4 => A/77/PV.4"}},
    {"draft A/66/L.1", {"A/66/L.1 => A/66/L.1"}},
    {"A/ES-10/273", {"A/ES-10/273 => A/ES-10/273"}},
    {"A/C.3/70/L.5/Rev.1", {"A/C.3/70/L.5/Rev.1 => A/C.3/70/L.5/Rev.1"}},
    {"A/HRC/16/21", {"A/HRC/16/21 => A/HRC/16/21"}},
    {"S/2023/123", {"S/2023/123 => S/2023/123"}},
    {"S/1994/860", {"S/1994/860 => S/1994/860"}},
    {"S/PV.8649", {"S/PV.8649 => S/PV.8649"}},
    {"E/CN.4/1998/53", {"E/CN.4/1998/53 => E/CN.4/1998/53"}},
    {"E/2019/68", {"E/2019/68 => E/2019/68"}},
    // The human rights treaty bodies.
    {"(CAT/C/PER/CO/7).", {"CAT/C/PER/CO/7 => CAT/C/PER/CO/7"}},
    {"CAT/C/SR.1096", {"CAT/C/SR.1096 => CAT/C/SR.1096"}},
    {"CRC/C/SLV/CO/5-6", {"CRC/C/SLV/CO/5-6 => CRC/C/SLV/CO/5-6"}},
    {"CRC/C/3/Add.9", {"CRC/C/3/Add.9 => CRC/C/3/Add.9"}},
    {"CCPR/C/GC/36", {"CCPR/C/GC/36 => CCPR/C/GC/36"}},
    {"E/C.12/URY/CO/5", {"E/C.12/URY/CO/5 => E/C.12/URY/CO/5"}},
    {"CEDAW/C/COL/CO/9", {"CEDAW/C/COL/CO/9 => CEDAW/C/COL/CO/9"}},
};

// ------------------------------------------------------------- near misses

const char* const kNearMisses[] = {
    "see page 12/3 of the report",
    "on 12/10/2020 the mission",
    "three quarters (3/4) of the members",
    "the A/C was broken",
    "S/he said so",
    "the CAT/C series",
    "a CRC/Children report",
    "the 1994/95 budget",
    "section 3/2 applies",
    "call +41 22 917 12 34 or 212/963-1234",
    "a resolution 12/10/2020 was",
    "resolution 1994/95",
    "a resolution 3/4 of",
    "a resolution 2 of the board",
    "passed a resolution 15 years ago",
    "resolution 45.5 percent",
    "a screen resolution 1080p",
    "resolution 300 dpi",
    "General Conference resolution 15",
    // A bare number without a UN setting, or with another organization
    // named in its sentence or the one before, nearer than the UN organ
    // (codebook §10.5).
    "resolution 1325 (2000) on women",
    "in line with Resolution 71",
    "The UN met in Geneva. The ITU Council noted its Resolution 71.",
    "The UN Secretary-General and the WTSA: Resolution 69 applies.",
    "The UN, with the World Health Assembly, adopted resolution 58 (2005).",
    "The United Nations and the African Union: resolutions 242 and 338.",
    "The UN and Resolution 70 (Rev. Dubai, 2018) of the Plenipotentiary",
    "European Parliament resolution 2019/2",
    "UK JSP 1325 defines",
    "XA/64/701 and A/64 and A/RES and S/RES/",
    "s/res/1325",
    "Security Council resolution",
    "resolutions 12/10 and 3/4",
    "in 2000 (A) the S/ X",
    "a draft resolution\n\n33. The Assembly",
    // A journal's volume and issue or pages, not a resolution's number.
    "UN peacekeeping works (Journal of Conflict Resolution 61(2):430-456).",
    "The UN mission was studied in the Journal of Conflict Resolution 64, no. 5.",
    "The UN mission was studied in the Journal of Conflict Resolution 57, 875-891.",
    "The UN mission was studied in the Journal of Conflict Resolution 61 (2): 430-56.",
    "The UN resolution 79 327 votes were counted.",
};

class Resolutions : public ::testing::TestWithParam<Row> {};
TEST_P(Resolutions, Match) {
  EXPECT_EQ(Found(TestPipeline(), GetParam().text, "citation.un_resolution"), GetParam().expected)
      << GetParam().text;
  EXPECT_TRUE(Found(TestPipeline(), GetParam().text, "citation.un_document").empty())
      << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(Rules, Resolutions, ::testing::ValuesIn(kResolutions));

class Documents : public ::testing::TestWithParam<Row> {};
TEST_P(Documents, Match) {
  EXPECT_EQ(Found(TestPipeline(), GetParam().text, "citation.un_document"), GetParam().expected)
      << GetParam().text;
  EXPECT_TRUE(Found(TestPipeline(), GetParam().text, "citation.un_resolution").empty())
      << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(Rules, Documents, ::testing::ValuesIn(kDocuments));

class NearMisses : public ::testing::TestWithParam<const char*> {};
TEST_P(NearMisses, NoCitation) {
  EXPECT_EQ(Found(TestPipeline(), GetParam()), std::vector<std::string>{}) << GetParam();
}
INSTANTIATE_TEST_SUITE_P(Rules, NearMisses, ::testing::ValuesIn(kNearMisses));

// The annotation carries the rule that fired, its strength and the plugin.
TEST(RegexTagger, RuleAndStrength) {
  AnalysisResult r = TestPipeline().RunBytes("Security Council resolution 1325 (2000).", "t.txt");
  std::erase_if(r.annotations, [](const Annotation& a) { return a.plugin != "regex"; });
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].concept_id, "citation.un_resolution");
  EXPECT_EQ(r.annotations[0].rule, "citation.un_resolution.sc_named");
  EXPECT_EQ(r.annotations[0].strength, Strength::kExplicit);
  EXPECT_EQ(r.annotations[0].value, "S/RES/1325");
}

// Offsets index the extracted text, across a line break, a run of spaces and
// a soft hyphen that the surface view repairs.
TEST(RegexTagger, OffsetsMapBackToTheText) {
  const std::string text = "As the Security\nCouncil resolution   1325 (2000) says, see A/64/\xC2\xAD" "701.";
  AnalysisResult r = TestPipeline().RunBytes(text, "t.txt");
  std::vector<std::string> got;
  for (const auto& a : r.annotations) {
    if (a.concept_id.rfind("citation.", 0) == 0) {
      got.push_back(a.concept_id + "|" + text.substr(a.start, a.end - a.start) + "|" + a.value + "|" +
                    a.rule + "|" + a.plugin);
    }
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "citation.un_resolution|Security\nCouncil resolution   1325 (2000)|S/RES/1325|"
                     "citation.un_resolution.sc_named|regex",
                     "citation.un_document|A/64/\xC2\xAD" "701|A/64/701|citation.un_document.ga|regex"}));
}

// ---------------------------------------------------------------- freedoms

// The coordinated forms of the freedoms are the lexicon's (`also:` cues); the
// regex rules add none. This checks that the lexicon covers them.
struct FreedomRow {
  const char* text;
  std::vector<std::string> pillars;
};
const FreedomRow kFreedoms[] = {
    {"freedom from fear and from want", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"freedoms from fear and want", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"freedom from want and fear", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"free from fear and want", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"freedom from fear and want", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"freedoms from want and fear", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"freedom from want and from fear", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"free from want and fear", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
    {"freedoms from fear and from want", {"pillar.freedom_from_fear", "pillar.freedom_from_want"}},
};
class Freedoms : public ::testing::TestWithParam<FreedomRow> {};
TEST_P(Freedoms, LexiconCoversCoordinatedForms) {
  EXPECT_EQ(Concepts(TestPipeline(), GetParam().text, "pillar."), GetParam().pillars) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(Lexicon, Freedoms, ::testing::ValuesIn(kFreedoms));

// ------------------------------------------------------------ rule file errors

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("hstag-regex-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path p = path_ / name;
    std::ofstream(p) << content;
    return p.string();
  }
  // A config whose regex tagger reads rules.yaml (and options after it).
  std::string Config(const std::string& extra_options = "") const {
    return Write("pipeline.yaml", "lexicons: []\ntaggers:\n  - plugin: regex\n    options: {rules: [rules.yaml]" +
                                      extra_options + "}\n");
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

std::string RulesWith(const std::string& pattern, const std::string& more = "") {
  return "name: t\nversion: 1.0.0\nrules:\n"
         "  - id: ok\n    concept: c\n    pattern: 'fine'\n"
         "  - id: x\n    concept: c\n    pattern: '" + pattern + "'\n" + more;
}

std::string CreateError(const std::string& rules, const std::string& extra_options = "") {
  TempDir dir;
  dir.Write("rules.yaml", rules);
  auto p = Create(dir.Config(extra_options));
  EXPECT_FALSE(p.ok());
  return p.ok() ? "" : p.error();
}

TEST(RuleFile, ContextAndVetoAreConditionsAndNotesAreNote) {
  EXPECT_NE(CreateError(RulesWith("a", "    context: resolution 1325\n"))
                .find("rules.yaml:10: rule `x`: `context` holds conditions (a mapping); write notes "
                      "as `note`"),
            std::string::npos);
  EXPECT_NE(CreateError(RulesWith("a", "    veto: {pattern: 'b', nearby: 2}\n"))
                .find("unknown key `nearby` in `veto` (pattern, concepts, sentences, in)"),
            std::string::npos);
  EXPECT_NE(CreateError(RulesWith("a", "    context: {sentences: 2}\n")).find("`context` sets no condition"),
            std::string::npos);
  EXPECT_NE(CreateError(RulesWith("a", "    context: {pattern: 'b', sentences: 12}\n"))
                .find("`sentences` must be 1 to 9"),
            std::string::npos);
  EXPECT_NE(CreateError(RulesWith("a", "    blocks: [actor.state.*]\n    value: '$0'\n"))
                .find("rule `x` blocks concepts: it yields no value"),
            std::string::npos);
}

// A rule that blocks concepts drops the annotations of those concepts, of
// any tagger, inside its matches (codebook §10.6: a currency is no state).
TEST(RegexTagger, BlocksReachAcrossTaggers) {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  auto p = Pipeline::Create(o);  // the shipped pipeline: lexicons and rules/exclusions.yaml
  ASSERT_TRUE(p.ok()) << p.error();
  auto states = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& a : (*p)->RunBytes(text, "t.txt").annotations) {
      if (a.concept_id.rfind("actor.state.", 0) == 0) out.push_back(a.concept_id);
    }
    return out;
  };
  EXPECT_EQ(states("It costs US$ 5 million, or 4 million US dollars, or A$ 7 million."),
            std::vector<std::string>{});
  EXPECT_EQ(states("The US delegation and Australia agreed."),
            (std::vector<std::string>{"actor.state.US", "actor.state.AU"}));
}

TEST(RuleFile, BadPatternNamesFileLineAndRe2Message) {
  const std::string e = CreateError(RulesWith("(abc"));
  EXPECT_NE(e.find("rules.yaml:9: rule `x`: RE2: missing ): (abc"), std::string::npos) << e;
  EXPECT_NE(e.find("plugin 'regex' could not be created"), std::string::npos) << e;
}

TEST(RuleFile, LookaroundIsRejectedClearly) {
  for (const char* p : {"a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b"}) {
    const std::string e = CreateError(RulesWith(p));
    EXPECT_NE(e.find("rules.yaml:9: rule `x`: RE2: "), std::string::npos) << e;
    EXPECT_NE(e.find("lookahead and lookbehind are not supported by RE2"), std::string::npos) << e;
  }
}

TEST(RuleFile, BackreferenceIsRejectedClearly) {
  const std::string e = CreateError(RulesWith("(a)\\1"));
  EXPECT_NE(e.find("rules.yaml:9: rule `x`: RE2: invalid escape sequence: \\1"), std::string::npos) << e;
  EXPECT_NE(e.find("backreferences are not supported by RE2"), std::string::npos) << e;
}

TEST(RuleFile, PossessiveIsRejectedClearly) {
  const std::string e = CreateError(RulesWith("a++b"));
  EXPECT_NE(e.find("rules.yaml:9: rule `x`: RE2: "), std::string::npos) << e;
}

TEST(RuleFile, ValueMustNameExistingGroups) {
  EXPECT_NE(CreateError(RulesWith("(a)b", "    value: 'S/$2'\n")).find("rules.yaml:10: `value` refers to group $2"),
            std::string::npos);
  EXPECT_NE(CreateError(RulesWith("(?P<n>a)b", "    value: '${m}'\n")).find("group `m`"), std::string::npos);
  EXPECT_NE(CreateError(RulesWith("(a)b", "    value: 'S/$x'\n")).find("`$` must be followed"),
            std::string::npos);
}

TEST(RuleFile, StructureErrors) {
  EXPECT_NE(CreateError(RulesWith("a", "    patern: 'b'\n")).find("rules.yaml:10: unknown key `patern`"),
            std::string::npos);
  EXPECT_NE(CreateError(RulesWith("a", "    strength: strong\n")).find("`strength` must be explicit or indicator"),
            std::string::npos);
  EXPECT_NE(CreateError("name: t\nrules:\n  - id: a\n    concept: c\n    pattern: x\n"
                        "  - id: a\n    concept: c\n    pattern: y\n")
                .find("rules.yaml:6: rule `a` is defined twice"),
            std::string::npos);
  EXPECT_NE(CreateError("name: t\nrules:\n  - id: a\n    pattern: x\n").find("has no `concept`"),
            std::string::npos);
  EXPECT_NE(CreateError("name: t\nrules: [\n").find("rules.yaml:"), std::string::npos);
  EXPECT_NE(CreateError("name: t\nrules: []\n", ", colour: red").find("unknown option `colour`"),
            std::string::npos);
  TempDir dir;
  auto p = Create(dir.Config());  // rules.yaml was not written
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().find("rules.yaml"), std::string::npos) << p.error();
}

// Named groups and literal text in a value; an indicator rule.
TEST(RuleFile, NamedGroupsAndStrength) {
  TempDir dir;
  dir.Write("rules.yaml",
            "name: t\nrules:\n"
            "  - id: t.ref\n    concept: test.ref\n    strength: indicator\n"
            "    pattern: '(?i:ref)\\.?\\s*(?P<year>\\d{4})-(?P<n>\\d+)'\n"
            "    value: 'REF ${year}/$2 $$'\n");
  auto p = Create(dir.Config());
  ASSERT_TRUE(p.ok()) << p.error();
  AnalysisResult r = (*p)->RunBytes("see Ref. 2020-17 and REF 2021-3.", "t.txt");
  ASSERT_EQ(r.annotations.size(), 2u);
  EXPECT_EQ(r.annotations[0].value, "REF 2020/17 $");
  EXPECT_EQ(r.annotations[0].rule, "t.ref");
  EXPECT_EQ(r.annotations[0].strength, Strength::kIndicator);
  EXPECT_EQ(r.annotations[1].value, "REF 2021/3 $");
}

// A long text is matched in chunks of whole paragraphs: every match is found
// once, with its offsets, wherever it falls (the first and last words of
// every paragraph, so at the chunks' edges too); ^ keeps its meaning of the
// start of the text, not of a chunk.
TEST(RuleFile, LongTextMatchesAtEveryParagraphEdge) {
  TempDir dir;
  dir.Write("rules.yaml",
            "name: t\nrules:\n"
            "  - id: t.ref\n    concept: test.ref\n    pattern: '\\bREF-(\\d+)\\b'\n"
            "    value: '$1'\n"
            "  - id: t.start\n    concept: test.start\n    pattern: '^Alpha'\n");
  auto p = Create(dir.Config());
  ASSERT_TRUE(p.ok()) << p.error();
  std::string text;
  std::vector<std::string> want;
  for (int k = 0; k < 40; ++k) {
    if (k) text += "\n\n";
    text += "Alpha REF-" + std::to_string(2 * k) + " ";
    for (int i = 0; i < 20 + 7 * k; ++i) text += "lorem ipsum dolor sit amet. ";
    text += "REF-" + std::to_string(2 * k + 1);
    want.push_back(std::to_string(2 * k));
    want.push_back(std::to_string(2 * k + 1));
  }
  ASSERT_GT(text.size(), 40000u);
  const AnalysisResult r = (*p)->RunBytes(text, "t.txt");
  std::vector<std::string> refs;
  size_t starts = 0;
  for (const auto& a : r.annotations) {
    if (a.concept_id == "test.start") {
      ++starts;
      EXPECT_EQ(a.start, 0u);
    }
    if (a.concept_id != "test.ref") continue;
    EXPECT_EQ(text.substr(a.start, a.end - a.start), "REF-" + a.value);
    refs.push_back(a.value);
  }
  EXPECT_EQ(refs, want);
  EXPECT_EQ(starts, 1u);
}

// ----------------------------------------------------------------- RE2 limits

// Patterns that backtrack exponentially in PCRE run in linear time in RE2.
TEST(Re2, NoCatastrophicBacktracking) {
  TempDir dir;
  dir.Write("rules.yaml",
            "name: t\nrules:\n"
            "  - id: nested\n    concept: test.nested\n    pattern: '(x+x+)+y'\n"
            "  - id: tail\n    concept: test.tail\n    pattern: '(a+)+$'\n"
            "  - id: tailb\n    concept: test.tailb\n    pattern: '(a+)+b'\n");
  auto p = Create(dir.Config());
  ASSERT_TRUE(p.ok()) << p.error();
  const std::string as(100 * 1024, 'a');
  AnalysisResult r = (*p)->RunBytes(as, "t.txt");
  ASSERT_TRUE(r.doc.errors.empty());
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].concept_id, "test.tail");
  EXPECT_EQ(r.annotations[0].start, 0u);
  EXPECT_EQ(r.annotations[0].end, as.size());
  r = (*p)->RunBytes(std::string(100 * 1024, 'x'), "t.txt");
  ASSERT_TRUE(r.doc.errors.empty());
  EXPECT_TRUE(r.annotations.empty());
}

// Memory is bounded: a rule or a rule set that does not fit in max_mem is
// refused when the pipeline is built, with the rule file and line for a rule.
// (RE2 2022-06's Set::Match cannot run out of memory once Compile() succeeded:
// Compile() tries the DFA, and a many-match search resets its cache instead
// of giving up; the plugin still turns a kOutOfMemory into a document error.)
TEST(Re2, RuleTooLargeForMaxMem) {
  const std::string e = CreateError(RulesWith("\\pL{1,1000}"), ", max_mem: 1048576");
  EXPECT_NE(e.find("rules.yaml:9: rule `x`: RE2: pattern too large - compile failed"), std::string::npos) << e;
  EXPECT_NE(e.find("max_mem"), std::string::npos) << e;
}

TEST(Re2, SetTooLargeForMaxMem) {
  std::string rules = "name: t\nrules:\n";
  for (int i = 0; i < 50; ++i) {
    rules += "  - id: r" + std::to_string(i) + "\n    concept: c\n    pattern: 'w" + std::to_string(i) +
             "[a-z]{1,30}'\n";
  }
  const std::string e = CreateError(rules, ", max_mem: 20000");
  EXPECT_NE(e.find("max_mem"), std::string::npos) << e;
}

// ------------------------------------------------------------------ pipeline

TEST(Pipeline, ListedWithVersionAndLibrary) {
  const auto& plugins = TestPipeline().plugins();
  auto it = std::find_if(plugins.begin(), plugins.end(), [](const PluginInfo& i) { return i.id == "regex"; });
  ASSERT_NE(it, plugins.end());
  EXPECT_EQ(it->version, "1.0.0");
  EXPECT_EQ(it->kind, "tagger");
  EXPECT_EQ(it->libraries, "re2 2022-06-01");
}

TEST(Pipeline, CanBeSwitchedOff) {
  TempDir dir;
  const std::string config = dir.Write(
      "pipeline.yaml", "lexicons: []\ntaggers:\n  - plugin: lexicon\n  - {plugin: regex, enabled: false}\n");
  auto p = Create(config);
  ASSERT_TRUE(p.ok()) << p.error();
  for (const auto& i : (*p)->plugins()) EXPECT_NE(i.id, "regex");
  EXPECT_TRUE(Found(**p, "Security Council resolution 1325 (2000)").empty());
}

// Without a `rules` option the plugin reads the shipped citation rules.
TEST(Pipeline, DefaultRules) {
  TempDir dir;
  const std::string config = dir.Write("pipeline.yaml", "lexicons: []\ntaggers: [regex]\n");
  auto p = Create(config);
  ASSERT_TRUE(p.ok()) << p.error();
  EXPECT_EQ(Found(**p, "UNSCR 1325 and A/RES/66/290"),
            (std::vector<std::string>{"UNSCR 1325 => S/RES/1325", "A/RES/66/290 => A/RES/66/290"}));
}

TEST(Pipeline, ShippedRulesLoadFromTheirFile) {
  TempDir dir;
  const std::string config = dir.Write(
      "pipeline.yaml", "lexicons: []\ntaggers:\n  - plugin: regex\n    options: {rules: '" + kRules + "'}\n");
  auto p = Create(config);
  ASSERT_TRUE(p.ok()) << p.error();
  EXPECT_EQ(Found(**p, "S/2023/123"), (std::vector<std::string>{"S/2023/123 => S/2023/123"}));
}

}  // namespace
}  // namespace hstag
