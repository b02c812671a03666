// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/analyzer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace hstag {
namespace {

namespace fs = std::filesystem;

// One character of each class of UAX #29 word break that ASCII text meets,
// plus non-ASCII letters, an ideograph, a combining mark (Extend) and "_".
const std::vector<std::string> kAlphabet = {"a",
                                            "Z",
                                            "1",
                                            ".",
                                            "'",
                                            ",",
                                            ";",
                                            ":",
                                            "@",
                                            " ",
                                            "\n",
                                            "\r",
                                            "\t",
                                            "-",
                                            "_",
                                            "\xC3\xA9" /* é */,
                                            "\xE6\x97\xA5" /* 日 */,
                                            "\xCC\x81" /* U+0301 */};

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
    for (const auto& t : a.tokens)
      out.push_back(a.norm.substr(t.norm_start, t.norm_end - t.norm_start));
    return out;
  }
  // The source text of every token.
  std::vector<std::string> Sources(const AnalyzedText& a) const {
    std::vector<std::string> out;
    for (const auto& t : a.tokens)
      out.push_back(text_.substr(t.source_start, t.source_end - t.source_start));
    return out;
  }

  // Empty when both agree, else a description of the first difference.
  static std::string Diff(const std::string& s) {
    auto fast = analyzer_->Words(s, true);
    auto icu = analyzer_->Words(s, false);
    if (!fast.ok() || !icu.ok()) return "error on \"" + s + "\"";
    if (*fast == *icu) return "";
    auto show = [&](const std::vector<Analyzer::WordSegment>& v) {
      std::string out;
      for (const auto& w : v) {
        out += "[" + s.substr(w.start, w.end - w.start) + "]" + std::to_string(w.status) + " ";
      }
      return out;
    };
    return "\"" + s + "\": fast " + show(*fast) + "| ICU " + show(*icu);
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

// Every edit of the surface view, and bytes copied as they are, at each
// offset of a long run of plain text (the run is scanned 16 bytes at a
// time, so at each place in a block, and at its edges).
TEST_F(AnalyzerTest, EditsAtEveryOffsetOfALongRun) {
  const std::string tail(40, 'b');
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"  ", " "},               // two spaces
      {" \n", " "},              // a space and a line break
      {"\n\n", "\n\n"},          // a paragraph break
      {"hu-\nman", "human"},     // a hyphen at a line break
      {"x-y", "x-y"},            // a hyphen kept
      {"\xE2\x80\x99", "'"},     // a curly apostrophe
      {"\xC3\xA9", "\xC3\xA9"},  // é
      {"\x01", "\x01"},          // a control character: plain, copied
      {"~\x7F", "~\x7F"},        // DEL: plain, copied
      {" ", " "}};               // a single space
  for (const auto& [edit, want] : edits) {
    for (size_t k = 1; k <= 48; ++k) {
      SCOPED_TRACE(::testing::Message()
                   << "edit " << ::testing::PrintToString(edit) << " after " << k << " bytes");
      const std::string head(k, 'a');
      auto a = Run(head + edit + tail);
      ASSERT_TRUE(a);
      EXPECT_EQ(a->surface, head + want + tail);
    }
  }
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
  auto a =
      Run("\xE4\xBA\xBA\xE9\x96\x93\xE3\x81\xAE\xE5\xAE\x89\xE5\x85\xA8\xE4\xBF\x9D\xE9\x9A\x9C"
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

// Each form of URL at the start, in the middle and at the end of the text,
// and what only looks like one: the words flagged, in order.
TEST_F(AnalyzerTest, FlagsEveryFormOfUrlAndNothingElse) {
  auto a =
      Run("mailto:a@b.org one https://h.example/p two ftp://f.example three www.w.example four "
          "xhttp://e.example/a?b=c, note: five http:/six httpx://seven www eight nine.www.org/ten "
          "<http://in.example>eleven \"www.q.example\" twelve http://end");
  std::vector<std::string> in_url, outside;
  for (const auto& t : a->tokens) {
    (t.flags & HSTAG_TOKEN_URL ? in_url : outside)
        .emplace_back(a->text.substr(t.source_start, t.source_end - t.source_start));
  }
  // A word that starts before the URL ("xhttp", "nine.www.org") is not in it.
  EXPECT_EQ(outside, (V{"one", "two", "three", "four", "xhttp", "note", "five", "http", "six",
                        "httpx", "seven", "www", "eight", "nine.www.org", "eleven", "twelve"}));
  EXPECT_EQ(in_url, (V{"mailto", "a@b.org", "https", "h.example", "p", "ftp", "f.example",
                       "www.w.example", "e.example", "a", "b", "c", "ten", "http", "in.example",
                       "www.q.example", "http", "end"}));
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

// The ASCII fast path of word segmentation against ICU's word break over the
// same text: the same segments with the same rule statuses, on every short
// string over a set of characters that stand for each class of the rules
// (and for what must go to ICU), on long random strings, and on real
// documents.

TEST_F(AnalyzerTest, WordBreakFastPathFindsWordsAndNumbersAsIcuDoes) {
  auto w = analyzer_->Words("e.g. it's 1,000.5 G20 20G a:b u.s.a. x_y");
  ASSERT_TRUE(w.ok());
  std::vector<std::string> got;
  for (const auto& x : *w)
    got.push_back(
        std::string("e.g. it's 1,000.5 G20 20G a:b u.s.a. x_y").substr(x.start, x.end - x.start));
  EXPECT_EQ(got, (std::vector<std::string>{"e.g", "it's", "1,000.5", "G20", "20G", "a", "b",
                                           "u.s.a", "x_y"}));
  EXPECT_EQ((*w)[3].status, 100);  // "G20" ends in a digit: a number for ICU
  EXPECT_EQ((*w)[4].status, 200);
}

TEST_F(AnalyzerTest, WordBreakEveryStringOfUpToFourCharactersSegmentsAsWithIcu) {
  std::vector<size_t> idx;
  size_t checked = 0, failures = 0;
  for (size_t len = 1; len <= 4; ++len) {
    idx.assign(len, 0);
    while (true) {
      std::string s;
      for (size_t i : idx) s += kAlphabet[i];
      if (std::string d = Diff(s); !d.empty() && ++failures <= 10) ADD_FAILURE() << d;
      ++checked;
      size_t k = 0;
      while (k < len && ++idx[k] == kAlphabet.size()) idx[k++] = 0;
      if (k == len) break;
    }
  }
  EXPECT_EQ(failures, 0u) << "of " << checked;
  EXPECT_GT(checked, 80000u);
}

// Every ASCII character between, before and after letters, digits, middle
// punctuation and spaces.
TEST_F(AnalyzerTest, WordBreakEveryAsciiCharacterInContextSegmentsAsWithIcu) {
  const std::vector<std::string> reps = {"a", "1", ".", "'", ",", " ", "@"};
  size_t failures = 0;
  for (int c = 0; c < 128; ++c) {
    const std::string ch(1, static_cast<char>(c));
    for (const auto& x : reps) {
      for (const auto& y : reps) {
        for (const std::string& s : {x + ch + y, ch + x + y, x + y + ch, ch + ch + x}) {
          if (std::string d = Diff(s); !d.empty() && ++failures <= 10) ADD_FAILURE() << d;
        }
      }
    }
  }
  EXPECT_EQ(failures, 0u);
}

// Runs of letters and digits are skipped 16 bytes at a time: runs of 1 to
// 40 characters, starting at each offset of a block, ended by each kind of
// character (or by the end of the text), joined or not by middle punctuation.
TEST_F(AnalyzerTest, WordBreakLongRunsSegmentAsWithIcu) {
  const std::vector<std::string> ends = {" ", ".", "'",        ",",  ";", ":",
                                         "-", "_", "\xC3\xA9", "\n", ""};
  const std::vector<std::string> after = {"", "a", "1", "Ab", "12"};
  size_t failures = 0, checked = 0;
  for (size_t pad = 0; pad < 16; ++pad) {
    for (size_t len = 1; len <= 40; ++len) {
      std::string run;
      for (size_t k = 0; k < len; ++k) run += "abc1DEF@2xyz"[(k * 7 + pad) % 12];
      for (const auto& e : ends) {
        for (const auto& x : after) {
          for (const std::string& s :
               {std::string(pad, ' ') + run + e + x + " z", std::string(pad, ' ') + run + e + x}) {
            if (std::string d = Diff(s); !d.empty() && ++failures <= 10) ADD_FAILURE() << d;
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(failures, 0u) << "of " << checked;
}

TEST_F(AnalyzerTest, WordBreakLongRandomStringsSegmentAsWithIcu) {
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1), length(5, 40);
  size_t failures = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t i = length(rng); i > 0; --i) {
      // Mostly letters and spaces, as in text, with every class present.
      const size_t c = pick(rng);
      s += (c < 4 && rng() % 2) ? std::string("ab ") : kAlphabet[c];
    }
    if (std::string d = Diff(s); !d.empty() && ++failures <= 10) ADD_FAILURE() << d;
  }
  EXPECT_EQ(failures, 0u);
}

// Every sample document and, when the corpus is there, its XML (the UDHR in
// eight languages among them) and a spread of its speeches, extracted (those
// that extract without errors).
std::vector<std::pair<fs::path, Document>> RealDocuments() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(testing::SourceDir() + "/samples")) {
    if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path());
  }
  if (const std::string corpus = testing::CorpusDir(); !corpus.empty()) {
    for (const auto& e : fs::directory_iterator(corpus + "/xml")) {
      if (e.path().extension() == ".xml") files.push_back(e.path());
    }
    size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(corpus + "/txt/ungdc")) {
      if (e.is_regular_file() && e.path().extension() == ".txt" && n++ % 20 == 0) {
        files.push_back(e.path());
      }
    }
  }
  std::vector<std::pair<fs::path, Document>> docs;
  for (const auto& f : files) {
    Document doc = testing::DefaultPipeline().Extract(f.string(), f.string());
    if (doc.errors.empty()) docs.emplace_back(f, std::move(doc));
  }
  return docs;
}

TEST_F(AnalyzerTest, WordBreakRealDocumentsSegmentAsWithIcu) {
  const auto docs = RealDocuments();
  ASSERT_GT(docs.size(), 5u);
  for (const auto& [f, doc] : docs) {
    auto a = analyzer_->Analyze(doc.text, doc.segments, doc.language);
    ASSERT_TRUE(a.ok()) << f;
    auto fast = analyzer_->Words((*a)->norm, true);
    auto icu = analyzer_->Words((*a)->norm, false);
    ASSERT_TRUE(fast.ok() && icu.ok()) << f;
    size_t i = 0;
    while (i < fast->size() && i < icu->size() && (*fast)[i] == (*icu)[i]) ++i;
    if (i < fast->size() || i < icu->size()) {
      const auto& w = i < icu->size() ? (*icu)[i] : (*fast)[i];
      const size_t from = w.start > 40 ? w.start - 40 : 0;
      ADD_FAILURE() << f << ": segment " << i << " differs, near \"" << (*a)->norm.substr(from, 80)
                    << "\"";
    }
  }
}

// The ASCII fast path of normalization against ICU over the whole string:
// the same NFKC and NFKC_Casefold, and every offset mapped back to the same
// place, on what combines with or follows ASCII, on random strings and on
// real documents.
std::string NormalizeDiff(const Analyzer& analyzer, const std::string& s) {
  for (bool casefold : {false, true}) {
    std::string fast, icu;
    OffsetMap fast_map, icu_map;
    if (!analyzer.Normalize(s, casefold, &fast, &fast_map, true).ok() ||
        !analyzer.Normalize(s, casefold, &icu, &icu_map, false).ok()) {
      return "normalization failed";
    }
    if (fast != icu)
      return "casefold " + std::to_string(casefold) + ": \"" + fast + "\" vs ICU \"" + icu + "\"";
    for (uint32_t o = 0; o <= fast.size(); ++o) {
      for (bool is_end : {false, true}) {
        if (fast_map.ToSource(o, is_end) != icu_map.ToSource(o, is_end)) {
          return "casefold " + std::to_string(casefold) + ": offset " + std::to_string(o) +
                 " maps to " + std::to_string(fast_map.ToSource(o, is_end)) + ", ICU " +
                 std::to_string(icu_map.ToSource(o, is_end));
        }
      }
    }
  }
  return "";
}

// ASCII pieces and what normalization changes next to them: combining marks,
// a ligature, fullwidth forms, Hangul jamo, a soft hyphen (removed by case
// folding), expansions in case folding, compatibility forms.
const std::vector<std::string> kNormAlphabet = {"a",
                                                "Z",
                                                "K",
                                                "1",
                                                " ",
                                                ".",
                                                "\n",
                                                "\xCC\x81" /* U+0301 */,
                                                "\xCC\x8A" /* U+030A */,
                                                "\xEF\xAC\x81" /* ﬁ */,
                                                "\xEF\xBC\xA1" /* Ａ */,
                                                "\xE1\x84\x80" /* U+1100 */,
                                                "\xE1\x85\xA1" /* U+1161 */,
                                                "\xE1\x86\xA8" /* U+11A8 */,
                                                "\xC2\xAD" /* soft hyphen */,
                                                "\xC3\x9F" /* ß */,
                                                "\xC4\xB0" /* İ */,
                                                "\xC2\xBD" /* ½ */,
                                                "\xE2\x80\xA6" /* … */,
                                                "\xE2\x84\xAA" /* Kelvin */,
                                                "\xC3\xA9" /* é */,
                                                "\xE6\x97\xA5" /* 日 */};

TEST_F(AnalyzerTest, NormalizeFastPathAsIcuOnEveryPairAndTriple) {
  size_t failures = 0, checked = 0;
  for (const auto& x : kNormAlphabet) {
    for (const auto& y : kNormAlphabet) {
      for (const auto& z : kNormAlphabet) {
        for (const std::string& s : {x + y, x + y + z, "Ab" + x + y + z + "Cd"}) {
          ++checked;
          if (std::string d = NormalizeDiff(*analyzer_, s); !d.empty() && ++failures <= 10) {
            ADD_FAILURE() << "\"" << s << "\": " << d;
          }
        }
      }
    }
  }
  EXPECT_EQ(failures, 0u) << "of " << checked;
}

TEST_F(AnalyzerTest, NormalizeFastPathAsIcuOnRandomStrings) {
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<size_t> pick(0, kNormAlphabet.size() - 1), length(1, 30);
  size_t failures = 0;
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (size_t i = length(rng); i > 0; --i) s += kNormAlphabet[pick(rng)];
    if (std::string d = NormalizeDiff(*analyzer_, s); !d.empty() && ++failures <= 10) {
      ADD_FAILURE() << "\"" << s << "\": " << d;
    }
  }
  EXPECT_EQ(failures, 0u);
}

TEST_F(AnalyzerTest, NormalizeFastPathAsIcuOnRealDocuments) {
  const auto docs = RealDocuments();
  ASSERT_GT(docs.size(), 5u);
  for (const auto& [f, doc] : docs) {
    EXPECT_EQ(NormalizeDiff(*analyzer_, doc.text), "") << f;
  }
}

// Sentences: the fast path (UTF-16, runs of plain words shortened to their
// ends) against ICU given every character. Tokens chosen for the rules that
// look at a word's characters: terminators and what may follow them
// (closing punctuation, white space, digits, lower and upper case), words
// that start with digits, and abbreviations of ICU's English, German,
// French and Spanish lists, some with spaces inside.
const std::vector<std::string> kSentenceTokens = {" ",
                                                  " ",
                                                  "  ",
                                                  "\n",
                                                  "\n\n",
                                                  "\t",
                                                  ".",
                                                  ".",
                                                  "!",
                                                  "?",
                                                  ",",
                                                  ";",
                                                  ":",
                                                  "-",
                                                  "\"",
                                                  "'",
                                                  "(",
                                                  ")",
                                                  "[",
                                                  "]",
                                                  "...",
                                                  "\u2019",
                                                  "\u201D",
                                                  "\u3002",
                                                  "\u00A0",
                                                  "a",
                                                  "b",
                                                  "Z",
                                                  "5",
                                                  "12",
                                                  "the",
                                                  "word",
                                                  "Word",
                                                  "WORD",
                                                  "3Com",
                                                  "5apples",
                                                  "x2",
                                                  "e2e",
                                                  "Mr",
                                                  "Mr.",
                                                  "Dr.",
                                                  "U.S.",
                                                  "e.g.",
                                                  "i.e.",
                                                  "etc.",
                                                  "Ph.D.",
                                                  "n. Chr.",
                                                  "v. Chr.",
                                                  "Nr.",
                                                  "z. B.",
                                                  "av. J.-C.",
                                                  "p. ex.",
                                                  "a. C.",
                                                  "No.",
                                                  "no.",
                                                  "Jan.",
                                                  "St.",
                                                  "Inc.",
                                                  "vs.",
                                                  "\u00E9t\u00E9",
                                                  "\u4E2D\u6587",
                                                  "\u0414\u043E",
                                                  "caf\u00E9",
                                                  "\U0001F600"};

std::string SentenceDiff(const Analyzer& analyzer, std::string_view s, std::string_view lang) {
  auto fast = analyzer.Sentences(s, lang, true);
  auto icu = analyzer.Sentences(s, lang, false);
  if (!fast.ok() || !icu.ok()) return "error";
  if (*fast == *icu) return "";
  size_t i = 0;
  while (i < fast->size() && i < icu->size() && (*fast)[i] == (*icu)[i]) ++i;
  auto show = [&](const auto& v) {
    return i < v.size() ? std::to_string(v[i].first) + "-" + std::to_string(v[i].second) : "none";
  };
  return "sentence " + std::to_string(i) + ": fast " + show(*fast) + ", ICU " + show(*icu);
}

TEST_F(AnalyzerTest, SentencesFastPathAsIcuOnRandomStrings) {
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<size_t> pick(0, kSentenceTokens.size() - 1), length(1, 40);
  size_t failures = 0;
  for (const char* lang : {"en", "de", "fr", "es"}) {
    for (int n = 0; n < 4000; ++n) {
      std::string s;
      for (size_t i = length(rng); i > 0; --i) {
        s += kSentenceTokens[pick(rng)];
        if (pick(rng) % 2) s += ' ';
      }
      if (std::string d = SentenceDiff(*analyzer_, s, lang); !d.empty() && ++failures <= 10) {
        ADD_FAILURE() << lang << " \"" << s << "\": " << d;
      }
    }
  }
  EXPECT_EQ(failures, 0u);
}

TEST_F(AnalyzerTest, SentencesFastPathKeepsWhatTheRulesLookAt) {
  // After a full stop and a space, ICU looks past digits to the first letter:
  // an upper-case one starts a sentence, a lower-case one does not.
  for (const std::string s :
       {"It cost 5. 3Com paid more.", "It cost 5. 3com paid more.", "See the U.S. Army today.",
        "Mr. Smith went to Washington. He did not stay long.", "He said (so. and so) twice.",
        "Wer? v. Chr. geboren und so weiter. Dann nicht.", "A sentence. another one. Final One!"}) {
    EXPECT_EQ(SentenceDiff(*analyzer_, s, "en"), "") << s;
    EXPECT_EQ(SentenceDiff(*analyzer_, s, "de"), "") << s;
  }
  auto sentences = analyzer_->Sentences("It cost 5. 3Com paid more. Mr. Smith agreed.", "en");
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 3u);
  EXPECT_EQ((*sentences)[0], std::make_pair(0u, 10u));   // "It cost 5."
  EXPECT_EQ((*sentences)[1], std::make_pair(11u, 26u));  // "3Com paid more."
  EXPECT_EQ((*sentences)[2], std::make_pair(27u, 44u));  // "Mr. Smith agreed."
}

// The fast path skips runs of plain words 16 bytes at a time: what ends a
// run (a full stop, a double space, a hyphen, a digit after a stop, a
// non-ASCII letter, a line break), after 1 to 40 bytes of one, and what
// follows it, give the sentences ICU gives on the whole text.
TEST_F(AnalyzerTest, SentencesFastPathAtEveryOffsetOfARun) {
  const std::vector<std::string> stops = {
      ". The",  ".  the",    " - so",      ". 3Com",   ". 3com", " \xC3\xA9t\xC3\xA9. Un",
      "\nNext", "? no. Yes", " U.S. Army", " 1999. In"};
  for (const auto& stop : stops) {
    for (size_t k = 1; k <= 40; ++k) {
      std::string run;
      for (size_t i = 0; i < k; ++i) run += i % 5 == 4 && i + 1 < k ? ' ' : "Ab9cd"[i % 5];
      const std::string text = run + stop + " second sentence of words here. End of it " + run;
      EXPECT_EQ(SentenceDiff(*analyzer_, text, "en"), "") << text;
    }
  }
}

TEST_F(AnalyzerTest, SentencesRealDocumentsAsWithIcu) {
  const auto docs = RealDocuments();
  ASSERT_GT(docs.size(), 5u);
  for (const auto& [f, doc] : docs) {
    auto a = analyzer_->Analyze(doc.text, doc.segments, doc.language);
    ASSERT_TRUE(a.ok()) << f;
    EXPECT_EQ(SentenceDiff(*analyzer_, (*a)->surface, doc.language), "") << f;
  }
}

}  // namespace
}  // namespace hstag
