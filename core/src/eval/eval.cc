// SPDX-License-Identifier: GPL-3.0-or-later
#include "eval/eval.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "batch/manifest.h"
#include "batch/ordered.h"
#include "batch/output_layout.h"
#include "hstag/codebook.h"
#include "lexicon/loader.h"
#include "output/csv.h"
#include "util/util.h"

namespace hstag {

namespace fs = std::filesystem;
using json = nlohmann::json;

Result<std::vector<GoldPassage>> LoadGold(const std::string& path) {
  auto bytes = ReadFile(path, 256u << 20);
  if (!bytes.ok()) return Status::Error(path + ": " + bytes.error());
  std::vector<GoldPassage> gold;
  std::string_view rest = *bytes;
  for (size_t line = 1; !rest.empty(); ++line) {
    const size_t nl = rest.find('\n');
    const std::string_view text = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return Status::Error(path + ":" + std::to_string(line) + ": not a JSON object");
    }
    if (!j.contains("text") || !j["text"].is_string() || !j.contains("labels") ||
        !j["labels"].is_array()) {
      return Status::Error(path + ":" + std::to_string(line) +
                           ": a gold passage needs \"text\" and \"labels\"");
    }
    GoldPassage p;
    p.id = j.value("id", std::to_string(line));
    p.text = j["text"];
    p.split = j.value("split", "");
    p.source = j.value("source", "");
    p.start = j.value("start", int64_t{-1});
    p.end = j.value("end", int64_t{-1});
    for (const auto& l : j["labels"]) {
      if (!l.is_string()) {
        return Status::Error(path + ":" + std::to_string(line) + ": labels must be strings");
      }
      p.labels.insert(l.get<std::string>());
    }
    gold.push_back(std::move(p));
  }
  return gold;
}

EvalReport Evaluate(const Pipeline& pipeline, const std::vector<GoldPassage>& gold,
                    const std::string& split, const std::set<std::string>& skip_sections,
                    const std::string& sources_dir) {
  EvalReport report;
  // Annotations of whole source documents, analysed once each.
  std::map<std::string, std::vector<Annotation>> documents;
  auto section_of = [&](const std::string& id) {
    const Concept* c = pipeline.FindConcept(id);
    if (c) return c->section;
    const std::string s(codebook::SectionOf(id));
    return s.empty() ? std::string("user") : s;
  };
  for (const auto& p : gold) {
    if (!split.empty() && split != "all" && p.split != split) continue;
    ++report.passages;
    std::set<std::string> found;
    const std::string source_path = sources_dir + "/" + p.source;
    std::error_code ec;
    if (!sources_dir.empty() && !p.source.empty() && p.start >= 0 &&
        std::filesystem::is_regular_file(source_path, ec)) {
      auto it = documents.find(p.source);
      if (it == documents.end()) {
        it = documents.emplace(p.source, pipeline.Run(source_path, p.source).annotations).first;
      }
      for (const auto& a : it->second) {
        if (a.start >= p.start && a.end <= p.end) found.insert(a.concept_id);
      }
      ++report.in_context;
    } else {
      const AnalysisResult r = pipeline.RunBytes(p.text, p.id);
      for (const auto& a : r.annotations) found.insert(a.concept_id);
    }
    std::set<std::string> all = found;
    all.insert(p.labels.begin(), p.labels.end());
    for (const auto& id : all) {
      const std::string section = section_of(id);
      if (skip_sections.count(section)) continue;
      const bool in_gold = p.labels.count(id) > 0, in_found = found.count(id) > 0;
      Counts& c = report.concepts[id];
      Counts& s = report.sections[section];
      if (in_gold && in_found) {
        ++c.tp, ++s.tp, ++report.micro.tp;
      } else if (in_found) {
        ++c.fp, ++s.fp, ++report.micro.fp;
        report.false_alarms.emplace_back(p.id, id);
      } else {
        ++c.fn, ++s.fn, ++report.micro.fn;
        report.misses.emplace_back(p.id, id);
      }
    }
  }
  return report;
}

Interval Wilson(uint64_t k, uint64_t n, double z) {
  if (n == 0) return {0, 1};
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2 = z * z;
  const double denom = 1 + z2 / nn;
  const double center = (p + z2 / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
  return {std::max(0.0, center - half), std::min(1.0, center + half)};
}

std::string FamilyOf(std::string_view concept_id, std::string_view strength,
                     std::string_view rule) {
  if (rule.substr(0, 13) == "abbreviation:") return "abbreviation";
  const std::string_view section = codebook::SectionOf(concept_id);
  if (section.empty()) return "other";
  if (section == "concept") return "hs";
  if (section == codebook::kActorSection) {
    return concept_id.substr(0, 12) == "actor.state." ? "state" : "actor";
  }
  if (section == "dimension" || section == codebook::kApproachSection ||
      section == codebook::kPrincipleSection || section == "topic") {
    return std::string(section) + "/" + std::string(strength.empty() ? "explicit" : strength);
  }
  return std::string(section);
}

Result<Reviewed> ReadReviewed(const std::string& path) {
  auto bytes = ReadFile(path, 1u << 30);
  if (!bytes.ok()) return Status::Error(path + ": " + bytes.error());
  auto rows = ParseCsv(*bytes);
  if (!rows.ok()) return Status::Error(path + ": " + rows.error());
  if (rows->empty()) return Status::Error(path + ": empty file");
  const auto& header = rows->front();
  const auto col = [&](const std::string& name) -> int {
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  const int concept_col = col("concept"), correct_col = col("correct");
  const int strength_col = col("strength"), rule_col = col("rule"), run_col = col("run");
  if (concept_col < 0 || correct_col < 0) {
    return Status::Error(path + ": needs the columns `concept` and `correct`");
  }
  Reviewed out;
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    if (row.size() == 1 && row[0].empty()) continue;
    if (static_cast<int>(row.size()) <= std::max(concept_col, correct_col)) {
      return Status::Error(path + ": row " + std::to_string(i + 1) + " has too few fields");
    }
    std::string v = row[static_cast<size_t>(correct_col)];
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
    v.erase(0, v.find_first_not_of(' '));
    v.erase(v.find_last_not_of(' ') + 1);
    auto field = [&](int c) { return c >= 0 && c < static_cast<int>(row.size()) ? row[c] : ""; };
    const std::string& id = row[static_cast<size_t>(concept_col)];
    if (run_col >= 0) out.runs.insert(field(run_col));
    ReviewedCounts& c = out.concepts[id];
    ReviewedCounts& f = out.families[FamilyOf(id, field(strength_col), field(rule_col))];
    if (v == "y" || v == "yes" || v == "1" || v == "true" || v == "x") {
      ++c.correct, ++f.correct;
    } else if (v == "n" || v == "no" || v == "0" || v == "false") {
      ++c.wrong, ++f.wrong;
    } else if (v.empty()) {
      ++c.unreviewed, ++f.unreviewed;
    } else {
      return Status::Error(path + ": row " + std::to_string(i + 1) + ": `correct` is `" +
                           row[static_cast<size_t>(correct_col)] +
                           "`; use y or n (yes/no, 1/0, true/false)");
    }
  }
  return out;
}

namespace {

// Up to `per_key` matches per concept (or per family), uniformly over what
// is added (reservoir sampling with a seeded generator), as the sample's CSV
// rows. Matches that the counts leave out (in boilerplate, or in a
// reference list but for citations) are not drawn.
class Reservoirs {
 public:
  Reservoirs(const SampleOptions& o) : per_key_(o.per_key), by_family_(o.by_family), rng_(o.seed) {}

  // `run`: the fingerprint of the batch run the annotations come from, or "".
  void Add(const AnalysisResult& r, const std::string& run) {
    const Document& d = r.doc;
    for (const auto& a : r.annotations) {
      if (a.segment < d.segments.size() &&
          (d.segments[a.segment].boilerplate ||
           (d.segments[a.segment].references &&
            codebook::CountedApartInReferences(a.concept_id)))) {
        continue;
      }
      Reservoir& res = reservoirs_[by_family_ ? FamilyOf(a.concept_id, StrengthName(a.strength), a.rule)
                                              : a.concept_id];
      ++res.seen;
      size_t slot = res.items.size();
      if (res.items.size() >= per_key_) {
        slot = static_cast<size_t>(rng_() % res.seen);
        if (slot >= per_key_) continue;
      }
      std::string sentence;
      auto it = std::upper_bound(r.sentences.begin(), r.sentences.end(), a.start,
                                 [](uint32_t o, const auto& s) { return o < s.first; });
      if (it != r.sentences.begin()) {
        const auto& s = *(it - 1);
        sentence = d.text.substr(s.first, std::max(s.second, a.end) - s.first);
      }
      for (char& c : sentence) {
        if (c == '\n' || c == '\r' || c == '\f' || c == '\t') c = ' ';
      }
      const Segment* seg = a.segment < d.segments.size() ? &d.segments[a.segment] : nullptr;
      std::vector<std::string> row{d.path,
                                   a.concept_id,
                                   StrengthName(a.strength),
                                   seg && seg->page ? std::to_string(seg->page) : "",
                                   seg ? seg->xpath : "",
                                   std::to_string(a.start),
                                   std::to_string(a.end),
                                   d.text.substr(a.start, a.end - a.start),
                                   sentence,
                                   a.rule};
      if (with_run_) row.push_back(run);
      if (slot == res.items.size()) {
        res.items.push_back(std::move(row));
      } else {
        res.items[slot] = std::move(row);
      }
    }
  }
  // Rows carry the run's fingerprint (a `run` column), for samples of a run.
  void WithRun() { with_run_ = true; }

  std::string Csv() const {
    std::string csv;
    std::vector<std::string> header{"sample_id", "document", "concept", "strength", "page",
                                    "xpath",     "start",    "end",     "text",     "sentence",
                                    "rule"};
    if (with_run_) header.push_back("run");
    header.push_back("correct");
    AppendCsvRow(header, &csv);
    size_t n = 0;
    for (const auto& [id, res] : reservoirs_) {
      for (const auto& x : res.items) {
        std::vector<std::string> row{std::to_string(++n)};
        row.insert(row.end(), x.begin(), x.end());
        row.emplace_back();
        AppendCsvRow(row, &csv);
      }
    }
    return csv;
  }

 private:
  struct Reservoir {
    uint64_t seen = 0;
    std::vector<std::vector<std::string>> items;  // rows without the sample id and `correct`
  };
  size_t per_key_;
  bool by_family_;
  std::mt19937_64 rng_;
  bool with_run_ = false;
  std::map<std::string, Reservoir> reservoirs_;
};

}  // namespace

std::string DrawSample(const Pipeline& pipeline, const std::vector<Input>& inputs,
                       const SampleOptions& options, unsigned jobs) {
  Reservoirs reservoirs(options);
  RunOrdered(pipeline, inputs, jobs,
             [&](size_t, AnalysisResult&& r) { reservoirs.Add(r, ""); });
  return reservoirs.Csv();
}

Result<std::string> DrawSampleFromRun(const Pipeline& extractor, const std::string& out_dir,
                                      const SampleOptions& options,
                                      std::vector<std::string>* problems) {
  const OutputLayout layout(out_dir);
  auto manifest = ReadManifest(layout.Run());
  if (!manifest.ok()) return manifest.status();
  // The documents' JSON in a fixed order (the names under docs/ are unique).
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(layout.Docs(), ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string p = it->path().string();
    if (it->is_regular_file(ec) && p.size() > 5 && p.ends_with(".json") && !IsTemporaryPath(p)) {
      files.push_back(it->path());
    }
  }
  if (ec) return Status::Error(layout.Docs() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  Reservoirs reservoirs(options);
  reservoirs.WithRun();
  for (const auto& file : files) {
    auto problem = [&](const std::string& why) { problems->push_back(file.string() + ": " + why); };
    auto bytes = ReadFile(file.string());
    if (!bytes.ok()) {
      problem(bytes.error());
      continue;
    }
    const json doc = json::parse(*bytes, nullptr, false);
    if (doc.is_discarded() || !doc.contains("source") || !doc.contains("annotations")) {
      problem("not a document of hstag's output");
      continue;
    }
    if (doc["annotations"].empty()) continue;
    // The annotations are the run's; the text they index is extracted again
    // from the source, which must be the bytes the run read.
    const std::string source = doc["source"].value("path", "");
    auto source_bytes = ReadFile(source, extractor.limits().max_bytes);
    if (!source_bytes.ok()) {
      problem("its source " + source + " cannot be read (" + source_bytes.error() +
              "); draw the sample from the folder the run was made in");
      continue;
    }
    if (Sha256Hex(*source_bytes) != doc["source"].value("sha256", "")) {
      problem("its source " + source + " has changed since the run (another SHA-256)");
      continue;
    }
    AnalysisResult r = extractor.RunBytes(std::move(*source_bytes), source);
    if (r.failed()) {
      problem("its source " + source + " fails now: " + r.doc.errors.front().message);
      continue;
    }
    bool same = true;
    for (const auto& a : doc["annotations"]) {
      Annotation x;
      x.concept_id = a.value("concept", "");
      x.strength = a.value("strength", "") == "indicator" ? Strength::kIndicator : Strength::kExplicit;
      x.start = a.value("start", 0u);
      x.end = a.value("end", 0u);
      x.rule = a.value("rule", "");
      if (x.end < x.start || x.end > r.doc.text.size() ||
          r.doc.text.compare(x.start, x.end - x.start, a.value("text", "")) != 0) {
        same = false;
        break;
      }
      auto seg = std::upper_bound(r.doc.segments.begin(), r.doc.segments.end(), x.start,
                                  [](uint32_t o, const Segment& s) { return o < s.start; });
      x.segment = seg == r.doc.segments.begin()
                      ? 0
                      : static_cast<uint32_t>(seg - r.doc.segments.begin() - 1);
      r.annotations.push_back(std::move(x));
    }
    if (!same) {
      problem("the text extracted from " + source +
              " now differs from the run's (another hstag version or other extraction "
              "options): its annotations no longer index it");
      continue;
    }
    reservoirs.Add(r, manifest->fingerprint);
  }
  return reservoirs.Csv();
}

}  // namespace hstag
