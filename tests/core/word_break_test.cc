// SPDX-License-Identifier: GPL-3.0-or-later
//
// The analyzer's ASCII fast path of word segmentation against ICU's word
// break over the same text: the same segments with the same rule statuses,
// on every short string over a set of characters that stand for each class
// of the rules (and for what must go to ICU), on long random strings, and on
// real documents.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "hstag/analyzer.h"
#include "test_support.h"

namespace hstag {
namespace {

namespace fs = std::filesystem;

// One character of each class of UAX #29 word break that ASCII text meets,
// plus non-ASCII letters, an ideograph, a combining mark (Extend) and "_".
const std::vector<std::string> kAlphabet = {
    "a", "Z", "1", ".", "'", ",", ";", ":", "@", " ", "\n", "\r", "\t", "-", "_",
    "\xC3\xA9" /* é */, "\xE6\x97\xA5" /* 日 */, "\xCC\x81" /* U+0301 */};

class WordBreakTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = Analyzer::Create();
    ASSERT_TRUE(a.ok()) << a.error();
    analyzer_ = std::move(a).value().release();
  }
  static void TearDownTestSuite() { delete analyzer_; }

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
};
Analyzer* WordBreakTest::analyzer_ = nullptr;

TEST_F(WordBreakTest, FastPathFindsWordsAndNumbersAsIcuDoes) {
  auto w = analyzer_->Words("e.g. it's 1,000.5 G20 20G a:b u.s.a. x_y");
  ASSERT_TRUE(w.ok());
  std::vector<std::string> got;
  for (const auto& x : *w) got.push_back(std::string("e.g. it's 1,000.5 G20 20G a:b u.s.a. x_y").substr(x.start, x.end - x.start));
  EXPECT_EQ(got, (std::vector<std::string>{"e.g", "it's", "1,000.5", "G20", "20G", "a", "b", "u.s.a",
                                           "x_y"}));
  EXPECT_EQ((*w)[3].status, 100);  // "G20" ends in a digit: a number for ICU
  EXPECT_EQ((*w)[4].status, 200);
}

TEST_F(WordBreakTest, EveryStringOfUpToFourCharactersSegmentsAsWithIcu) {
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
TEST_F(WordBreakTest, EveryAsciiCharacterInContextSegmentsAsWithIcu) {
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

TEST_F(WordBreakTest, LongRandomStringsSegmentAsWithIcu) {
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
// eight languages among them) and a spread of its speeches.
TEST_F(WordBreakTest, RealDocumentsSegmentAsWithIcu) {
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
  ASSERT_GT(files.size(), 5u);
  for (const auto& f : files) {
    const Document doc = testing::DefaultPipeline().Extract(f.string(), f.string());
    if (!doc.errors.empty()) continue;
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
      ADD_FAILURE() << f << ": segment " << i << " differs, near \""
                    << (*a)->norm.substr(from, 80) << "\"";
    }
  }
}

}  // namespace
}  // namespace hstag
