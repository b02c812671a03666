// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag analyze`: documents to JSON on stdout (one document, or JSON Lines
// for several), or a batch run into a folder with --out (batch/corpus_run.h).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "batch/corpus_run.h"
#include "batch/ordered.h"
#include "batch/plan.h"
#include "batch/state.h"
#include "batch/walk.h"
#include "command.h"
#include "hstag/writer.h"

namespace hstag::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> paths;
  std::string files_from;
  std::string format;  // json | jsonl | html (with --out: reports beside the JSON)
  std::string out;
  unsigned jobs = 0;
  bool emit_text = false;
  bool quiet = false;
  std::string resume;  // "", "stat" or "checksum"
  std::string shard;  // "K/N" or "slurm"
  std::string matrix_values = "total";
  double doc_timeout = 120;
  size_t max_errors = 0;
  std::vector<std::string> include, exclude;
  CommonOptions common;
};

// Progress on stderr for a batch: a bar redrawn in place on a terminal, a
// plain line every few seconds otherwise (a log), nothing with --quiet.
class Progress {
 public:
  explicit Progress(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) == 1) {}
  // Once the run is planned: how many documents it will analyse.
  void Start(size_t total) {
    total_ = total;
    start_ = last_ = std::chrono::steady_clock::now();
  }
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
  size_t total_ = 0, done_ = 0, failed_ = 0;
  uint64_t bytes_ = 0;
  bool quiet_, tty_;
  std::chrono::steady_clock::time_point start_, last_;
};

int AnalyzeToDir(const AnalyzeOptions& o, const Pipeline& pipeline, Walked walked,
                 int64_t started_ns, unsigned jobs) {
  CorpusRun run;
  run.started_ns = started_ns;
  run.out = o.out;
  run.skipped_outputs = std::move(walked.skipped);
  run.html = o.format == "html";
  auto values = ParseMatrixValues(o.matrix_values);
  if (!values.ok()) {
    std::cerr << "hstag: " << values.error() << "\n";
    return kExitUsage;
  }
  run.matrix_values = *values;
  if (!o.shard.empty()) {
    auto shard = ParseShard(o.shard);
    if (!shard.ok()) {
      std::cerr << "hstag: " << shard.error() << "\n";
      return kExitUsage;
    }
    run.shard = *shard;
  }
  RunSettings& s = run.settings;
  s.emit_text = o.emit_text;
  s.lexicons = o.common.lexicons;
  s.plugin_dirs = o.common.plugin_dirs;
  s.xml_profile = o.common.xml_profile;
  s.pdf_password = !o.common.pdf_password.empty();
  s.ocr = o.common.ocr;
  s.ocr_lang = o.common.ocr_lang;
  s.ocr_dpi = o.common.ocr_dpi;
  s.config_path = o.common.config;
  s.inputs = o.paths;
  s.files_from = o.files_from;
  s.include = o.include;
  s.exclude = o.exclude;
  s.matrix_values = o.matrix_values;
  s.jobs = jobs;
  s.resume = !o.resume.empty() && o.resume != "false";
  s.resume_checksum = o.resume == "checksum";
  s.doc_timeout = o.doc_timeout;
  s.max_errors = o.max_errors;
  s.max_pages = o.common.max_pages;

  Progress progress(o.quiet);
  CorpusRunObserver observer;
  observer.planned = [&](size_t n) { progress.Start(n); };
  observer.analysed = [&](uint64_t bytes, bool failed) { progress.Add(bytes, failed); };
  observer.failed = [&](const std::string& path, const std::string& error) {
    if (o.quiet) return;
    progress.Break();
    std::cerr << "hstag: " << path << ": " << error << "\n";
  };
  const CorpusRunReport r = RunCorpus(pipeline, std::move(walked.inputs), run, observer);
  if (r.stopped_early) {
    std::cerr << "hstag: stopped after " << o.max_errors << " failed documents (--max-errors); "
              << r.counts.not_started.value_or(0) << " document(s) not analysed\n";
  }
  if (!r.error.ok()) {
    std::cerr << "hstag: " << r.error.message() << "\n";
    return kExitFatal;
  }
  if (!o.quiet) {
    const RunCounts& c = r.counts;
    std::string text = "hstag: " + std::to_string(c.documents) + " document(s): " +
                       std::to_string(c.done) + " analysed, " + std::to_string(c.failed) +
                       " failed, " + std::to_string(c.skipped) + " unchanged since the last run, " +
                       std::to_string(c.duplicate) + " duplicate(s), " + std::to_string(r.warned) +
                       " with warnings; results in " + o.out + "/\n";
    for (const auto& l : r.lines) text += l + "\n";
    WriteStdout(text);
  }
  std::fflush(stdout);
  return r.counts.failed || r.stopped_early ? kExitDocuments : kExitOk;
}

int Analyze(const AnalyzeOptions& o) {
  auto pipeline = MakePipeline(o.common);
  if (!pipeline) return kExitFatal;
  std::vector<std::string> paths = o.paths;
  if (!o.files_from.empty()) {
    auto more = ReadPathList(o.files_from);
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
  const int64_t started_ns = NowNs();  // before the walk reads the inputs' status
  Walked walked = Walk(paths, {o.include, o.exclude, ArchiveLimitsOf(pipeline->limits()), o.out});
  if (!o.quiet) {
    for (const auto& dir : walked.skipped) {
      std::cerr << "hstag: skipped " << dir
                << ": an hstag output folder (outputs are never read as inputs)\n";
    }
  }
  const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (!o.out.empty()) return AnalyzeToDir(o, *pipeline, std::move(walked), started_ns, jobs);
  const std::vector<Input>& inputs = walked.inputs;
  if (o.format == "html") {
    std::cerr << "hstag analyze: --format html needs --out (or use hstag report)\n";
    return kExitUsage;
  }

  // One file: its JSON; an archive, even of one member, prints its members'
  // documents as JSON Lines.
  const bool single = paths.size() == 1 && inputs.size() == 1 && inputs[0].archive.empty() &&
                      !archive::IsArchiveName(paths[0]) && !std::filesystem::is_directory(paths[0]);
  const std::string format = !o.format.empty() ? o.format : (single ? "json" : "jsonl");
  const ordered_json tool = ToolJson(*pipeline);
  const OutputOptions out_options{o.emit_text};
  size_t failed = 0;
  bool first = true;
  if (format == "json" && !single) WriteStdout("[\n");
  std::string text;  // a document's JSON, written as it is rendered (no tree)
  RunOrdered(*pipeline, inputs, jobs, [&](size_t, AnalysisResult&& r) {
    if (r.failed()) {
      ++failed;
      if (!o.quiet) std::cerr << "hstag: " << r.doc.path << ": " << ErrorLine(r.doc) << "\n";
    }
    text.clear();
    if (format == "json" && !single && !first) text += ",\n";
    JsonWriter writer(&text, format == "jsonl" ? -1 : 2);
    WriteDocument(writer, r, *pipeline, tool, out_options);
    if (format == "jsonl" || single) text += '\n';
    WriteStdout(text);
    first = false;
  });
  if (format == "json" && !single) WriteStdout("\n]\n");
  std::fflush(stdout);
  return failed ? kExitDocuments : kExitOk;
}

}  // namespace

Command AddAnalyze(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand("analyze", "Analyze documents and write annotated JSON");
  cmd->add_option("paths", o->paths, "Files or directories (walked recursively)");
  cmd->add_option("--files-from", o->files_from,
                  "Read input paths from FILE (one a line, or NUL-separated; - for stdin)");
  cmd->add_option("--matrix-values", o->matrix_values,
                  "With --out: matrix.csv holds total (default), explicit, indicator or per10k")
      ->check(CLI::IsMember({"total", "explicit", "indicator", "per10k"}));
  cmd->add_flag("--resume", o->resume,
                "With --out: skip documents unchanged since the last run into OUT with the "
                "same pipeline: by size, times and inode (rsync's quick check; a file whose "
                "status changed is hashed), or --resume=checksum: every file hashed")
      ->option_text("[=checksum]")
      ->check([](const std::string& v) -> std::string {
        // A bare --resume gives "true", as CLI11 gives a flag.
        if (v == "true" || v == "stat" || v == "checksum") return "";
        return "--resume is --resume (by status) or --resume=checksum, not --resume=" + v;
      });
  cmd->add_option("--doc-timeout", o->doc_timeout,
                  "With --out: seconds a document may take before its worker is stopped "
                  "(default 120; 0: no limit)");
  cmd->add_option("--max-errors", o->max_errors,
                  "With --out: stop after this many failed documents (default: never)");
  cmd->add_option("--shard", o->shard,
                  "Only the documents of shard K of N (K/N), or of this Slurm array task "
                  "(slurm; slurm/N for an array 1-N whose tasks may be submitted again "
                  "alone); merge the outputs with `hstag merge`");
  cmd->add_option("--format", o->format,
                  "json (default for one file) or jsonl; html with --out: also "
                  "OUT/reports/<path>.html and OUT/index.html")
      ->check(CLI::IsMember({"json", "jsonl", "html"}));
  cmd->add_option("--out", o->out, "Write OUT/docs/<path relative to its root>.json");
  cmd->add_option("-j,--jobs", o->jobs, "Documents analysed in parallel (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--emit-text", o->emit_text, "Add the extracted text and its segments");
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing on stderr but fatal errors");
  cmd->add_option("--include", o->include, "Only files matching this glob (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", o->exclude, "Skip files matching this glob (repeatable)")
      ->allow_extra_args(false);
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] { return Analyze(*o); }};
}

}  // namespace hstag::cli
