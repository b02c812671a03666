// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/language.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace hstag {
namespace {

TEST(LanguageTest, LatinScriptLanguagesByTheirFunctionWords) {
  EXPECT_EQ(GuessLanguage("The concept of human security is the protection of people from the "
                          "threats that are faced by them, and it is not new; it was set out by "
                          "the report with the support of this Assembly."),
            "en");
  EXPECT_EQ(GuessLanguage("La sécurité humaine est une approche qui place les personnes au centre "
                          "des politiques et des stratégies pour que les États protègent leurs "
                          "populations dans les situations de crise; elle est au cœur du débat."),
            "fr");
  EXPECT_EQ(GuessLanguage("La seguridad humana es un enfoque que sitúa a las personas en el centro "
                          "de las políticas y los programas del Estado para que los gobiernos "
                          "protejan a su población con más eficacia y por el bien de todos."),
            "es");
  EXPECT_EQ(GuessLanguage("Die menschliche Sicherheit ist ein Ansatz, der den Menschen in den "
                          "Mittelpunkt der Politik stellt, und sie ist nicht mit der nationalen "
                          "Sicherheit zu verwechseln, die sich auf den Staat bezieht."),
            "de");
}

TEST(LanguageTest, ScriptsDecideForNonLatinTexts) {
  EXPECT_EQ(GuessLanguage("人間の安全保障は、一人ひとりに焦点を当て、その保護と能力強化を通じて、"
                          "恐怖と欠乏からの自由を実現する考え方である。"),
            "ja");
  EXPECT_EQ(GuessLanguage("人类安全是以人为中心的安全观念，强调保护个人免受贫困、疾病和暴力的威胁，"
                          "并增强人们的能力。"),
            "zh");
  EXPECT_EQ(GuessLanguage("الأمن البشري هو نهج يركز على الإنسان ويهدف إلى حماية الأفراد من الخوف "
                          "والعوز"),
            "ar");
  EXPECT_EQ(GuessLanguage("Безопасность человека — это подход, в центре которого находится "
                          "человек и его свобода от страха и нужды."),
            "ru");
}

TEST(LanguageTest, UnsureIsEmpty) {
  EXPECT_EQ(GuessLanguage(""), "");
  EXPECT_EQ(GuessLanguage("NATO UNDP UNHCR 1994 2012"), "");
  EXPECT_EQ(GuessLanguage("human security"), "");  // too little to say
}

// The counts behind a guess are exact wherever the words fall: each text
// sits on the edge of a decision, one vote or one letter away from another
// answer, and is tried behind 0 to 40 spaces, so that its words start at
// every offset of a 16-byte block and cross block edges.
TEST(LanguageTest, EdgesHoldAtEveryOffset) {
  auto repeat = [](std::string_view w, int times) {
    std::string out;
    for (int k = 0; k < times; ++k) out.append(w).append(" ");
    return out;
  };
  const std::string cyrillic24 = repeat("наша", 6);  // 24 Cyrillic letters
  const std::vector<std::pair<std::string, std::string>> cases = {
      {repeat("the", 8) + repeat("les", 4), "en"},          // 8 >= 2 * 4
      {repeat("the", 8) + repeat("les", 5), ""},            // 8 < 2 * 5
      {repeat("the", 7) + "them theme bathe thereof", ""},  // "the" inside words is no vote
      {repeat("the", 7) + "thethe thethethe", ""},
      {repeat("the", 7) + "THE", "en"},  // case folded
      {repeat("the", 7) + "The.", "en"},
      {repeat("to", 8) + "xyz", ""},                 // 19 letters: too few to say
      {repeat("to", 8) + "xyzw", "en"},              // 20 letters
      {repeat("für", 8) + repeat("Mann", 2), "de"},  // ASCII and non-ASCII in one word
      {repeat("für", 7) + "fürx xfür", ""},
      {repeat("più", 8) + "casa", "it"},  // a word ending in a non-ASCII letter
      {repeat("não", 8) + "casa", "pt"},
      {repeat("the", 8) + cyrillic24, "en"},                // Latin share exactly 0.5
      {repeat("the", 8) + cyrillic24 + "н", "ru"},          // Cyrillic share above 0.5
      {repeat("the", 8) + cyrillic24 + "1 2 3 - .", "en"},  // digits and punctuation are no letters
  };
  for (const auto& [body, expected] : cases) {
    for (int pad = 0; pad <= 40; ++pad) {
      EXPECT_EQ(GuessLanguage(std::string(static_cast<size_t>(pad), ' ') + body), expected)
          << "after " << pad << " spaces: " << body;
    }
  }
}

// Every function word votes for its language, and a word listed for two
// languages ("que", "para", "is", "con", "das") for neither.
TEST(LanguageTest, EachFunctionWordVotes) {
  const std::vector<std::pair<std::string, std::string>> lists = {
      {"en", "the of and to that for with this are be was have it which by from not"},
      {"fr", "le les des du et est une dans pour qui sur pas au aux nous ces"},
      {"es", "el los las del y es una por se su al como más"},
      {"de", "der die und ist nicht mit den von zu ein eine auf für dem sich"},
      {"it", "il della di che per non sono gli delle nel alla anche più"},
      {"pt", "o os da do dos não com uma em ao pelo pela"},
      {"nl", "het een van en dat op te voor niet met zijn ook door"},
      {"", "que para is con das"},
  };
  for (const auto& [lang, list] : lists) {
    std::istringstream words(list);
    for (std::string w; words >> w;) {
      std::string text;
      for (int k = 0; k < 8; ++k) text += w + " xyzzy ";
      EXPECT_EQ(GuessLanguage(text), lang) << w;
    }
  }
}

// The guess reads the first 16 KiB, and never half a character: the last
// character of a shorter text counts, one that the limit cuts does not.
TEST(LanguageTest, ReadsTheFirst16KiBInWholeCharacters) {
  std::string body;
  for (int k = 0; k < 8; ++k) body += "the ";
  for (int k = 0; k < 6; ++k) body += "наша ";  // 24 Latin and 24 Cyrillic letters: "en"
  EXPECT_EQ(GuessLanguage(body), "en");
  EXPECT_EQ(GuessLanguage(body + "н"), "ru");  // the 25th Cyrillic letter ends the text
  const size_t limit = 16 * 1024;
  auto ending_at = [&](size_t end) {  // "н" (2 bytes) ends at byte `end`
    return std::string(end - 2 - body.size(), ' ') + body + "н" + std::string(100, 'x');
  };
  EXPECT_EQ(GuessLanguage(ending_at(limit)), "ru");
  EXPECT_EQ(GuessLanguage(ending_at(limit + 1)), "en");  // cut in two: not read
  EXPECT_EQ(GuessLanguage(ending_at(limit + 2)), "en");
}

// A cue of one language does not fire in a document of another; a cue in
// a script of its own fires in any document.
TEST(LanguageTest, LanguageOfTheDocumentGatesCues) {
  const Pipeline& p = testing::DefaultPipeline();
  auto has = [&](const std::string& text, const std::string& id) {
    for (const auto& a : p.RunBytes(text, "t.txt").annotations) {
      if (a.concept_id == id) return true;
    }
    return false;
  };
  const std::string english =
      "Solomon Islands supports the Alliance of Small Island States, which has submitted a "
      "protocol to the parties of the Convention on Climate Change, and it is the view of this "
      "delegation that the protocol was not given the attention that it deserves by all of them.";
  EXPECT_FALSE(has(english, "actor.state.IS"));  // German "Island" (Iceland)
  EXPECT_TRUE(has(english + " 人間の安全保障", "hs.concept"));
  const std::string german =
      "Die Regierung hat mit Island und mit der Europäischen Union ein Abkommen geschlossen, "
      "das die menschliche Sicherheit in den Mittelpunkt stellt und sich auf die Zusammenarbeit "
      "der Staaten bezieht.";
  EXPECT_TRUE(has(german, "actor.state.IS"));
  EXPECT_TRUE(has(german, "hs.concept"));
}

}  // namespace
}  // namespace hstag
