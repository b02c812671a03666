// SPDX-License-Identifier: GPL-3.0-or-later
//
// Each segment's language (core/src/pipeline/run.cc): declared, else
// detected in a segment long enough to tell, else the document's. A cue
// restricted to a language applies in the segments of that language (or of
// none known); stats.languages counts words and segments per language.
#include <gtest/gtest.h>

#include <string>

#include "hstag/pipeline.h"
#include "test_support.h"

namespace hstag {
namespace {

const std::string kEnglish =
    "The government presented its report to the assembly, and the members of the committee "
    "discussed it with the ministers for most of the afternoon, as they do every year at this "
    "time, before they voted on the budget that was proposed for the next year.";
const std::string kFrench =
    "La sécurité humaine est une priorité pour le gouvernement, qui a présenté son rapport à "
    "l'assemblée, et les membres de la commission en ont discuté avec les ministres pendant "
    "tout l'après-midi, comme ils le font chaque année à cette époque.";

size_t Count(const AnalysisResult& r, const std::string& concept_id) {
  size_t n = 0;
  for (const auto& a : r.annotations) n += a.concept_id == concept_id;
  return n;
}

TEST(SegmentLanguage, ALongSegmentInAnotherLanguageIsTaggedInIt) {
  const std::string html = "<!DOCTYPE html><html><head><title>t</title></head><body><p>" +
                           kEnglish + "</p><p>" + kEnglish + "</p><p>" + kFrench +
                           "</p></body></html>";
  const AnalysisResult r = testing::DefaultPipeline().RunBytes(html, "mixed.html");
  ASSERT_TRUE(r.doc.errors.empty());
  EXPECT_EQ(r.doc.language, "en");
  // The French paragraph's "sécurité humaine", a French cue.
  EXPECT_EQ(Count(r, "hs.concept"), 1u);
  ASSERT_EQ(r.stats.languages.count("fr"), 1u);
  EXPECT_EQ(r.stats.languages.at("fr").segments, 1u);
  EXPECT_EQ(r.stats.languages.at("en").segments, r.stats.segments - 1);
  EXPECT_EQ(r.stats.languages.at("fr").words + r.stats.languages.at("en").words, r.stats.words);
}

TEST(SegmentLanguage, AShortSegmentTakesTheDocumentsLanguage) {
  const std::string html = "<!DOCTYPE html><html><head><title>t</title></head><body><p>" +
                           kEnglish + "</p><p>" + kEnglish +
                           "</p><p>La sécurité humaine.</p></body></html>";
  const AnalysisResult r = testing::DefaultPipeline().RunBytes(html, "short.html");
  ASSERT_TRUE(r.doc.errors.empty());
  EXPECT_EQ(Count(r, "hs.concept"), 0u);  // an English document's words
  EXPECT_EQ(r.stats.languages.size(), 1u);
  EXPECT_EQ(r.stats.languages.count("en"), 1u);
}

TEST(SegmentLanguage, ADeclaredLanguageIsKept) {
  const std::string html = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p>" +
                           kEnglish + "</p><p lang=\"fr\">La sécurité humaine.</p></body></html>";
  const AnalysisResult r = testing::DefaultPipeline().RunBytes(html, "declared.html");
  ASSERT_TRUE(r.doc.errors.empty());
  EXPECT_EQ(Count(r, "hs.concept"), 1u);
  ASSERT_EQ(r.stats.languages.count("fr"), 1u);
  EXPECT_EQ(r.stats.languages.at("fr").words, 3u);
}

}  // namespace
}  // namespace hstag
