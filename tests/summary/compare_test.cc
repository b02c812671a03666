// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag compare A B` over two samples: the "only in A/B" lists against the
// two summaries, the table, JSON input giving what the documents give, exit
// codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace hstag {
namespace {

using testing::Binary;
using testing::Quote;
using testing::RunCommand;
using testing::SourceDir;

const std::string kA = "samples/txt/ungdc_JPN_75_2020.txt";
const std::string kB = "samples/txt/ungdc_THA_69_2014.txt";

testing::CommandResult Hstag(const std::string& args) {
  return RunCommand("cd " + Quote(SourceDir()) + " && " + Binary() + " " + args + " 2>/dev/null");
}

// The concepts a document's analysis mentions (outside boilerplate).
std::set<std::string> Mentioned(const std::string& path) {
  auto r = Hstag("analyze " + path);
  EXPECT_EQ(r.status, 0);
  const json doc = json::parse(r.out);
  std::set<std::string> ids;
  for (const auto& [id, c] : doc["summary"]["concepts"].items()) {
    if (c["total"].get<int>() > 0) ids.insert(id);
  }
  return ids;
}

std::vector<std::string> Minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& x : a) {
    if (!b.count(x)) out.push_back(x);
  }
  return out;
}

// Writes `hstag analyze <path>` into a temporary .json file.
std::string AnalyzeToFile(const std::string& path, const std::string& name) {
  const std::string out = ::testing::TempDir() + "/" + name + ".json";
  auto r = Hstag("analyze " + path);
  EXPECT_EQ(r.status, 0);
  std::ofstream(out, std::ios::binary) << r.out;
  return out;
}

TEST(CompareTest, JsonListsWhatEachHasAndTheOtherLacks) {
  auto r = Hstag("compare " + kA + " " + kB + " --format json");
  ASSERT_EQ(r.status, 0);
  const json j = json::parse(r.out);
  EXPECT_EQ(j["schema"], "hstag.compare/1");
  EXPECT_EQ(j["a"]["path"], kA);
  EXPECT_EQ(j["b"]["path"], kB);
  const auto a = Mentioned(kA), b = Mentioned(kB);
  EXPECT_EQ(j["only_in_a"].get<std::vector<std::string>>(), Minus(a, b));
  EXPECT_EQ(j["only_in_b"].get<std::vector<std::string>>(), Minus(b, a));
  EXPECT_FALSE(j["only_in_a"].empty());
  EXPECT_FALSE(j["only_in_b"].empty());
  // Every concept either mentions, with both sides' values.
  std::set<std::string> both = a;
  both.insert(b.begin(), b.end());
  EXPECT_EQ(j["concepts"].size(), both.size());
  EXPECT_EQ(j["concepts"]["actor.state.TH"]["a"]["total"], 0);
  EXPECT_GT(j["concepts"]["actor.state.TH"]["b"]["total"].get<int>(), 0);
  EXPECT_EQ(j["dimensions"].size(), 7u);
  EXPECT_EQ(j["actors"]["actor.state.JP"]["a"], 25);
  EXPECT_EQ(j["a"]["dimensions"]["of"], 7);
}

TEST(CompareTest, JsonInputComparesLikeTheDocuments) {
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
  EXPECT_EQ(Hstag("compare " + Quote(ja) + " " + Quote(jb)).out, Hstag("compare " + kA + " " + kB).out);
}

TEST(CompareTest, TableIsAlignedAndListsTheDifferences) {
  auto r = Hstag("compare " + kA + " " + kB);
  ASSERT_EQ(r.status, 0);
  const json j = json::parse(Hstag("compare " + kA + " " + kB + " --format json").out);
  std::istringstream lines(r.out);
  std::string all_only_a, all_only_b, *into = nullptr;
  bool saw_words = false, saw_orientation = false;
  for (std::string line; std::getline(lines, line);) {
    size_t width = 0;
    for (unsigned char c : line) width += (c & 0xC0) != 0x80;
    EXPECT_LE(width, 79u) << line;
    if (line.rfind("words ", 0) == 0) {
      saw_words = true;
      EXPECT_NE(line.find("1565"), std::string::npos) << line;
    }
    saw_orientation |= line.rfind("orientation ", 0) == 0;
    if (line.rfind("only in A", 0) == 0) into = &all_only_a;
    if (line.rfind("only in B", 0) == 0) into = &all_only_b;
    if (into) *into += line + "\n";
  }
  EXPECT_TRUE(saw_words);
  EXPECT_TRUE(saw_orientation);
  EXPECT_NE(r.out.find("ungdc_JPN_75_2020.txt"), std::string::npos);
  EXPECT_NE(r.out.find("dimensions covered"), std::string::npos);
  auto listed = [](const std::string& block) {
    std::vector<std::string> ids;
    std::string s = block.substr(block.find(':') + 1);
    for (char& c : s) c = (c == ',' || c == '\n') ? ' ' : c;
    std::istringstream in(s);
    for (std::string id; in >> id;) ids.push_back(id);
    return ids;
  };
  const std::string only_b_head = "only in B";
  ASSERT_FALSE(all_only_a.empty());
  EXPECT_EQ(listed(all_only_a.substr(0, all_only_a.find(only_b_head))),
            j["only_in_a"].get<std::vector<std::string>>());
  EXPECT_EQ(listed(all_only_b), j["only_in_b"].get<std::vector<std::string>>());
}

TEST(CompareTest, ExitCodes) {
  EXPECT_EQ(Hstag("compare " + kA).status, 1);
  EXPECT_EQ(Hstag("compare " + kA + " no/such/file.txt").status, 1);
  EXPECT_EQ(Hstag("compare " + kA + " " + kB + " --format csv").status, 1);
  EXPECT_EQ(Hstag("compare tests/pdf/data/encrypted_user.pdf " + kB).status, 2);
  // hstag JSON without a summary profile (an older output) cannot be compared.
  const std::string old = ::testing::TempDir() + "/compare_old.json";
  std::ofstream(old) << R"({"schema": "hstag.document/1", "summary": {"annotations": 0, "concepts": {}}})";
  EXPECT_EQ(Hstag("compare " + Quote(old) + " " + kB).status, 2);
  // Any other JSON file is a document like any other.
  const std::string other = ::testing::TempDir() + "/compare_other.json";
  std::ofstream(other) << R"({"note": "human security and freedom from fear"})";
  auto r = Hstag("compare " + Quote(other) + " " + kB + " --format json");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(json::parse(r.out)["a"]["orientation"], "fear");
}

}  // namespace
}  // namespace hstag
