// SPDX-License-Identifier: GPL-3.0-or-later
//
// Batch runs into an output folder: the corpus files, duplicates, --resume
// (also after a run killed with SIGKILL), --files-from, and shards merged
// with GNU parallel equal to a single run.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "util/util.h"
#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag {
namespace {

using testing::Binary;
using testing::Quote;
using testing::ReadAll;
using testing::RunCommand;
using testing::SourceDir;

// A folder of `n` distinct small documents (variations of the typography
// sample, so that each has its own bytes) plus one exact duplicate.
fs::path MakeCorpus(const std::string& name, int n) {
  const fs::path dir = testing::TempPath(name);
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  const std::string base = ReadAll(SourceDir() + "/samples/txt/typography.txt") +
                           ReadAll(SourceDir() + "/samples/txt/ungdc_THA_69_2014.txt");
  for (int i = 0; i < n; ++i) {
    std::ofstream(dir / (i % 2 ? "sub" : ".") / ("doc" + std::to_string(1000 + i) + ".txt"))
        << "Document " << i << ".\n\n" << base;
  }
  fs::copy_file(dir / "doc1000.txt", dir / "sub" / "zz_copy_of_doc1000.txt");
  return dir;
}

testing::CommandResult Hstag(const std::string& args) {
  return RunCommand(Binary() + " " + args + " 2>/dev/null");
}

TEST(BatchTest, OutWritesEveryCorpusFile) {
  const fs::path in = MakeCorpus("batch_in", 6);
  const fs::path out = testing::TempPath("batch_out");
  fs::remove_all(out);
  auto r = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --jobs 2");
  ASSERT_EQ(r.status, 0) << r.out;
  for (const char* f : {"corpus.jsonl", "matrix.csv", "annotations.csv", "errors.jsonl", "run.json"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["schema"], "hstag.run/1");
  EXPECT_EQ(run["counts"]["documents"], 7);
  EXPECT_EQ(run["counts"]["done"], 6);
  EXPECT_EQ(run["counts"]["duplicate"], 1);
  EXPECT_EQ(run["fingerprint"].get<std::string>().size(), 64u);
  // The duplicate is reported, not analysed again.
  const std::string corpus = ReadAll(out / "corpus.jsonl");
  EXPECT_NE(corpus.find("\"duplicate_of\":\"" + (in / "doc1000.txt").string() + "\""),
            std::string::npos)
      << corpus.substr(0, 300);
  EXPECT_FALSE(fs::exists(out / "docs" / "sub" / "zz_copy_of_doc1000.txt.json"));
  // The matrix: a header of every concept of the lexicons, one row per
  // analysed document; Python's csv reader reads it as it is.
  auto py = RunCommand("/usr/bin/python3 -c \"import csv,sys; r=list(csv.reader(open(sys.argv[1]))); "
                       "print(len(r), len(r[0]), r[0][0], r[0][1], len(set(len(x) for x in r)))\" " +
                       Quote(out / "matrix.csv"));
  std::istringstream fields(py.out);
  size_t rows, cols, widths;
  std::string first, second;
  fields >> rows >> cols >> first >> second >> widths;
  EXPECT_EQ(rows, 7u);  // header + 6
  EXPECT_GE(cols, 250u);
  EXPECT_EQ(first, "document");
  EXPECT_EQ(second, "hs.concept");
  EXPECT_EQ(widths, 1u);
  // annotations.csv: one row per annotation of every document.
  size_t annotations = 0;
  for (const auto& e : fs::recursive_directory_iterator(out / "docs")) {
    if (e.path().extension() == ".json") annotations += json::parse(ReadAll(e.path()))["annotations"].size();
  }
  auto count = RunCommand("/usr/bin/python3 -c \"import csv,sys; print(len(list(csv.reader(open(sys.argv[1]))))-1)\" " +
                          Quote(out / "annotations.csv"));
  EXPECT_EQ(std::stoul(count.out), annotations);
}

// Only files of the same size can be duplicates: among files of several
// sizes, the copy is found, a file of the same size with other bytes is not a
// duplicate, and a file of its own size is analysed with its hash recorded.
TEST(BatchTest, DuplicatesAmongFilesOfSeveralSizes) {
  const fs::path in = testing::TempPath("batch_sizes");
  fs::remove_all(in);
  fs::create_directories(in);
  std::ofstream(in / "a.txt") << "Human security is freedom from fear.\n";
  std::ofstream(in / "b.txt") << "Freedom from want, and the right to live in dignity.\n";
  std::ofstream(in / "c.txt") << "Human security is freedom from fear.\n";
  std::ofstream(in / "d.txt") << "Human security is freedom from want.\n";
  const fs::path out = testing::TempPath("batch_sizes_out");
  fs::remove_all(out);
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --jobs 2").status, 0);
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["counts"]["done"], 3);
  EXPECT_EQ(run["counts"]["duplicate"], 1);
  EXPECT_NE(
      ReadAll(out / "corpus.jsonl").find("\"duplicate_of\":\"" + (in / "a.txt").string() + "\""),
      std::string::npos);
  EXPECT_FALSE(fs::exists(out / "docs" / "c.txt.json"));
  EXPECT_TRUE(fs::exists(out / "docs" / "d.txt.json"));
  const json b = json::parse(ReadAll(out / "docs" / "b.txt.json"));
  EXPECT_EQ(b["source"]["sha256"], Sha256Hex(ReadAll(in / "b.txt")));
}

TEST(BatchTest, MatrixValuesPer10k) {
  const fs::path in = MakeCorpus("batch_per10k", 2);
  const fs::path out = testing::TempPath("batch_per10k_out");
  fs::remove_all(out);
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --matrix-values per10k").status, 0);
  const json doc = json::parse(ReadAll(out / "docs" / "doc1000.txt.json"));
  const double expected = doc["summary"]["concepts"]["hs.concept"]["total"].get<double>() * 1e4 /
                          doc["stats"]["words"].get<double>();
  std::istringstream lines(ReadAll(out / "matrix.csv"));
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  ASSERT_EQ(row.rfind((in / "doc1000.txt").string() + ",", 0), 0u) << row;
  const std::string cell = row.substr(row.find(',') + 1, row.find(',', row.find(',') + 1) - row.find(',') - 1);
  EXPECT_NEAR(std::stod(cell), expected, 1e-3);
}

TEST(BatchTest, ResumeSkipsUnchangedDocumentsAndRedoesChangedOnes) {
  const fs::path in = MakeCorpus("batch_resume", 4);
  const fs::path out = testing::TempPath("batch_resume_out");
  fs::remove_all(out);
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " --out " + Quote(out)).status, 0);
  const std::string matrix = ReadAll(out / "matrix.csv");
  auto again = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume");
  EXPECT_NE(again.out.find("0 analysed, 0 failed, 4 unchanged"), std::string::npos) << again.out;
  EXPECT_EQ(ReadAll(out / "matrix.csv"), matrix);
  std::ofstream(in / "doc1002.txt", std::ios::app) << "\nFood security and famine.\n";
  auto changed = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume");
  EXPECT_NE(changed.out.find("1 analysed, 0 failed, 3 unchanged"), std::string::npos) << changed.out;
  // A damaged earlier output is made again.
  const std::string earlier = ReadAll(out / "docs" / "doc1000.txt.json");
  std::ofstream(out / "docs" / "doc1000.txt.json", std::ios::binary | std::ios::trunc)
      << earlier.substr(0, earlier.size() / 2);
  auto damaged = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume");
  EXPECT_NE(damaged.out.find("1 analysed, 0 failed, 3 unchanged"), std::string::npos)
      << damaged.out;
  EXPECT_EQ(ReadAll(out / "docs" / "doc1000.txt.json"), earlier);
  // A change that keeps the size is found by the content hash.
  std::string bytes = ReadAll(in / "sub" / "doc1001.txt");
  bytes[bytes.find("Document 1.")] = 'd';
  std::ofstream(in / "sub" / "doc1001.txt", std::ios::binary | std::ios::trunc) << bytes;
  auto same_size = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume");
  EXPECT_NE(same_size.out.find("1 analysed, 0 failed, 3 unchanged"), std::string::npos)
      << same_size.out;
  // Another pipeline (a different lexicon) reuses nothing.
  auto other = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume --lexicon " +
                     SourceDir() + "/tests/data/lexicons/semantics.yaml");
  EXPECT_NE(other.out.find("4 analysed, 0 failed, 0 unchanged"), std::string::npos) << other.out;
}

// --resume after a few documents changed: the corpus files equal those of a
// new run over the same inputs (the unchanged documents' rows copied from
// the files of the run before); after none changed, they are not written
// again; a file only touched is not analysed again.
TEST(BatchTest, ResumeKeepsOrRebuildsTheCorpusFilesAsANewRunWouldWriteThem) {
  const fs::path in = MakeCorpus("batch_resume_rows", 6);
  const fs::path out = testing::TempPath("batch_resume_rows_out");
  const fs::path ref = testing::TempPath("batch_resume_rows_ref");
  fs::remove_all(out);
  fs::remove_all(ref);
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " --out " + Quote(out)).status, 0);
  auto inode = [&](const char* name) { return testing::RunCommand("stat -c %i:%Y " + Quote(out / name)).out; };
  const std::string corpus_before = inode("corpus.jsonl");
  const std::string doc_before = testing::RunCommand("stat -c %Y.%y " + Quote(out / "docs" / "doc1000.txt.json")).out;

  // Unchanged, and one file touched: nothing analysed, the corpus files are
  // those of the run before (same inode), the document's JSON is not written.
  fs::last_write_time(in / "doc1000.txt", fs::last_write_time(in / "doc1000.txt") + std::chrono::seconds(3));
  auto same = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume");
  EXPECT_NE(same.out.find("0 analysed, 0 failed, 6 unchanged since the last run, 1 duplicate"),
            std::string::npos) << same.out;
  EXPECT_EQ(inode("corpus.jsonl"), corpus_before);
  EXPECT_EQ(testing::RunCommand("stat -c %Y.%y " + Quote(out / "docs" / "doc1000.txt.json")).out, doc_before);
  EXPECT_EQ(json::parse(ReadAll(out / "run.json"))["counts"]["skipped"], 6);

  // Two documents changed, one added, one removed.
  std::ofstream(in / "doc1002.txt", std::ios::app) << "\nFood security and famine.\n";
  std::ofstream(in / "sub" / "doc1003.txt", std::ios::app) << "\nHuman security.\n";
  std::ofstream(in / "new.txt") << "Freedom from want.\n";
  fs::remove(in / "doc1004.txt");
  auto changed = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume");
  EXPECT_NE(changed.out.find("3 analysed, 0 failed, 3 unchanged since the last run, 1 duplicate"),
            std::string::npos) << changed.out;
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " --out " + Quote(ref)).status, 0);
  for (const char* f : {"corpus.jsonl", "matrix.csv", "annotations.csv", "errors.jsonl"}) {
    EXPECT_EQ(ReadAll(out / f), ReadAll(ref / f)) << f;
  }
  // Other matrix values: the rows are rendered again, not copied.
  auto per10k = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume --matrix-values per10k");
  EXPECT_NE(per10k.out.find("0 analysed"), std::string::npos) << per10k.out;
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " --out " + Quote(ref) + " --matrix-values per10k").status, 0);
  EXPECT_EQ(ReadAll(out / "matrix.csv"), ReadAll(ref / "matrix.csv"));
  // --resume=checksum reads every file and reuses the same documents.
  auto checksum = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume=checksum");
  EXPECT_NE(checksum.out.find("0 analysed, 0 failed, 6 unchanged"), std::string::npos) << checksum.out;
  EXPECT_EQ(json::parse(ReadAll(out / "run.json"))["options"]["resume"], "checksum");
  fs::remove_all(out);
  fs::remove_all(ref);
}

// Outputs are never inputs: the run's own output folder inside the input
// folder, and any folder with an hstag run.json, are skipped and noted.
TEST(BatchTest, OutputFoldersAreNeverReadAsInputs) {
  const fs::path in = MakeCorpus("batch_out_inside", 2);
  fs::remove_all(in / "out");
  fs::remove_all(in / "old");
  const std::string cmd = "cd " + Quote(in) + " && " + Binary() + " analyze . --out out";
  ASSERT_EQ(RunCommand(cmd + " >/dev/null 2>&1").status, 0);
  fs::rename(in / "out", in / "old");  // an earlier run's output, under another name
  auto second = RunCommand(cmd + " 2>&1");
  ASSERT_EQ(second.status, 0) << second.out;
  EXPECT_NE(second.out.find("3 document(s)"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("skipped ./old: an hstag output folder"), std::string::npos) << second.out;
  auto third = RunCommand(cmd + " 2>&1");
  EXPECT_NE(third.out.find("3 document(s)"), std::string::npos) << third.out;
  EXPECT_NE(third.out.find("skipped ./out: an hstag output folder"), std::string::npos) << third.out;
  const json run = json::parse(ReadAll(in / "out" / "run.json"));
  EXPECT_EQ(run["skipped_outputs"], json({"./old", "./out"})) << run.dump();
  // A run.json that is not an hstag manifest hides nothing.
  fs::create_directories(in / "data");
  std::ofstream(in / "data" / "run.json") << "{\"laps\": 3}\n";
  auto fourth = RunCommand(cmd + " 2>&1");
  EXPECT_NE(fourth.out.find("4 document(s)"), std::string::npos) << fourth.out;
  fs::remove_all(in);
}

TEST(BatchTest, KilledRunLeavesNoHalfWrittenFileAndResumesToTheSameMatrix) {
  const fs::path in = MakeCorpus("batch_kill", 800);
  const fs::path out = testing::TempPath("batch_kill_out");
  const fs::path ref = testing::TempPath("batch_kill_ref");
  fs::remove_all(out);
  fs::remove_all(ref);
  const auto reference =
      RunCommand(Binary() + " analyze " + Quote(in) + " --out " + Quote(ref) + " --jobs 2 -q 2>&1");
  ASSERT_EQ(reference.status, 0) << reference.out;
  // Start a run, kill it with SIGKILL once it has written 20 documents.
  RunCommand("(" + Binary() + " analyze " + Quote(in) + " --out " + Quote(out) +
             " --jobs 1 -q >/dev/null 2>&1 & pid=$!; for i in $(seq 600); do "
             "[ $(find " + Quote(out / "docs") + " -name '*.json' 2>/dev/null | wc -l) -ge 20 ] && break; "
             "sleep 0.05; done; kill -9 $pid; wait $pid) 2>/dev/null");
  // Its workers die with it (nothing is written after the kill).
  auto alive = [&] {  // processes whose command line names OUT
    for (const auto& e : fs::directory_iterator("/proc")) {
      const std::string cmd = ReadAll(e.path() / "cmdline");
      if (cmd.find(out.string()) != std::string::npos && cmd.find("analyze") != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  for (int i = 0; i < 50 && alive(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(alive()) << "a worker outlived its killed supervisor";
  // No final corpus file is half-written: they are written under temporary
  // names and renamed at the end, which the killed run never reached.
  EXPECT_FALSE(fs::exists(out / "matrix.csv"));
  EXPECT_FALSE(fs::exists(out / "run.json"));
  size_t docs_done = 0;
  for (const auto& e : fs::recursive_directory_iterator(out / "docs")) {
    if (e.path().extension() == ".json") {
      ++docs_done;
      EXPECT_FALSE(json::parse(ReadAll(e.path()), nullptr, false).is_discarded()) << e.path();
    }
  }
  EXPECT_GE(docs_done, 20u);
  EXPECT_LT(docs_done, 800u) << "the run finished before it was killed: make the corpus larger";
  auto resumed = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --resume --jobs 2");
  EXPECT_EQ(resumed.status, 0);
  // Every document the killed run recorded is reused: all whose JSON it
  // wrote, but the one its only worker may have written just before the
  // kill, before the supervisor recorded it.
  const size_t at = resumed.out.find(" unchanged");
  ASSERT_NE(at, std::string::npos) << resumed.out.substr(0, 300);
  const size_t unchanged = std::stoul(resumed.out.substr(resumed.out.rfind(' ', at - 1) + 1));
  EXPECT_GE(unchanged + 1, docs_done) << resumed.out.substr(0, 300);
  EXPECT_LE(unchanged, docs_done) << resumed.out.substr(0, 300);
  EXPECT_EQ(ReadAll(out / "matrix.csv"), ReadAll(ref / "matrix.csv"));
  EXPECT_EQ(ReadAll(out / "annotations.csv"), ReadAll(ref / "annotations.csv"));
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos) << e.path();
  }
}

TEST(BatchTest, FilesFromNewlinesNulsAndStdin) {
  const fs::path in = MakeCorpus("batch_files_from", 3);
  const fs::path list = in.string() + ".list";
  std::ofstream(list) << (in / "doc1000.txt").string() << "\n" << (in / "sub" / "doc1001.txt").string() << "\n";
  auto r = Hstag("analyze --files-from " + Quote(list) + " --format jsonl");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
  auto nul = RunCommand("cd " + Quote(in) + " && find . -name '*.txt' -print0 | " + Binary() +
                        " analyze --files-from - --format jsonl 2>/dev/null");
  EXPECT_EQ(nul.status, 0);
  EXPECT_EQ(std::count(nul.out.begin(), nul.out.end(), '\n'), 4);
}

TEST(BatchTest, ShardsMergedWithGnuParallelEqualASingleRun) {
  if (RunCommand("command -v parallel >/dev/null").status != 0) GTEST_SKIP() << "GNU parallel absent";
  const fs::path in = MakeCorpus("batch_shards", 12);
  // More copies of one document, so that copies fall in different shards.
  fs::copy_file(in / "doc1000.txt", in / "aa_copy.txt");
  fs::copy_file(in / "doc1000.txt", in / "sub" / "zz_copy_2.txt");
  const fs::path base = testing::TempPath("batch_shards_out");
  fs::remove_all(base);
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " -q --out " + Quote(base / "single")).status, 0);
  auto p = RunCommand("parallel --will-cite -j2 " + Binary() + " analyze " + Quote(in) +
                      " -q --shard {}/3 --out " + Quote(base / "s") + "{} ::: 1 2 3 2>&1");
  ASSERT_EQ(p.status, 0) << p.out;
  size_t total = 0;
  for (int k = 1; k <= 3; ++k) {
    const json run = json::parse(ReadAll(base / ("s" + std::to_string(k)) / "run.json"));
    EXPECT_EQ(run["shard"]["k"], k);
    total += run["counts"]["documents"].get<size_t>();
  }
  EXPECT_EQ(total, 15u);  // every document in exactly one shard
  auto m = Hstag("merge " + Quote(base / "s1") + " " + Quote(base / "s2") + " " + Quote(base / "s3") + " --out " +
                 Quote(base / "merged"));
  ASSERT_EQ(m.status, 0) << m.out;
  EXPECT_EQ(ReadAll(base / "merged" / "matrix.csv"), ReadAll(base / "single" / "matrix.csv"));
  EXPECT_EQ(ReadAll(base / "merged" / "annotations.csv"), ReadAll(base / "single" / "annotations.csv"));
  // Each copy is a duplicate of the first copy of all, whichever shard it was in.
  EXPECT_EQ(ReadAll(base / "merged" / "corpus.jsonl"), ReadAll(base / "single" / "corpus.jsonl"));
  const json merged = json::parse(ReadAll(base / "merged" / "run.json"));
  EXPECT_EQ(merged["counts"]["duplicate"], 3);
  // A shard twice, or shards of two splits, are refused.
  auto twice = RunCommand(Binary() + " merge " + Quote(base / "s1") + " " + Quote(base / "s1") +
                          " --out " + Quote(base / "bad") + " 2>&1");
  EXPECT_NE(twice.status, 0);
  EXPECT_NE(twice.out.find("merge takes distinct shards of one split"), std::string::npos) << twice.out;
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " -q --shard 1/2 --out " + Quote(base / "half")).status, 0);
  EXPECT_NE(Hstag("merge " + Quote(base / "s2") + " " + Quote(base / "half") + " --out " + Quote(base / "bad")).status, 0);
  // --resume into another shard's folder is refused, naming both.
  auto other_shard = RunCommand(Binary() + " analyze " + Quote(in) + " -q --shard 2/2 --resume --out " +
                                Quote(base / "half") + " 2>&1");
  EXPECT_NE(other_shard.status, 0);
  EXPECT_NE(other_shard.out.find("holds shard 1/2, and this run is shard 2/2"), std::string::npos)
      << other_shard.out;
  // Shards of another pipeline are refused.
  ASSERT_EQ(Hstag("analyze " + Quote(in) + " -q --shard 1/3 --out " + Quote(base / "other") + " --lexicon " +
                  SourceDir() + "/tests/data/lexicons/semantics.yaml").status, 0);
  EXPECT_EQ(Hstag("merge " + Quote(base / "s2") + " " + Quote(base / "other") + " --out " + Quote(base / "bad")).status, 3);
}

TEST(BatchTest, ShardFromSlurmArrayVariables) {
  const fs::path in = MakeCorpus("batch_slurm", 6);
  const fs::path out = testing::TempPath("batch_slurm_out");
  fs::remove_all(out);
  auto r = RunCommand("SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_MIN=4 SLURM_ARRAY_TASK_COUNT=2 " +
                      Binary() + " analyze " + Quote(in) + " -q --shard slurm --out " + Quote(out) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["shard"]["k"], 2);
  EXPECT_EQ(run["shard"]["n"], 2);
  // slurm/N: K is the task's ID, also for a task submitted again alone
  // (whose array, as Slurm describes it, is of one task).
  auto alone = RunCommand("SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_MIN=5 SLURM_ARRAY_TASK_COUNT=1 " +
                          Binary() + " analyze " + Quote(in) + " -q --shard slurm/6 --out " +
                          Quote(out / "alone") + " 2>&1");
  ASSERT_EQ(alone.status, 0) << alone.out;
  const json alone_run = json::parse(ReadAll(out / "alone" / "run.json"));
  EXPECT_EQ(alone_run["shard"]["k"], 5);
  EXPECT_EQ(alone_run["shard"]["n"], 6);
  auto beyond = RunCommand("SLURM_ARRAY_TASK_ID=7 " + Binary() + " analyze " + Quote(in) +
                           " --shard slurm/6 --out " + Quote(out / "beyond") + " 2>&1");
  EXPECT_EQ(beyond.status, 1);
  EXPECT_NE(beyond.out.find("needs SLURM_ARRAY_TASK_ID from 1 to 6"), std::string::npos) << beyond.out;
  EXPECT_EQ(Hstag("analyze " + Quote(in) + " --shard slurm --out " + Quote(out)).status, 1);  // no variables
  EXPECT_EQ(Hstag("analyze " + Quote(in) + " --shard 4/3 --out " + Quote(out)).status, 1);
}

// A library that crashes or hangs on a document costs that document only:
// its worker is replaced and the run goes on.
TEST(BatchTest, WorkerKilledBySignalOrTimeoutCostsOnlyItsDocument) {
  const fs::path in = MakeCorpus("batch_crash", 6);
  std::ofstream(in / "crash.txt") << "This document makes the test plugin crash: CRASH-ME.\n";
  std::ofstream(in / "hang.txt") << "This document makes the test plugin hang: HANG-ME.\n";
  const fs::path out = testing::TempPath("batch_crash_out");
  fs::remove_all(out);
  const std::string err = out.string() + ".stderr";
  auto r = RunCommand(Binary() + " analyze " + Quote(in) + " --out " + Quote(out) +
                      " --jobs 2 --doc-timeout 2 --plugin-dir " + HSTAG_CRASH_PLUGIN_DIR + " 2>" +
                      Quote(err));
  EXPECT_EQ(r.status, 2) << r.out;
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["counts"]["done"], 6);
  EXPECT_EQ(run["counts"]["failed"], 2);
  const json crash = json::parse(ReadAll(out / "docs" / "crash.txt.json"));
  EXPECT_EQ(crash["errors"][0]["stage"], "worker");
  EXPECT_NE(crash["errors"][0]["message"].get<std::string>().find("killed by signal 11 (SIGSEGV)"),
            std::string::npos)
      << crash["errors"][0]["message"];
  const json hang = json::parse(ReadAll(out / "docs" / "hang.txt.json"));
  EXPECT_NE(hang["errors"][0]["message"].get<std::string>().find("stopped after 2 s"),
            std::string::npos)
      << hang["errors"][0]["message"];
  // Every good document has its full results.
  for (int i = 0; i < 6; ++i) {
    const fs::path p = out / "docs" / ((i % 2 ? "sub/" : "") + std::string("doc") +
                                       std::to_string(1000 + i) + ".txt.json");
    const json d = json::parse(ReadAll(p));
    EXPECT_TRUE(d["errors"].empty()) << p;
    EXPECT_GT(d["annotations"].size(), 10u) << p;
  }
  // The errors file names both, and stderr has one line for each.
  const std::string errors = ReadAll(out / "errors.jsonl");
  EXPECT_NE(errors.find("crash.txt"), std::string::npos);
  EXPECT_NE(errors.find("hang.txt"), std::string::npos);
  // stderr: one line for each failed document (and, in a run longer than
  // 5 s, progress lines "hstag: N/M documents, ...").
  std::istringstream lines(ReadAll(err));
  std::vector<std::string> failures;
  for (std::string line; std::getline(lines, line);) {
    if (line.find(" documents, ") == std::string::npos) failures.push_back(line);
  }
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_NE(failures[0].find("crash.txt"), std::string::npos) << failures[0];
  EXPECT_NE(failures[1].find("hang.txt"), std::string::npos) << failures[1];
}

TEST(BatchTest, MaxErrorsStopsAMisconfiguredRun) {
  const fs::path in = testing::TempPath("batch_maxerr");
  fs::remove_all(in);
  fs::create_directories(in);
  for (int i = 0; i < 20; ++i) {
    std::ofstream(in / ("bad" + std::to_string(10 + i) + ".txt"), std::ios::binary)
        << std::string("\x01\x02\0\0\0\x03", 6) << i;
  }
  const fs::path out = testing::TempPath("batch_maxerr_out");
  fs::remove_all(out);
  auto r = RunCommand(Binary() + " analyze " + Quote(in) + " --out " + Quote(out) +
                      " --jobs 1 --max-errors 3 2>&1 >/dev/null");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("stopped after 3 failed documents (--max-errors)"), std::string::npos) << r.out;
  const json run = json::parse(ReadAll(out / "run.json"));
  // Documents already under way when the third failed still finish.
  EXPECT_GE(run["counts"]["failed"].get<int>(), 3);
  EXPECT_LE(run["counts"]["failed"].get<int>(), 4);
  EXPECT_GT(run["counts"]["not_started"].get<int>(), 10);
}

}  // namespace
}  // namespace hstag
