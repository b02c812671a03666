// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/corpus_run.h"

#include <algorithm>
#include <filesystem>

#include "batch/ordered.h"
#include "batch/outcome.h"
#include "batch/output_layout.h"
#include "batch/plan.h"
#include "batch/reports.h"
#include "batch/state.h"
#include "batch/worker_pool.h"
#include "pipeline/plugin_host.h"
#include "util/util.h"

namespace fs = std::filesystem;

namespace hstag {
namespace {

// The time a page's OCR adds to a document's limit (--doc-timeout): a page at
// 300 dpi takes 2 to 5 s on one core.
constexpr double kOcrSecondsPerPage = 15;

// A run killed before it finished leaves its temporary files: removed, so
// that only complete files stay.
void RemoveTemporaryFiles(const std::string& out) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && IsTemporaryPath(it->path().filename().string())) {
      fs::remove(it->path(), ec);
    }
  }
}

// Whether the run before recorded exactly these inputs, each unchanged (or
// the same duplicate), with its rows in corpus files that are as it left
// them and hold the same matrix values: then there is nothing to write but
// the manifest.
bool Unchanged(const RunPlan& plan, const RunState& earlier, const OutputLayout& layout,
               MatrixValues values) {
  if (!plan.to_run.empty() || earlier.documents.size() != plan.inputs.size() ||
      earlier.matrix_values != MatrixValuesName(values)) {
    return false;
  }
  for (size_t i = 0; i < plan.inputs.size(); ++i) {
    const PlannedInput& item = plan.inputs[i];
    const DocumentState& e = earlier.documents[i];
    if (!e.has_rows || e.relative != item.input.relative) return false;
    if (item.action == PlannedInput::Action::kReuse ? item.earlier != &e
                                                     : e.duplicate_of != item.first) {
      return false;
    }
  }
  const std::string files[] = {layout.Corpus(), layout.Matrix(), layout.Annotations(),
                               layout.Errors()};
  for (size_t k = 0; k < 4; ++k) {
    std::error_code ec;
    if (fs::file_size(files[k], ec) != earlier.sizes[k] || ec) return false;
  }
  return true;
}

Status WriteIndexOf(const OutputLayout& layout, const std::vector<PlannedInput>& items,
                    const std::string& started) {
  std::vector<Input> planned;
  planned.reserve(items.size());
  for (const PlannedInput& item : items) planned.push_back(item.input);
  return WriteIndex(layout, planned, started);
}

}  // namespace

CorpusRunReport RunCorpus(const Pipeline& pipeline, std::vector<Input> inputs,
                          const CorpusRun& run, const CorpusRunObserver& observer) {
  CorpusRunReport report;
  const std::string started = UtcNow();
  const OutputLayout layout(run.out);
  std::error_code ec;
  fs::create_directories(layout.Docs(), ec);
  if (ec) {
    report.error = Status::Error(run.out + ": " + ec.message());
    return report;
  }
  RemoveTemporaryFiles(run.out);

  // What decides the output, hashed: a document is reused by --resume only
  // when it was made with the same fingerprint from the same bytes.
  const RunSettings& settings = run.settings;
  ordered_json tool = ToolJson(pipeline);
  const std::string config_path = settings.config_path.empty()
                                      ? pipeline.data_dir() + "/lexicons/pipeline.yaml"
                                      : settings.config_path;
  auto config_bytes = ReadFile(config_path, 16u << 20);
  const std::string fingerprint =
      Fingerprint(tool, config_bytes.ok() ? *config_bytes : "", FingerprintOptions(settings));
  tool["fingerprint"] = fingerprint;

  std::vector<std::string> columns;
  for (const Concept* c : pipeline.concepts()) columns.push_back(c->id);
  const unsigned jobs = std::max(1u, settings.jobs);

  // --resume goes on with the same shard's documents only.
  if (settings.resume) {
    if (auto before = ReadManifest(layout.Run());
        before.ok() && (before->shard.k != run.shard.k || before->shard.n != run.shard.n)) {
      report.error = Status::Error(
          run.out + " holds shard " + std::to_string(before->shard.k) + "/" +
          std::to_string(before->shard.n) + ", and this run is shard " +
          std::to_string(run.shard.k) + "/" + std::to_string(run.shard.n) +
          ": --resume goes on with the same shard (a Slurm task submitted again alone "
          "needs --shard slurm/N)");
      return report;
    }
  }

  // What the run before recorded (--resume), read before this run starts
  // its own journal.
  const int64_t started_ns = run.started_ns ? run.started_ns : NowNs();
  RunState earlier;
  if (settings.resume) earlier = ReadRunState(layout, fingerprint);
  PlanOptions plan_options{run.shard, settings.resume ? &earlier : nullptr,
                           settings.resume_checksum ? ResumeCheck::kChecksum : ResumeCheck::kStat,
                           pipeline.limits().max_bytes, jobs, &pipeline.limits()};
  RunPlan plan = PlanRun(std::move(inputs), layout, plan_options);
  std::vector<PlannedInput>& items = plan.inputs;

  RunState state;  // this run's, for the next one
  state.fingerprint = fingerprint;
  state.matrix_values = MatrixValuesName(run.matrix_values);
  state.started_ns = started_ns;
  state.documents.resize(items.size());
  std::vector<char> recorded(items.size(), 0);
  RunCounts& counts = report.counts;
  counts.documents = items.size();
  auto manifest = [&] {
    RunManifest m = NewManifest(tool, fingerprint, settings, pipeline.limits(), run.shard,
                                columns, started);
    m.finished = UtcNow();
    m.counts = counts;
    m.skipped_outputs = run.skipped_outputs;
    return m;
  };
  // The state of the documents recorded, in input order.
  auto finish_state = [&]() -> Status {
    std::vector<DocumentState> documents;
    documents.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      if (recorded[i]) documents.push_back(std::move(state.documents[i]));
    }
    state.documents = std::move(documents);
    return WriteRunState(layout, state);
  };

  // Nothing changed since the run before: its corpus files stay as they
  // are, and only the manifest (and the state, when a file was touched) is
  // written again.
  if (Unchanged(plan, earlier, layout, run.matrix_values)) {
    bool touched = false;
    for (size_t i = 0; i < items.size(); ++i) {
      const PlannedInput& item = items[i];
      const DocumentState& e = earlier.documents[i];
      touched = touched || !(e.stat == item.input.stat) || !earlier.Settled(e);
      state.documents[i] = e;
      state.documents[i].stat = item.input.stat;
      recorded[i] = 1;
      if (item.action == PlannedInput::Action::kReuse) {
        ++counts.skipped;
      } else {
        ++counts.duplicate;
      }
      report.lines.push_back(e.line);
    }
    counts.not_started = 0;
    state.sizes = earlier.sizes;
    if (!touched) state.started_ns = earlier.started_ns;
    if (Status s = WriteFileAtomic(layout.Run(), Dump(manifest().ToJson(), 2) + "\n"); !s.ok()) {
      report.error = s;
      return report;
    }
    if (touched) report.error = finish_state();
    if (run.html && report.error.ok()) report.error = WriteIndexOf(layout, items, started);
    return report;
  }

  auto corpus = CorpusOutput::Open(layout, columns, run.matrix_values,
                                   settings.resume ? &earlier : nullptr);
  if (!corpus.ok()) {
    report.error = corpus.status();
    return report;
  }
  auto journal = StateJournal::Open(layout, state);
  if (!journal.ok()) {
    report.error = journal.status();
    return report;
  }
  auto keep_error = [&](const Status& s) {
    if (!s.ok() && report.error.ok()) report.error = s;
  };
  // A document's state, once its rows are written.
  auto record = [&](size_t i, DocumentState&& d) {
    d.relative = items[i].input.relative;
    d.path = items[i].input.path;
    d.stat = items[i].input.stat;
    state.documents[i] = std::move(d);
    recorded[i] = 1;
  };
  size_t next = 0;  // next input to record, so that every output keeps input order
  auto record_until = [&](size_t end) {
    for (; next < end; ++next) {
      const PlannedInput& item = items[next];
      DocumentState d;
      d.bytes = item.bytes;
      d.sha256 = item.sha256;
      d.has_rows = true;
      if (item.action == PlannedInput::Action::kReuse) {
        ++counts.skipped;
        const DocumentState& e = *item.earlier;
        d.line = e.line;
        d.json_bytes = e.json_bytes;
        if (e.has_rows && (*corpus)->CanCopy()) {
          keep_error((*corpus)->Copy(e.rows, &d.rows));
        } else {
          // Read again here, one at a time, so that memory stays bounded.
          const std::string json = layout.DocJson(item.input.relative);
          auto text = ReadFile(json, 1ull << 32);
          const auto doc = text.ok() ? ordered_json::parse(*text, nullptr, false) : ordered_json();
          if (!doc.is_object()) {
            keep_error(Status::Error(json + ": changed during the run"));
            continue;
          }
          std::string line;
          keep_error((*corpus)->Add(doc, &d.rows, &line));
          if (d.line.empty()) d.line = std::move(line);
        }
        report.lines.push_back(d.line);
        record(next, std::move(d));
      } else if (item.action == PlannedInput::Action::kDuplicate) {
        ++counts.duplicate;
        d.duplicate_of = item.first;
        d.line = "  " + item.input.path + ": duplicate of " + item.first;
        keep_error((*corpus)->AddDuplicate(item.input.path, item.sha256, item.first, &d.rows));
        report.lines.push_back(d.line);
        record(next, std::move(d));
      }
    }
  };

  // Per document, in a worker: analyse, write its JSON (and report), render
  // its corpus rows.
  OutputOptions out_options{settings.emit_text || run.html};  // a report is made with the text
  auto finish = [&](size_t i, const AnalysisResult& r) {
    const std::string& relative = items[i].input.relative;
    // The document is written once, as events, to its JSON text (compact:
    // a third smaller than indented, and an archive's outputs are mostly
    // these) and to the renderer of its corpus rows; for a report, first as
    // a tree.
    std::string json;
    JsonWriter text(&json);
    CorpusRows rows(columns, run.matrix_values);
    TeeSink tee({&text, &rows});
    Status written;
    if (run.html) {
      ordered_json doc = DocumentJson(r, pipeline, tool, out_options);
      written = WriteDocumentReport(layout, relative, &doc, settings.emit_text, started);
      Replay(doc, tee);
    } else {
      WriteDocument(tee, r, pipeline, tool, out_options);
    }
    json += '\n';
    DocumentOutcome o;
    o.rows = rows.Take();
    const CorpusRows::Document& doc = rows.document();
    o.failed = doc.failed;
    o.warned = doc.warned;
    o.path = doc.path;
    o.bytes = doc.bytes;
    o.sha256 = doc.sha256;
    o.error = doc.error;
    o.line = doc.line;
    if (written.ok()) {
      o.json_bytes = json.size();
      written = WriteFileAtomic(layout.DocJson(relative), json, Durability::kAtomicOnly);
    }
    if (!written.ok()) o.write_error = written.message();
    if (written.ok()) {
      // In the journal right after its JSON: a run killed from now on keeps it.
      DocumentState d;
      d.relative = relative;
      d.path = items[i].input.path;
      d.stat = items[i].input.stat;
      d.bytes = o.bytes;
      d.json_bytes = o.json_bytes;
      d.sha256 = o.sha256;
      d.failed = o.failed;
      d.line = o.line;
      if (Status s = (*journal)->Add(d); !s.ok()) o.write_error = s.message();
    }
    return o.Encode();
  };
  if (observer.planned) observer.planned(plan.to_run.size());
  WorkerTasks tasks;
  tasks.work = [&](size_t k) {
    return finish(plan.to_run[k], AnalyzeInput(pipeline, items[plan.to_run[k]].input));
  };
  tasks.on_failure = [&](size_t k, const std::string& message) {
    AnalysisResult r;
    r.doc.path = items[plan.to_run[k]].input.path;
    r.doc.Fail("worker", message);
    return finish(plan.to_run[k], r);
  };
  tasks.cost = [&](size_t k) { return items[plan.to_run[k]].bytes; };  // longest first
  tasks.failed = [](const std::string& payload) { return DocumentOutcome::EncodedFailed(payload); };
  tasks.deliver = [&](size_t k, std::string&& payload) {
    const size_t i = plan.to_run[k];
    record_until(i);
    auto o = DocumentOutcome::Decode(payload);
    if (!o.ok()) {
      keep_error(Status::Error(items[i].input.path + ": " + o.error()));
      return;
    }
    if (observer.analysed) observer.analysed(o->bytes, o->failed);
    if (o->failed) {
      ++counts.failed;
      if (observer.failed) observer.failed(o->path, o->error);
    } else {
      ++counts.done;
      report.warned += o->warned;
    }
    if (!o->write_error.empty()) keep_error(Status::Error(o->write_error));
    DocumentState d;
    d.bytes = o->bytes;
    d.json_bytes = o->json_bytes;
    d.sha256 = o->sha256;
    d.failed = o->failed;
    d.has_rows = true;
    keep_error((*corpus)->Append(
        {o->rows.corpus, o->rows.matrix, o->rows.annotations, o->rows.errors}, &d.rows));
    d.line = o->line;
    report.lines.push_back(std::move(o->line));
    record(i, std::move(d));
    next = i + 1;
  };
  // A document's time limit grows by kOcrSecondsPerPage for each page its
  // extractor announces it will OCR (told by the worker to the supervisor).
  SetOcrListener([](uint32_t pages) { ExtendDocumentDeadline(kOcrSecondsPerPage * pages); });
  const WorkerReport workers = RunInWorkers(
      plan.to_run.size(), {jobs, settings.doc_timeout, settings.max_errors}, tasks);
  report.stopped_early = workers.stopped_early;
  SetOcrListener(nullptr);
  if (!workers.stopped_early) record_until(items.size());

  counts.not_started = workers.not_started;
  keep_error((*corpus)->Finish(manifest()));
  if (report.error.ok()) {
    state.sizes = (*corpus)->Sizes();
    report.error = finish_state();
  }
  if (run.html && report.error.ok()) report.error = WriteIndexOf(layout, items, started);
  return report;
}

}  // namespace hstag
