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

// A document line, read as parse events into a DocumentState without a
// tree (a state has a line per document: reading it is most of an
// unchanged --resume).
struct DocumentLine : nlohmann::json_sax<ordered_json> {
  DocumentState d;
  std::string name;  // of the current member
  int depth = 0;
  size_t rows = 0;
  unsigned seen = 0;  // the required members, one bit each
  static constexpr unsigned kRequired = 0x7F;

  bool Number(uint64_t v, bool negative, int64_t signed_value) {
    if (depth == 2 && name == "rows") {
      if (negative || rows >= d.rows.size()) return false;
      d.rows[rows++] = v;
      return true;
    }
    if (depth != 1) return true;
    if (name == "mtime_ns") {
      d.stat.mtime_ns = signed_value;
      seen |= 1;
      return true;
    }
    if (name == "ctime_ns") {
      d.stat.ctime_ns = signed_value;
      seen |= 2;
      return true;
    }
    if (negative) return false;
    if (name == "size") {
      d.stat.size = v, seen |= 4;
    } else if (name == "ino") {
      d.stat.ino = v, seen |= 8;
    } else if (name == "bytes") {
      d.bytes = v, seen |= 16;
    } else if (name == "json_bytes") {
      d.json_bytes = v;
    }
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool v) override {
    if (depth == 1 && name == "failed") d.failed = v;
    return true;
  }
  bool number_integer(number_integer_t v) override {
    return Number(static_cast<uint64_t>(v), v < 0, v);
  }
  bool number_unsigned(number_unsigned_t v) override {
    return Number(v, false, static_cast<int64_t>(v));
  }
  bool number_float(number_float_t, const string_t&) override { return depth == 1; }
  bool string(string_t& v) override {
    if (depth != 1) return true;
    if (name == "relative") {
      d.relative = std::move(v), seen |= 32;
    } else if (name == "path") {
      d.path = std::move(v), seen |= 64;
    } else if (name == "sha256") {
      d.sha256 = std::move(v);
    } else if (name == "duplicate_of") {
      d.duplicate_of = std::move(v);
    } else if (name == "line") {
      d.line = std::move(v);
    }
    return true;
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return ++depth == 1; }
  bool key(string_t& k) override {
    name = std::move(k);
    return true;
  }
  bool end_object() override {
    --depth;
    return true;
  }
  bool start_array(std::size_t) override { return ++depth == 2 && name == "rows"; }
  bool end_array() override {
    --depth;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }
};

// Reads one state file into `state`: its header must name this pipeline.
// Document lines replace earlier ones of the same document; a journal's
// lines have no rows. Returns false, leaving `state` as it was, when the
// file is missing, unreadable or of another pipeline.
bool ReadStateFile(const std::string& path, const std::string& fingerprint, bool journal,
                   RunState* state) {
  auto text = ReadFile(path, 1ull << 36);
  if (!text.ok()) return false;
  std::string_view rest = *text;
  const size_t nl = rest.find('\n');
  if (nl == std::string_view::npos) return false;
  const auto header = ordered_json::parse(rest.substr(0, nl), nullptr, /*allow_exceptions=*/false);
  rest.remove_prefix(nl + 1);
  try {
    if (!header.is_object() || header.value("schema", "") != kSchema ||
        header.value("fingerprint", "") != fingerprint) {
      return false;
    }
    state->fingerprint = fingerprint;
    state->started_ns = header.value("started_ns", int64_t{0});
    if (!journal) {
      state->matrix_values = header.value("matrix_values", "");
      const auto sizes = header.value("sizes", std::vector<uint64_t>{});
      if (sizes.size() == state->sizes.size()) {
        std::copy(sizes.begin(), sizes.end(), state->sizes.begin());
      }
    }
  } catch (const nlohmann::json::exception&) {
    return false;  // a header of the wrong shape
  }
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    if (end == std::string_view::npos) break;  // a line cut short by a killed run
    DocumentLine line;
    const bool ok = ordered_json::sax_parse(rest.substr(0, end), &line) &&
                    (line.seen & DocumentLine::kRequired) == DocumentLine::kRequired;
    rest.remove_prefix(end + 1);
    // A line cut short by a killed run (and the next appended to it), or of
    // the wrong shape, is left out.
    if (!ok) continue;
    DocumentState& d = line.d;
    d.stat.known = true;
    d.has_rows = !journal && line.rows == d.rows.size();
    const auto [it, fresh] = state->by_relative.emplace(d.relative, state->documents.size());
    if (fresh) {
      state->documents.push_back(std::move(d));
    } else {
      state->documents[it->second] = std::move(d);
    }
  }
  return true;
}

}  // namespace

RunState ReadRunState(const OutputLayout& layout, const std::string& fingerprint) {
  RunState state;
  if (!ReadStateFile(layout.State(), fingerprint, false, &state)) state = RunState();
  // A killed run's journal adds its documents. They were settled by the
  // start of the run that wrote them, the others by theirs: the earlier
  // start is the safe one for all.
  const int64_t recorded = state.started_ns;
  if (ReadStateFile(layout.StateJournal(), fingerprint, true, &state) && recorded &&
      recorded < state.started_ns) {
    state.started_ns = recorded;
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
  j->fd_ = ::open(j->path_.c_str(),
                  O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (keep ? 0 : O_TRUNC), 0644);
  if (j->fd_ < 0) return Status::Error(j->path_ + ": " + std::strerror(errno));
  std::string head;
  if (!keep) {
    head = RunStateHeader(header);
  } else if (auto text = ReadFile(j->path_, 1ull << 36); text.ok() && !text->empty() &&
                                                         text->back() != '\n') {
    head = "\n";  // after a line cut short
  }
  if (!head.empty() &&
      ::write(j->fd_, head.data(), head.size()) != static_cast<ssize_t>(head.size())) {
    return Status::Error(j->path_ + ": " + std::strerror(errno));
  }
  return j;
}

StateJournal::~StateJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Status StateJournal::Add(const DocumentState& d) const {
  const std::string line = DocumentStateLine(d);  // its rows, if any, are ignored when read
  if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
    return Status::Error(path_ + ": " + std::strerror(errno));
  }
  return Status();
}

}  // namespace hstag
