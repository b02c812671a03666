// SPDX-License-Identifier: GPL-3.0-or-later
//
// hstag: the command line over the library. Exit codes: 0 success, 1 usage
// error, 2 some documents failed (their errors are in the output), 3 fatal
// error (a config, lexicon or plugin that does not load).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "compare.h"
#include "hstag/batch.h"
#include "hstag/builtins.h"
#include "hstag/csv.h"
#include "hstag/eval.h"
#include "hstag/lexicon.h"
#include "hstag/output.h"
#include "hstag/pipeline.h"
#include "hstag/util.h"
#include "hstag/version.h"
#include "hstag/walk.h"

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0, kExitUsage = 1, kExitDocuments = 2, kExitFatal = 3;

struct CommonOptions {
  std::string config;
  std::vector<std::string> lexicons;
  std::vector<std::string> plugin_dirs;
  std::string pdf_password;
  std::string xml_profile;
};

void AddCommon(CLI::App* app, CommonOptions* o) {
  app->add_option("--config", o->config, "Pipeline config (YAML); default: the shipped one")
      ->check(CLI::ExistingFile);
  app->add_option("--lexicon", o->lexicons,
                  "Lexicon file to use instead of the config's (repeatable)")
      ->check(CLI::ExistingFile);
  app->add_option("--plugin-dir", o->plugin_dirs, "Load plugin modules (*.so) from DIR")
      ->check(CLI::ExistingDirectory);
  app->add_option("--pdf-password", o->pdf_password, "Password for encrypted PDFs");
  app->add_option("--xml-profile", o->xml_profile,
                  "Force an XML profile (akn, tei, jats, formex, xhtml, udhr, docbook, generic)");
}

std::unique_ptr<hstag::Pipeline> MakePipeline(const CommonOptions& o, bool extract_only = false) {
  hstag::PipelineOptions po;
  po.extract_only = extract_only;
  po.config_path = o.config;
  po.lexicons = o.lexicons;
  po.plugin_dirs = o.plugin_dirs;
  po.builtins = hstag::BuiltinPlugins();
  if (!o.pdf_password.empty()) {
    po.plugin_options.emplace_back("pdf", hstag::ordered_json{{"password", o.pdf_password}}.dump());
  }
  if (!o.xml_profile.empty()) {
    po.plugin_options.emplace_back("xml", hstag::ordered_json{{"profile", o.xml_profile}}.dump());
  }
  auto p = hstag::Pipeline::Create(po);
  if (!p.ok()) {
    std::cerr << "hstag: " << p.error() << "\n";
    return nullptr;
  }
  return std::move(p).value();
}

void WriteStdout(std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
}

std::string ErrorLine(const hstag::Document& d) {
  std::string s;
  for (const auto& e : d.errors) s += (s.empty() ? "" : "; ") + e.message;
  return s;
}

// ---- analyze ----------------------------------------------------------------

struct AnalyzeOptions {
  std::vector<std::string> paths;
  std::string format;  // json | jsonl
  std::string out;
  unsigned jobs = 0;
  bool emit_text = false;
  bool quiet = false;
  std::vector<std::string> include, exclude;
};

int Analyze(const AnalyzeOptions& o, const CommonOptions& common) {
  auto pipeline = MakePipeline(common);
  if (!pipeline) return kExitFatal;
  const hstag::ordered_json tool = hstag::ToolJson(*pipeline);
  const std::vector<hstag::Input> inputs = hstag::Walk(o.paths, {o.include, o.exclude});
  const bool single = o.paths.size() == 1 && inputs.size() == 1 && !fs::is_directory(o.paths[0]);
  const std::string format = !o.format.empty() ? o.format : (single ? "json" : "jsonl");
  const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  hstag::OutputOptions out_options{o.emit_text};

  if (!o.out.empty()) {
    std::error_code ec;
    fs::create_directories(fs::path(o.out) / "docs", ec);
    if (ec) {
      std::cerr << "hstag: " << o.out << ": " << ec.message() << "\n";
      return kExitFatal;
    }
  }
  size_t failed = 0, warned = 0;
  std::set<std::string> written;
  std::vector<std::string> lines;  // the human summary for --out
  bool first = true;
  if (format == "json" && !single && o.out.empty()) WriteStdout("[\n");
  hstag::RunOrdered(*pipeline, inputs, jobs, [&](size_t i, hstag::AnalysisResult&& r) {
    if (r.failed()) {
      ++failed;
      if (!o.quiet) std::cerr << "hstag: " << r.doc.path << ": " << ErrorLine(r.doc) << "\n";
    } else if (!r.doc.warnings.empty()) {
      ++warned;
    }
    const hstag::ordered_json doc = hstag::DocumentJson(r, *pipeline, tool, out_options);
    if (o.out.empty()) {
      if (format == "jsonl") {
        WriteStdout(hstag::Dump(doc) + "\n");
      } else if (single) {
        WriteStdout(hstag::Dump(doc, 2) + "\n");
      } else {
        WriteStdout(std::string(first ? "" : ",\n") + hstag::Dump(doc, 2));
      }
      first = false;
      return;
    }
    const std::string rel = inputs[i].relative + ".json";
    const fs::path target = fs::path(o.out) / "docs" / rel;
    if (!written.insert(rel).second) {
      std::cerr << "hstag: " << r.doc.path << ": output " << target.string()
                << " already written by another input; skipped\n";
      ++failed;
      return;
    }
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (hstag::Status s = hstag::WriteFileAtomic(target.string(), hstag::Dump(doc, 2) + "\n");
        !s.ok()) {
      std::cerr << "hstag: " << s.message() << "\n";
      ++failed;
      return;
    }
    // One line per document: the concepts it mentions most.
    std::vector<std::pair<uint64_t, std::string>> top;
    for (const auto& [id, c] : doc["summary"]["concepts"].items()) {
      top.emplace_back(c["total"].get<uint64_t>(), id);
    }
    std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string line = "  " + r.doc.path + ": ";
    if (r.failed()) {
      line += "FAILED: " + ErrorLine(r.doc);
    } else {
      line += std::to_string(r.annotations.size()) + " matches";
      for (size_t k = 0; k < top.size() && k < 4; ++k) {
        line += (k ? ", " : " (") + top[k].second + " " + std::to_string(top[k].first);
      }
      if (!top.empty()) line += top.size() > 4 ? ", …)" : ")";
    }
    lines.push_back(line);
  });
  if (format == "json" && !single && o.out.empty()) WriteStdout("\n]\n");
  if (!o.out.empty() && !o.quiet) {
    std::string s = "hstag: " + std::to_string(inputs.size()) + " document(s), " +
                    std::to_string(inputs.size() - failed) + " analysed, " +
                    std::to_string(failed) + " failed, " + std::to_string(warned) +
                    " with warnings; results in " + (fs::path(o.out) / "docs").string() + "/\n";
    for (const auto& l : lines) s += l + "\n";
    WriteStdout(s);
  }
  std::fflush(stdout);
  return failed ? kExitDocuments : kExitOk;
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
    hstag::ordered_json segs = hstag::ordered_json::array();
    for (const auto& s : d.segments) {
      hstag::ordered_json x;
      x["start"] = s.start;
      x["end"] = s.end;
      if (s.page) x["page"] = s.page;
      if (!s.page_label.empty()) x["page_label"] = s.page_label;
      if (!s.xpath.empty()) x["xpath"] = s.xpath;
      if (!s.lang.empty()) x["lang"] = s.lang;
      if (s.boilerplate) x["boilerplate"] = true;
      x["text"] = d.text.substr(s.start, s.end - s.start);
      segs.push_back(std::move(x));
    }
    j["segments"] = segs;
    hstag::ordered_json w = hstag::ordered_json::array();
    for (const auto& m : d.warnings) w.push_back({{"stage", m.stage}, {"message", m.message}});
    j["warnings"] = w;
    hstag::ordered_json e = hstag::ordered_json::array();
    for (const auto& m : d.errors) e.push_back({{"stage", m.stage}, {"message", m.message}});
    j["errors"] = e;
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"hstag: tags how policy documents speak about Human Security"};
  app.set_version_flag("--version", std::string("hstag ") + HSTAG_VERSION);
  app.require_subcommand(1);
  CommonOptions common;

  AnalyzeOptions ao;
  CLI::App* analyze = app.add_subcommand("analyze", "Analyze documents and write annotated JSON");
  analyze->add_option("paths", ao.paths, "Files or directories (walked recursively)")->required();
  analyze->add_option("--format", ao.format, "json (default for one file) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  analyze->add_option("--out", ao.out, "Write OUT/docs/<path relative to its root>.json");
  analyze->add_option("-j,--jobs", ao.jobs, "Documents analysed in parallel (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  analyze->add_flag("--emit-text", ao.emit_text, "Add the extracted text and its segments");
  analyze->add_flag("-q,--quiet", ao.quiet, "Print nothing on stderr but fatal errors");
  analyze->add_option("--include", ao.include, "Only files matching this glob (repeatable)");
  analyze->add_option("--exclude", ao.exclude, "Skip files matching this glob (repeatable)");
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
  eval->add_option("--skip-section", eval_skip, "Leave a codebook section out (repeatable)");
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
  if (eval->parsed()) {
    if (!reviewed_path.empty()) return EvalReviewed(reviewed_path);
    if (gold_path.empty()) {
      std::cerr << "hstag eval: give a gold file or --reviewed CSV\n";
      return kExitUsage;
    }
    return EvalGold(gold_path, eval_split, eval_format, eval_skip, eval_sources, common);
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
