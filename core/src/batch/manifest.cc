// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/manifest.h"

#include <sys/stat.h>

#include <ctime>

#include "hstag/version.h"
#include "util/util.h"

namespace hstag {
namespace {

constexpr char kSchema[] = "hstag.run/1";

ordered_json CountsJson(const RunCounts& c) {
  ordered_json j = {{"documents", c.documents}, {"done", c.done},
                    {"failed", c.failed},       {"skipped", c.skipped},
                    {"duplicate", c.duplicate}};
  if (c.not_started) j["not_started"] = *c.not_started;
  return j;
}

RunCounts CountsFrom(const ordered_json& j) {
  RunCounts c;
  c.documents = j.value("documents", uint64_t{0});
  c.done = j.value("done", uint64_t{0});
  c.failed = j.value("failed", uint64_t{0});
  c.skipped = j.value("skipped", uint64_t{0});
  c.duplicate = j.value("duplicate", uint64_t{0});
  if (j.contains("not_started")) c.not_started = j["not_started"].get<uint64_t>();
  return c;
}

ordered_json ShardJson(const Shard& s) { return {{"k", s.k}, {"n", s.n}}; }

Shard ShardFrom(const ordered_json& j) {
  return {j.value("k", uint64_t{1}), j.value("n", uint64_t{1})};
}

}  // namespace

ordered_json FingerprintOptions(const RunSettings& s) {
  ordered_json o = {{"output", HSTAG_SCHEMA_DOCUMENT}, {"emit_text", s.emit_text},
                    {"lexicons", s.lexicons},          {"plugin_dirs", s.plugin_dirs},
                    {"xml_profile", s.xml_profile},    {"pdf_password", s.pdf_password}};
  if (!s.ocr.empty()) o["ocr"] = s.ocr;
  if (!s.ocr_lang.empty()) o["ocr_lang"] = s.ocr_lang;
  if (s.ocr_dpi) o["ocr_dpi"] = s.ocr_dpi;
  return o;
}

std::string Fingerprint(const ordered_json& tool, const std::string& config_bytes,
                        const ordered_json& options) {
  return Sha256Hex(Dump(tool) + "\n" + config_bytes + "\n" + Dump(options));
}

RunManifest NewManifest(const ordered_json& tool, const std::string& fingerprint,
                        const RunSettings& s, const Limits& limits, const Shard& shard,
                        std::vector<std::string> matrix_columns, std::string started) {
  RunManifest m;
  m.tool = tool;
  m.fingerprint = fingerprint;
  m.options = FingerprintOptions(s);
  m.options["inputs"] = s.inputs;
  m.options["files_from"] = s.files_from;
  m.options["include"] = s.include;
  m.options["exclude"] = s.exclude;
  m.options["matrix_values"] = s.matrix_values;
  m.options["jobs"] = s.jobs;
  m.options["resume"] = s.resume ? ordered_json(s.resume_checksum ? "checksum" : "stat")
                                 : ordered_json(false);
  m.options["doc_timeout"] = s.doc_timeout;
  m.options["max_errors"] = s.max_errors;
  m.options["limits"] = {{"max_bytes", limits.max_bytes},
                         {"max_pages", s.max_pages ? ordered_json(s.max_pages) : ordered_json()},
                         {"max_segments", limits.max_segments},
                         {"max_annotations", limits.max_annotations},
                         {"max_members", limits.max_members},
                         {"max_unpacked_bytes", limits.max_unpacked_bytes},
                         {"max_ratio", limits.max_ratio}};
  m.shard = shard;
  m.matrix_columns = std::move(matrix_columns);
  m.started = std::move(started);
  return m;
}

ordered_json RunManifest::ToJson() const {
  ordered_json run;
  run["schema"] = kSchema;
  run["tool"] = tool;
  run["fingerprint"] = fingerprint;
  run["options"] = options;
  run["shard"] = ShardJson(shard);
  run["matrix_columns"] = matrix_columns;
  run["started"] = started;
  run["finished"] = finished;
  run["counts"] = CountsJson(counts);
  if (!merged_from.empty()) {
    ordered_json parts = ordered_json::array();
    for (const Part& p : merged_from) {
      parts.push_back({{"dir", p.dir}, {"shard", ShardJson(p.shard)}, {"counts", CountsJson(p.counts)}});
    }
    run["merged_from"] = std::move(parts);
  }
  if (!skipped_outputs.empty()) run["skipped_outputs"] = skipped_outputs;
  return run;
}

Result<RunManifest> ReadManifest(const std::string& path) {
  auto text = ReadFile(path, 1u << 30);
  if (!text.ok()) return Status::Error(path + ": " + text.error());
  const auto run = ordered_json::parse(*text, nullptr, /*allow_exceptions=*/false);
  const Status not_a_manifest = Status::Error(path + " is not an hstag run manifest");
  if (!run.is_object() || run.value("schema", "") != kSchema) return not_a_manifest;
  try {
    RunManifest m;
    m.tool = run.value("tool", ordered_json::object());
    m.fingerprint = run.value("fingerprint", "");
    m.options = run.value("options", ordered_json::object());
    m.shard = ShardFrom(run.value("shard", ordered_json::object()));
    m.matrix_columns = run.value("matrix_columns", std::vector<std::string>{});
    m.started = run.value("started", "");
    m.finished = run.value("finished", "");
    m.counts = CountsFrom(run.value("counts", ordered_json::object()));
    m.skipped_outputs = run.value("skipped_outputs", std::vector<std::string>{});
    for (const auto& p : run.value("merged_from", ordered_json::array())) {
      m.merged_from.push_back({p.value("dir", ""), ShardFrom(p.value("shard", ordered_json::object())),
                               CountsFrom(p.value("counts", ordered_json::object()))});
    }
    return m;
  } catch (const nlohmann::json::exception&) {  // a field of the wrong type
    return not_a_manifest;
  }
}

bool IsRunFolder(const std::string& dir) {
  const std::string run = dir + "/run.json";
  struct stat st {};
  return ::stat(run.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ReadManifest(run).ok();
}

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::tm tm{};
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
  return buf;
}

}  // namespace hstag
