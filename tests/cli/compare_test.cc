// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag compare A B`: what it prints is the library's comparison (table and
// JSON); documents, their JSON and a mix give the same output; exit codes and
// the message for a summary that lacks a part.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "hstag/compare.h"
#include "hstag/writer.h"
#include "test_support.h"

namespace hstag {
namespace {

using json = nlohmann::ordered_json;
using testing::Binary;
using testing::DefaultPipeline;
using testing::Quote;
using testing::RunCommand;
using testing::SourceDir;

const std::string kA = "samples/txt/ungdc_JPN_75_2020.txt";
const std::string kB = "samples/txt/ungdc_THA_69_2014.txt";

testing::CommandResult Hstag(const std::string& args) {
  return RunCommand("cd " + Quote(SourceDir()) + " && " + Binary() + " " + args + " 2>/dev/null");
}

// Writes `hstag analyze <path>` into a temporary .json file.
std::string AnalyzeToFile(const std::string& path, const std::string& name) {
  const std::string out = ::testing::TempDir() + "/" + name + ".json";
  auto r = Hstag("analyze " + path);
  EXPECT_EQ(r.status, 0);
  std::ofstream(out, std::ios::binary) << r.out;
  return out;
}

TEST(CompareCliTest, PrintsTheLibraryComparison) {
  std::vector<ComparedDocument> docs;
  for (const std::string& rel : {kA, kB}) {
    const AnalysisResult r = DefaultPipeline().Run(SourceDir() + "/" + rel, rel);
    docs.push_back({rel, r.stats.words, Summarize(r, DefaultPipeline())});
  }
  const Comparison cmp = CompareDocuments(std::move(docs[0]), std::move(docs[1]));
  auto table = Hstag("compare " + kA + " " + kB);
  ASSERT_EQ(table.status, 0);
  EXPECT_EQ(table.out, ComparisonTable(cmp));
  auto j = Hstag("compare " + kA + " " + kB + " --format json");
  ASSERT_EQ(j.status, 0);
  EXPECT_EQ(j.out, Dump(ComparisonJson(cmp), 2) + "\n");
}

TEST(CompareCliTest, JsonInputComparesLikeTheDocuments) {
  const std::string ja = AnalyzeToFile(kA, "compare_a"), jb = AnalyzeToFile(kB, "compare_b");
  const auto docs = Hstag("compare " + kA + " " + kB + " --format json");
  const auto jsons = Hstag("compare " + Quote(ja) + " " + Quote(jb) + " --format json");
  const auto mixed = Hstag("compare " + Quote(ja) + " " + kB + " --format json");
  ASSERT_EQ(docs.status, 0);
  ASSERT_EQ(jsons.status, 0);
  ASSERT_EQ(mixed.status, 0);
  EXPECT_EQ(jsons.out, docs.out);
  EXPECT_EQ(mixed.out, docs.out);
  // The table too.
  EXPECT_EQ(Hstag("compare " + Quote(ja) + " " + Quote(jb)).out,
            Hstag("compare " + kA + " " + kB).out);
}

TEST(CompareCliTest, ExitCodes) {
  EXPECT_EQ(Hstag("compare " + kA).status, 1);
  EXPECT_EQ(Hstag("compare " + kA + " no/such/file.txt").status, 1);
  EXPECT_EQ(Hstag("compare " + kA + " " + kB + " --format csv").status, 1);
  EXPECT_EQ(Hstag("compare tests/plugins/pdf/data/encrypted_user.pdf " + kB).status, 2);
  // hstag JSON without a summary profile (an older output) cannot be compared.
  const std::string old = ::testing::TempDir() + "/compare_old.json";
  std::ofstream(old)
      << R"({"schema": "hstag.document/1", "summary": {"annotations": 0, "concepts": {}}})";
  EXPECT_EQ(Hstag("compare " + Quote(old) + " " + kB).status, 2);
  // Any other JSON file is a document like any other.
  const std::string other = ::testing::TempDir() + "/compare_other.json";
  std::ofstream(other) << R"({"note": "human security and freedom from fear"})";
  auto r = Hstag("compare " + Quote(other) + " " + kB + " --format json");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(json::parse(r.out)["a"]["orientation"], "fear");
}

TEST(CompareCliTest, IncompleteSummaryNamesTheFileAndThePart) {
  const std::string old = ::testing::TempDir() + "/compare_incomplete.json";
  std::ofstream(old)
      << R"({"schema": "hstag.document/1", "summary": {"annotations": 0, "concepts": {}}})";
  const auto r = RunCommand("cd " + Quote(SourceDir()) + " && " + Binary() + " compare " +
                            Quote(old) + " " + kB + " 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out.rfind("hstag compare: " + old + ": summary.profile is missing", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("analyse the document again"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace hstag
