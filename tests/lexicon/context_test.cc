// SPDX-License-Identifier: GPL-3.0-or-later
//
// Context conditions of cues (lexicons/README.md, "Context"): each kind of
// condition on a test lexicon, with a text it holds in and a near miss; the
// loader's errors; and the codebook §10 rules the shipped lexicons express
// with them (names, principles, empowerment, sexual violence, coordinated
// forms), each with its near miss.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "hstag/builtins.h"
#include "hstag/pipeline.h"
#include "lexicon/loader.h"
#include "lexicon_test_support.h"
#include "test_support.h"

namespace hstag {
namespace {

const std::string kData = std::string(HSTAG_SOURCE_DIR) + "/tests/data/lexicons/";

// "concept:matched text" for every annotation, in order.
std::vector<std::string> Tags(const std::string& text) {
  return testing::ConceptsAndTexts(testing::LexiconPipeline(kData + "context.yaml"), text);
}

using V = std::vector<std::string>;

TEST(CueContextTest, AfterIsAHeadWordWithinTheWordsAfterTheMatch) {
  EXPECT_EQ(Tags("a comprehensive approach"), (V{"local.comprehensive:comprehensive"}));
  EXPECT_EQ(Tags("a comprehensive, integrated response"), V{});  // punctuation ends the phrase
  EXPECT_EQ(Tags("a comprehensive and integrated response"), V{});  // three words away
  EXPECT_EQ(Tags("comprehensive approaches"), (V{"local.comprehensive:comprehensive"}));  // glob
  EXPECT_EQ(Tags("a comprehensive report"), V{});
}

TEST(CueContextTest, BeforeIsAWordWithinTheWordsBeforeTheMatch) {
  EXPECT_EQ(Tags("a truly holistic view"), (V{"local.holistic:holistic"}));
  EXPECT_EQ(Tags("truly a holistic view"), V{});
}

TEST(CueContextTest, NearIsAWordOnEitherSide) {
  EXPECT_EQ(Tags("preventive action against conflict"), (V{"local.preventive:preventive"}));
  EXPECT_EQ(Tags("conflicts need preventive action"), (V{"local.preventive:preventive"}));
  EXPECT_EQ(Tags("preventive medicine for all the children of the region"), V{});
  // Never across a sentence.
  EXPECT_EQ(Tags("We saw conflict. Preventive care helps."), V{});
}

TEST(CueContextTest, SentenceIsAWordAnywhereInTheSentence) {
  EXPECT_EQ(Tags("Their security, the report says at length, is a universal concern."),
            (V{"local.universal:universal concern"}));
  EXPECT_EQ(Tags("Security matters. Postal rates are a universal concern."), V{});
}

TEST(CueContextTest, ConceptsAreMatchesOfTheSameSentence) {
  EXPECT_EQ(Tags("Human security gives a lens."), (V{"hs.concept:Human security", "local.lens:lens"}));
  EXPECT_EQ(Tags("Human security matters. A camera lens broke."), (V{"hs.concept:Human security"}));
}

TEST(CueContextTest, InNameVetoesAMatchInsideACapitalisedNameOfAnEntity) {
  // "Fund" heads names of entities; the match is inside one.
  EXPECT_EQ(Tags("The Trust Fund for Human Security paid."), V{});
  // Capitalised, but no name: a title-case phrase without a head word, a
  // state's adjective before it, the first word of a sentence.
  EXPECT_EQ(Tags("The Urbanization and Human Security table."), (V{"hs.concept:Human Security"}));
  EXPECT_EQ(Tags("Japan's Human Security policy."), (V{"hs.concept:Human Security"}));
  EXPECT_EQ(Tags("Human Security Matters to them."), (V{"hs.concept:Human Security"}));
}

TEST(CueContextTest, InActorVetoesAMatchInsideALongerActorMatch) {
  EXPECT_EQ(Tags("the human security network met"), (V{"actor.test_network:human security network"}));
  EXPECT_EQ(Tags("human security, the network said"), (V{"hs.concept:human security"}));
}

// An actor's name is inside another entity's name when it starts it; after
// a connector it is the actor's ("the Charter of the Test Union").
TEST(CueContextTest, AnActorsNameStartingAnotherName) {
  EXPECT_EQ(Tags("the TU Framework Convention and the Test Union Assistance Mission"), V{});
  EXPECT_EQ(Tags("the Charter of the Test Union and the TU members"),
            (V{"actor.test_union:Test Union", "actor.test_union:TU"}));
}

TEST(CueContextTest, AConceptsVetoIsThatOfEachOfItsCues) {
  EXPECT_EQ(Tags("to empower the Conference of the Parties"), V{});
  EXPECT_EQ(Tags("the empowerment of the Council"), V{});
  EXPECT_EQ(Tags("to empower women and girls"), (V{"local.empowerment:empower"}));
}

TEST(CueContextTest, InReferencesVetoesAMatchInAReferenceList) {
  const std::string text =
      "Peace in practice\n\nPeace matters to the people of the region, and they said so.\n\n"
      "References\n\n"
      "Axworthy, L. (2001). Peace and people: a new agenda. Global Governance, 7(1), 19-23.\n"
      "Paris, R. (2001). Paradigm shift or hot air? International Security, 26(2), 87-102.\n";
  EXPECT_EQ(Tags(text), (V{"local.peace:Peace", "local.peace:Peace"}));  // the title and the body
}

TEST(CueContextLoaderTest, BadConditionsAreErrorsWithTheirLine) {
  const auto load = [](const std::string& cue) {
    const std::string path = testing::TempPath("bad_context.yaml");
    { std::ofstream(path) << "lexicon: x\nconcepts:\n  - id: local.x\n    explicit:\n      - " << cue << "\n"; }
    auto lex = LoadLexicon(path, "bad.yaml");
    return lex.ok() ? std::string("loaded") : lex.error();
  };
  EXPECT_EQ(load("{term: a, context: {nearby: [b]}}"),
            "bad.yaml:5:29: unknown key `nearby` in `context` (near, after, before, within, "
            "sentence, concepts, in)");
  EXPECT_EQ(load("{term: a, veto: {in: [title]}}"),
            "bad.yaml:5:30: `in` lists `name`, `actor` or `references`, not `title`");
  EXPECT_EQ(load("{term: a, context: {within: 3}}"), "bad.yaml:5:37: within needs near, after or before");
  EXPECT_EQ(load("{term: a, context: {after: [b], within: 0}}"),
            "bad.yaml:5:49: within must be a number of words, 1 to 100");
  EXPECT_EQ(load("{term: a, context: {}}"), "bad.yaml:5:28: context sets no condition");
  EXPECT_EQ(load("{term: a, context: {after: [b], within: 2}}"), "loaded");
}

TEST(CueContextLoaderTest, AContextWordMustBeOneWord) {
  const std::string path = testing::TempPath("two_words.yaml");
  { std::ofstream(path) << "lexicon: x\nconcepts:\n  - id: local.x\n    explicit:\n      - {term: a, context: {after: [secretary-general]}}\n"; }
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.lexicons = {path};
  auto r = Pipeline::Create(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find(":5: context word `secretary-general` is more than one word"),
            std::string::npos)
      << r.error();
}

// ------------------------------------------------- the shipped lexicons

using testing::Describe;
using testing::HasConcept;
using testing::HasMatch;
using testing::Tag;

TEST(ScopeTest, ACueInsideANameIsTheName) {  // codebook §10.1
  auto t = Tag("Thailand chairs the Human Security Network this year, as the report of the "
               "Framework Convention on Climate Change says.");
  EXPECT_FALSE(HasConcept(t, "hs.concept")) << Describe(t);
  EXPECT_FALSE(HasConcept(t, "dimension.environmental")) << Describe(t);
  EXPECT_TRUE(HasConcept(t, "actor.human_security_network")) << Describe(t);
  // Near miss: the concept, capitalised in running text.
  t = Tag("Thailand puts Human Security first, and climate change is a threat for the region.");
  EXPECT_TRUE(HasMatch(t, "hs.concept", "Human Security")) << Describe(t);
  EXPECT_TRUE(HasMatch(t, "dimension.environmental", "climate change")) << Describe(t);
}

TEST(ScopeTest, TheUnStartingTheNameOfAnotherEntityIsThatEntity) {  // codebook §10.1
  auto t = Tag("The UN Framework Convention on Climate Change and the United Nations Assistance "
               "Mission for Rwanda were named.");
  EXPECT_FALSE(HasConcept(t, "actor.un")) << Describe(t);
  // Near misses: after a connector, its own charter, before a word that heads no name.
  t = Tag("The Charter of the United Nations binds the UN member states of the region.");
  EXPECT_TRUE(HasMatch(t, "actor.un", "United Nations")) << Describe(t);
  EXPECT_TRUE(HasMatch(t, "actor.un", "UN")) << Describe(t);
  t = Tag("The United Nations Charter binds the states of the region.");
  EXPECT_TRUE(HasMatch(t, "actor.un", "United Nations")) << Describe(t);
}

TEST(ScopeTest, ATreatysTitleIsItsName) {  // codebook §10.1
  auto t = Tag("The state ratified the Optional Protocol to the Convention on the Rights of the "
               "Child on the involvement of children in armed conflict in 2002.");
  EXPECT_FALSE(HasConcept(t, "topic.children_armed_conflict")) << Describe(t);
  t = Tag("The state works to protect children in armed conflict in the region.");
  EXPECT_TRUE(HasConcept(t, "topic.children_armed_conflict")) << Describe(t);
}

TEST(ScopeTest, PrinciplesQualifyAWayOfAddressingInsecurity) {  // codebook §10.2
  auto t = Tag("Human security is a comprehensive and holistic concept for the people of the "
               "region.");
  EXPECT_TRUE(HasMatch(t, "principle.comprehensive", "comprehensive")) << Describe(t);
  EXPECT_TRUE(HasMatch(t, "principle.comprehensive", "holistic")) << Describe(t);
  t = Tag("The interconnectedness of these threats calls for a response in the region.");
  EXPECT_TRUE(HasConcept(t, "principle.interconnected")) << Describe(t);
  for (const std::string near :
       {"The state has published a comprehensive report, and the people of the region read it.",
        "The Comprehensive Nuclear-Test-Ban Treaty was signed by the state for the region.",
        "A holistic approach to organizing the seminar was agreed by the staff of the office.",
        "The staff need multi-sector proficiency for the work of the office in the region.",
        "Our interconnectedness as peoples is a source of strength for the security of the region."}) {
    t = Tag(near);
    EXPECT_FALSE(testing::HasConceptWithPrefix(t, "principle.")) << near << "\n  " << Describe(t);
  }
}

TEST(ScopeTest, EmpowermentIsOfPeople) {  // codebook §10.3
  auto t = Tag("The decision is to empower the Conference of the Parties for the region.");
  EXPECT_FALSE(HasConcept(t, "approach.empowerment")) << Describe(t);
  t = Tag("The plan will empower women and girls in the villages of the region.");
  EXPECT_TRUE(HasConcept(t, "approach.empowerment")) << Describe(t);
}

TEST(ScopeTest, SexualViolenceIsTheTopicInConflict) {  // codebook §10.4
  auto t = Tag("Sexual violence by armed groups in the conflict must end, the mission said.");
  EXPECT_TRUE(HasConcept(t, "topic.sexual_violence")) << Describe(t);
  t = Tag("The law protects children from sexual exploitation in the tourism trade of the region.");
  EXPECT_FALSE(HasConcept(t, "topic.sexual_violence")) << Describe(t);
  EXPECT_TRUE(HasMatch(t, "dimension.personal", "sexual exploitation")) << Describe(t);
}

TEST(ScopeTest, CoordinatedFormsNameEveryMember) {  // codebook §10.9
  auto t = Tag("The region faces food and health insecurity, and the people need help.");
  EXPECT_TRUE(HasMatch(t, "dimension.food", "food and health insecurity")) << Describe(t);
  EXPECT_TRUE(HasMatch(t, "dimension.health", "health insecurity")) << Describe(t);
  t = Tag("They seek freedom from want as well as from fear for the people of the region.");
  EXPECT_TRUE(HasMatch(t, "pillar.freedom_from_fear", "freedom from want as well as from fear"))
      << Describe(t);
  t = Tag("The people of the region face political threats, community threats, disease and "
          "environmental threats.");
  for (const char* d : {"dimension.political", "dimension.community", "dimension.health",
                        "dimension.environmental"}) {
    EXPECT_TRUE(HasConcept(t, d)) << d << "\n  " << Describe(t);
  }
  t = Tag("The state works for water, food and energy security in the region.");
  EXPECT_TRUE(HasMatch(t, "dimension.food", "food and energy security")) << Describe(t);
  // Near misses: members that make no cue with the head, function words.
  t = Tag("The world is interconnected, and the threats that the people of the region face are "
          "a concern for the state.");
  EXPECT_FALSE(HasConcept(t, "principle.interconnected")) << Describe(t);
  t = Tag("Peace, stability and human rights are at stake for the people of the region.");
  EXPECT_FALSE(HasConcept(t, "hs.concept")) << Describe(t);
}

TEST(ScopeTest, ADimensionSignalledThroughAnotherConceptIsAnIndicator) {  // codebook §10.8
  AnalysisResult r = testing::DefaultPipeline().RunBytes(
      "Trafficking in persons is a crime that the state fights in the region.", "t.txt");
  bool found = false;
  for (const auto& a : r.annotations) {
    if (a.concept_id == "dimension.personal") {
      found = true;
      EXPECT_EQ(a.strength, Strength::kIndicator);
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace hstag
