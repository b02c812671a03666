// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/state.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <string_view>

#include "hstag/writer.h"
#include "util/util.h"

namespace hstag {
namespace {

constexpr char kSchema[] = "hstag.state/1";

// Reads one state file into `state`: its header must name this pipeline.
// Document lines replace earlier ones of the same document. Returns false
// when the file is missing, unreadable or of another pipeline.
bool ReadStateFile(const std::string& path, const std::string& fingerprint, bool journal,
                   RunState* state) {
  auto text = ReadFile(path, 1ull << 36);
  if (!text.ok()) return false;
  std::string_view rest = *text;
  bool header = true;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) break;  // a line cut short by a killed run
    const auto j = ordered_json::parse(rest.substr(0, nl), nullptr, /*allow_exceptions=*/false);
    rest.remove_prefix(nl + 1);
    if (!j.is_object()) {
      if (header) return false;
      continue;  // a line cut short by a killed run, and the next appended to it
    }
    try {
      if (header) {
        if (j.value("schema", "") != kSchema || j.value("fingerprint", "") != fingerprint) {
          return false;
        }
        if (!journal) {
          state->fingerprint = fingerprint;
          state->matrix_values = j.value("matrix_values", "");
          state->started_ns = j.value("started_ns", int64_t{0});
          const auto sizes = j.value("sizes", std::vector<uint64_t>{});
          if (sizes.size() == state->sizes.size()) {
            std::copy(sizes.begin(), sizes.end(), state->sizes.begin());
          }
        } else {
          // The journal's run started later: its documents are settled by
          // its own start.
          state->fingerprint = fingerprint;
          state->started_ns = j.value("started_ns", int64_t{0});
        }
        header = false;
        continue;
      }
      DocumentState d;
      d.relative = j.at("relative").get<std::string>();
      d.path = j.at("path").get<std::string>();
      d.stat.size = j.at("size").get<uint64_t>();
      d.stat.mtime_ns = j.at("mtime_ns").get<int64_t>();
      d.stat.ctime_ns = j.at("ctime_ns").get<int64_t>();
      d.stat.ino = j.at("ino").get<uint64_t>();
      d.stat.known = true;
      d.bytes = j.at("bytes").get<uint64_t>();
      d.json_bytes = j.value("json_bytes", uint64_t{0});
      d.sha256 = j.value("sha256", "");
      d.failed = j.value("failed", false);
      d.duplicate_of = j.value("duplicate_of", "");
      d.line = j.value("line", "");
      if (!journal && j.contains("rows")) {
        const auto rows = j["rows"].get<std::vector<uint64_t>>();
        if (rows.size() == d.rows.size()) {
          std::copy(rows.begin(), rows.end(), d.rows.begin());
          d.has_rows = true;
        }
      }
      const auto [it, fresh] = state->by_relative.emplace(d.relative, state->documents.size());
      if (fresh) {
        state->documents.push_back(std::move(d));
      } else {
        state->documents[it->second] = std::move(d);
      }
    } catch (const nlohmann::json::exception&) {
      if (header) return false;  // a line of the wrong shape is left out
    }
  }
  return !header;
}

}  // namespace

RunState ReadRunState(const OutputLayout& layout, const std::string& fingerprint) {
  RunState state;
  if (!ReadStateFile(layout.State(), fingerprint, false, &state)) state = RunState();
  RunState journal = state;
  if (ReadStateFile(layout.StateJournal(), fingerprint, true, &journal)) {
    // A document of the journal was settled by the start of the run that
    // wrote it; the others keep the time of the run that recorded them. The
    // earlier start is the safe one for all.
    journal.started_ns = state.started_ns && state.started_ns < journal.started_ns
                             ? state.started_ns
                             : journal.started_ns;
    journal.matrix_values = state.matrix_values;
    journal.sizes = state.sizes;
    return journal;
  }
  return state;
}

int64_t NowNs() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

std::string DocumentStateLine(const DocumentState& d) {
  std::string line;
  JsonWriter w(&line);
  w.BeginObject();
  w.Member("relative", d.relative);
  w.Member("path", d.path);
  w.Member("size", d.stat.size);
  w.Member("mtime_ns", d.stat.mtime_ns);
  w.Member("ctime_ns", d.stat.ctime_ns);
  w.Member("ino", d.stat.ino);
  w.Member("bytes", d.bytes);
  if (d.json_bytes) w.Member("json_bytes", d.json_bytes);
  w.Member("sha256", d.sha256);
  if (d.failed) w.Member("failed", true);
  if (!d.duplicate_of.empty()) w.Member("duplicate_of", d.duplicate_of);
  if (d.has_rows) {
    w.Key("rows");
    w.BeginArray();
    for (uint64_t v : d.rows) w.Uint(v);
    w.EndArray();
  }
  w.Member("line", d.line);
  w.EndObject();
  line += '\n';
  return line;
}

std::string RunStateHeader(const RunState& state) {
  std::string line;
  JsonWriter w(&line);
  w.BeginObject();
  w.Member("schema", kSchema);
  w.Member("fingerprint", state.fingerprint);
  w.Member("matrix_values", state.matrix_values);
  w.Member("started_ns", state.started_ns);
  w.Key("sizes");
  w.BeginArray();
  for (uint64_t v : state.sizes) w.Uint(v);
  w.EndArray();
  w.EndObject();
  line += '\n';
  return line;
}

Status WriteRunState(const OutputLayout& layout, const RunState& state) {
  std::string text = RunStateHeader(state);
  for (const DocumentState& d : state.documents) text += DocumentStateLine(d);
  if (Status s = WriteFileAtomic(layout.State(), text); !s.ok()) return s;
  if (::unlink(layout.StateJournal().c_str()) != 0 && errno != ENOENT) {
    return Status::Error(layout.StateJournal() + ": " + std::strerror(errno));
  }
  return Status();
}

Result<std::unique_ptr<StateJournal>> StateJournal::Open(const OutputLayout& layout,
                                                         const RunState& header) {
  std::unique_ptr<StateJournal> j(new StateJournal());
  j->path_ = layout.StateJournal();
  // The journal of a killed run of the same pipeline is kept and appended
  // to: a run killed in its turn keeps what both did.
  RunState same;
  const bool keep = ReadStateFile(j->path_, header.fingerprint, true, &same);
  j->fd_ = ::open(j->path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (keep ? 0 : O_TRUNC),
                  0644);
  if (j->fd_ < 0) return Status::Error(j->path_ + ": " + std::strerror(errno));
  std::string head;
  if (!keep) {
    head = RunStateHeader(header);
  } else if (auto text = ReadFile(j->path_, 1ull << 36); text.ok() && !text->empty() &&
                                                         text->back() != '\n') {
    head = "\n";  // after a line cut short
  }
  if (!head.empty() && ::write(j->fd_, head.data(), head.size()) != static_cast<ssize_t>(head.size())) {
    return Status::Error(j->path_ + ": " + std::strerror(errno));
  }
  return j;
}

StateJournal::~StateJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Status StateJournal::Add(const DocumentState& d) const {
  DocumentState without_rows = d;
  without_rows.has_rows = false;
  const std::string line = DocumentStateLine(without_rows);
  if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
    return Status::Error(path_ + ": " + std::strerror(errno));
  }
  return Status();
}

}  // namespace hstag
