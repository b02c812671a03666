// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lexicons as plugins get them: the host's C data of the plugin ABI
// (lexicon/lexicon_views.h) read through the SDK's views (<hstag/plugin.h>).
#include "lexicon/lexicon_views.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hstag/plugin.h"
#include "lexicon/cue_words.h"
#include "lexicon/loader.h"
#include "text/analyzer.h"

namespace hstag {
namespace {

using sdk::ConceptView;
using sdk::CueView;
using sdk::LexiconView;
using sdk::Range;

const Analyzer& TheAnalyzer() {
  static const auto a = std::move(Analyzer::Create()).value();
  return *a;
}

// The lexicons of `files` (under the source tree), and their views.
struct Views {
  std::vector<Lexicon> lexicons;
  std::unique_ptr<const LexiconViews> views;
  Range<hstag_lexicon_v2> Lexicons() const {
    return {views->lexicons().data(), views->lexicons().size()};
  }
};
Views Load(const std::vector<std::string>& files) {
  Views v;
  for (const auto& f : files) {
    auto lex = LoadLexicon(std::string(HSTAG_SOURCE_DIR) + "/" + f, f);
    EXPECT_TRUE(lex.ok()) << lex.error();
    v.lexicons.push_back(std::move(lex).value());
  }
  auto views = LexiconViews::Build(v.lexicons, TheAnalyzer());
  EXPECT_TRUE(views.ok()) << views.error();
  v.views = std::move(views).value();
  return v;
}

ConceptView Find(const Range<hstag_lexicon_v2>& lexicons, std::string_view id) {
  for (const auto lex : lexicons) {
    for (const auto c : lex.concepts()) {
      if (c.id() == id) return c;
    }
  }
  ADD_FAILURE() << "no concept " << id;
  std::abort();
}

// "norm/surface/gap_before/glob" of each word.
std::vector<std::string> Words(const CueView& cue) {
  std::vector<std::string> out;
  for (const auto w : cue.words()) {
    out.push_back(std::string(w.norm()) + "/" + std::string(w.surface()) + "/" +
                  std::string(w.gap_before()) + (w.glob() ? "/glob" : ""));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(LexiconViewsTest, LexiconsAndConceptsAsParsed) {
  const Views v = Load({"tests/data/lexicons/semantics.yaml"});
  const auto lexicons = v.Lexicons();
  ASSERT_EQ(lexicons.size(), 1u);
  const LexiconView lex = lexicons.front();
  EXPECT_EQ(lex.name(), "semantics");
  EXPECT_EQ(lex.version(), "0.0.1");
  EXPECT_EQ(lex.format(), "hstag");
  EXPECT_EQ(lex.display(), "tests/data/lexicons/semantics.yaml");
  EXPECT_EQ(lex.sha256(), v.lexicons[0].sha256);
  ASSERT_EQ(lex.concepts().size(), 11u);
  std::vector<std::string> ids;
  for (const auto c : lex.concepts()) ids.emplace_back(c.id());
  EXPECT_EQ(ids.front(), "hs.concept");
  EXPECT_EQ(ids.back(), "actor.nato");
  const ConceptView c = lex.concepts()[0];
  EXPECT_EQ(c.section(), "concept");
  EXPECT_EQ(c.overlap_group(), "concept");
  EXPECT_EQ(c.label(), "hs.concept");  // none given: the ID
  EXPECT_EQ(c.line(), 6u);
  EXPECT_EQ(c.cues().size(), 2u);
  EXPECT_TRUE(c.excludes().empty());
  // The ranges are random-access ranges of views.
  EXPECT_EQ(lex.concepts().end() - lex.concepts().begin(), 11);
  EXPECT_EQ((*(lex.concepts().begin() + 10)).id(), "actor.nato");
}

TEST(LexiconViewsTest, CuesWithTheirOptions) {
  const Views v = Load({"tests/data/lexicons/semantics.yaml"});
  const auto lexicons = v.Lexicons();
  const CueView fr = Find(lexicons, "hs.concept").cues()[1];
  EXPECT_EQ(fr.term(), "sécurité humaine");
  EXPECT_EQ(fr.strength(), Strength::kExplicit);
  EXPECT_FALSE(fr.exact());
  ASSERT_EQ(fr.langs().size(), 1u);
  EXPECT_EQ(fr.langs()[0], "fr");
  EXPECT_EQ(fr.line(), 9u);

  const CueView approach = Find(lexicons, "hs.approach").cues().front();
  ASSERT_EQ(approach.also().size(), 1u);
  EXPECT_EQ(approach.also()[0], "hs.concept");

  const ConceptView personal = Find(lexicons, "dimension.personal");
  EXPECT_EQ(personal.cues()[0].strength(), Strength::kIndicator);
  ASSERT_EQ(personal.excludes().size(), 1u);
  EXPECT_EQ(personal.excludes()[0].term(), "terrorism financing act");

  EXPECT_TRUE(Find(lexicons, "actor.state.GN").cues()[0].exact());  // case: exact
  EXPECT_TRUE(Find(lexicons, "actor.un").cues()[0].exact());        // an acronym
  EXPECT_FALSE(Find(lexicons, "actor.un").cues()[1].exact());
  const CueView alliance = Find(lexicons, "actor.nato").cues()[1];
  EXPECT_EQ(alliance.required(), "actor.nato");
  EXPECT_TRUE(Find(lexicons, "actor.nato").cues()[0].required().empty());
}

TEST(LexiconViewsTest, EachCueHasItsWordsAsTheAnalyzerTokenizesThem) {
  const Views v = Load({"tests/data/lexicons/semantics.yaml"});
  const auto lexicons = v.Lexicons();
  EXPECT_EQ(Words(Find(lexicons, "hs.concept").cues()[0]),
            (V{"human/human/", "security/security/"}));
  EXPECT_EQ(Words(Find(lexicons, "hs.concept").cues()[1]),
            (V{"sécurité/sécurité/", "humaine/humaine/"}));
  EXPECT_EQ(Words(Find(lexicons, "dimension.personal").cues()[0]), (V{"terror*/terror*//glob"}));
  EXPECT_EQ(Words(Find(lexicons, "dimension.personal").excludes()[0]),
            (V{"terrorism/terrorism/", "financing/financing/", "act/act/"}));
  EXPECT_EQ(Words(Find(lexicons, "topic.women_peace_security").cues()[0]),
            (V{"women/women/", "peace/peace/,", "and/and/", "security/security/"}));
  EXPECT_EQ(Words(Find(lexicons, "actor.state.GN").cues()[0]), (V{"guinea/Guinea/"}));
}

// The host analyzes all the terms in one call; every cue of the shipped
// lexicons has the words the analyzer gives its term alone.
TEST(LexiconViewsTest, OneCallGivesTheWordsOfEachTermAlone) {
  const Views v = Load({"lexicons/hs.yaml", "lexicons/actors.yaml", "lexicons/states.yaml"});
  size_t cues = 0;
  for (const auto lex : v.Lexicons()) {
    for (const auto c : lex.concepts()) {
      for (const auto& list : {c.cues(), c.excludes()}) {
        for (const auto cue : list) {
          ++cues;
          auto alone = TheAnalyzer().Analyze(cue.term(), {}, "");
          ASSERT_TRUE(alone.ok());
          std::vector<std::string> expected;
          for (const CueWord& w : CueWords((*alone)->View())) {
            expected.push_back(w.norm + "/" + w.surface + "/" + w.gap_before +
                               (w.glob ? "/glob" : ""));
          }
          EXPECT_EQ(Words(cue), expected) << lex.display() << ":" << cue.line();
        }
      }
    }
  }
  EXPECT_GT(cues, 2000u);
}

TEST(LexiconViewsTest, ATermThatIsNotUtf8IsAnErrorNamingItsLine) {
  Lexicon lex;
  lex.display = "mine.dic";
  Concept c;
  c.id = "user.mine.x";
  Cue cue;
  cue.term = "caf\xE9";  // Latin-1
  cue.line = 7;
  c.cues.push_back(cue);
  lex.concepts.push_back(c);
  auto views = LexiconViews::Build({lex}, TheAnalyzer());
  ASSERT_FALSE(views.ok());
  EXPECT_EQ(views.error(),
            "mine.dic:7: cue `caf\xEF\xBF\xBD` is not valid UTF-8; save the file as UTF-8");
}

}  // namespace
}  // namespace hstag
