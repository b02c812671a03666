// SPDX-License-Identifier: GPL-3.0-or-later
//
// plugins/common/lexicon_match.h: the language and glob rules of cues.
#include "common/lexicon_match.h"

#include <gtest/gtest.h>

namespace hstag::common {
namespace {

TEST(LexiconMatchTest, LanguageOfTheTextAgainstTheCuesLanguages) {
  EXPECT_TRUE(LanguageMatches("fr", {}));         // a cue of every language
  EXPECT_TRUE(LanguageMatches("", {"fr"}));       // a text of unknown language
  EXPECT_TRUE(LanguageMatches("fr-CA", {"fr"}));  // the primary subtag counts
  EXPECT_TRUE(LanguageMatches("FR_ca", {"es", "fr"}));
  EXPECT_FALSE(LanguageMatches("en", {"fr"}));
  EXPECT_FALSE(LanguageMatches("fra", {"fr"}));
}

TEST(LexiconMatchTest, GlobsMatchAnyRunOfCharacters) {
  EXPECT_TRUE(GlobMatch("famine*", "famine"));
  EXPECT_TRUE(GlobMatch("famine*", "famines"));
  EXPECT_TRUE(GlobMatch("*curity", "security"));
  EXPECT_TRUE(GlobMatch("s*c*y", "security"));
  EXPECT_TRUE(GlobMatch("**", ""));
  EXPECT_FALSE(GlobMatch("famine*", "famin"));
  EXPECT_FALSE(GlobMatch("s*x", "security"));
  EXPECT_TRUE(GlobMatch("plain", "plain"));
  EXPECT_FALSE(GlobMatch("plain", "plains"));
}

}  // namespace
}  // namespace hstag::common
