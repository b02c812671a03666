// SPDX-License-Identifier: GPL-3.0-or-later
//
// Words that look like codebook cues but are not (codebook §3 and §7): social
// security, the SEC, "security" alone, a general amnesty, "the Alliance"
// outside a NATO context, "UN" and "EU" inside other words or languages.
#include <gtest/gtest.h>

#include <string>

#include "lexicon_test_support.h"
#include "test_support.h"

namespace hstag::testing {
namespace {

// Codebook sections 1-6 (the concept, pillars, dimensions, approaches,
// principles, topics).
bool HasSections1To6(const Tagged& t) {
  for (const char* p : {"hs.", "pillar.", "dimension.", "approach.", "principle.", "topic."}) {
    if (HasConceptWithPrefix(t, p)) return true;
  }
  return false;
}

TEST(ExclusionsTest, SocialSecurityIsNotADimension) {
  const Tagged t =
      Tag("The reform of social security is a debate in the parliament, and the pensions of the "
          "people are the subject of it for the years to come.");
  EXPECT_EQ(t.language, "en");
  EXPECT_FALSE(HasConceptWithPrefix(t, "dimension.")) << Describe(t);
}

TEST(ExclusionsTest, SecuritiesAndExchangeCommissionIsNothingOfSections1To6) {
  const Tagged t = Tag(
      "The Securities and Exchange Commission fined the bank for the fraud, and the case is now "
      "with the courts of the state for a decision.");
  EXPECT_EQ(t.language, "en");
  EXPECT_FALSE(HasSections1To6(t)) << Describe(t);
}

TEST(ExclusionsTest, SecurityAloneIsNeverADimension) {
  for (const std::string text : {
           "Security is the first concern of the state, and the security of the borders is a "
           "task for the army and for the police of the region.",
           "The insecurity in the north is a concern for the state, and the securities that the "
           "bank holds are a concern for the people of the region.",
           "The security of the people, the security of the state and the security of the "
           "region are all at risk, and that is the subject of the report.",
       }) {
    const Tagged t = Tag(text);
    EXPECT_EQ(t.language, "en") << text;
    EXPECT_FALSE(HasConceptWithPrefix(t, "dimension.")) << text << "\n  found: " << Describe(t);
  }
  // The same in the other languages of the dimension cues.
  for (const std::string text : {
           "La sécurité est une priorité pour le gouvernement et pour les citoyens qui vivent "
           "dans les régions du pays.",
           "La seguridad es una prioridad para el gobierno y para los ciudadanos que viven en "
           "las regiones del país, como se ha dicho.",
           "Die Sicherheit ist für die Regierung und für die Bürger ein Ziel, das sich mit den "
           "Partnern auf der Welt erreichen lässt.",
           "政府は安全保障を外交の柱としており、国際社会と協力して取り組んでいます。",
       }) {
    const Tagged t = Tag(text);
    EXPECT_NE(t.language, "") << text;
    EXPECT_FALSE(HasConceptWithPrefix(t, "dimension.")) << text << "\n  found: " << Describe(t);
  }
}

TEST(ExclusionsTest, AGeneralAmnestyIsNotAmnestyInternational) {
  const Tagged general =
      Tag("The government declared a general amnesty for former combatants, and it is the first of "
          "its kind in the region for the people.");
  EXPECT_EQ(general.language, "en");
  EXPECT_FALSE(HasConcept(general, "actor.amnesty")) << Describe(general);

  const Tagged capital =
      Tag("Amnesty was granted to all of the former combatants, and it is the first of its kind in "
          "the region for the people. International observers were there.");
  EXPECT_FALSE(HasConcept(capital, "actor.amnesty")) << Describe(capital);

  const Tagged ngo =
      Tag("Amnesty International has published a report on the amnesty for former combatants, and "
          "it is the first of its kind for the people.");
  EXPECT_TRUE(HasMatch(ngo, "actor.amnesty", "Amnesty International")) << Describe(ngo);
  int n = 0;
  for (const auto& m : ngo.matches) n += m.concept_id == "actor.amnesty";
  EXPECT_EQ(n, 1) << "only the name, not the later 'amnesty': " << Describe(ngo);
}

TEST(ExclusionsTest, TheAllianceIsNatoOnlyInANatoContext) {
  const Tagged outside =
      Tag("The Alliance of the opposition parties won the election, and it is the first time that "
          "the Alliance has a majority in the parliament.");
  EXPECT_EQ(outside.language, "en");
  EXPECT_FALSE(HasConcept(outside, "actor.nato")) << Describe(outside);

  const Tagged inside =
      Tag("NATO leaders met in Brussels. The Alliance agreed on a new plan for the protection of "
          "the people of the region, and it is the first of its kind.");
  EXPECT_EQ(inside.language, "en");
  EXPECT_TRUE(HasMatch(inside, "actor.nato", "The Alliance")) << Describe(inside);
  EXPECT_TRUE(HasMatch(inside, "actor.nato", "NATO")) << Describe(inside);

  // Other alliances stay excluded even in a NATO context; lower case "the
  // alliance" is a common noun.
  const Tagged other =
      Tag("NATO leaders met the Alliance of Small Island States, and the alliance of the farmers "
          "was there for the talks on the future of the region.");
  int n = 0;
  for (const auto& m : other.matches) n += m.concept_id == "actor.nato";
  EXPECT_EQ(n, 1) << "only NATO itself: " << Describe(other);
}

TEST(ExclusionsTest, UnInsideOtherWordsIsNotTheUn) {
  const Tagged t =
      Tag("The UNDP and UNICEF staff met at the UNiversity of the capital, and the UNESCO team was "
          "there for the talks with the people of the region.");
  EXPECT_EQ(t.language, "en");
  EXPECT_FALSE(HasConcept(t, "actor.un")) << Describe(t);
  EXPECT_TRUE(HasMatch(t, "actor.undp", "UNDP")) << Describe(t);
}

TEST(ExclusionsTest, EuInsideOtherWordsAndLanguagesIsNotTheEu) {
  const Tagged words = Tag(
      "The EUROPOL team, the EUFOR troops and the DEUTSCHLAND delegation met in EUSKADI, and the "
      "fee of 20 EUR was paid for each of the people that were there.");
  EXPECT_EQ(words.language, "en");
  EXPECT_FALSE(HasConcept(words, "actor.eu")) << Describe(words);

  // Portuguese "Eu" (I): the document's language is too short to be sure
  // of, so every cue applies; "EU" is an acronym and keeps its case.
  const Tagged pt =
      Tag("Eu acredito que a segurança humana é importante para todos nós e para o mundo.");
  EXPECT_FALSE(HasConcept(pt, "actor.eu")) << Describe(pt);
  EXPECT_TRUE(HasMatch(pt, "hs.concept", "segurança humana")) << Describe(pt);
}

}  // namespace
}  // namespace hstag::testing
