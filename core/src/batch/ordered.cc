// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/ordered.h"

#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace hstag {

AnalysisResult AnalyzeInput(const Pipeline& pipeline, const Input& in) {
  auto failed = [&](const std::string& error) {
    AnalysisResult r;
    r.doc.path = in.path;
    r.doc.Fail(error.starts_with("over the limit") ? "limit" : "read", error);
    return r;
  };
  if (!in.error.empty()) return failed(in.error);
  if (in.archive.empty()) return pipeline.Run(in.path, in.path);
  auto bytes = ReadMemberInput(in, pipeline.limits());
  if (!bytes.ok()) return failed(bytes.error());
  return pipeline.RunBytes(std::move(bytes).value(), in.path);
}

namespace {

AnalysisResult RunOne(const Pipeline& pipeline, const Input& in) {
  return AnalyzeInput(pipeline, in);
}

}  // namespace

void RunOrdered(const Pipeline& pipeline, const std::vector<Input>& inputs, unsigned jobs,
                const std::function<void(size_t, AnalysisResult&&)>& deliver) {
  if (jobs <= 1 || inputs.size() <= 1) {
    for (size_t i = 0; i < inputs.size(); ++i) deliver(i, RunOne(pipeline, inputs[i]));
    return;
  }
  const size_t window = 4 * static_cast<size_t>(jobs);
  std::mutex mu;
  std::condition_variable cv;
  size_t next_input = 0;    // next input to start
  size_t next_deliver = 0;  // next result to hand back
  std::map<size_t, AnalysisResult> done;

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return next_input >= inputs.size() || next_input < next_deliver + window; });
        if (next_input >= inputs.size()) return;
        i = next_input++;
      }
      AnalysisResult r = RunOne(pipeline, inputs[i]);
      {
        std::lock_guard lock(mu);
        done.emplace(i, std::move(r));
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  const unsigned n = std::min<size_t>(jobs, inputs.size());
  for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
  while (next_deliver < inputs.size()) {
    std::optional<AnalysisResult> r;
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return done.count(next_deliver) > 0; });
      auto it = done.find(next_deliver);
      r.emplace(std::move(it->second));
      done.erase(it);
    }
    deliver(next_deliver, std::move(*r));
    {
      std::lock_guard lock(mu);
      ++next_deliver;
    }
    cv.notify_all();
  }
  for (auto& t : pool) t.join();
}

}  // namespace hstag
