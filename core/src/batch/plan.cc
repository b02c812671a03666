// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/plan.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <thread>

#include <sys/stat.h>

#include "util/util.h"

namespace fs = std::filesystem;

namespace hstag {
namespace {

// body(i) for i in [0, n), on `jobs` threads, joined before it returns.
void EachIndex(size_t n, unsigned jobs, const std::function<void(size_t)>& body) {
  std::atomic<size_t> cursor{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::max(1u, jobs); ++t) {
    threads.emplace_back([&] {
      for (size_t i; (i = cursor++) < n;) body(i);
    });
  }
  for (auto& t : threads) t.join();
}

}  // namespace

Result<Shard> ParseShard(const std::string& spec) {
  auto env = [](const char* name) -> long long {
    const char* v = std::getenv(name);
    return v && *v ? std::atoll(v) : -1;
  };
  long long k = -1, n = -1;
  if (spec.rfind("slurm/", 0) == 0) {
    // K is the array task's ID, N given: a task submitted again alone
    // (sbatch --array=5) is the same shard as in the whole array.
    n = std::atoll(spec.c_str() + 6);
    k = env("SLURM_ARRAY_TASK_ID");
    if (n < 1) return Status::Error("--shard slurm/N needs N >= 1, not `" + spec + "`");
    if (k < 1 || k > n) {
      return Status::Error("--shard " + spec + " needs SLURM_ARRAY_TASK_ID from 1 to " +
                           std::to_string(n) + " (submit the job array as --array=1-" +
                           std::to_string(n) + "), not " +
                           (k < 0 ? std::string("none") : std::to_string(k)));
    }
    return Shard{static_cast<uint64_t>(k), static_cast<uint64_t>(n)};
  }
  if (spec == "slurm") {
    const long long id = env("SLURM_ARRAY_TASK_ID"), min = env("SLURM_ARRAY_TASK_MIN"),
                    count = env("SLURM_ARRAY_TASK_COUNT");
    long long step = env("SLURM_ARRAY_TASK_STEP");
    if (step <= 0) step = 1;
    if (id < 0 || min < 0 || count <= 0) {
      return Status::Error(
          "--shard slurm needs SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and "
          "SLURM_ARRAY_TASK_COUNT (run it as a Slurm job array)");
    }
    k = (id - min) / step + 1;
    n = count;
  } else if (std::sscanf(spec.c_str(), "%lld/%lld", &k, &n) != 2) {
    return Status::Error("--shard is K/N, slurm or slurm/N, not `" + spec + "`");
  }
  if (n < 1 || k < 1 || k > n) return Status::Error("--shard " + spec + ": K must be from 1 to N");
  return Shard{static_cast<uint64_t>(k), static_cast<uint64_t>(n)};
}

uint64_t ShardOf(const std::string& relative, uint64_t n) {
  const std::string h = Sha256Hex(relative);
  return std::stoull(h.substr(0, 15), nullptr, 16) % n + 1;
}

RunPlan PlanRun(std::vector<Input> inputs, const OutputLayout& layout, const PlanOptions& o) {
  if (o.shard.n > 1) {
    std::erase_if(inputs, [&](const Input& in) { return ShardOf(in.relative, o.shard.n) != o.shard.k; });
  }
  RunPlan plan;
  plan.inputs.resize(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) plan.inputs[i].input = std::move(inputs[i]);
  auto& items = plan.inputs;
  const size_t n = items.size();

  // Sizes; a file that cannot be sized or is over the limit is left to the
  // run, which reports it.
  std::vector<char> sized(n, 0), hash(n, 0);
  std::vector<std::string> earlier_sha256(n);
  EachIndex(n, o.jobs, [&](size_t i) {
    const Input& in = items[i].input;
    if (!in.error.empty()) return;
    std::error_code error;
    uint64_t size = 0;
    if (!in.archive.empty()) {
      if (in.size_hint < 0) return;
      size = static_cast<uint64_t>(in.size_hint);
    } else if (in.stat.known) {
      size = in.stat.size;
    } else {
      size = fs::file_size(in.path, error);
    }
    if (error || size > o.max_bytes) return;
    sized[i] = 1;
    items[i].bytes = size;
  });
  std::map<uint64_t, size_t> of_size;
  for (size_t i = 0; i < n; ++i) {
    if (sized[i]) ++of_size[items[i].bytes];
  }
  std::set<std::string> names;
  size_t collisions = 0;
  for (size_t i = 0; i < n; ++i) {
    Input& in = items[i].input;
    if (!names.insert(in.relative).second) in.relative += "~" + std::to_string(++collisions);
    if (sized[i]) hash[i] = of_size[items[i].bytes] > 1;
  }
  if (o.earlier) {
    // The earlier run's record of each input: one whose status is as
    // recorded, and was recorded long enough after its last change, is
    // taken to hold the bytes recorded (--resume=checksum: verified all the
    // same); one of the same size is hashed and compared. Its output must
    // still be there.
    EachIndex(n, o.jobs, [&](size_t i) {
      if (!sized[i]) return;
      const Input& in = items[i].input;
      const DocumentState* e = o.earlier->Find(in.relative);
      if (!e || e->path != in.path || e->sha256.empty() || e->bytes != items[i].bytes) return;
      if (e->stat == in.stat && o.earlier->Settled(*e) && o.check == ResumeCheck::kStat) {
        items[i].sha256 = e->sha256;  // known without reading the file
      } else {
        hash[i] = 1;
      }
      if (e->failed || !e->duplicate_of.empty()) return;  // redone, or a duplicate again
      struct stat st {};
      if (::stat(layout.DocJson(in.relative).c_str(), &st) != 0 ||
          static_cast<uint64_t>(st.st_size) != e->json_bytes) {
        return;  // its JSON is gone or not the one written
      }
      earlier_sha256[i] = e->sha256;
      items[i].earlier = e;
    });
  }
  EachIndex(n, o.jobs, [&](size_t i) {
    if (!hash[i] || !items[i].sha256.empty()) return;
    const Input& in = items[i].input;
    if (!in.archive.empty()) {
      auto bytes = ReadMemberInput(in, o.limits ? *o.limits : Limits{});
      if (bytes.ok() && bytes->size() <= o.max_bytes) items[i].sha256 = Sha256Hex(*bytes);
      return;
    }
    auto digest = Sha256File(in.path, o.max_bytes);
    if (digest.ok()) items[i].sha256 = std::move(digest->sha256);
  });
  std::map<std::string, std::string> first_by_sha;
  for (size_t i = 0; i < n; ++i) {
    PlannedInput& item = items[i];
    if (item.sha256.empty()) continue;  // no other file of its size, or not readable
    auto [it, fresh] = first_by_sha.emplace(item.sha256, item.input.path);
    if (!fresh) {
      item.action = PlannedInput::Action::kDuplicate;
      item.first = it->second;
    } else if (earlier_sha256[i] == item.sha256) {
      item.action = PlannedInput::Action::kReuse;
    }
    if (item.action != PlannedInput::Action::kReuse) item.earlier = nullptr;
  }
  for (size_t i = 0; i < n; ++i) {
    if (items[i].action == PlannedInput::Action::kRun) plan.to_run.push_back(i);
  }
  return plan;
}

}  // namespace hstag
