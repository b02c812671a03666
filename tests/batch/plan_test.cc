// SPDX-License-Identifier: GPL-3.0-or-later
//
// Planning a batch run (batch/plan.h) against what the run before recorded
// (batch/state.h): a file whose status is as recorded is reused without
// being read; one whose status changed, or was recorded within the racy
// window after its last change, is hashed; --resume=checksum hashes all.
// The recorded hashes here are made up, so that only a file that was not
// read can be reused.
#include "batch/plan.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "batch/state.h"
#include "batch/walk.h"
#include "test_support.h"
#include "util/util.h"

namespace fs = std::filesystem;

namespace hstag {
namespace {

class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempPath("plan_test");
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    fs::create_directories(dir_ / "out" / "docs");
    std::ofstream(dir_ / "in" / "a.txt") << "Freedom from fear.\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  Input TheInput() const { return Walk({(dir_ / "in").string()}, {}).inputs.at(0); }
  OutputLayout Layout() const { return OutputLayout((dir_ / "out").string()); }

  // What a run recorded of the file as it is now, with `sha256`, `seconds`
  // after its last change; its JSON is written as recorded.
  RunState Recorded(const std::string& sha256, double seconds) const {
    const Input in = TheInput();
    RunState state;
    DocumentState d;
    d.relative = in.relative;
    d.path = in.path;
    d.stat = in.stat;
    d.bytes = in.stat.size;
    d.sha256 = sha256;
    d.json_bytes = 3;
    std::ofstream(Layout().DocJson(in.relative)) << "{}\n";
    state.documents.push_back(d);
    state.by_relative[d.relative] = 0;
    state.started_ns = in.stat.mtime_ns + static_cast<int64_t>(seconds * 1e9);
    return state;
  }

  PlannedInput Plan(const RunState& earlier, ResumeCheck check) const {
    PlanOptions o;
    o.earlier = &earlier;
    o.check = check;
    return PlanRun({TheInput()}, Layout(), o).inputs.at(0);
  }

  fs::path dir_;
};

const std::string kMadeUp(64, 'f');  // the hash of no file here

TEST_F(PlanTest, AFileWhoseStatusIsAsRecordedIsReusedWithoutBeingRead) {
  const PlannedInput p = Plan(Recorded(kMadeUp, 60), ResumeCheck::kStat);
  EXPECT_EQ(p.action, PlannedInput::Action::kReuse);
  EXPECT_EQ(p.sha256, kMadeUp);  // the recorded hash: the file was not read
  ASSERT_NE(p.earlier, nullptr);
}

TEST_F(PlanTest, ChecksumReadsEveryFile) {
  const PlannedInput p = Plan(Recorded(kMadeUp, 60), ResumeCheck::kChecksum);
  EXPECT_EQ(p.action, PlannedInput::Action::kRun);
  EXPECT_EQ(p.sha256, Sha256Hex("Freedom from fear.\n"));
}

TEST_F(PlanTest, AFileRecordedWithinTheRacyWindowIsHashed) {
  // Modified in the same timestamp tick as its status was read, it may have
  // changed again unseen: its recorded status is not trusted.
  const PlannedInput racy = Plan(Recorded(kMadeUp, 0.5), ResumeCheck::kStat);
  EXPECT_EQ(racy.action, PlannedInput::Action::kRun);
  // When its bytes are those recorded, it is reused all the same.
  const PlannedInput same = Plan(Recorded(Sha256Hex("Freedom from fear.\n"), 0.5), ResumeCheck::kStat);
  EXPECT_EQ(same.action, PlannedInput::Action::kReuse);
}

TEST_F(PlanTest, ATouchedFileIsHashedAndReusedWhenItsBytesAreTheSame) {
  const RunState recorded = Recorded(Sha256Hex("Freedom from fear.\n"), 60);
  fs::last_write_time(dir_ / "in" / "a.txt",
                      fs::last_write_time(dir_ / "in" / "a.txt") + std::chrono::seconds(5));
  EXPECT_EQ(Plan(recorded, ResumeCheck::kStat).action, PlannedInput::Action::kReuse);
  const RunState made_up = Recorded(kMadeUp, 60);
  fs::last_write_time(dir_ / "in" / "a.txt",
                      fs::last_write_time(dir_ / "in" / "a.txt") + std::chrono::seconds(5));
  EXPECT_EQ(Plan(made_up, ResumeCheck::kStat).action, PlannedInput::Action::kRun);
}

TEST_F(PlanTest, ADocumentWhoseJsonIsGoneOrCutIsMadeAgain) {
  const RunState recorded = Recorded(kMadeUp, 60);
  std::ofstream(Layout().DocJson("a.txt"), std::ios::trunc) << "{";
  EXPECT_EQ(Plan(recorded, ResumeCheck::kStat).action, PlannedInput::Action::kRun);
  fs::remove(Layout().DocJson("a.txt"));
  EXPECT_EQ(Plan(recorded, ResumeCheck::kStat).action, PlannedInput::Action::kRun);
}

TEST_F(PlanTest, AFailedOrMovedDocumentIsMadeAgain) {
  RunState failed = Recorded(kMadeUp, 60);
  failed.documents[0].failed = true;
  EXPECT_EQ(Plan(failed, ResumeCheck::kStat).action, PlannedInput::Action::kRun);
  RunState moved = Recorded(kMadeUp, 60);
  moved.documents[0].path = "elsewhere/a.txt";
  EXPECT_EQ(Plan(moved, ResumeCheck::kStat).action, PlannedInput::Action::kRun);
}

TEST(RunState, ReadsWhatItWroteAndTheJournalOfAKilledRun) {
  const fs::path dir = testing::TempPath("run_state_test");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const OutputLayout layout(dir.string());
  RunState s;
  s.fingerprint = "fp";
  s.matrix_values = "total";
  s.started_ns = 1234;
  s.sizes = {1, 2, 3, 4};
  DocumentState a;
  a.relative = "a.txt";
  a.path = "in/a.txt";
  a.stat = {10, 7, 100, 101, true};
  a.bytes = 10;
  a.json_bytes = 99;
  a.sha256 = "aa";
  a.has_rows = true;
  a.rows = {0, 5, 6, 7, 8, 9, 0, 0};
  a.line = "  in/a.txt: 1 matches";
  s.documents = {a};
  ASSERT_TRUE(WriteRunState(layout, s).ok());
  RunState back = ReadRunState(layout, "fp");
  ASSERT_EQ(back.documents.size(), 1u);
  const DocumentState& b = back.documents[0];
  EXPECT_EQ(b.stat, a.stat);
  EXPECT_EQ(b.rows, a.rows);
  EXPECT_TRUE(b.has_rows);
  EXPECT_EQ(b.line, a.line);
  EXPECT_EQ(b.json_bytes, 99u);
  EXPECT_EQ(back.sizes, s.sizes);
  EXPECT_TRUE(ReadRunState(layout, "another pipeline").documents.empty());

  // A killed run's journal: its document replaces the recorded one, without
  // rows (the files they were in were never finished), and a line cut short
  // is left out.
  RunState next = s;
  next.started_ns = 5678;
  auto journal = StateJournal::Open(layout, next);
  ASSERT_TRUE(journal.ok());
  DocumentState a2 = a;
  a2.sha256 = "a2";
  ASSERT_TRUE((*journal)->Add(a2).ok());
  journal->reset();
  std::ofstream(layout.StateJournal(), std::ios::app) << "{\"relative\":\"b.txt\",\"pa";
  back = ReadRunState(layout, "fp");
  ASSERT_EQ(back.documents.size(), 1u);
  EXPECT_EQ(back.documents[0].sha256, "a2");
  EXPECT_FALSE(back.documents[0].has_rows);
  EXPECT_EQ(back.started_ns, 1234);  // the earlier of the two: the safe one
  fs::remove_all(dir);
}

}  // namespace
}  // namespace hstag
