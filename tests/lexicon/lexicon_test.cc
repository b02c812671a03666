// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lexicon loader, the checker and the lexicon tagger's matching rules.
#include "lexicon/loader.h"
#include "pipeline/check_lexicons.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "hstag/builtins.h"
#include "hstag/pipeline.h"
#include "lexicon_test_support.h"
#include "test_support.h"

namespace hstag {
namespace {

const std::string kData = std::string(HSTAG_SOURCE_DIR) + "/tests/data/lexicons/";

const Pipeline& SemanticsPipeline() { return testing::LexiconPipeline(kData + "semantics.yaml"); }

// "concept:matched text" for every annotation, in order.
std::vector<std::string> Tags(const std::string& text) {
  return testing::ConceptsAndTexts(SemanticsPipeline(), text);
}

using V = std::vector<std::string>;

TEST(LexiconTaggerTest, MatchesHoweverTheTextBreaksTheTerm) {
  EXPECT_EQ(Tags("Human\nSecurity, HUMAN SECURITY, human-security, hu-\nman security"),
            (V{"hs.concept:Human\nSecurity", "hs.concept:HUMAN SECURITY",
               "hs.concept:human-security", "hs.concept:hu-\nman security"}));
}

TEST(LexiconTaggerTest, PunctuationBetweenWordsBreaksAPhrase) {
  EXPECT_EQ(Tags("human, security. Human. Security"), V{});
}

TEST(LexiconTaggerTest, QuotationMarksAroundAWordDoNotBreakAPhrase) {
  const V both = {"hs.approach:human security\" approach", "hs.concept:human security\" approach"};
  EXPECT_EQ(Tags("a \"human security\" approach"), both);
  EXPECT_EQ(
      Tags("a \u201chuman security\u201d approach"),
      (V{"hs.approach:human security\u201d approach", "hs.concept:human security\u201d approach"}));
  EXPECT_EQ(Tags("une approche de \u00absécurité humaine\u00bb"), V{"hs.concept:sécurité humaine"});
  // Single quotes are apostrophes too: they still end a phrase.
  EXPECT_EQ(Tags("a 'human security' approach"), V{"hs.concept:human security"});
}

TEST(LexiconTaggerTest, PunctuationThatTheTermHasIsAllowed) {
  EXPECT_EQ(Tags("women, peace and security; women peace and security"),
            (V{"topic.women_peace_security:women, peace and security",
               "topic.women_peace_security:women peace and security"}));
}

TEST(LexiconTaggerTest, LongestMatchWinsWithinASection) {
  EXPECT_EQ(Tags("Equatorial Guinea and Guinea"),
            (V{"actor.state.GQ:Equatorial Guinea", "actor.state.GN:Guinea"}));
  EXPECT_EQ(Tags("the United Nations Development Programme"),
            (V{"actor.undp:United Nations Development Programme"}));
}

TEST(LexiconTaggerTest, DifferentSectionsMayOverlapAndAlsoAddsConcepts) {
  EXPECT_EQ(Tags("a human security approach"),
            (V{"hs.approach:human security approach", "hs.concept:human security approach"}));
  EXPECT_EQ(Tags("freedom from fear and want"),
            (V{"pillar.freedom_from_fear:freedom from fear and want",
               "pillar.freedom_from_want:freedom from fear and want"}));
}

TEST(LexiconTaggerTest, AcronymsAndExactCuesKeepTheirCase) {
  EXPECT_EQ(Tags("UN and NATO"), (V{"actor.un:UN", "actor.nato:NATO"}));
  EXPECT_EQ(Tags("un and nato, Nato, guinea fowl"), V{});
  EXPECT_EQ(Tags("UNDP is not UN"), (V{"actor.un:UN"}));  // whole words only
}

TEST(LexiconTaggerTest, GlobsMatchWordsThatStartSo) {
  EXPECT_EQ(Tags("terror, terrorism and terrorists; not a terrier"),
            (V{"dimension.personal:terror", "dimension.personal:terrorism",
               "dimension.personal:terrorists"}));
}

TEST(LexiconTaggerTest, ExcludedContextsDropTheMatch) {
  EXPECT_EQ(Tags("the Terrorism Financing Act"), V{});
}

TEST(LexiconTaggerTest, RequiresNeedsTheOtherConceptInTheDocument) {
  EXPECT_EQ(Tags("The Alliance met."), V{});
  EXPECT_EQ(Tags("The Alliance met. NATO agreed."),
            (V{"actor.nato:The Alliance", "actor.nato:NATO"}));
}

TEST(LexiconTaggerTest, LanguageRestrictedCues) {
  EXPECT_EQ(Tags("la sécurité humaine"), (V{"hs.concept:sécurité humaine"}));
}

TEST(LexiconTaggerTest, AnnotationsCarryTheLexiconLineAsRule) {
  AnalysisResult r = SemanticsPipeline().RunBytes("human security", "t.txt");
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].rule, "semantics:8");
  EXPECT_EQ(r.annotations[0].plugin, "lexicon");
}

TEST(LexiconLoaderTest, SyntaxErrorsNameFileLineAndColumn) {
  auto lex = LoadLexicon(kData + "broken.yaml", "broken.yaml");
  ASSERT_FALSE(lex.ok());
  // yaml-cpp notices the unclosed flow mapping of line 7 at the end of the file.
  EXPECT_EQ(lex.error(), "broken.yaml:8:1: end of map flow not found");
}

TEST(LexiconLoaderTest, UnknownKeysAndBadValuesAreErrors) {
  const std::string path = ::testing::TempDir() + "/bad_key.yaml";
  { std::ofstream(path) << "lexicon: x\nconcepts:\n  - id: hs.concept\n    explicit:\n      - {term: a, strenght: explicit}\n"; }
  auto lex = LoadLexicon(path, "bad_key.yaml");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.error(), "bad_key.yaml:5:19: unknown cue key `strenght`");
}

// A lexicon that extends another adds cues to its concepts, in the language
// it names, and takes their definition from it.
TEST(LexiconLoaderTest, AnExtendingLexiconAddsCuesToTheConceptsOfAnother) {
  const std::string dir = ::testing::TempDir();
  {
    std::ofstream(dir + "/base.yaml")
        << "lexicon: base\nversion: 1.0.0\ndescription: d\nconcepts:\n"
           "  - id: hs.concept\n    description: the term\n    explicit: [human security]\n";
    std::ofstream(dir + "/base.xx.yaml")
        << "lexicon: base.xx\nversion: 1.0.0\ndescription: d\nextends: base\nlang: es\n"
           "concepts:\n  - id: hs.concept\n    explicit:\n      - seguridad humana\n"
           "      - {term: sécurité humaine, lang: fr}\n";
  }
  std::vector<Lexicon> lexicons;
  for (const char* f : {"base.yaml", "base.xx.yaml"}) {
    auto lex = LoadLexicon(dir + "/" + f, f);
    ASSERT_TRUE(lex.ok()) << lex.error();
    lexicons.push_back(std::move(lex).value());
  }
  ASSERT_TRUE(LinkLexicons(&lexicons).ok());
  const Concept& added = lexicons[1].concepts.at(0);
  EXPECT_EQ(added.section, "concept");
  EXPECT_EQ(added.description, "the term");
  EXPECT_EQ(added.cues.at(0).langs, V{"es"});  // the file's language
  EXPECT_EQ(added.cues.at(1).langs, V{"fr"});  // the cue's own

  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.lexicons = {dir + "/base.yaml", dir + "/base.xx.yaml"};
  auto p = Pipeline::Create(o);
  ASSERT_TRUE(p.ok()) << p.error();
  EXPECT_EQ((*p)->concepts().size(), 1u);  // defined once
  AnalysisResult r =
      (*p)->RunBytes("<html lang=\"es\"><p>la seguridad humana</p></html>", "t.html");
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].concept_id, "hs.concept");
  EXPECT_EQ(r.annotations[0].rule, "base.xx:9");
  EXPECT_TRUE((*p)->RunBytes("<html lang=\"de\"><p>la seguridad humana</p></html>", "t.html")
                  .annotations.empty());

  // Extending comes after what it extends, names its concepts and defines nothing.
  std::vector<Lexicon> reversed = {lexicons[1], lexicons[0]};
  Status s = LinkLexicons(&reversed);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(),
            "base.xx.yaml: extends `base`, which is not loaded before it (list it after that "
            "lexicon, or add it with --add-lexicon)");
  {
    std::ofstream(dir + "/unknown.yaml")
        << "lexicon: u\nextends: base\nconcepts:\n  - id: hs.other\n    explicit: [x]\n";
  }
  std::vector<Lexicon> unknown = {lexicons[0],
                                  LoadLexicon(dir + "/unknown.yaml", "unknown.yaml").value()};
  s = LinkLexicons(&unknown);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(),
            "unknown.yaml:4: concept `hs.other` is not a concept of `base` (base.yaml), which this "
            "lexicon extends");
  {
    std::ofstream(dir + "/label.yaml") << "lexicon: l\nextends: base\nconcepts:\n  - id: "
                                          "hs.concept\n    label: again\n    explicit: [x]\n";
  }
  auto label = LoadLexicon(dir + "/label.yaml", "label.yaml");
  ASSERT_FALSE(label.ok());
  EXPECT_EQ(label.error(),
            "label.yaml:5:5: `label` is set where the concept is defined, in `base`: a lexicon "
            "that extends another adds cues (id, explicit, indicator, exclude, context, veto)");
}

TEST(LexiconLoaderTest, AcronymsDefaultToExactCase) {
  auto lex = LoadLexicon(kData + "semantics.yaml", "s");
  ASSERT_TRUE(lex.ok()) << lex.error();
  for (const auto& c : lex->concepts) {
    for (const auto& cue : c.cues) {
      if (cue.term == "UN" || cue.term == "NATO" || cue.term == "Guinea") {
        EXPECT_EQ(cue.case_mode, Cue::Case::kExact) << cue.term;
      }
      if (cue.term == "human security") EXPECT_EQ(cue.case_mode, Cue::Case::kFold);
    }
  }
}

TEST(LexiconCheckTest, ReportsEveryProblemWithItsLine) {
  auto lex = LoadLexicon(kData + "problems.yaml", "problems.yaml");
  ASSERT_TRUE(lex.ok()) << lex.error();
  std::vector<std::string> got;
  for (const auto& p : CheckLexicons(testing::DefaultPipeline(), {*lex})) {
    got.push_back(p.file + ":" + std::to_string(p.line) + ": " + p.message);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "problems.yaml:1: version `0.1` is not a version number (1.2.3)",
                     "problems.yaml:7: duplicate concept id `hs.concept` (first at problems.yaml:4)",
                     "problems.yaml:9: cue `Human-Security` is listed twice in `hs.concept`",
                     "problems.yaml:10: unknown parent `pillar.nothing` in `pillar.freedom_from_fear`",
                     "problems.yaml:14: cue `*` has no words and can never match",
                     "problems.yaml:15: cue `?!` has no words and can never match",
                     "problems.yaml:16: concept `pillar.freedom_from_want` has no description",
                     "problems.yaml:16: concept `pillar.freedom_from_want` has no cues",
                     "problems.yaml:17: concept `hs.approach` has a type but is no actor",
                     "problems.yaml:20: cue `approche`: lang `fra` is not a two-letter ISO 639-1 code",
                     "problems.yaml:20: cue `HUMAN security` of `hs.approach` is also a cue of "
                     "`hs.concept` (problems.yaml:6)",
                     "problems.yaml:21: actor `actor.un` has no type; its type is one of "
                     "international_organization, un_body, commission, advisory_body, "
                     "regional_organization, eu_body, military_alliance, nato_body, ngo, "
                     "state_network, think_tank, academic, state",
                 }));
}

TEST(LexiconCheckTest, ShippedLexiconsAreClean) {
  const auto& p = testing::DefaultPipeline();
  const auto problems = CheckLexicons(p, p.lexicons());
  for (const auto& x : problems) ADD_FAILURE() << x.file << ":" << x.line << ": " << x.message;
  EXPECT_GE(p.concepts().size(), 250u);
}

}  // namespace
}  // namespace hstag

namespace hstag {
namespace {

std::vector<std::string> TagsWith(const std::string& lexicon, const std::string& text) {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.lexicons = {kData + lexicon};
  auto p = Pipeline::Create(o);
  EXPECT_TRUE(p.ok()) << p.error();
  if (!p.ok()) return {};
  AnalysisResult r = (*p)->RunBytes(text, "t.txt");
  std::vector<std::string> out;
  for (const auto& a : r.annotations) {
    out.push_back(a.concept_id + ":" + r.doc.text.substr(a.start, a.end - a.start));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(UserDictionaryTest, QuantedaKeysBecomeUserConcepts) {
  auto lex = LoadLexicon(kData + "mydict.yml", "mydict.yml");
  ASSERT_TRUE(lex.ok()) << lex.error();
  EXPECT_EQ(lex->format, "quanteda");
  std::vector<std::string> ids;
  for (const auto& c : lex->concepts) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"user.mydict.threats.violent",
                                           "user.mydict.threats.economic",
                                           "user.mydict.well-being"}));
  // A word listed under two keys counts under both.
  EXPECT_EQ(TagsWith("mydict.yml", "Terrorism, armed conflict and Poverty"),
            (std::vector<std::string>{"user.mydict.threats.economic:Poverty",
                                      "user.mydict.threats.violent:Terrorism",
                                      "user.mydict.threats.violent:armed conflict",
                                      "user.mydict.well-being:Poverty"}));
}

TEST(UserDictionaryTest, Liwc2007WithConditionalEntries) {
  auto lex = LoadLexicon(kData + "liwc2007.dic", "liwc2007.dic");
  ASSERT_TRUE(lex.ok()) << lex.error();
  EXPECT_EQ(lex->format, "liwc");
  ASSERT_EQ(lex->concepts.size(), 5u);
  EXPECT_EQ(lex->concepts[0].id, "user.liwc2007.funct");
  EXPECT_EQ(TagsWith("liwc2007.dic", "We abandoned love"),
            (std::vector<std::string>{"user.liwc2007.affect:abandoned", "user.liwc2007.affect:love",
                                      "user.liwc2007.funct:We", "user.liwc2007.negemo:abandoned",
                                      "user.liwc2007.posemo:love", "user.liwc2007.pronoun:We"}));
  // "like<TAB>2(2 127)126/1": the categories outside the condition count.
  EXPECT_EQ(TagsWith("liwc2007.dic", "like"),
            (std::vector<std::string>{"user.liwc2007.funct:like", "user.liwc2007.posemo:like",
                                      "user.liwc2007.pronoun:like"}));
}

TEST(UserDictionaryTest, Liwc2015WithPhrasesAndCrLf) {
  auto lex = LoadLexicon(kData + "liwc2015.dic", "liwc2015.dic");
  ASSERT_TRUE(lex.ok()) << lex.error();
  ASSERT_EQ(lex->concepts.size(), 2u);
  EXPECT_EQ(lex->concepts[1].id, "user.liwc2015.social");
  EXPECT_EQ(lex->concepts[1].label, "social");
  EXPECT_EQ(TagsWith("liwc2015.dic", "a kind of family of friends"),
            (std::vector<std::string>{"user.liwc2015.function:kind of",
                                      "user.liwc2015.social:family",
                                      "user.liwc2015.social:friends"}));
}

TEST(UserDictionaryTest, BrokenLiwcNamesTheLine) {
  const std::string path = ::testing::TempDir() + "/bad.dic";
  { std::ofstream(path) << "%\n1\tfunct\n%\nword\t7\n"; }
  auto lex = LoadLexicon(path, "bad.dic");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.error(), "bad.dic:4: unknown category 7 for `word`");
}

}  // namespace
}  // namespace hstag
