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

#include "util/util.h"

namespace fs = std::filesystem;

namespace hstag {
namespace {

// What --resume needs of an earlier document JSON, read as parse events
// without building it in memory: its pipeline fingerprint, the size and hash
// of the bytes it was made from, and whether it failed. `ok` is false when
// the file is not a document JSON.
struct EarlierDocument {
  bool ok = false;
  std::string fingerprint, sha256;
  uint64_t bytes = 0;
  bool failed = false;
};

EarlierDocument ReadEarlierDocument(const std::string& path) {
  EarlierDocument d;
  auto text = ReadFile(path, 1ull << 32);
  if (!text.ok()) return d;
  // The keys down to the current value: the depth is the number of open
  // containers, and objects and arrays open and close alike.
  struct Reader : nlohmann::json_sax<ordered_json> {
    EarlierDocument* d;
    std::vector<std::string> keys;  // the key each open container is under ("" for the top)
    std::string name;               // the key of the next value
    bool tool = false;
    bool At(std::string_view outer, std::string_view inner) const {
      return keys.size() == 2 && keys[1] == outer && name == inner;
    }
    bool Value() {
      if (keys.size() == 2 && keys[1] == "errors") d->failed = true;
      return true;
    }
    bool Open() {
      Value();
      if (keys.size() == 1 && name == "tool") tool = true;
      keys.push_back(name);
      return true;
    }
    bool Close() {
      keys.pop_back();
      return true;
    }
    bool null() override { return Value(); }
    bool boolean(bool) override { return Value(); }
    bool number_integer(number_integer_t) override { return Value(); }
    bool number_unsigned(number_unsigned_t v) override {
      if (At("source", "bytes")) d->bytes = v;
      return Value();
    }
    bool number_float(number_float_t, const string_t&) override { return Value(); }
    bool string(string_t& v) override {
      if (At("source", "sha256")) d->sha256 = v;
      if (At("tool", "fingerprint")) d->fingerprint = v;
      return Value();
    }
    bool binary(binary_t&) override { return Value(); }
    bool start_object(std::size_t) override { return Open(); }
    bool key(string_t& k) override {
      name = k;
      return true;
    }
    bool end_object() override { return Close(); }
    bool start_array(std::size_t) override { return Open(); }
    bool end_array() override { return Close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
      return false;
    }
  } reader;
  reader.d = &d;
  d.ok = ordered_json::sax_parse(*text, &reader) && reader.tool;
  return d;
}

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
    return Status::Error("--shard is K/N or slurm, not `" + spec + "`");
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
  if (o.resume) {
    // Earlier outputs: one whose fingerprint and size match is reused if
    // the hash matches too. Nothing of it is kept but its hash: it is read
    // again when its rows are written.
    EachIndex(n, o.jobs, [&](size_t i) {
      if (!sized[i]) return;
      const EarlierDocument d = ReadEarlierDocument(layout.DocJson(items[i].input.relative));
      if (!d.ok || d.fingerprint != o.fingerprint || d.bytes != items[i].bytes || d.failed) return;
      hash[i] = 1;
      earlier_sha256[i] = d.sha256;
    });
  }
  EachIndex(n, o.jobs, [&](size_t i) {
    if (!hash[i]) return;
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
  }
  for (size_t i = 0; i < n; ++i) {
    if (items[i].action == PlannedInput::Action::kRun) plan.to_run.push_back(i);
  }
  return plan;
}

}  // namespace hstag
