// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hstag {
namespace {

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = Analyzer::Create();
    ASSERT_TRUE(a.ok()) << a.error();
    analyzer_ = std::move(a).value().release();
  }
  static void TearDownTestSuite() { delete analyzer_; }

  std::unique_ptr<AnalyzedText> Run(const std::string& text, const std::string& lang = "") {
    text_ = text;
    auto r = analyzer_->Analyze(text_, {}, lang);
    EXPECT_TRUE(r.ok()) << r.error();
    return std::move(r).value();
  }
  // The norm form of every token.
  static std::vector<std::string> Norms(const AnalyzedText& a) {
    std::vector<std::string> out;
    for (const auto& t : a.tokens) out.push_back(a.norm.substr(t.norm_start, t.norm_end - t.norm_start));
    return out;
  }
  // The source text of every token.
  std::vector<std::string> Sources(const AnalyzedText& a) const {
    std::vector<std::string> out;
    for (const auto& t : a.tokens) out.push_back(text_.substr(t.source_start, t.source_end - t.source_start));
    return out;
  }

  static Analyzer* analyzer_;
  std::string text_;
};
Analyzer* AnalyzerTest::analyzer_ = nullptr;

using V = std::vector<std::string>;

TEST_F(AnalyzerTest, CaseFoldsAndKeepsSurface) {
  auto a = Run("Human SECURITY");
  EXPECT_EQ(Norms(*a), (V{"human", "security"}));
  ASSERT_EQ(a->tokens.size(), 2u);
  EXPECT_EQ(a->surface.substr(a->tokens[1].surface_start, 8), "SECURITY");
}

TEST_F(AnalyzerTest, LigatureExpandsAndMapsBackToTheWholeLigature) {
  // "ﬁ" (U+FB01, 3 bytes) becomes "fi" (2 bytes) in the matching view.
  auto a = Run("the \xEF\xAC\x81rst de\xEF\xAC\x81nition");
  EXPECT_EQ(Norms(*a), (V{"the", "first", "definition"}));
  EXPECT_EQ(Sources(*a), (V{"the", "\xEF\xAC\x81rst", "de\xEF\xAC\x81nition"}));
  EXPECT_EQ(a->tokens[1].source_start, 4u);
  EXPECT_EQ(a->tokens[1].source_end, 10u);
}

TEST_F(AnalyzerTest, DehyphenatesWordsBrokenAcrossALine) {
  auto a = Run("hu-\nman security");
  EXPECT_EQ(Norms(*a), (V{"human", "security"}));
  EXPECT_EQ(Sources(*a), (V{"hu-\nman", "security"}));
}

TEST_F(AnalyzerTest, KeepsTheHyphenBeforeACapital) {
  auto a = Run("Asia-\nPacific region");
  EXPECT_EQ(Norms(*a), (V{"asia", "pacific", "region"}));
  EXPECT_EQ(a->surface, "Asia-Pacific region");
}

TEST_F(AnalyzerTest, DoesNotJoinAcrossABlankLine) {
  auto a = Run("end of para-\n\nnext");
  EXPECT_EQ(Norms(*a), (V{"end", "of", "para", "next"}));
}

TEST_F(AnalyzerTest, RemovesSoftHyphens) {
  auto a = Run("hu\xC2\xADman security");
  EXPECT_EQ(Norms(*a), (V{"human", "security"}));
  EXPECT_EQ(a->tokens[0].source_start, 0u);
  EXPECT_EQ(a->tokens[0].source_end, 7u);  // "hu", the soft hyphen, "man"
}

TEST_F(AnalyzerTest, NoBreakSpaceAndLineBreakSeparateWords) {
  auto a = Run("human\xC2\xA0security and human\nsecurity");
  EXPECT_EQ(Norms(*a), (V{"human", "security", "and", "human", "security"}));
  EXPECT_EQ(a->surface, "human security and human security");
}

TEST_F(AnalyzerTest, CollapsesRunsOfSpaceButKeepsParagraphs) {
  auto a = Run("a  \t b\r\n\r\n\r\nc");
  EXPECT_EQ(a->surface, "a b\n\nc");
}

TEST_F(AnalyzerTest, StraightensCurlyQuotes) {
  auto a = Run("\xE2\x80\x9Chuman security\xE2\x80\x9D in C\xC3\xB4te d\xE2\x80\x99Ivoire");
  EXPECT_EQ(a->surface, "\"human security\" in C\xC3\xB4te d'Ivoire");
  EXPECT_EQ(Norms(*a), (V{"human", "security", "in", "c\xC3\xB4te", "ivoire"}));
}

TEST_F(AnalyzerTest, SplitsPossessivesAndElisions) {
  auto a = Run("NATO's role, l'ONU, dell'ONU, the States' view");
  EXPECT_EQ(Norms(*a), (V{"nato", "role", "onu", "onu", "the", "states", "view"}));
  EXPECT_EQ(Sources(*a)[0], "NATO");
  EXPECT_EQ(Sources(*a)[2], "ONU");
}

TEST_F(AnalyzerTest, SentencesIgnoreLineBreaksAndAbbreviations) {
  auto a = Run("Mr. President, the idea of human\nsecurity matters.\nWe agree. It grew.");
  ASSERT_EQ(a->sentences.size(), 3u);
  EXPECT_EQ(text_.substr(a->sentences[0].start, a->sentences[0].end - a->sentences[0].start),
            "Mr. President, the idea of human\nsecurity matters.");
  EXPECT_EQ(text_.substr(a->sentences[1].start, a->sentences[1].end - a->sentences[1].start),
            "We agree.");
  // Every token knows its sentence.
  EXPECT_EQ(a->tokens.front().sentence, 0u);
  EXPECT_EQ(a->tokens.back().sentence, 2u);
}

TEST_F(AnalyzerTest, ParagraphsEndSentences) {
  auto a = Run("A heading without a full stop\n\nThe first sentence");
  EXPECT_EQ(a->sentences.size(), 2u);
}

TEST_F(AnalyzerTest, SegmentsJapaneseIntoWords) {
  // 人間の安全保障を推進する。
  auto a = Run("\xE4\xBA\xBA\xE9\x96\x93\xE3\x81\xAE\xE5\xAE\x89\xE5\x85\xA8\xE4\xBF\x9D\xE9\x9A\x9C"
               "\xE3\x82\x92\xE6\x8E\xA8\xE9\x80\xB2\xE3\x81\x99\xE3\x82\x8B\xE3\x80\x82",
               "ja");
  const V norms = Norms(*a);
  ASSERT_GE(norms.size(), 4u);
  EXPECT_EQ(norms[0], "\xE4\xBA\xBA\xE9\x96\x93");  // 人間
  EXPECT_EQ(norms[1], "\xE3\x81\xAE");              // の
  EXPECT_EQ(a->sentences.size(), 1u);
  EXPECT_TRUE(a->tokens[0].flags & HSTAG_TOKEN_IDEO);
}

TEST_F(AnalyzerTest, FlagsWordsInsideUrls) {
  auto a = Run("see https://example.org/human-security or human security");
  size_t in_url = 0, outside = 0;
  for (const auto& t : a->tokens) (t.flags & HSTAG_TOKEN_URL ? in_url : outside)++;
  EXPECT_GE(in_url, 3u);
  EXPECT_EQ(outside, 4u);  // see, or, human, security
}

TEST_F(AnalyzerTest, EveryOffsetMapsIntoTheSourceOnCharacterBoundaries) {
  const std::string text =
      "\xEF\xAC\x81 caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D hu-\n  man \xC2\xAD x\xE2\x80\x99s "
      "\xE2\x91\xA0 \xEF\xBC\xA1\xEF\xBC\xA2";  // ligature, é, quotes, ①, fullwidth AB
  auto a = Run(text);
  for (const auto& t : a->tokens) {
    ASSERT_LE(t.source_start, t.source_end);
    ASSERT_LE(t.source_end, text.size());
    for (uint32_t o : {t.source_start, t.source_end}) {
      if (o < text.size()) EXPECT_NE(static_cast<unsigned char>(text[o]) & 0xC0, 0x80) << o;
    }
  }
  EXPECT_EQ(Norms(*a).back(), "ab");  // NFKC of fullwidth, case-folded
}

TEST_F(AnalyzerTest, EmptyAndSpaceOnlyTexts) {
  EXPECT_TRUE(Run("")->tokens.empty());
  auto a = Run(" \n\n \t");
  EXPECT_TRUE(a->tokens.empty());
  EXPECT_TRUE(a->sentences.empty());
}

}  // namespace
}  // namespace hstag
