// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/worker_pool.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace hstag {
namespace {

// Results come back in input order whatever order the work is done in; with
// one worker, the work is done costliest first.
TEST(WorkerPoolTest, CostliestFirstAndDeliveredInInputOrder) {
  const std::vector<uint64_t> cost = {1, 5, 3, 9, 2};
  WorkerTasks tasks;
  tasks.work = [](size_t i) {
    static int started = 0;  // counts in the worker process, which is forked
    return std::to_string(i) + ":" + std::to_string(started++);
  };
  tasks.cost = [&](size_t i) { return cost[i]; };
  tasks.on_failure = [](size_t i, const std::string& m) { return std::to_string(i) + ":F " + m; };
  tasks.failed = [](const std::string& p) { return p.find(":F") != std::string::npos; };
  std::vector<size_t> order;
  std::vector<std::string> payloads;
  tasks.deliver = [&](size_t i, std::string&& p) {
    order.push_back(i);
    payloads.push_back(std::move(p));
  };
  const WorkerReport report = RunInWorkers(cost.size(), {1, 10, 0}, tasks);
  EXPECT_EQ(report.failed, 0u);
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4}));
  // Costs 9, 5, 3, 2, 1: inputs 3, 1, 2, 4, 0.
  EXPECT_EQ(payloads, (std::vector<std::string>{"0:4", "1:1", "2:2", "3:0", "4:3"}));
}

// Many quick documents over two workers (answers that arrive together are
// read in one wake-up, and quick documents are queued deeper): every one
// comes back once, in input order, with its own answer, whatever its size.
TEST(WorkerPoolTest, ManyQuickDocumentsComeBackWholeAndInOrder) {
  constexpr size_t kDocs = 3000;
  WorkerTasks tasks;
  tasks.work = [](size_t i) { return std::to_string(i) + ":" + std::string(i % 97 * 50, 'x'); };
  tasks.on_failure = [](size_t i, const std::string& m) { return std::to_string(i) + ":F " + m; };
  tasks.failed = [](const std::string& p) { return p.find(":F") != std::string::npos; };
  size_t next = 0, wrong = 0;
  tasks.deliver = [&](size_t i, std::string&& p) {
    if (i != next++ || p != std::to_string(i) + ":" + std::string(i % 97 * 50, 'x')) ++wrong;
  };
  const WorkerReport report = RunInWorkers(kDocs, {2, 10, 0}, tasks);
  EXPECT_EQ(report.failed, 0u);
  EXPECT_EQ(next, kDocs);
  EXPECT_EQ(wrong, 0u);
}

// A worker that dies costs the document it was working on; the one waiting
// in its queue goes to the new worker and is done.
TEST(WorkerPoolTest, AWorkerThatDiesCostsOnlyItsDocument) {
  WorkerTasks tasks;
  tasks.work = [](size_t i) {
    if (i == 1) ::kill(::getpid(), SIGKILL);
    return std::to_string(i) + ":ok";
  };
  tasks.on_failure = [](size_t i, const std::string& m) { return std::to_string(i) + ":F " + m; };
  tasks.failed = [](const std::string& p) { return p.find(":F") != std::string::npos; };
  std::vector<std::string> payloads;
  tasks.deliver = [&](size_t, std::string&& p) { payloads.push_back(std::move(p)); };
  const WorkerReport report = RunInWorkers(4, {1, 10, 0}, tasks);
  EXPECT_EQ(report.failed, 1u);
  ASSERT_EQ(payloads.size(), 4u);
  EXPECT_EQ(payloads[0], "0:ok");
  EXPECT_NE(payloads[1].find("1:F the worker analysing it was killed by signal 9 (SIGKILL)"),
            std::string::npos)
      << payloads[1];
  EXPECT_EQ(payloads[2], "2:ok");
  EXPECT_EQ(payloads[3], "3:ok");
}

// --max-errors: once the limit is reached nothing more is started; what was
// under way still comes back.
TEST(WorkerPoolTest, MaxErrorsStartsNothingMore) {
  WorkerTasks tasks;
  tasks.work = [](size_t i) { return std::to_string(i) + ":F bad"; };
  tasks.on_failure = [](size_t i, const std::string& m) { return std::to_string(i) + ":F " + m; };
  tasks.failed = [](const std::string& p) { return p.find(":F") != std::string::npos; };
  size_t delivered = 0;
  tasks.deliver = [&](size_t, std::string&&) { ++delivered; };
  const WorkerReport report = RunInWorkers(50, {1, 10, 3}, tasks);
  EXPECT_TRUE(report.stopped_early);
  EXPECT_GE(delivered, 3u);
  // At most one more than the limit: the one waiting in the worker's queue
  // (two deep while documents are new to it).
  EXPECT_LE(delivered, 4u);
  EXPECT_EQ(report.not_started, 50u - delivered);
}

// A document whose worker asks for more time (ExtendDocumentDeadline, as
// OCR does) may run past --doc-timeout by that much, and no further; the
// next document has the plain limit again.
TEST(WorkerPoolTest, ADocumentMayAskForMoreTime) {
  WorkerTasks tasks;
  tasks.work = [](size_t i) {
    if (i == 0) ExtendDocumentDeadline(3);    // 0.6 s of work: within 0.3 + 3 s
    if (i == 1) ExtendDocumentDeadline(0.2);  // 0.6 s: past 0.3 + 0.2 s
    // Input 2 asks for nothing: 0.6 s is past 0.3 s.
    ::usleep(600'000);
    return std::to_string(i) + ":ok";
  };
  tasks.on_failure = [](size_t i, const std::string& m) { return std::to_string(i) + ":F " + m; };
  tasks.failed = [](const std::string& p) { return p.find(":F") != std::string::npos; };
  std::vector<std::string> payloads;
  tasks.deliver = [&](size_t, std::string&& p) { payloads.push_back(std::move(p)); };
  const WorkerReport report = RunInWorkers(3, {1, 0.3, 0}, tasks);
  ASSERT_EQ(payloads.size(), 3u);
  EXPECT_EQ(payloads[0], "0:ok");
  EXPECT_EQ(payloads[1],
            "1:F stopped after 0.5 s without finishing (--doc-timeout 0.3 s, plus 0.2 s for OCR)");
  EXPECT_EQ(payloads[2], "2:F stopped after 0.3 s without finishing (--doc-timeout)");
  EXPECT_EQ(report.failed, 2u);
}

}  // namespace
}  // namespace hstag
