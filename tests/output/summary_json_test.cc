// SPDX-License-Identifier: GPL-3.0-or-later
//
// The summary read back from its JSON (SummaryFromJson): a round trip over
// every sample gives the same bytes, and a summary that lacks a part, or has
// one of the wrong type, is an error that names the part.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hstag/summary.h"
#include "hstag/writer.h"
#include "test_support.h"

namespace hstag {
namespace {

using ::hstag::testing::DefaultPipeline;
using ::hstag::testing::SourceDir;

std::string Text(const Summary& s) {
  std::string out;
  JsonWriter w(&out, 2);
  WriteSummary(w, s);
  return out;
}

// Summarize -> JSON -> SummaryFromJson -> JSON, both from the text (as a
// JSON file is read) and from the tree (as a document analysed now is), for
// every sample and the test document with definitions and abbreviations.
TEST(SummaryFromJsonTest, RoundTripOfEverySampleIsIdentical) {
  const Pipeline& p = DefaultPipeline();
  size_t files = 0;
  bool pages = false, xpaths = false, passages = false, actors = false, defs = false, abbrs = false,
       refs = false;
  std::vector<std::filesystem::path> paths = {SourceDir() + "/tests/output/data/definitions.txt"};
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(SourceDir() + "/samples")) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".pdf" || ext == ".xml" || ext == ".xhtml" || ext == ".html") {
      paths.push_back(entry.path());
    }
  }
  for (const auto& path : paths) {
    ++files;
    const AnalysisResult r = p.Run(path.string(), path.filename().string());
    const Summary s = Summarize(r, p);
    const std::string text = Text(s);
    Result<Summary> from_text = SummaryFromJson(ordered_json::parse(text));
    ASSERT_TRUE(from_text.ok()) << path << ": " << from_text.error();
    EXPECT_EQ(Text(*from_text), text) << path;
    Result<Summary> from_tree = SummaryFromJson(SummaryJson(s));
    ASSERT_TRUE(from_tree.ok()) << path << ": " << from_tree.error();
    EXPECT_EQ(Text(*from_tree), text) << path;
    for (const auto& c : s.concepts) {
      pages |= c.pages.has_value() && !c.pages->empty();
      xpaths |= c.xpaths.has_value() && !c.xpaths->empty();
      refs |= c.references_count > 0;
    }
    passages |= !s.key_passages.empty();
    actors |= !s.actors.empty();
    defs |= !s.definitions.empty();
    abbrs |= !s.abbreviations.empty();
  }
  EXPECT_GE(files, 16u);
  // The documents exercise every optional part.
  EXPECT_TRUE(pages);
  EXPECT_TRUE(xpaths);
  EXPECT_TRUE(passages);
  EXPECT_TRUE(actors);
  EXPECT_TRUE(defs);
  EXPECT_TRUE(abbrs);
  EXPECT_TRUE(refs);  // the JATS sample's reference list
}

TEST(SummaryFromJsonTest, DocumentJsonGivesTheSummaryOfTheAnalysis) {
  const Pipeline& p = DefaultPipeline();
  const AnalysisResult r =
      p.Run(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt", "ungdc_JPN_75_2020.txt");
  const ordered_json doc = DocumentJson(r, p, ToolJson(p), OutputOptions{});
  Result<Summary> s = SummaryFromDocumentJson(doc);
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(Text(*s), Text(Summarize(r, p)));
  const Summary::Concept* hs = s->FindConcept("hs.concept");
  ASSERT_NE(hs, nullptr);
  EXPECT_EQ(hs->id, "hs.concept");
  EXPECT_EQ(hs->total, hs->explicit_count + hs->indicator_count);
  EXPECT_EQ(s->FindConcept("no.such.concept"), nullptr);
}

// The error of a summary changed by `edit`.
std::string ErrorAfter(const std::function<void(ordered_json&)>& edit) {
  const Pipeline& p = DefaultPipeline();
  const AnalysisResult r =
      p.RunBytes("Human security and freedom from fear. NATO named food security.", "t.txt");
  ordered_json j = SummaryJson(Summarize(r, p));
  edit(j);
  Result<Summary> s = SummaryFromJson(j);
  return s.ok() ? "" : s.error();
}

TEST(SummaryFromJsonTest, MissingOrMistypedPartIsNamed) {
  EXPECT_EQ(ErrorAfter([](ordered_json&) {}), "");
  const std::string profile = ErrorAfter([](ordered_json& j) { j.erase("profile"); });
  EXPECT_EQ(profile.rfind("summary.profile is missing", 0), 0u) << profile;
  EXPECT_NE(profile.find("analyse the document again"), std::string::npos) << profile;
  EXPECT_EQ(ErrorAfter([](ordered_json& j) {
              j["concepts"]["hs.concept"].erase("total");
            }).rfind("summary.concepts[\"hs.concept\"].total is missing", 0),
            0u);
  EXPECT_EQ(ErrorAfter([](ordered_json& j) {
              j["profile"]["orientation"] = 3;
            }).rfind("summary.profile.orientation is not a string", 0),
            0u);
  EXPECT_EQ(ErrorAfter([](ordered_json& j) {
              j["profile"]["dimensions"]["by_dimension"].erase("food");
            }).rfind("summary.profile.dimensions.by_dimension.food is missing", 0),
            0u);
  EXPECT_EQ(ErrorAfter([](ordered_json& j) {
              j["profile"]["freedoms"]["shares"].erase("want");
            }).rfind("summary.profile.freedoms.shares.want is missing", 0),
            0u);
  EXPECT_EQ(ErrorAfter([](ordered_json& j) {
              j["actors"][0]["count"] = -1;
            }).rfind("summary.actors[].count is not a whole number of at least 0", 0),
            0u);
  EXPECT_EQ(ErrorAfter([](ordered_json& j) {
              j.erase("abbreviations");
            }).rfind("summary.abbreviations is missing", 0),
            0u);
  // A null per_10k_words (a document without words) and unknown members are fine.
  EXPECT_EQ(ErrorAfter([](ordered_json& j) {
              j["concepts"]["hs.concept"]["per_10k_words"] = nullptr;
              j["note"] = "added";
            }),
            "");
}

TEST(SummaryFromJsonTest, NoSummaryAtAll) {
  EXPECT_EQ(SummaryFromJson(ordered_json()).error().rfind("summary is missing", 0), 0u);
  EXPECT_EQ(SummaryFromJson(ordered_json::array()).error().rfind("summary is not an object", 0),
            0u);
  const ordered_json old = ordered_json::parse(
      R"({"schema": "hstag.document/1", "summary": {"annotations": 0, "concepts": {}}})");
  EXPECT_EQ(SummaryFromDocumentJson(old).error().rfind("summary.profile is missing", 0), 0u);
  EXPECT_EQ(SummaryFromDocumentJson(ordered_json::object()).error().rfind("summary is missing", 0),
            0u);
}

}  // namespace
}  // namespace hstag
