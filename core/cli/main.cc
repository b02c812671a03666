// SPDX-License-Identifier: GPL-3.0-or-later
//
// hstag: the command line over the library. Exit codes: 0 success, 1 usage
// error, 2 some documents failed (their errors are in the output), 3 fatal
// error (a config, lexicon or plugin that does not load).
#include <unistd.h>

#ifdef HSTAG_MIMALLOC
#include <mimalloc.h>
#endif

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstring>
#include <chrono>
#include <ctime>
#include <functional>
#include <map>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "compare.h"
#include "report.h"
#include "batch/ordered.h"
#include "hstag/builtins.h"
#include "batch/corpus_output.h"
#include "output/csv.h"
#include "eval/eval.h"
#include "lexicon/check.h"
#include "lexicon/loader.h"
#include "text/analyzer.h"
#include "hstag/writer.h"
#include "hstag/pipeline.h"
#include "util/util.h"
#include "hstag/version.h"
#include "batch/walk.h"
#include "batch/worker_pool.h"

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0, kExitUsage = 1, kExitDocuments = 2, kExitFatal = 3;

struct CommonOptions {
  std::string config;
  std::vector<std::string> lexicons;
  std::vector<std::string> plugin_dirs;
  std::string pdf_password;
  std::string xml_profile;
  // Per-document limits (hstag::Limits, the PDF extractor's pages); 0: not given.
  uint64_t max_bytes = 0, max_pages = 0, max_segments = 0, max_annotations = 0;
};

void AddCommon(CLI::App* app, CommonOptions* o) {
  app->add_option("--config", o->config, "Pipeline config (YAML); default: the shipped one")
      ->check(CLI::ExistingFile);
  app->add_option("--lexicon", o->lexicons,
                  "Lexicon file to use instead of the config's (repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  app->add_option("--plugin-dir", o->plugin_dirs, "Load plugin modules (*.so) from DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false);
  app->add_option("--pdf-password", o->pdf_password, "Password for encrypted PDFs");
  app->add_option("--xml-profile", o->xml_profile,
                  "Force an XML profile (akn, tei, jats, formex, xhtml, udhr, docbook, generic)");
  const CLI::Validator positive(
      [](std::string& v) {
        return !v.empty() && v.find_first_not_of("0123456789") == std::string::npos &&
                       v.find_first_not_of('0') != std::string::npos
                   ? std::string()
                   : "`" + v + "` is not a whole number above 0";
      },
      "N>0", "positive");
  app->add_option("--max-bytes", o->max_bytes,
                  "A larger file fails without being read (default 134217728: 128 MiB)")
      ->check(positive);
  app->add_option("--max-pages", o->max_pages, "A PDF of more pages fails (default 5000)")
      ->check(positive);
  app->add_option("--max-segments", o->max_segments,
                  "A document of more segments (pages' parts, paragraphs) fails (default 1000000)")
      ->check(positive);
  app->add_option("--max-annotations", o->max_annotations,
                  "A document with more annotations fails (default 1000000)")
      ->check(positive);
}

// The pipeline of the command, or nullptr after printing why it cannot be
// made. It lives until the process ends and is never destroyed: at the end
// of a batch, freeing its many small allocations (lexicons, automata,
// tables) took the supervisor about 13 ms, mostly copy-on-write faults on
// pages the workers had shared, for memory that the exit returns anyway. It
// is kept in static storage, so that leak checkers see it reachable.
hstag::Pipeline* MakePipeline(const CommonOptions& o, bool extract_only = false) {
  hstag::PipelineOptions po;
  po.extract_only = extract_only;
  po.config_path = o.config;
  po.lexicons = o.lexicons;
  po.plugin_dirs = o.plugin_dirs;
  po.builtins = hstag::BuiltinPlugins();
  hstag::ordered_json pdf = hstag::ordered_json::object();
  if (!o.pdf_password.empty()) pdf["password"] = o.pdf_password;
  if (o.max_pages) pdf["max_pages"] = o.max_pages;
  if (o.max_bytes) pdf["max_bytes"] = o.max_bytes;
  if (!pdf.empty()) po.plugin_options.emplace_back("pdf", pdf.dump());
  if (o.max_bytes) po.max_bytes = o.max_bytes;
  if (o.max_segments) po.max_segments = o.max_segments;
  if (o.max_annotations) po.max_annotations = o.max_annotations;
  if (!o.xml_profile.empty()) {
    po.plugin_options.emplace_back("xml", hstag::ordered_json{{"profile", o.xml_profile}}.dump());
  }
  auto p = hstag::Pipeline::Create(po);
  if (!p.ok()) {
    std::cerr << "hstag: " << p.error() << "\n";
    return nullptr;
  }
  static hstag::Pipeline* kept = nullptr;
  delete kept;  // commands make one; were there a second, it would replace the first
  kept = std::move(p).value().release();
  return kept;
}

void WriteStdout(std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
}

std::string ErrorLine(const hstag::Document& d) {
  std::string s;
  for (const auto& e : d.errors) s += (s.empty() ? "" : "; ") + e.message;
  return s;
}

std::string ErrorLine(const hstag::ordered_json& errors) {
  std::string s;
  for (const auto& e : errors) s += (s.empty() ? "" : "; ") + e["message"].get<std::string>();
  return s;
}

// ---- analyze ----------------------------------------------------------------

struct AnalyzeOptions {
  std::vector<std::string> paths;
  std::string files_from;
  std::string format;  // json | jsonl | html (with --out: reports beside the JSON)
  std::string out;
  unsigned jobs = 0;
  bool emit_text = false;
  bool quiet = false;
  bool resume = false;
  std::string shard;          // "K/N" or "slurm"
  std::string matrix_values = "total";
  double doc_timeout = 120;
  size_t max_errors = 0;
  std::vector<std::string> include, exclude;
};

// Reads --files-from: NUL-separated when the text has a NUL, else one path a
// line; "-" is stdin.
hstag::Result<std::vector<std::string>> ReadFilesFrom(const std::string& from) {
  std::string text;
  if (from == "-") {
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) text.append(buf, n);
  } else {
    auto r = hstag::ReadFile(from, 1u << 30);
    if (!r.ok()) return hstag::Status::Error(from + ": " + r.error());
    text = std::move(r).value();
  }
  const char sep = text.find('\0') != std::string::npos ? '\0' : '\n';
  std::vector<std::string> paths;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(sep, i);
    if (j == std::string::npos) j = text.size();
    std::string p = text.substr(i, j - i);
    if (sep == '\n' && !p.empty() && p.back() == '\r') p.pop_back();
    if (!p.empty()) paths.push_back(std::move(p));
    i = j + 1;
  }
  return paths;
}

// --shard: "K/N" (1 <= K <= N) or "slurm" (from the job array's variables).
hstag::Result<std::pair<uint64_t, uint64_t>> ParseShard(const std::string& spec) {
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
      return hstag::Status::Error(
          "--shard slurm needs SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and "
          "SLURM_ARRAY_TASK_COUNT (run it as a Slurm job array)");
    }
    k = (id - min) / step + 1;
    n = count;
  } else if (std::sscanf(spec.c_str(), "%lld/%lld", &k, &n) != 2) {
    return hstag::Status::Error("--shard is K/N or slurm, not `" + spec + "`");
  }
  if (n < 1 || k < 1 || k > n) {
    return hstag::Status::Error("--shard " + spec + ": K must be from 1 to N");
  }
  return std::make_pair(static_cast<uint64_t>(k), static_cast<uint64_t>(n));
}

// The shard a document belongs to: from its path relative to its root, so
// that adding files moves no other file to another shard.
uint64_t ShardOf(const std::string& relative, uint64_t n) {
  const std::string h = hstag::Sha256Hex(relative);
  return std::stoull(h.substr(0, 15), nullptr, 16) % n + 1;
}

std::string NowUtc() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// A worker's answer: a flag byte, then each field as [length: 8 bytes][bytes].
std::string PackFields(char flag, const std::vector<std::string>& fields) {
  std::string out(1, flag);
  for (const auto& f : fields) {
    const uint64_t n = f.size();
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out += f;
  }
  return out;
}

std::vector<std::string_view> UnpackFields(std::string_view packed) {
  std::vector<std::string_view> fields;
  size_t i = 1;
  while (i + 8 <= packed.size()) {
    uint64_t n;
    std::memcpy(&n, packed.data() + i, sizeof n);
    fields.push_back(packed.substr(i + 8, n));
    i += 8 + n;
  }
  return fields;
}

// One line of the human summary: the concepts a document mentions most.
std::string SummaryLine(const hstag::ordered_json& doc) {
  std::vector<std::pair<uint64_t, std::string>> top;
  for (const auto& [id, c] : doc["summary"]["concepts"].items()) {
    top.emplace_back(c["total"].get<uint64_t>(), id);
  }
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string line = "  " + doc["source"]["path"].get<std::string>() + ": ";
  if (!doc["errors"].empty()) return line + "FAILED: " + ErrorLine(doc["errors"]);
  line += std::to_string(doc["annotations"].size()) + " matches";
  for (size_t k = 0; k < top.size() && k < 4; ++k) {
    line += (k ? ", " : " (") + top[k].second + " " + std::to_string(top[k].first);
  }
  if (!top.empty()) line += top.size() > 4 ? ", …)" : ")";
  return line;
}

// What --resume needs of an earlier document JSON, read without building it
// in memory: its pipeline fingerprint, the size and hash of the bytes it was
// made from, and whether it failed. `ok` is false when the file is not a
// document JSON.
struct EarlierDocument {
  bool ok = false;
  std::string fingerprint, sha256;
  uint64_t bytes = 0;
  bool failed = false;
};

EarlierDocument ReadEarlierDocument(const std::string& path) {
  EarlierDocument d;
  auto text = hstag::ReadFile(path, 1ull << 32);
  if (!text.ok()) return d;
  // The parse as events, with the keys down to the current value.
  struct Reader : nlohmann::json_sax<hstag::ordered_json> {
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
  d.ok = hstag::ordered_json::sax_parse(*text, &reader) && reader.tool;
  return d;
}

// Progress on stderr for a batch: a bar redrawn in place on a terminal, a
// plain line every few seconds otherwise (a log), nothing with --quiet.
class Progress {
 public:
  Progress(size_t total, bool quiet)
      : total_(total), quiet_(quiet), tty_(::isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()), last_(start_) {}
  void Add(uint64_t bytes, bool failed) {
    ++done_;
    bytes_ += bytes;
    failed_ += failed;
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const double since = std::chrono::duration<double>(now - last_).count();
    // A terminal's bar is redrawn often and completed; a log gets a line
    // every 5 seconds while the run lasts.
    if (tty_ ? (done_ < total_ && since < 0.2) : since < 5.0) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? done_ / elapsed : 0;
    const double mbps = elapsed > 0 ? bytes_ / 1e6 / elapsed : 0;
    const long eta = rate > 0 ? static_cast<long>((total_ - done_) / rate) : 0;
    char line[200];
    if (tty_) {
      const int width = 24;
      const int fill = total_ ? static_cast<int>(width * done_ / total_) : width;
      std::snprintf(line, sizeof line,
                    "\r[%.*s%.*s] %zu/%zu documents  %.1f/s  %.1f MB/s  ETA %ld:%02ld  %zu failed ",
                    fill, "########################", width - fill,
                    "........................", done_, total_, rate, mbps, eta / 60, eta % 60,
                    failed_);
    } else {
      std::snprintf(line, sizeof line,
                    "hstag: %zu/%zu documents, %.1f/s, %.1f MB/s, ETA %ld:%02ld, %zu failed\n",
                    done_, total_, rate, mbps, eta / 60, eta % 60, failed_);
    }
    std::fputs(line, stderr);
    if (tty_ && done_ == total_) std::fputs("\n", stderr);
  }
  // Before another line on stderr: end the bar's line.
  void Break() {
    if (tty_ && !quiet_ && done_ > 0 && done_ < total_) std::fputs("\n", stderr);
  }

 private:
  size_t total_, done_ = 0, failed_ = 0;
  uint64_t bytes_ = 0;
  bool quiet_, tty_;
  std::chrono::steady_clock::time_point start_, last_;
};

int AnalyzeToDir(const AnalyzeOptions& o, const CommonOptions& common, hstag::Pipeline& pipeline,
                 std::vector<hstag::Input> inputs, hstag::ordered_json tool, unsigned jobs) {
  const std::string started = NowUtc();
  auto values = hstag::ParseMatrixValues(o.matrix_values);
  if (!values.ok()) {
    std::cerr << "hstag: " << values.error() << "\n";
    return kExitUsage;
  }
  std::error_code ec;
  fs::create_directories(fs::path(o.out) / "docs", ec);
  if (ec) {
    std::cerr << "hstag: " << o.out << ": " << ec.message() << "\n";
    return kExitFatal;
  }
  // A run killed before it finished leaves its temporary files: remove them
  // (the complete files from before stay, and --resume picks up from them).
  for (auto it = fs::recursive_directory_iterator(o.out, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().filename().string().find(".tmp.") != std::string::npos) {
      fs::remove(it->path(), ec);
    }
  }
  ec.clear();
  // What decides the output, hashed: a document is reused by --resume only
  // when it was made with the same fingerprint from the same bytes.
  hstag::ordered_json options{{"output", HSTAG_SCHEMA_DOCUMENT},
                              {"emit_text", o.emit_text},
                              {"lexicons", common.lexicons},
                              {"plugin_dirs", common.plugin_dirs},
                              {"xml_profile", common.xml_profile},
                              {"pdf_password", !common.pdf_password.empty()}};
  const std::string config_path =
      common.config.empty() ? pipeline.data_dir() + "/lexicons/pipeline.yaml" : common.config;
  auto config_bytes = hstag::ReadFile(config_path, 16u << 20);
  const std::string fingerprint =
      hstag::Fingerprint(tool, config_bytes.ok() ? *config_bytes : "", options);
  tool["fingerprint"] = fingerprint;

  uint64_t shard_k = 1, shard_n = 1;
  if (!o.shard.empty()) {
    auto sh = ParseShard(o.shard);
    if (!sh.ok()) {
      std::cerr << "hstag: " << sh.error() << "\n";
      return kExitUsage;
    }
    std::tie(shard_k, shard_n) = *sh;
    std::erase_if(inputs, [&](const hstag::Input& in) {
      return ShardOf(in.relative, shard_n) != shard_k;
    });
  }

  std::vector<std::string> columns;
  for (const hstag::Concept* c : pipeline.concepts()) columns.push_back(c->id);
  auto corpus = hstag::CorpusOutput::Open(o.out, columns, *values);
  if (!corpus.ok()) {
    std::cerr << "hstag: " << corpus.error() << "\n";
    return kExitFatal;
  }

  // Duplicates and --resume go by content hashes, but only files that could
  // be the same as another need one: files of the same size, and files whose
  // earlier output matches them in all but the hash. Every other file is read
  // once, by the worker that analyses it.
  enum class Plan { kRun, kReuse, kDuplicate };
  struct Item {
    Plan plan = Plan::kRun;
    bool sized = false;         // a file whose size is known, within the limit
    bool hash = false;          // its content hash is needed
    std::string sha256, first;  // first: the earlier input with the same bytes
    std::string earlier_sha256;  // of an earlier output that --resume may reuse
    uint64_t bytes = 0;
  };
  std::vector<Item> items(inputs.size());
  // docs/<relative path>.json of input i (once relative paths are unique, below).
  auto doc_path = [&](size_t i) {
    return fs::path(o.out) / "docs" / (inputs[i].relative + ".json");
  };
  // body(i) for every input, on `jobs` threads joined before any worker is forked.
  auto each_input = [&](const std::function<void(size_t)>& body) {
    std::atomic<size_t> cursor{0};
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
      threads.emplace_back([&] {
        for (size_t i; (i = cursor++) < inputs.size();) body(i);
      });
    }
    for (auto& t : threads) t.join();
  };
  each_input([&](size_t i) {
    if (!inputs[i].error.empty()) return;
    std::error_code size_error;
    const uint64_t size = fs::file_size(inputs[i].path, size_error);
    if (size_error || size > pipeline.limits().max_bytes) return;  // the run reports it
    items[i].sized = true;
    items[i].bytes = size;
  });
  std::map<uint64_t, size_t> of_size;
  for (const Item& item : items) {
    if (item.sized) ++of_size[item.bytes];
  }
  std::set<std::string> names;
  size_t collisions = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const hstag::Input& in = inputs[i];
    if (!names.insert(in.relative).second) {
      // Two roots with the same relative path: the second is renamed.
      inputs[i].relative = in.relative + "~" + std::to_string(++collisions);
    }
    if (items[i].sized) items[i].hash = of_size[items[i].bytes] > 1;
  }
  if (o.resume) {
    // Earlier outputs, read in parallel: one whose fingerprint and size match
    // is reused if the hash matches too. Nothing of it is kept but its hash:
    // it is read again when its rows are written.
    each_input([&](size_t i) {
      Item& item = items[i];
      if (!item.sized) return;
      const EarlierDocument d = ReadEarlierDocument(doc_path(i).string());
      if (!d.ok || d.fingerprint != fingerprint || d.bytes != item.bytes || d.failed) return;
      item.hash = true;
      item.earlier_sha256 = d.sha256;
    });
  }
  each_input([&](size_t i) {
    if (!items[i].hash) return;
    auto digest = hstag::Sha256File(inputs[i].path, pipeline.limits().max_bytes);
    if (digest.ok()) items[i].sha256 = std::move(digest->sha256);
  });
  std::map<std::string, std::string> first_by_sha;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Item& item = items[i];
    if (item.sha256.empty()) continue;  // no other file of its size, or not readable
    auto [it, fresh] = first_by_sha.emplace(item.sha256, inputs[i].path);
    if (!fresh) {
      item.plan = Plan::kDuplicate;
      item.first = it->second;
    } else if (item.earlier_sha256 == item.sha256) {
      item.plan = Plan::kReuse;
    }
  }

  std::vector<hstag::Input> to_run;
  std::vector<size_t> run_index;  // to_run position -> input index
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (items[i].plan == Plan::kRun) {
      to_run.push_back(inputs[i]);
      run_index.push_back(i);
    }
  }

  size_t done = 0, failed = 0, reused = 0, duplicates = 0, warned = 0;
  hstag::Status write_error;
  std::vector<std::string> lines;
  auto keep_error = [&](const hstag::Status& s) {
    if (!s.ok() && write_error.ok()) write_error = s;
  };
  size_t next = 0;  // next input to record, so that every output keeps input order
  auto record_until = [&](size_t end) {
    for (; next < end; ++next) {
      if (items[next].plan == Plan::kReuse) {
        ++reused;
        // Read again here, one at a time, so that memory stays bounded.
        const fs::path earlier = doc_path(next);
        auto text = hstag::ReadFile(earlier.string(), 1ull << 32);
        const auto doc =
            text.ok() ? hstag::ordered_json::parse(*text, nullptr, false) : hstag::ordered_json();
        if (!doc.is_object()) {
          keep_error(hstag::Status::Error(earlier.string() + ": changed during the run"));
          continue;
        }
        keep_error((*corpus)->Add(doc));
        lines.push_back(SummaryLine(doc));
      } else if (items[next].plan == Plan::kDuplicate) {
        ++duplicates;
        keep_error((*corpus)->AddDuplicate(inputs[next].path, items[next].sha256, items[next].first));
        lines.push_back("  " + inputs[next].path + ": duplicate of " + items[next].first);
      }
    }
  };

  // Per document, in a worker: analyse, write docs/<path>.json, render the
  // corpus files' lines. The payload is "F" (failed) or "O", then JSON.
  const bool html = o.format == "html";  // reports/<path>.html, made from the JSON with its text
  hstag::OutputOptions out_options{o.emit_text || html};
  auto finish = [&](size_t i, hstag::ordered_json doc) {
    hstag::Status written;
    if (html) {
      written = hstag::cli::WriteBatchReport(o.out, inputs[i].relative, &doc, o.emit_text, started);
    }
    const fs::path target = doc_path(i);
    std::error_code mk;
    fs::create_directories(target.parent_path(), mk);
    if (written.ok()) {
      written = hstag::WriteFileAtomic(target.string(), hstag::Dump(doc, 2) + "\n",
                                       hstag::Durability::kAtomicOnly);
    }
    const auto rows = hstag::CorpusOutput::Render(doc, columns, *values);
    const bool failed_doc = !doc["errors"].empty();
    return PackFields(failed_doc ? 'F' : 'O',
                      {doc["source"]["path"].get<std::string>(),
                       std::to_string(doc["source"]["bytes"].get<uint64_t>()),
                       doc["warnings"].empty() ? "0" : "1",
                       failed_doc ? ErrorLine(doc["errors"]) : "", SummaryLine(doc),
                       written.ok() ? "" : written.message(), rows.corpus, rows.matrix,
                       rows.annotations, rows.errors});
  };
  Progress progress(to_run.size(), o.quiet);
  hstag::WorkerTasks tasks;
  tasks.work = [&](size_t k) {
    const size_t i = run_index[k];
    hstag::AnalysisResult r;
    if (!inputs[i].error.empty()) {
      r.doc.path = inputs[i].path;
      r.doc.Fail("read", inputs[i].error);
    } else {
      r = pipeline.Run(inputs[i].path, inputs[i].path);
    }
    return finish(i, hstag::DocumentJson(r, pipeline, tool, out_options));
  };
  tasks.on_failure = [&](size_t k, const std::string& message) {
    hstag::AnalysisResult r;
    r.doc.path = inputs[run_index[k]].path;
    r.doc.Fail("worker", message);
    return finish(run_index[k], hstag::DocumentJson(r, pipeline, tool, out_options));
  };
  tasks.cost = [&](size_t k) { return items[run_index[k]].bytes; };  // longest first
  tasks.failed = [](const std::string& payload) { return !payload.empty() && payload[0] == 'F'; };
  tasks.deliver = [&](size_t k, std::string&& payload) {
    const size_t i = run_index[k];
    record_until(i);
    const auto f = UnpackFields(payload);  // the fields of `finish`, in its order
    if (f.size() != 10) {
      keep_error(hstag::Status::Error(inputs[i].path + ": a worker's answer was cut short"));
      return;
    }
    const bool failed_doc = payload[0] == 'F';
    progress.Add(std::stoull(std::string(f[1])), failed_doc);
    if (failed_doc) {
      ++failed;
      if (!o.quiet) {
        progress.Break();
        std::cerr << "hstag: " << f[0] << ": " << f[3] << "\n";
      }
    } else {
      ++done;
      if (f[2] == "1") ++warned;
    }
    if (!f[5].empty()) keep_error(hstag::Status::Error(std::string(f[5])));
    keep_error((*corpus)->Append({f[6], f[7], f[8], f[9]}));
    lines.emplace_back(f[4]);
    next = i + 1;
  };
  const hstag::WorkerReport report =
      hstag::RunInWorkers(to_run.size(), {jobs, o.doc_timeout, o.max_errors}, tasks);
  if (report.stopped_early) {
    std::cerr << "hstag: stopped after " << o.max_errors << " failed documents (--max-errors); "
              << report.not_started << " document(s) not analysed\n";
  } else {
    record_until(inputs.size());
  }

  hstag::ordered_json run;
  run["schema"] = "hstag.run/1";
  run["tool"] = tool;
  run["fingerprint"] = fingerprint;
  run["options"] = options;
  run["options"]["inputs"] = o.paths;
  run["options"]["files_from"] = o.files_from;
  run["options"]["include"] = o.include;
  run["options"]["exclude"] = o.exclude;
  run["options"]["matrix_values"] = o.matrix_values;
  run["options"]["jobs"] = jobs;
  run["options"]["resume"] = o.resume;
  run["shard"] = {{"k", shard_k}, {"n", shard_n}};
  run["matrix_columns"] = columns;
  run["started"] = started;
  run["finished"] = NowUtc();
  run["counts"] = {{"documents", inputs.size()}, {"done", done},         {"failed", failed},
                   {"skipped", reused},          {"duplicate", duplicates},
                   {"not_started", report.not_started}};
  run["options"]["doc_timeout"] = o.doc_timeout;
  run["options"]["max_errors"] = o.max_errors;
  run["options"]["limits"] = {{"max_bytes", pipeline.limits().max_bytes},
                              {"max_pages", common.max_pages ? hstag::ordered_json(common.max_pages)
                                                             : hstag::ordered_json()},
                              {"max_segments", pipeline.limits().max_segments},
                              {"max_annotations", pipeline.limits().max_annotations}};
  if (hstag::Status s = (*corpus)->Finish(run); !s.ok() && write_error.ok()) write_error = s;
  if (html && write_error.ok()) write_error = hstag::cli::WriteBatchIndex(o.out, inputs, started);
  if (!write_error.ok()) {
    std::cerr << "hstag: " << write_error.message() << "\n";
    return kExitFatal;
  }
  if (!o.quiet) {
    std::string s = "hstag: " + std::to_string(inputs.size()) + " document(s): " +
                    std::to_string(done) + " analysed, " + std::to_string(failed) + " failed, " +
                    std::to_string(reused) + " unchanged since the last run, " +
                    std::to_string(duplicates) + " duplicate(s), " + std::to_string(warned) +
                    " with warnings; results in " + o.out + "/\n";
    for (const auto& l : lines) s += l + "\n";
    WriteStdout(s);
  }
  std::fflush(stdout);
  return failed || report.stopped_early ? kExitDocuments : kExitOk;
}

int Analyze(const AnalyzeOptions& o, const CommonOptions& common) {
  auto pipeline = MakePipeline(common);
  if (!pipeline) return kExitFatal;
  const hstag::ordered_json tool = hstag::ToolJson(*pipeline);
  std::vector<std::string> paths = o.paths;
  if (!o.files_from.empty()) {
    auto more = ReadFilesFrom(o.files_from);
    if (!more.ok()) {
      std::cerr << "hstag: " << more.error() << "\n";
      return kExitUsage;
    }
    paths.insert(paths.end(), more->begin(), more->end());
  }
  if (paths.empty()) {
    std::cerr << "hstag analyze: no input (give paths or --files-from)\n";
    return kExitUsage;
  }
  const std::vector<hstag::Input> inputs = hstag::Walk(paths, {o.include, o.exclude});
  const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (!o.out.empty()) return AnalyzeToDir(o, common, *pipeline, inputs, tool, jobs);
  if (o.format == "html") {
    std::cerr << "hstag analyze: --format html needs --out (or use hstag report)\n";
    return kExitUsage;
  }

  const bool single = paths.size() == 1 && inputs.size() == 1 && !fs::is_directory(paths[0]);
  const std::string format = !o.format.empty() ? o.format : (single ? "json" : "jsonl");
  hstag::OutputOptions out_options{o.emit_text};
  size_t failed = 0;
  bool first = true;
  if (format == "json" && !single) WriteStdout("[\n");
  std::string text;  // a document's JSON, written as it is rendered (no tree)
  hstag::RunOrdered(*pipeline, inputs, jobs, [&](size_t, hstag::AnalysisResult&& r) {
    if (r.failed()) {
      ++failed;
      if (!o.quiet) std::cerr << "hstag: " << r.doc.path << ": " << ErrorLine(r.doc) << "\n";
    }
    text.clear();
    if (format == "json" && !single && !first) text += ",\n";
    hstag::JsonWriter writer(&text, format == "jsonl" ? -1 : 2);
    hstag::WriteDocument(writer, r, *pipeline, tool, out_options);
    if (format == "jsonl" || single) text += '\n';
    WriteStdout(text);
    first = false;
  });
  if (format == "json" && !single) WriteStdout("\n]\n");
  std::fflush(stdout);
  return failed ? kExitDocuments : kExitOk;
}

// ---- merge -----------------------------------------------------------------

// Combines the outputs of shards (hstag analyze --shard K/N --out OUTk) into
// one: rows in document-path order (a single run's order for one root),
// identical files across shards kept once, as a single run keeps them.
int Merge(const std::vector<std::string>& dirs, const std::string& out_dir, bool quiet) {
  struct Doc {
    std::string path, line;
    hstag::ordered_json json;
  };
  std::vector<Doc> docs;
  std::map<std::string, std::vector<std::string>> matrix_rows, annotation_rows, error_lines;
  std::string fingerprint, matrix_header, annotations_header;
  hstag::ordered_json first_run, shards = hstag::ordered_json::array();
  uint64_t failed_total = 0;
  for (const auto& dir : dirs) {
    auto run_text = hstag::ReadFile(dir + "/run.json", 1u << 30);
    if (!run_text.ok()) {
      std::cerr << "hstag merge: " << dir << "/run.json: " << run_text.error() << "\n";
      return kExitFatal;
    }
    auto run = hstag::ordered_json::parse(*run_text, nullptr, false);
    if (run.is_discarded() || run.value("schema", "") != "hstag.run/1") {
      std::cerr << "hstag merge: " << dir << "/run.json is not an hstag run manifest\n";
      return kExitFatal;
    }
    if (fingerprint.empty()) {
      fingerprint = run["fingerprint"];
      first_run = run;
    } else if (run["fingerprint"] != fingerprint) {
      std::cerr << "hstag merge: " << dir << " was made by another pipeline (fingerprint "
                << run["fingerprint"].get<std::string>().substr(0, 12) << " vs "
                << fingerprint.substr(0, 12)
                << "): same hstag version, config, lexicons and options are needed\n";
      return kExitFatal;
    }
    shards.push_back({{"dir", dir}, {"shard", run["shard"]}, {"counts", run["counts"]}});
    auto read_lines = [&](const std::string& name, bool csv,
                          const std::function<void(std::string&&, const std::string&)>& take)
        -> bool {
      auto text = hstag::ReadFile(dir + "/" + name, 1ull << 40);
      if (!text.ok()) {
        std::cerr << "hstag merge: " << dir << "/" << name << ": " << text.error() << "\n";
        return false;
      }
      if (csv) {
        auto rows = hstag::ParseCsv(*text);
        if (!rows.ok()) {
          std::cerr << "hstag merge: " << dir << "/" << name << ": " << rows.error() << "\n";
          return false;
        }
        for (size_t i = 0; i < rows->size(); ++i) {
          std::string row;
          hstag::AppendCsvRow((*rows)[i], &row);
          take(std::move(row), i == 0 ? std::string("\0header", 7) : (*rows)[i][0]);
        }
        return true;
      }
      std::string_view rest = *text;
      while (!rest.empty()) {
        const size_t nl = rest.find('\n');
        std::string line(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (!line.empty()) take(std::move(line), "");
      }
      return true;
    };
    bool ok = read_lines("corpus.jsonl", false, [&](std::string&& line, const std::string&) {
      auto j = hstag::ordered_json::parse(line, nullptr, false);
      if (j.is_object()) docs.push_back({j.value("path", ""), std::move(line), std::move(j)});
    });
    ok = ok && read_lines("matrix.csv", true, [&](std::string&& row, const std::string& key) {
      if (key == std::string("\0header", 7)) {
        if (matrix_header.empty()) matrix_header = row;
        if (row != matrix_header) ok = false;
        return;
      }
      matrix_rows[key].push_back(std::move(row));
    });
    if (!ok) {
      std::cerr << "hstag merge: " << dir << "/matrix.csv has other columns\n";
      return kExitFatal;
    }
    ok = read_lines("annotations.csv", true, [&](std::string&& row, const std::string& key) {
      if (key == std::string("\0header", 7)) {
        annotations_header = row;
        return;
      }
      annotation_rows[key].push_back(std::move(row));
    });
    ok = ok && read_lines("errors.jsonl", false, [&](std::string&& line, const std::string&) {
      auto j = hstag::ordered_json::parse(line, nullptr, false);
      if (j.is_object()) error_lines[j.value("path", "")].push_back(std::move(line));
    });
    if (!ok) return kExitFatal;
  }
  std::stable_sort(docs.begin(), docs.end(),
                   [](const Doc& a, const Doc& b) { return a.path < b.path; });
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  std::string corpus, matrix = matrix_header, annotations = annotations_header, errors;
  std::map<std::string, std::string> first_by_sha;
  uint64_t done = 0, failed = 0, duplicates = 0;
  for (auto& d : docs) {
    const std::string sha = d.json.contains("source") ? d.json["source"].value("sha256", "")
                                                      : d.json.value("sha256", "");
    if (d.json.contains("duplicate_of")) {
      ++duplicates;
      corpus += d.line + "\n";
      continue;
    }
    if (!sha.empty()) {
      auto [it, fresh] = first_by_sha.emplace(sha, d.path);
      if (!fresh) {  // the same bytes in another shard: a duplicate, as in one run
        ++duplicates;
        corpus += hstag::Dump(hstag::ordered_json{
                      {"path", d.path}, {"sha256", sha}, {"duplicate_of", it->second}}) +
                  "\n";
        continue;
      }
    }
    corpus += d.line + "\n";
    if (d.json.contains("errors") && !d.json["errors"].empty()) {
      ++failed;
      for (auto& l : error_lines[d.path]) errors += l + "\n";
      continue;
    }
    ++done;
    for (auto& r : matrix_rows[d.path]) matrix += r;
    for (auto& r : annotation_rows[d.path]) annotations += r;
  }
  failed_total = failed;
  for (auto [name, content] : {std::pair{"corpus.jsonl", &corpus}, std::pair{"matrix.csv", &matrix},
                               std::pair{"annotations.csv", &annotations},
                               std::pair{"errors.jsonl", &errors}}) {
    if (hstag::Status s = hstag::WriteFileAtomic(out_dir + "/" + name, *content); !s.ok()) {
      std::cerr << "hstag merge: " << s.message() << "\n";
      return kExitFatal;
    }
  }
  hstag::ordered_json run = first_run;
  run["shard"] = {{"k", 1}, {"n", 1}};
  run["merged_from"] = shards;
  run["finished"] = NowUtc();
  run["counts"] = {{"documents", docs.size()}, {"done", done}, {"failed", failed},
                   {"skipped", 0},             {"duplicate", duplicates}};
  if (hstag::Status s = hstag::WriteFileAtomic(out_dir + "/run.json", hstag::Dump(run, 2) + "\n");
      !s.ok()) {
    std::cerr << "hstag merge: " << s.message() << "\n";
    return kExitFatal;
  }
  if (!quiet) {
    WriteStdout("hstag merge: " + std::to_string(dirs.size()) + " shard(s), " +
                std::to_string(docs.size()) + " document(s) (" + std::to_string(done) +
                " analysed, " + std::to_string(failed) + " failed, " +
                std::to_string(duplicates) + " duplicate(s)) into " + out_dir + "/\n");
  }
  return failed_total ? kExitDocuments : kExitOk;
}

// ---- extract ----------------------------------------------------------------

int Extract(const std::string& path, const std::string& format, const CommonOptions& common) {
  auto pipeline = MakePipeline(common, /*extract_only=*/true);
  if (!pipeline) return kExitFatal;
  const hstag::Document d = pipeline->Extract(path, path);
  if (format == "json") {
    hstag::ordered_json j;
    j["path"] = d.path;
    j["format"] = d.format;
    j["text_origin"] = d.text_origin;
    j["language"] = d.language;
    j["pages"] = d.pages;
    hstag::ordered_json meta = hstag::ordered_json::object();
    for (const auto& [k, v] : d.metadata) meta[k] = v;
    j["metadata"] = meta;
    j["segments"] = hstag::SegmentsJson(d, /*with_text=*/true);
    j["warnings"] = hstag::MessagesJson(d.warnings);
    j["errors"] = hstag::MessagesJson(d.errors);
    WriteStdout(hstag::Dump(j, 2) + "\n");
  } else {
    WriteStdout(d.text);
  }
  std::fflush(stdout);
  if (!d.errors.empty()) {
    std::cerr << "hstag: " << d.path << ": " << ErrorLine(d) << "\n";
    return kExitDocuments;
  }
  return kExitOk;
}

// ---- lexicon ----------------------------------------------------------------

int LexiconList(const CommonOptions& common) {
  auto pipeline = MakePipeline(common);
  if (!pipeline) return kExitFatal;
  std::string out;
  for (const hstag::Concept* c : pipeline->concepts()) {
    out += c->id + "\t" + c->section + "\t" + c->label + "\n";
  }
  WriteStdout(out);
  return kExitOk;
}

int LexiconCheck(const std::vector<std::string>& files, const CommonOptions& common) {
  auto analyzer = hstag::Analyzer::Create();
  if (!analyzer.ok()) {
    std::cerr << "hstag: " << analyzer.error() << "\n";
    return kExitFatal;
  }
  std::vector<hstag::Lexicon> lexicons;
  int problems = 0;
  if (files.empty()) {
    auto pipeline = MakePipeline(common);
    if (!pipeline) return kExitDocuments;
    lexicons = pipeline->lexicons();
  }
  for (const auto& f : files) {
    auto lex = hstag::LoadLexicon(f, f);
    if (!lex.ok()) {
      std::cout << lex.error() << "\n";
      ++problems;
      continue;
    }
    lexicons.push_back(std::move(lex).value());
  }
  for (const auto& p : hstag::CheckLexicons(lexicons, **analyzer)) {
    std::cout << p.file << ":" << p.line << ": " << p.message << "\n";
    ++problems;
  }
  size_t concepts = 0, cues = 0;
  for (const auto& l : lexicons) {
    concepts += l.concepts.size();
    for (const auto& c : l.concepts) cues += c.cues.size();
  }
  std::cerr << "hstag: " << lexicons.size() << " lexicon(s), " << concepts << " concepts, " << cues
            << " cues, " << problems << " problem(s)\n";
  return problems ? kExitDocuments : kExitOk;
}

// ---- eval and sample -----------------------------------------------------------

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

int EvalGold(const std::string& gold_path, const std::string& split, const std::string& format,
             const std::vector<std::string>& skip, const std::string& sources,
             const CommonOptions& common) {
  auto pipeline = MakePipeline(common);
  if (!pipeline) return kExitFatal;
  auto gold = hstag::LoadGold(gold_path);
  if (!gold.ok()) {
    std::cerr << "hstag: " << gold.error() << "\n";
    return kExitDocuments;
  }
  const hstag::EvalReport r = hstag::Evaluate(
      *pipeline, *gold, split, std::set<std::string>(skip.begin(), skip.end()), sources);
  if (format == "json") {
    auto counts = [](const hstag::Counts& c) {
      return hstag::ordered_json{{"tp", c.tp},          {"fp", c.fp},
                                 {"fn", c.fn},          {"precision", c.Precision()},
                                 {"recall", c.Recall()}, {"f1", c.F1()}};
    };
    hstag::ordered_json j;
    j["gold"] = gold_path;
    j["split"] = split.empty() ? "all" : split;
    j["passages"] = r.passages;
    j["in_context"] = r.in_context;
    j["micro"] = counts(r.micro);
    for (const auto& [k, c] : r.sections) j["sections"][k] = counts(c);
    for (const auto& [k, c] : r.concepts) j["concepts"][k] = counts(c);
    hstag::ordered_json misses = hstag::ordered_json::array(), alarms = hstag::ordered_json::array();
    for (const auto& [p, c] : r.misses) misses.push_back({{"passage", p}, {"concept", c}});
    for (const auto& [p, c] : r.false_alarms) alarms.push_back({{"passage", p}, {"concept", c}});
    j["misses"] = misses;
    j["false_alarms"] = alarms;
    WriteStdout(hstag::Dump(j, 2) + "\n");
    return kExitOk;
  }
  std::string out = "gold " + gold_path + ", split " + (split.empty() ? "all" : split) + ": " +
                    std::to_string(r.passages) + " passages (" + std::to_string(r.in_context) +
                    " inside their source document)\n\n";
  char line[256];
  auto row = [&](const std::string& name, const hstag::Counts& c) {
    std::snprintf(line, sizeof line, "%-40s %5llu %5llu %5llu  %s  %s  %s\n", name.c_str(),
                  static_cast<unsigned long long>(c.tp), static_cast<unsigned long long>(c.fp),
                  static_cast<unsigned long long>(c.fn), Fixed(c.Precision()).c_str(),
                  Fixed(c.Recall()).c_str(), Fixed(c.F1()).c_str());
    out += line;
  };
  std::snprintf(line, sizeof line, "%-40s %5s %5s %5s  %5s  %5s  %5s\n", "concept", "tp", "fp",
                "fn", "P", "R", "F1");
  out += line;
  for (const auto& [k, c] : r.concepts) row(k, c);
  out += "\n";
  for (const auto& [k, c] : r.sections) row("section " + k, c);
  out += "\n";
  row("overall (micro)", r.micro);
  WriteStdout(out);
  return kExitOk;
}

int EvalReviewed(const std::string& path) {
  auto reviewed = hstag::ReadReviewed(path);
  if (!reviewed.ok()) {
    std::cerr << "hstag: " << reviewed.error() << "\n";
    return kExitDocuments;
  }
  std::string out;
  hstag::AppendCsvRow({"concept", "reviewed", "correct", "precision", "ci95_low", "ci95_high",
                       "unreviewed"},
                      &out);
  hstag::ReviewedCounts all;
  auto add = [&](const std::string& name, const hstag::ReviewedCounts& c) {
    const uint64_t n = c.correct + c.wrong;
    const hstag::Interval ci = hstag::Wilson(c.correct, n);
    hstag::AppendCsvRow({name, std::to_string(n), std::to_string(c.correct),
                         n ? Fixed(double(c.correct) / double(n)) : "", n ? Fixed(ci.low) : "",
                         n ? Fixed(ci.high) : "", std::to_string(c.unreviewed)},
                        &out);
  };
  for (const auto& [k, c] : *reviewed) {
    add(k, c);
    all.correct += c.correct;
    all.wrong += c.wrong;
    all.unreviewed += c.unreviewed;
  }
  add("(all)", all);
  WriteStdout(out);
  return kExitOk;
}

#ifdef HSTAG_MIMALLOC
// mimalloc maps memory with large OS pages (transparent huge pages where the
// system allows them), which then fault in 2 MiB at a time instead of 4 KiB.
// Start-up (building the pipeline) makes 800 page faults instead of 3,300,
// and a document of 28 MB 60,000 instead of 220,000: mimalloc gives each
// block over 16 MiB a mapping of its own and returns it when freed, so a
// large document's text, tokens and JSON fault in again and again. Set from
// .preinit_array, which runs before any library's constructor, so that the
// first memory the libraries allocate is mapped so too.
void LargeOsPages(int, char**, char**) { mi_option_enable(mi_option_large_os_pages); }
[[gnu::section(".preinit_array"), gnu::used]] void (*large_os_pages)(int, char**,
                                                                     char**) = &LargeOsPages;
#endif

}  // namespace

int main(int argc, char** argv) {
#ifdef HSTAG_MIMALLOC
  // The allocator's rare warnings go to stderr as ours do, named. (Its
  // output buffered until now, flushed here, is empty or a bare newline.)
  mi_register_output(
      [](const char* message, void*) {
        if (std::strspn(message, " \n") < std::strlen(message)) std::cerr << "hstag: " << message;
      },
      nullptr);
#endif
  CLI::App app{"hstag: tags how policy documents speak about Human Security"};
  app.set_version_flag("--version", std::string("hstag ") + HSTAG_VERSION);
  app.require_subcommand(1);
  CommonOptions common;

  AnalyzeOptions ao;
  CLI::App* analyze = app.add_subcommand("analyze", "Analyze documents and write annotated JSON");
  analyze->add_option("paths", ao.paths, "Files or directories (walked recursively)");
  analyze->add_option("--files-from", ao.files_from,
                      "Read input paths from FILE (one a line, or NUL-separated; - for stdin)");
  analyze->add_option("--matrix-values", ao.matrix_values,
                      "With --out: matrix.csv holds total (default), explicit, indicator or per10k")
      ->check(CLI::IsMember({"total", "explicit", "indicator", "per10k"}));
  analyze->add_flag("--resume", ao.resume,
                    "With --out: skip documents whose bytes and pipeline are unchanged since the "
                    "last run into OUT");
  analyze->add_option("--doc-timeout", ao.doc_timeout,
                      "With --out: seconds a document may take before its worker is stopped "
                      "(default 120; 0: no limit)");
  analyze->add_option("--max-errors", ao.max_errors,
                      "With --out: stop after this many failed documents (default: never)");
  analyze->add_option("--shard", ao.shard,
                      "Only the documents of shard K of N (K/N), or of this Slurm array task "
                      "(slurm); merge the outputs with `hstag merge`");
  analyze->add_option("--format", ao.format,
                      "json (default for one file) or jsonl; html with --out: also "
                      "OUT/reports/<path>.html and OUT/index.html")
      ->check(CLI::IsMember({"json", "jsonl", "html"}));
  analyze->add_option("--out", ao.out, "Write OUT/docs/<path relative to its root>.json");
  analyze->add_option("-j,--jobs", ao.jobs, "Documents analysed in parallel (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  analyze->add_flag("--emit-text", ao.emit_text, "Add the extracted text and its segments");
  analyze->add_flag("-q,--quiet", ao.quiet, "Print nothing on stderr but fatal errors");
  analyze->add_option("--include", ao.include, "Only files matching this glob (repeatable)")
      ->allow_extra_args(false);
  analyze->add_option("--exclude", ao.exclude, "Skip files matching this glob (repeatable)")
      ->allow_extra_args(false);
  AddCommon(analyze, &common);

  std::string extract_path, extract_format = "text";
  CLI::App* extract = app.add_subcommand("extract", "Print the text the tagger sees");
  extract->add_option("file", extract_path, "A document")->required();
  extract->add_option("--format", extract_format, "text (default) or json (segments with provenance)")
      ->check(CLI::IsMember({"text", "json"}));
  AddCommon(extract, &common);

  CLI::App* lexicon = app.add_subcommand("lexicon", "Inspect lexicons");
  lexicon->require_subcommand(1);
  CLI::App* list = lexicon->add_subcommand("list", "Every concept ID with its section and label");
  AddCommon(list, &common);
  std::vector<std::string> check_files;
  CLI::App* check = lexicon->add_subcommand("check", "Check lexicon files; problems as file:line");
  check->add_option("files", check_files, "Lexicon files (default: the pipeline's)")
      ->check(CLI::ExistingFile);
  AddCommon(check, &common);

  std::string gold_path, eval_split, eval_format = "table", reviewed_path;
  std::vector<std::string> eval_skip;
  std::string eval_sources;
  CLI::App* eval = app.add_subcommand("eval", "Precision and recall against a gold set, or "
                                              "precision of a reviewed sample");
  eval->add_option("gold", gold_path, "Gold passages (JSON Lines: id, text, labels, split)")
      ->check(CLI::ExistingFile);
  eval->add_option("--split", eval_split, "Only passages of this split (dev, test; default all)");
  eval->add_option("--skip-section", eval_skip, "Leave a codebook section out (repeatable)")
      ->allow_extra_args(false);
  eval->add_option("--sources", eval_sources,
                   "Folder the passages' `source` paths are relative to: each passage is then "
                   "judged inside its document");
  eval->add_option("--format", eval_format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  eval->add_option("--reviewed", reviewed_path,
                   "A sample CSV (from `hstag sample`) with its `correct` column filled")
      ->check(CLI::ExistingFile);
  AddCommon(eval, &common);

  std::string sample_out;
  std::vector<std::string> sample_inputs;
  size_t per_concept = 20;
  uint64_t seed = 1;
  unsigned sample_jobs = 0;
  CLI::App* sample = app.add_subcommand("sample", "Draw random matches per concept into a CSV "
                                                  "for a person to mark right or wrong");
  sample->add_option("out", sample_out, "The CSV to write")->required();
  sample->add_option("inputs", sample_inputs, "Documents or directories")->required();
  sample->add_option("--per-concept", per_concept, "Matches per concept (default 20)");
  sample->add_option("--seed", seed, "Random seed (default 1): same inputs, same sample");
  sample->add_option("-j,--jobs", sample_jobs, "Documents analysed in parallel");
  AddCommon(sample, &common);

  std::vector<std::string> merge_dirs;
  std::string merge_out;
  bool merge_quiet = false;
  CLI::App* merge = app.add_subcommand("merge", "Combine the outputs of shards into one");
  merge->add_option("dirs", merge_dirs, "Output folders of `hstag analyze --shard ... --out`")
      ->required()
      ->check(CLI::ExistingDirectory);
  merge->add_option("--out", merge_out, "The merged output folder")->required();
  merge->add_flag("-q,--quiet", merge_quiet, "Print nothing but errors");

  // compare: two documents' HS profiles side by side (compare.h).
  std::vector<std::string> compare_inputs(2);
  std::string compare_format = "table";
  CLI::App* compare = app.add_subcommand("compare", "Two documents' HS profiles side by side "
                                                    "(documents or their hstag JSON)");
  compare->add_option("a", compare_inputs[0], "A document or its hstag JSON")
      ->required()->check(CLI::ExistingFile);
  compare->add_option("b", compare_inputs[1], "Another document or its hstag JSON")
      ->required()->check(CLI::ExistingFile);
  compare->add_option("--format", compare_format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  AddCommon(compare, &common);

  // report: the HTML audit report of a document, or two side by side (report.h).
  std::vector<std::string> report_inputs;
  std::string report_out;
  CLI::App* report = app.add_subcommand("report", "An HTML audit report of a document (or its "
                                                  "hstag JSON), or of two side by side");
  report->add_option("inputs", report_inputs, "One or two documents or hstag JSON files")
      ->required()->expected(1, 2)->check(CLI::ExistingFile);
  report->add_option("-o,--output", report_out, "The HTML file to write (- for stdout)")
      ->required();
  AddCommon(report, &common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (analyze->parsed()) return Analyze(ao, common);
  if (extract->parsed()) return Extract(extract_path, extract_format, common);
  if (list->parsed()) return LexiconList(common);
  if (check->parsed()) return LexiconCheck(check_files, common);
  if (merge->parsed()) return Merge(merge_dirs, merge_out, merge_quiet);
  if (eval->parsed()) {
    if (!reviewed_path.empty()) return EvalReviewed(reviewed_path);
    if (gold_path.empty()) {
      std::cerr << "hstag eval: give a gold file or --reviewed CSV\n";
      return kExitUsage;
    }
    return EvalGold(gold_path, eval_split, eval_format, eval_skip, eval_sources, common);
  }
  if (report->parsed()) {
    auto pipeline = MakePipeline(common);
    return pipeline ? hstag::cli::Report(report_inputs, report_out, NowUtc(), *pipeline)
                    : kExitFatal;
  }
  if (compare->parsed()) {
    auto pipeline = MakePipeline(common);
    return pipeline ? hstag::cli::Compare(compare_inputs, compare_format, *pipeline) : kExitFatal;
  }
  if (sample->parsed()) {
    auto pipeline = MakePipeline(common);
    if (!pipeline) return kExitFatal;
    const auto inputs = hstag::Walk(sample_inputs, {});
    const unsigned jobs = sample_jobs ? sample_jobs : std::max(1u, std::thread::hardware_concurrency());
    const std::string csv = hstag::DrawSample(*pipeline, inputs, per_concept, seed, jobs);
    if (hstag::Status s = hstag::WriteFileAtomic(sample_out, csv); !s.ok()) {
      std::cerr << "hstag: " << s.message() << "\n";
      return kExitFatal;
    }
    return kExitOk;
  }
  return kExitUsage;
}
