// SPDX-License-Identifier: GPL-3.0-or-later
//
// States by their adjectives and demonyms (codebook 10.10): every cue of every
// state, in a sentence of its language, is that state (the cues come from
// lexicons/states.yaml, which lexicons/src/states.tsv generates, so every row
// and every inflected form is tried); and the near misses the table's
// exclusions, vetoes and the exclusion rules are there for.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "lexicon_test_support.h"
#include "test_support.h"

namespace hstag::testing {
namespace {

// One sentence per cue, in the cue's language: "{}" is the cue.
const std::map<std::string, std::string>& Templates() {
  static const std::map<std::string, std::string> t = {
      {"en", "Officials said that {} refugees and workers met the press on Monday, and the "
             "talks went on for hours."},
      {"fr", "Selon le rapport, les {} et les travailleurs ont rencontré la presse lundi, et "
             "les discussions ont duré des heures."},
      {"es", "Según el informe, los {} y los trabajadores se reunieron con la prensa el lunes, "
             "y las conversaciones duraron horas."},
      {"de", "Nach dem Bericht haben die {} und die Arbeiter am Montag die Presse getroffen, und "
             "die Gespräche dauerten Stunden."},
      {"ja", "報告によると、{}の代表が月曜日に記者会見を開き、協議は数時間続いた。"},
  };
  return t;
}

std::string Fill(const std::string& tmpl, const std::string& term) {
  std::string out = tmpl;
  out.replace(out.find("{}"), 2, term);
  return out;
}

// Every cue of every state, one document per state and language, one sentence
// per cue: each is found with its own words. Terms ending in a bracket or with
// a full stop are left out (a match ends with the last word, not the
// punctuation, and "St." may end a sentence of the template:
// StatesTest.EachLabelInASentenceIsThatState covers them).
TEST(StateAdjectivesTest, EveryCueInASentenceOfItsLanguageIsThatState) {
  std::vector<std::string> failures;
  size_t checked = 0, bare_en = 0;
  for (const Concept* c : States()) {
    std::map<std::string, std::vector<std::string>> by_lang;
    for (const Cue& cue : c->cues) {
      if (cue.term.empty() || cue.term.back() == ')' || cue.term.find('.') != std::string::npos) {
        continue;
      }
      const std::string lang = cue.langs.empty() ? "en" : cue.langs[0];
      if (!Templates().count(lang)) continue;
      by_lang[lang].push_back(cue.term);
      bare_en += cue.langs.empty() && cue.case_mode == Cue::Case::kExact;
    }
    for (const auto& [lang, terms] : by_lang) {
      std::string text;
      for (const auto& term : terms) text += Fill(Templates().at(lang), term) + "\n\n";
      const Tagged t = Tag(text);
      for (const auto& term : terms) {
        ++checked;
        if (!HasMatch(t, c->id, term)) {
          failures.push_back(c->id + " " + lang + " '" + term + "' (language " + t.language + ")");
        }
      }
    }
  }
  EXPECT_GT(checked, 5000u);
  EXPECT_GT(bare_en, 250u);
  EXPECT_TRUE(failures.empty()) << failures.size() << " cue(s) not found:\n  "
                                << ::testing::PrintToString(failures);
}

struct Case {
  const char* text;
  const char* id;       // expected, or "" for none
  const char* matched;  // the matched text when `concept` is set
};

// Codebook 10.10, in every supported language.
TEST(StateAdjectivesTest, CodebookExamples) {
  const Case cases[] = {
      {"Syrian refugees crossed the border in large numbers during the winter months.",
       "actor.state.SY", "Syrian"},
      {"The Canadian approach puts people first, in every programme it funds abroad.",
       "actor.state.CA", "Canadian"},
      {"The French delegation asked for a vote on the draft resolution this morning.",
       "actor.state.FR", "French delegation"},
      {"The French have proposed a new text, and the Danes and the Poles supported it.",
       "actor.state.FR", "French"},
      {"The French have proposed a new text, and the Danes and the Poles supported it.",
       "actor.state.DK", "Danes"},
      {"The French have proposed a new text, and the Danes and the Poles supported it.",
       "actor.state.PL", "Poles"},
      {"Britons and Filipinos living abroad were evacuated before the storm reached the coast.",
       "actor.state.GB", "Britons"},
      {"Les réfugiés syriens ont traversé la frontière pendant les mois d'hiver, selon le "
       "rapport publié lundi.",
       "actor.state.SY", "syriens"},
      {"La délégation française a demandé un vote sur le projet de résolution ce matin, "
       "selon le rapport.",
       "actor.state.FR", "française"},
      {"Los refugiados sirios cruzaron la frontera durante los meses de invierno, según el "
       "informe publicado el lunes.",
       "actor.state.SY", "sirios"},
      {"La guerra en Siria ha obligado a millones de personas a huir, y la población siria "
       "sufre todavía.",
       "actor.state.SY", "siria"},
      {"La guerra en Siria ha obligado a millones de personas a huir, y la población siria "
       "sufre todavía.",
       "actor.state.SY", "Siria"},
      {"Syrische Flüchtlinge haben in den Wintermonaten die Grenze überquert, wie der Bericht "
       "am Montag zeigte.",
       "actor.state.SY", "Syrische"},
      {"Viele Syrerinnen und Syrer haben in den Wintermonaten die Grenze überquert, wie der "
       "Bericht zeigte.",
       "actor.state.SY", "Syrerinnen"},
      {"Die kanadische Delegation hat am Montag einen neuen Vorschlag vorgelegt, wie der "
       "Bericht zeigte.",
       "actor.state.CA", "kanadische"},
  };
  for (const Case& c : cases) {
    const Tagged t = Tag(c.text);
    EXPECT_TRUE(HasMatch(t, c.id, c.matched)) << c.text << "\n" << Describe(t);
  }
}

// Near misses: a language, a place, a person, a currency.
TEST(StateAdjectivesTest, NearMisses) {
  const Case none[] = {
      {"The statement was delivered in French, and the interpreters worked through the night.",
       "actor.state.FR", ""},
      {"The French text of the declaration is equally authentic, as the secretariat noted.",
       "actor.state.FR", ""},
      {"The resolution is available in English and French on the website of the secretariat.",
       "actor.state.FR", ""},
      {"Teachers in Spanish-speaking countries met in the capital to discuss the new school year.",
       "actor.state.ES", ""},
      {"The report was translated into Russian and Chinese by the language services last year.",
       "actor.state.RU", ""},
      {"The report was translated into Russian and Chinese by the language services last year.",
       "actor.state.CN", ""},
      {"Small islands of the Indian Ocean face rising seas and stronger storms every year.",
       "actor.state.IN", ""},
      {"American Indians and Native Americans have long asked for the return of their lands.",
       "actor.state.IN", ""},
      {"Latin American countries met in Lima to discuss trade and the future of the region.",
       "actor.state.US", ""},
      {"The Organization of American States held its annual meeting in the capital this year.",
       "actor.state.US", ""},
      {"Michael Jordan visited the camp and spoke with the children about the game.",
       "actor.state.JO", ""},
      {"The conference was held in Atlanta, Georgia, and many experts attended it.",
       "actor.state.GE", ""},
      {"Farmers in Georgia and Alabama lost their crops when the hurricane came ashore.",
       "actor.state.GE", ""},
      {"The guinea pig is a small rodent that is kept as a pet in many homes today.",
       "actor.state.GN", ""},
      {"Guinea pigs are small rodents that are kept as pets in many homes today.",
       "actor.state.GN", ""},
      {"The government of Papua New Guinea adopted a new plan for the coastal provinces.",
       "actor.state.GN", ""},
      {"The government of Equatorial Guinea and the government of Guinea-Bissau met in June.",
       "actor.state.GN", ""},
      {"Turkish Cypriots and Greek Cypriots met in Nicosia for a new round of talks.",
       "actor.state.TR", ""},
      {"Turkish Cypriots and Greek Cypriots met in Nicosia for a new round of talks.",
       "actor.state.GR", ""},
      // Found wrong on UN General Debate speeches and news commentary.
      {"President Snegur (spoke in Moldovan; English text furnished by the delegation) began.",
       "actor.state.MD", ""},
      {"We will continue to work to have Portuguese recognized as an official language of the "
       "United Nations.",
       "actor.state.PT", ""},
      {"The cease-fire declared by the Irish Republican Army was welcomed by all the parties.",
       "actor.state.IE", ""},
      {"A new partnership should be based on a compromise between Turkish and Greek Cypriots.",
       "actor.state.TR", ""},
      {"Las tensiones entre los vecinos escalaron en el Mar de China Meridional durante todo el "
       "año pasado.",
       "actor.state.CN", ""},
      {"Examples in other languages follow. Japanese: 人間の安全保障を推進する。",
       "actor.state.JP", ""},
      {"The Palestinian Authority paid the salaries of its staff late again this month.",
       "actor.state.PS", ""},
      {"Des cours sont donnés en français et en anglais dans toutes les écoles de la région.",
       "actor.state.FR", ""},
      {"Los documentos están disponibles en español y en francés en el sitio web de la "
       "organización.",
       "actor.state.ES", ""},
      {"Der Bericht ist auf Deutsch und auf Französisch erschienen und wurde viel gelesen.",
       "actor.state.DE", ""},
  };
  for (const Case& c : none) {
    const Tagged t = Tag(c.text);
    EXPECT_FALSE(HasConcept(t, c.id)) << c.text << "\n" << Describe(t);
  }
  // "Arabic" names no state.
  const Tagged arabic =
      Tag("The text was translated into Arabic and printed in large numbers for the schools.");
  EXPECT_FALSE(HasConceptWithPrefix(arabic, "actor.state.")) << Describe(arabic);

  // Longer names win: "Guinea" inside them is not actor.state.GN.
  const Tagged png = Tag("The government of Papua New Guinea adopted a new plan for the coast.");
  EXPECT_TRUE(HasMatch(png, "actor.state.PG", "Papua New Guinea")) << Describe(png);
  const Tagged gw = Tag("The delegation of Guinea-Bissau spoke after the delegation of Guinea.");
  EXPECT_TRUE(HasMatch(gw, "actor.state.GW", "Guinea-Bissau")) << Describe(gw);
  EXPECT_TRUE(HasMatch(gw, "actor.state.GN", "Guinea")) << Describe(gw);

  // The state itself, around the near misses.
  const Tagged jordan = Tag("King Abdullah of Jordan spoke first, and the Jordanian delegation "
                            "thanked the host country.");
  EXPECT_TRUE(HasMatch(jordan, "actor.state.JO", "Jordan")) << Describe(jordan);
  EXPECT_TRUE(HasMatch(jordan, "actor.state.JO", "Jordanian delegation")) << Describe(jordan);
  const Tagged french = Tag("In French Polynesia and elsewhere, the French proposal was welcomed "
                            "by all the delegations present.");
  EXPECT_TRUE(HasMatch(french, "actor.state.FR", "French")) << Describe(french);
}

// Currency is not a state (codebook 10.6): the exclusion rules block it
// across plugins, so the US row needs no "US dollar" exclude phrases.
TEST(StateAdjectivesTest, CurrencyIsNotTheState) {
  const Tagged money = Tag("The fund received US$ 5 million last year, and a further 3 million "
                           "US dollars were pledged for the coming year.");
  EXPECT_FALSE(HasConcept(money, "actor.state.US")) << Describe(money);
  const Tagged cad = Tag("The project cost two million Canadian dollars and ten thousand Swiss "
                         "francs in the first year alone.");
  EXPECT_FALSE(HasConcept(cad, "actor.state.CA")) << Describe(cad);
  EXPECT_FALSE(HasConcept(cad, "actor.state.CH")) << Describe(cad);
  const Tagged both = Tag("The US delegation pledged US$ 5 million to the fund for the coming "
                          "year, and others followed.");
  size_t us = 0;
  for (const auto& m : both.matches) us += m.concept_id == "actor.state.US";
  EXPECT_EQ(us, 1u) << Describe(both);  // "US" of "the US delegation", not "US$"
  EXPECT_TRUE(HasMatch(both, "actor.state.US", "US")) << Describe(both);
}

}  // namespace
}  // namespace hstag::testing
