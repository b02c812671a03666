// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checking the lexicons as a researcher does (eval/eval.h): a gold set read
// and judged passage by passage, the Wilson interval, a reviewed sample read
// back, a sample drawn with a seed; and the `hstag eval` and `hstag sample`
// commands over them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "batch/walk.h"
#include "eval/eval.h"
#include "output/csv.h"
#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag {
namespace {

using testing::Binary;
using testing::DefaultPipeline;
using testing::Quote;
using testing::ReadAll;
using testing::RunCommand;
using testing::SourceDir;

fs::path Write(const std::string& name, const std::string& content) {
  const fs::path dir = fs::path(::testing::TempDir()) / "hstag_eval";
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << content;
  return dir / name;
}

// Two passages in `test`, one in `dev`: what each names is plain from its
// words.
const char kGold[] =
    R"({"id": "t1", "split": "test", "text": "Human security and food security.", "labels": ["hs.concept", "dimension.food"]})"
    "\n\n"
    R"({"id": "t2", "split": "test", "text": "The weather was fine.", "labels": ["dimension.health"]})"
    "\n"
    R"({"id": "d1", "split": "dev", "text": "They live in freedom from fear.", "labels": ["pillar.freedom_from_want"]})"
    "\n";

TEST(EvalTest, LoadGoldReadsPassagesAndNamesTheLineOfABadOne) {
  auto gold = LoadGold(Write("gold.jsonl", kGold).string());
  ASSERT_TRUE(gold.ok()) << gold.error();
  ASSERT_EQ(gold->size(), 3u);  // the blank line is skipped
  EXPECT_EQ((*gold)[0].id, "t1");
  EXPECT_EQ((*gold)[0].split, "test");
  EXPECT_EQ((*gold)[0].labels, (std::set<std::string>{"dimension.food", "hs.concept"}));
  EXPECT_EQ((*gold)[2].split, "dev");

  const fs::path bad = Write("bad.jsonl", std::string(kGold) + "[1, 2]\n");
  auto r = LoadGold(bad.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), bad.string() + ":5: not a JSON object");
  const fs::path unlabelled = Write("unlabelled.jsonl", R"({"id": "x", "text": "t"})" "\n");
  r = LoadGold(unlabelled.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), unlabelled.string() + ":1: a gold passage needs \"text\" and \"labels\"");
}

TEST(EvalTest, EvaluateCountsEachConceptOncePerPassage) {
  auto gold = LoadGold(Write("gold.jsonl", kGold).string());
  ASSERT_TRUE(gold.ok());
  const EvalReport test = Evaluate(DefaultPipeline(), *gold, "test", {});
  EXPECT_EQ(test.passages, 2u);
  EXPECT_EQ(test.in_context, 0u);
  EXPECT_EQ(test.concepts.at("hs.concept").tp, 1u);
  EXPECT_EQ(test.concepts.at("dimension.food").tp, 1u);
  EXPECT_EQ(test.concepts.at("dimension.health").fn, 1u);
  EXPECT_EQ(test.micro.tp, 2u);
  EXPECT_EQ(test.micro.fp, 0u);
  EXPECT_EQ(test.micro.fn, 1u);
  EXPECT_DOUBLE_EQ(test.micro.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(test.micro.Recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(test.micro.F1(), 0.8);
  EXPECT_EQ(test.sections.at("dimension").tp, 1u);
  EXPECT_EQ(test.sections.at("dimension").fn, 1u);
  EXPECT_EQ(test.misses, (std::vector<std::pair<std::string, std::string>>{{"t2", "dimension.health"}}));

  // The dev passage names one freedom and is labelled with the other.
  const EvalReport dev = Evaluate(DefaultPipeline(), *gold, "dev", {});
  EXPECT_EQ(dev.passages, 1u);
  EXPECT_EQ(dev.concepts.at("pillar.freedom_from_fear").fp, 1u);
  EXPECT_EQ(dev.concepts.at("pillar.freedom_from_want").fn, 1u);
  EXPECT_EQ(dev.false_alarms,
            (std::vector<std::pair<std::string, std::string>>{{"d1", "pillar.freedom_from_fear"}}));
  // A skipped section counts on neither side.
  const EvalReport skipped = Evaluate(DefaultPipeline(), *gold, "dev", {"pillar"});
  EXPECT_EQ(skipped.micro.tp + skipped.micro.fp + skipped.micro.fn, 0u);
  EXPECT_EQ(Evaluate(DefaultPipeline(), *gold, "all", {}).passages, 3u);
}

TEST(EvalTest, WilsonIntervalOfKnownCases) {
  const Interval none = Wilson(0, 0);
  EXPECT_EQ(none.low, 0);
  EXPECT_EQ(none.high, 1);
  const Interval i = Wilson(55, 60);  // 0.917: the interval of the issue's example
  EXPECT_NEAR(i.low, 0.8193, 5e-4);
  EXPECT_NEAR(i.high, 0.9639, 5e-4);
  const Interval all = Wilson(10, 10);
  EXPECT_NEAR(all.low, 0.7225, 5e-4);
  EXPECT_DOUBLE_EQ(all.high, 1.0);
  const Interval zero = Wilson(0, 10);
  EXPECT_DOUBLE_EQ(zero.low, 0.0);
  EXPECT_NEAR(zero.high, 0.2775, 5e-4);
}

TEST(EvalTest, ReadReviewedCountsEachWayOfSayingYesAndNo) {
  const fs::path csv = Write("reviewed.csv",
                             "sample_id,concept,text,correct\n"
                             "1,hs.concept,a,y\n2,hs.concept,b,YES\n3,hs.concept,c, 1 \n"
                             "4,hs.concept,d,x\n5,hs.concept,e,true\n"
                             "6,actor.un,f,n\n7,actor.un,g,No\n8,actor.un,h,0\n9,actor.un,i,false\n"
                             "10,actor.un,j,\n");
  auto r = ReadReviewed(csv.string());
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->concepts.at("hs.concept").correct, 5u);
  EXPECT_EQ(r->concepts.at("hs.concept").wrong, 0u);
  EXPECT_EQ(r->concepts.at("actor.un").wrong, 4u);
  EXPECT_EQ(r->concepts.at("actor.un").unreviewed, 1u);

  const fs::path maybe = Write("maybe.csv", "concept,correct\nhs.concept,maybe\n");
  auto m = ReadReviewed(maybe.string());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error(), maybe.string() +
                           ": row 2: `correct` is `maybe`; use y or n (yes/no, 1/0, true/false)");
  const fs::path columns = Write("columns.csv", "id,text\n1,a\n");
  EXPECT_EQ(ReadReviewed(columns.string()).error(),
            columns.string() + ": needs the columns `concept` and `correct`");
}

TEST(EvalTest, FamiliesAreSectionsWithStrengthAndAbbreviationsApart) {
  EXPECT_EQ(FamilyOf("hs.concept", "explicit", "hs:42"), "hs");
  EXPECT_EQ(FamilyOf("pillar.freedom_from_fear", "explicit", "hs:102"), "pillar");
  EXPECT_EQ(FamilyOf("dimension.food", "indicator", "hs:234"), "dimension/indicator");
  EXPECT_EQ(FamilyOf("dimension.food", "explicit", "hs:230"), "dimension/explicit");
  EXPECT_EQ(FamilyOf("principle.universal", "explicit", "hs:862"), "principle/explicit");
  EXPECT_EQ(FamilyOf("topic.sexual_violence", "indicator", "hs:900"), "topic/indicator");
  EXPECT_EQ(FamilyOf("approach.empowerment", "", ""), "approach/explicit");
  EXPECT_EQ(FamilyOf("actor.state.JP", "explicit", "states:1777"), "state");
  EXPECT_EQ(FamilyOf("actor.un", "explicit", "actors:44"), "actor");
  EXPECT_EQ(FamilyOf("actor.statewide", "explicit", "x:1"), "actor");  // not the state prefix
  EXPECT_EQ(FamilyOf("citation.un_resolution", "explicit", "citations.un_res"), "citation");
  // Through the document's own abbreviation, whatever the concept.
  EXPECT_EQ(FamilyOf("hs.concept", "explicit", "abbreviation:HS"), "abbreviation");
  EXPECT_EQ(FamilyOf("local.ligature", "explicit", "added:9"), "other");
}

TEST(EvalTest, ReviewedSampleIsCountedPerFamilyToo) {
  const fs::path csv = Write("families.csv",
                             "sample_id,concept,strength,rule,correct\n"
                             "1,hs.concept,explicit,hs:42,y\n"
                             "2,hs.concept,explicit,abbreviation:HS,n\n"
                             "3,dimension.food,indicator,hs:234,y\n"
                             "4,dimension.health,indicator,hs:300,n\n"
                             "5,dimension.food,explicit,hs:230,y\n");
  auto r = ReadReviewed(csv.string());
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->concepts.at("hs.concept").correct, 1u);
  EXPECT_EQ(r->concepts.at("hs.concept").wrong, 1u);
  EXPECT_EQ(r->families.at("hs").correct, 1u);
  EXPECT_EQ(r->families.at("hs").wrong, 0u);
  EXPECT_EQ(r->families.at("abbreviation").wrong, 1u);
  EXPECT_EQ(r->families.at("dimension/indicator").correct, 1u);
  EXPECT_EQ(r->families.at("dimension/indicator").wrong, 1u);
  EXPECT_EQ(r->families.at("dimension/explicit").correct, 1u);
  EXPECT_EQ(r->families.size(), 4u);
}

TEST(EvalTest, SampleIsSeededCappedPerConceptAndQuotesTheText) {
  const auto inputs = Walk({SourceDir() + "/samples/txt"}, {}).inputs;
  const std::string a = DrawSample(DefaultPipeline(), inputs, {2, false, 7}, 2);
  EXPECT_EQ(a, DrawSample(DefaultPipeline(), inputs, {2, false, 7}, 1));  // whatever the threads
  EXPECT_NE(a, DrawSample(DefaultPipeline(), inputs, {2, false, 8}, 2));  // another seed, another draw
  auto rows = ParseCsv(a);
  ASSERT_TRUE(rows.ok());
  ASSERT_GT(rows->size(), 10u);
  EXPECT_EQ((*rows)[0], (std::vector<std::string>{"sample_id", "document", "concept", "strength",
                                                  "page", "xpath", "start", "end", "text",
                                                  "sentence", "rule", "correct"}));
  std::map<std::string, int> per_concept;
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    ASSERT_EQ(row.size(), 12u);
    EXPECT_EQ(row[0], std::to_string(i));
    EXPECT_LE(++per_concept[row[2]], 2) << row[2];
    // The text is the document's bytes at the offsets, inside the sentence.
    const std::string doc = ReadAll(row[1]);
    const size_t start = std::stoul(row[6]), end = std::stoul(row[7]);
    EXPECT_EQ(doc.substr(start, end - start), row[8]) << row[1];
    std::string text = row[8];  // the sentence has its line breaks as spaces
    std::replace(text.begin(), text.end(), '\n', ' ');
    EXPECT_NE(row[9].find(text), std::string::npos) << row[9];
    EXPECT_EQ(row[11], "");  // for the reviewer
  }
  EXPECT_EQ(per_concept.at("hs.concept"), 2);
}

// --per-family: the cap holds per family (hstag eval --reviewed's), so a
// family of many concepts (state) gets no more rows than one of few.
TEST(EvalTest, SampleCanBeCappedPerFamily) {
  const auto inputs = Walk({SourceDir() + "/samples/txt"}, {}).inputs;
  // Ten a family: drawn at random, ten of the samples' 56 state matches (26
  // of Japan, 15 of Thailand) are all of one state with a chance of about
  // one in two thousand.
  auto rows = ParseCsv(DrawSample(DefaultPipeline(), inputs, {10, true, 7}, 2));
  ASSERT_TRUE(rows.ok());
  std::map<std::string, int> per_family;
  std::set<std::string> state_concepts;
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    ++per_family[FamilyOf(row[2], row[3], row[10])];
    if (row[2].rfind("actor.state.", 0) == 0) state_concepts.insert(row[2]);
  }
  EXPECT_EQ(per_family.at("state"), 10);
  EXPECT_EQ(per_family.at("hs"), 10);
  for (const auto& [family, n] : per_family) EXPECT_LE(n, 10) << family;
  EXPECT_GT(state_concepts.size(), 1u);  // drawn across the family's concepts
}

// Matches that the counts leave out are not drawn: a title in a reference
// list is not; a citation there, which counts, is.
TEST(EvalTest, SampleDrawsTheCitationsOfAReferenceListNotItsTitles) {
  const fs::path doc = Write("with_references.txt",
                             "The Council met on famine.\n\nReferences\n\n"
                             "FAO (2009). Food security in crisis. Rome: FAO, 12(3), 4-5.\n"
                             "WFP (2010). Famine and General Assembly resolution 66/290. Rome, "
                             "7(2), 1-9.\n"
                             "IFAD (2011). Rural poverty report. Rome: IFAD, 3(1), 2-8.\n");
  const auto inputs = Walk({doc.string()}, {}).inputs;
  auto rows = ParseCsv(DrawSample(DefaultPipeline(), inputs, {10, false, 7}, 1));
  ASSERT_TRUE(rows.ok());
  std::map<std::string, int> drawn;
  for (size_t i = 1; i < rows->size(); ++i) ++drawn[(*rows)[i][2]];
  EXPECT_EQ(drawn["citation.un_resolution"], 1);
  EXPECT_EQ(drawn["dimension.food"], 1);  // the body's famine, not the list's
}

testing::CommandResult Hstag(const std::string& args) {
  return RunCommand("cd " + Quote(SourceDir()) + " && " + Binary() + " " + args + " 2>&1");
}

TEST(EvalCliTest, EvalPrintsATableOrJsonAndSampleWritesTheCsvToReview) {
  const fs::path gold = Write("gold.jsonl", kGold);
  auto table = Hstag("eval " + Quote(gold) + " --split test");
  ASSERT_EQ(table.status, 0) << table.out;
  EXPECT_NE(table.out.find("split test: 2 passages (0 inside their source document)"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("overall (micro)                              2     0     1  1.000  "
                           "0.667  0.800"),
            std::string::npos)
      << table.out;
  auto json = Hstag("eval " + Quote(gold) + " --format json");
  ASSERT_EQ(json.status, 0) << json.out;
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["passages"], 3);
  EXPECT_EQ(j["micro"]["fp"], 1);
  EXPECT_EQ(j["false_alarms"][0]["concept"], "pillar.freedom_from_fear");

  const fs::path sample = fs::path(::testing::TempDir()) / "hstag_eval" / "sample.csv";
  fs::remove(sample);
  auto drawn = Hstag("sample " + Quote(sample) + " samples/txt --per-concept 1 --seed 3");
  ASSERT_EQ(drawn.status, 0) << drawn.out;
  auto rows = ParseCsv(ReadAll(sample));
  ASSERT_TRUE(rows.ok());
  ASSERT_GT(rows->size(), 5u);
  // Mark the first row right and the second wrong: `eval --reviewed`
  // reports each concept's precision with its Wilson interval.
  std::string reviewed;
  for (size_t i = 0; i < rows->size(); ++i) {
    auto row = (*rows)[i];
    if (i == 1) row.back() = "y";
    if (i == 2) row.back() = "n";
    AppendCsvRow(row, &reviewed);
  }
  const fs::path marked = Write("marked.csv", reviewed);
  auto precision = Hstag("eval --reviewed " + Quote(marked) + " --by concept");
  ASSERT_EQ(precision.status, 0) << precision.out;
  EXPECT_EQ(precision.out.substr(0, precision.out.find('\n')),
            "concept,reviewed,correct,precision,ci95_low,ci95_high,unreviewed");
  EXPECT_NE(precision.out.find((*rows)[1][2] + ",1,1,1.000,0.207,1.000,0"), std::string::npos)
      << precision.out;
  EXPECT_NE(precision.out.find("(all),2,1,0.500,0.095,0.905," +
                               std::to_string(rows->size() - 3)),
            std::string::npos)
      << precision.out;

  // By default, per family: the row of the first row's family.
  auto families = Hstag("eval --reviewed " + Quote(marked));
  ASSERT_EQ(families.status, 0);
  EXPECT_EQ(families.out.substr(0, families.out.find('\n')),
            "family,reviewed,correct,precision,ci95_low,ci95_high,unreviewed");
  const auto& first = (*rows)[1];  // sample_id, document, concept, strength, ..., rule, correct
  const std::string family = FamilyOf(first[2], first[3], first[first.size() - 2]);
  EXPECT_NE(families.out.find("\n" + family + ","), std::string::npos) << families.out;
  EXPECT_NE(families.out.find("(all),2,1,0.500,0.095,0.905,"), std::string::npos) << families.out;

  EXPECT_EQ(Hstag("eval").status, 1);  // neither a gold set nor a sample
  EXPECT_EQ(Hstag("eval --reviewed " + Quote(Write("maybe.csv", "concept,correct\na,maybe\n"))).status,
            2);
}


// hstag sample over a batch run's output folder draws the run's own
// annotations (not the output files read as documents), with their sentences.
TEST(EvalCliTest, SampleOfARunDrawsItsAnnotationsAndEvalChecksTheRun) {
  const fs::path dir = fs::path(::testing::TempDir()) / "hstag_eval_run";
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  for (const char* f : {"typography.txt", "ungdc_THA_69_2014.txt"}) {
    fs::copy_file(SourceDir() + "/samples/txt/" + f, dir / "in" / f);
  }
  const std::string out = (dir / "out").string(), in = (dir / "in").string();
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --quiet").status, 0);
  const json run = json::parse(ReadAll(out + "/run.json"));
  const std::string fingerprint = run["fingerprint"];
  ASSERT_FALSE(fingerprint.empty());

  const fs::path csv = dir / "sample.csv";
  ASSERT_EQ(Hstag("sample " + Quote(csv) + " " + Quote(out) + " --per-concept 3").status, 0);
  auto rows = ParseCsv(ReadAll(csv));
  ASSERT_TRUE(rows.ok());
  ASSERT_GT(rows->size(), 10u);
  const auto& header = rows->front();
  auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  ASSERT_LT(col("run"), header.size());
  // Every row is an annotation of the run's JSON: same document, offsets and text.
  std::map<std::string, json> docs;
  for (const char* f : {"typography.txt", "ungdc_THA_69_2014.txt"}) {
    docs[(dir / "in" / f).string()] = json::parse(ReadAll(out + "/docs/" + f + ".json"));
  }
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& r = (*rows)[i];
    EXPECT_EQ(r[col("run")], fingerprint);
    ASSERT_TRUE(docs.count(r[col("document")])) << r[col("document")];
    bool found = false;
    for (const auto& a : docs[r[col("document")]]["annotations"]) {
      found |= a["concept"] == r[col("concept")] && std::to_string(a["start"].get<int>()) == r[col("start")] &&
               a["text"] == r[col("text")] && a["rule"] == r[col("rule")];
    }
    EXPECT_TRUE(found) << r[col("concept")] << " at " << r[col("start")];
    std::string text = r[col("text")];  // the sentence has its line breaks as spaces
    std::replace(text.begin(), text.end(), '\n', ' ');
    EXPECT_NE(r[col("sentence")].find(text), std::string::npos) << r[col("sentence")];
  }
  // The same seed, the same sample.
  const fs::path again = dir / "again.csv";
  ASSERT_EQ(Hstag("sample " + Quote(again) + " " + Quote(out) + " --per-concept 3").status, 0);
  EXPECT_EQ(ReadAll(again), ReadAll(csv));

  // eval --reviewed with the run: the sample must be that run's.
  EXPECT_EQ(Hstag("eval --reviewed " + Quote(csv) + " " + Quote(out)).status, 0);
  const fs::path other = Write("other_run.csv", "concept,run,correct\nhs.concept,abc,y\n");
  EXPECT_EQ(Hstag("eval --reviewed " + Quote(other) + " " + Quote(out)).status, 2);
  const fs::path none = Write("no_run.csv", "concept,correct\nhs.concept,y\n");
  EXPECT_EQ(Hstag("eval --reviewed " + Quote(none) + " " + Quote(out)).status, 2);

  // A source changed since the run is left out, saying why; the rest is drawn.
  {
    std::ofstream f(dir / "in" / "typography.txt", std::ios::app);
    f << "human security, added after the run.\n";
  }
  const fs::path changed = dir / "changed.csv";
  auto r = Hstag("sample " + Quote(changed) + " " + Quote(out) + " --per-concept 3");
  EXPECT_EQ(r.status, 2);
  auto left = ParseCsv(ReadAll(changed));
  ASSERT_TRUE(left.ok());
  ASSERT_GT(left->size(), 1u);
  for (size_t i = 1; i < left->size(); ++i) {
    EXPECT_EQ((*left)[i][col("document")], (dir / "in" / "ungdc_THA_69_2014.txt").string());
  }
}

}  // namespace
}  // namespace hstag
