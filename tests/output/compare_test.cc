// SPDX-License-Identifier: GPL-3.0-or-later
//
// The comparison of two documents' summaries (hstag/compare.h): the typed
// Comparison against the two summaries, its JSON ("hstag.compare/1") and
// table, a document and its JSON comparing the same, a side without words,
// and a summary that lacks a part.
#include "hstag/compare.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "hstag/summary.h"
#include "hstag/writer.h"
#include "test_support.h"

namespace hstag {
namespace {

using ::hstag::testing::DefaultPipeline;
using ::hstag::testing::SourceDir;

const std::string kA = "samples/txt/ungdc_JPN_75_2020.txt";
const std::string kB = "samples/txt/ungdc_THA_69_2014.txt";

AnalysisResult Analyse(const std::string& rel) {
  AnalysisResult r = DefaultPipeline().Run(SourceDir() + "/" + rel, rel);
  EXPECT_FALSE(r.failed()) << rel;
  return r;
}

ComparedDocument Document(const std::string& rel) {
  const AnalysisResult r = Analyse(rel);
  return {rel, r.stats.words, Summarize(r, DefaultPipeline())};
}

// The concepts a summary mentions (outside boilerplate).
std::set<std::string> Mentioned(const Summary& s) {
  std::set<std::string> ids;
  for (const auto& c : s.concepts) {
    if (c.total > 0) ids.insert(c.id);
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

std::string JsonText(const Comparison& cmp) {
  std::string out;
  JsonWriter w(&out, 2);
  WriteComparison(w, cmp);
  return out;
}

TEST(CompareTest, ListsWhatEachHasAndTheOtherLacks) {
  const Comparison cmp = CompareDocuments(Document(kA), Document(kB));
  EXPECT_EQ(cmp.a.path, kA);
  EXPECT_EQ(cmp.b.path, kB);
  const auto a = Mentioned(cmp.a.summary), b = Mentioned(cmp.b.summary);
  EXPECT_EQ(cmp.only_in_a, Minus(a, b));
  EXPECT_EQ(cmp.only_in_b, Minus(b, a));
  EXPECT_FALSE(cmp.only_in_a.empty());
  EXPECT_FALSE(cmp.only_in_b.empty());
  // Every concept either mentions, by ID, with both sides' values.
  std::set<std::string> both = a;
  both.insert(b.begin(), b.end());
  std::vector<std::string> ids;
  for (const auto& c : cmp.concepts) ids.push_back(c.id);
  EXPECT_EQ(ids, std::vector<std::string>(both.begin(), both.end()));
  for (const auto& c : cmp.concepts) {
    const Summary::Concept* in_a = cmp.a.summary.FindConcept(c.id);
    EXPECT_EQ(c.a.total, in_a ? in_a->total : 0) << c.id;
    const Summary::Concept* in_b = cmp.b.summary.FindConcept(c.id);
    EXPECT_EQ(c.b.total, in_b ? in_b->total : 0) << c.id;
    EXPECT_TRUE(c.a.per_10k_words && c.b.per_10k_words) << c.id;  // both have words
  }
  // The actors are the actor concepts, with their mentions.
  std::vector<std::string> actors;
  for (const auto& x : cmp.actors) {
    actors.push_back(x.id);
    if (x.id == "actor.state.JP") EXPECT_EQ(x.a, 24u);  // not in "Japan-DPRK Pyongyang Declaration"
    if (x.id == "actor.state.TH") {
      EXPECT_EQ(x.a, 0u);
      EXPECT_GT(x.b, 0u);
    }
  }
  std::vector<std::string> expected;
  for (const auto& c : cmp.concepts) {
    if (c.section == "actor") expected.push_back(c.id);
  }
  EXPECT_EQ(actors, expected);
  EXPECT_NE(std::find(actors.begin(), actors.end(), "actor.state.JP"), actors.end());
}

TEST(CompareTest, JsonIsTheSchemaOfTheComparison) {
  const Comparison cmp = CompareDocuments(Document(kA), Document(kB));
  const ordered_json j = ordered_json::parse(JsonText(cmp));
  EXPECT_EQ(j, ComparisonJson(cmp));
  EXPECT_EQ(j["schema"], "hstag.compare/1");
  EXPECT_EQ(j["a"]["path"], kA);
  EXPECT_EQ(j["b"]["words"], cmp.b.words);
  EXPECT_EQ(j["a"]["dimensions"]["of"], 7);
  EXPECT_EQ(j["a"]["orientation"], cmp.a.summary.profile.orientation);
  EXPECT_EQ(j["only_in_a"].get<std::vector<std::string>>(), cmp.only_in_a);
  EXPECT_EQ(j["only_in_b"].get<std::vector<std::string>>(), cmp.only_in_b);
  EXPECT_EQ(j["concepts"].size(), cmp.concepts.size());
  EXPECT_EQ(j["concepts"]["actor.state.TH"]["a"]["total"], 0);
  EXPECT_GT(j["concepts"]["actor.state.TH"]["b"]["total"].get<int>(), 0);
  EXPECT_EQ(j["actors"]["actor.state.JP"]["a"], 24);
  // The seven dimensions, in the codebook's order, each side's from its summary.
  std::vector<std::string> dims;
  for (const auto& [key, x] : j["dimensions"].items()) dims.push_back(key);
  EXPECT_EQ(dims, (std::vector<std::string>{"economic", "food", "health", "environmental",
                                            "personal", "community", "political"}));
  EXPECT_EQ(j["dimensions"]["food"]["a"]["explicit"],
            cmp.a.summary.profile.dimensions[1].explicit_count);
}

// A document and the JSON written for it compare the same, whether that JSON
// is read back from its text or is the tree of a document analysed now.
TEST(CompareTest, DocumentAndItsJsonCompareTheSame) {
  const Pipeline& p = DefaultPipeline();
  const Comparison direct = CompareDocuments(Document(kA), Document(kB));
  std::vector<ComparedDocument> from_text, from_tree;
  for (const std::string& rel : {kA, kB}) {
    const ordered_json tree = DocumentJson(Analyse(rel), p, ToolJson(p), OutputOptions{});
    Result<ComparedDocument> t = ComparedDocumentFromJson(ordered_json::parse(Dump(tree)), "x");
    ASSERT_TRUE(t.ok()) << t.error();
    from_text.push_back(std::move(t).value());
    Result<ComparedDocument> d = ComparedDocumentFromJson(tree, "x");
    ASSERT_TRUE(d.ok()) << d.error();
    from_tree.push_back(std::move(d).value());
  }
  EXPECT_EQ(from_text[0].path, kA);  // source.path, not the fallback
  const Comparison text = CompareDocuments(std::move(from_text[0]), std::move(from_text[1]));
  const Comparison tree = CompareDocuments(std::move(from_tree[0]), std::move(from_tree[1]));
  EXPECT_EQ(JsonText(text), JsonText(direct));
  EXPECT_EQ(JsonText(tree), JsonText(direct));
  EXPECT_EQ(ComparisonTable(text), ComparisonTable(direct));
}

TEST(CompareTest, TableIsAlignedAndListsTheDifferences) {
  const Comparison cmp = CompareDocuments(Document(kA), Document(kB));
  const std::string table = ComparisonTable(cmp);
  std::istringstream lines(table);
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
  EXPECT_NE(table.find("ungdc_JPN_75_2020.txt"), std::string::npos);
  EXPECT_NE(table.find("dimensions covered"), std::string::npos);
  auto listed = [](const std::string& block) {
    std::vector<std::string> ids;
    std::string s = block.substr(block.find(':') + 1);
    for (char& c : s) c = (c == ',' || c == '\n') ? ' ' : c;
    std::istringstream in(s);
    for (std::string id; in >> id;) ids.push_back(id);
    return ids;
  };
  ASSERT_FALSE(all_only_a.empty());
  EXPECT_EQ(listed(all_only_a.substr(0, all_only_a.find("only in B"))), cmp.only_in_a);
  EXPECT_EQ(listed(all_only_b), cmp.only_in_b);
}

// A document without words: its densities are null, those of a concept it
// does not mention too; definitions of one side only are null on the other.
TEST(CompareTest, SideWithoutWordsHasNoDensities) {
  const AnalysisResult empty = DefaultPipeline().RunBytes("   \n", "empty.txt");
  ASSERT_EQ(empty.stats.words, 0u);
  const Comparison cmp = CompareDocuments({"empty.txt", 0, Summarize(empty, DefaultPipeline())},
                                          Document("tests/output/data/definitions.txt"));
  EXPECT_TRUE(cmp.only_in_a.empty());
  ASSERT_FALSE(cmp.concepts.empty());
  for (const auto& c : cmp.concepts) {
    EXPECT_EQ(c.a.total, 0u) << c.id;
    EXPECT_FALSE(c.a.per_10k_words) << c.id;
    EXPECT_TRUE(c.b.per_10k_words) << c.id;
  }
  ASSERT_EQ(cmp.definitions.size(), 1u);
  EXPECT_FALSE(cmp.definitions[0].a);
  EXPECT_GE(cmp.definitions[0].b.value_or(0), 0.9);
  const ordered_json j = ComparisonJson(cmp);
  EXPECT_TRUE(j["definitions"]["definition.unga_66_290"]["a"].is_null());
  EXPECT_TRUE(j["dimensions"]["food"]["a"]["per_10k_words"].is_null());
  EXPECT_EQ(j["a"]["orientation"], "none");
  const std::string table = ComparisonTable(cmp);
  EXPECT_NE(table.find("only in A (0): (none)"), std::string::npos) << table;
}

TEST(CompareTest, IncompleteSummaryIsAnError) {
  const ordered_json old = ordered_json::parse(
      R"({"schema": "hstag.document/1", "source": {"path": "old.txt"},
          "summary": {"annotations": 0, "concepts": {}}})");
  Result<ComparedDocument> d = ComparedDocumentFromJson(old, "old.json");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().rfind("summary.profile is missing", 0), 0u) << d.error();
  EXPECT_NE(d.error().find("analyse the document again"), std::string::npos) << d.error();
}

}  // namespace
}  // namespace hstag
