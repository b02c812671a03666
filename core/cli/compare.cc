// SPDX-License-Identifier: GPL-3.0-or-later
//
// The JSON written with --format json ("hstag.compare/1"):
//   a, b          per document: path (source.path), words, orientation,
//                 freedoms (counts and shares), dimensions (covered_explicit,
//                 covered_any, of), approaches, principles
//   concepts      {id: {label, section, a: {total, per_10k_words}, b: {...}}}
//                 every concept either document mentions (outside boilerplate)
//   dimensions    {economic: {a: {explicit, indicator, per_10k_words}, b}, ...}
//   actors        {id: {label, a: count, b: count}}
//   definitions   {id: {a: best score or null, b: ...}}
//   only_in_a, only_in_b   concept IDs one document mentions and the other not
// Keys are sorted by ID; nothing depends on the clock or on how A and B were
// given (document or JSON).
#include "compare.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "command.h"
#include "hstag/writer.h"
#include "hstag/summary.h"
#include "util/util.h"

namespace hstag::cli {
namespace {

struct Side {
  std::string path;  // source.path
  uint64_t words = 0;
  ordered_json summary;
};

bool EndsWithJson(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".json";
}

// True when a summary read from JSON has every part Compare reads.
bool Complete(const ordered_json& s) {
  if (!s.is_object() || !s.contains("concepts") || !s["concepts"].is_object() ||
      !s.contains("definitions") || !s["definitions"].is_array() || !s.contains("profile")) {
    return false;
  }
  for (const auto& [id, c] : s["concepts"].items()) {
    if (!c.is_object() || !c.contains("label") || !c.contains("section") ||
        !c.contains("per_10k_words") || !c.contains("total") || !c["total"].is_number_unsigned()) {
      return false;
    }
  }
  for (const auto& d : s["definitions"]) {
    if (!d.is_object() || !d.contains("id") || !d["id"].is_string() || !d.contains("score")) return false;
  }
  const ordered_json& p = s["profile"];
  if (!p.is_object()) return false;
  for (const char* k : {"orientation", "freedoms", "dimensions", "approaches", "principles"}) {
    if (!p.contains(k)) return false;
  }
  if (!p["orientation"].is_string() || !p["dimensions"].is_object()) return false;
  const ordered_json& d = p["dimensions"];
  for (const char* k : {"covered_explicit", "covered_any", "of", "by_dimension"}) {
    if (!d.contains(k)) return false;
  }
  if (!d["by_dimension"].is_object()) return false;
  for (const auto& [k, x] : d["by_dimension"].items()) {
    if (!x.is_object() || !x.contains("per_10k_words")) return false;
  }
  const ordered_json& f = p["freedoms"];
  if (!f.is_object() || !f.contains("shares") || !f["shares"].is_object()) return false;
  for (const char* k : {"fear", "want", "dignity"}) {
    if (!f.contains(k) || !f["shares"].contains(k)) return false;
  }
  return true;
}

// One side from a document's JSON; false (printing why) when its summary
// lacks a part Compare reads.
bool SideOf(const ordered_json& doc, const std::string& input, const char* command, Side* side) {
  const ordered_json& s = doc["summary"];
  if (!Complete(s)) {
    std::cerr << "hstag " << command << ": " << input
              << ": no complete summary (written by an older hstag?); analyse it again\n";
    return false;
  }
  side->path = doc.value("source", ordered_json::object()).value("path", input);
  side->words = doc.value("stats", ordered_json::object()).value("words", uint64_t{0});
  side->summary = s;
  return true;
}

// total and per_10k_words of a concept in a summary (0 when absent).
ordered_json ConceptSide(const Side& s, const std::string& id) {
  const ordered_json& c = s.summary["concepts"];
  if (c.contains(id)) {
    return {{"total", c[id]["total"]}, {"per_10k_words", c[id]["per_10k_words"]}};
  }
  return {{"total", 0}, {"per_10k_words", s.words ? ordered_json(0.0) : ordered_json(nullptr)}};
}

bool Mentions(const Side& s, const std::string& id) {
  const ordered_json& c = s.summary["concepts"];
  return c.contains(id) && c[id].value("total", uint64_t{0}) > 0;
}

ordered_json SideJson(const Side& s) {
  const ordered_json& p = s.summary["profile"];
  ordered_json j;
  j["path"] = s.path;
  j["words"] = s.words;
  j["orientation"] = p["orientation"];
  j["freedoms"] = p["freedoms"];
  j["dimensions"] = {{"covered_explicit", p["dimensions"]["covered_explicit"]},
                     {"covered_any", p["dimensions"]["covered_any"]},
                     {"of", p["dimensions"]["of"]}};
  j["approaches"] = p["approaches"];
  j["principles"] = p["principles"];
  return j;
}

ordered_json CompareJson(const Side& a, const Side& b) {
  ordered_json j;
  j["schema"] = "hstag.compare/1";
  j["a"] = SideJson(a);
  j["b"] = SideJson(b);
  std::set<std::string> ids;
  for (const Side* s : {&a, &b}) {
    for (const auto& [id, c] : s->summary["concepts"].items()) {
      if (Mentions(*s, id)) ids.insert(id);
    }
  }
  ordered_json concepts = ordered_json::object(), actors = ordered_json::object();
  ordered_json only_a = ordered_json::array(), only_b = ordered_json::array();
  for (const auto& id : ids) {
    const ordered_json& c = (Mentions(a, id) ? a : b).summary["concepts"][id];
    concepts[id] = {{"label", c["label"]},
                    {"section", c["section"]},
                    {"a", ConceptSide(a, id)},
                    {"b", ConceptSide(b, id)}};
    if (c["section"] == "actor") {
      actors[id] = {{"label", c["label"]},
                    {"a", concepts[id]["a"]["total"]},
                    {"b", concepts[id]["b"]["total"]}};
    }
    if (!Mentions(b, id)) only_a.push_back(id);
    if (!Mentions(a, id)) only_b.push_back(id);
  }
  j["concepts"] = std::move(concepts);
  // The seven dimensions, in the order the summaries list them.
  const ordered_json none{{"explicit", 0}, {"indicator", 0}, {"per_10k_words", nullptr}};
  ordered_json dims = ordered_json::object();
  const ordered_json& da = a.summary["profile"]["dimensions"]["by_dimension"];
  const ordered_json& db = b.summary["profile"]["dimensions"]["by_dimension"];
  for (const ordered_json* side : {&da, &db}) {
    for (const auto& [d, x] : side->items()) {
      if (!dims.contains(d)) dims[d] = {{"a", da.value(d, none)}, {"b", db.value(d, none)}};
    }
  }
  j["dimensions"] = std::move(dims);
  j["actors"] = std::move(actors);
  std::map<std::string, std::pair<ordered_json, ordered_json>> defs;
  for (const auto& d : a.summary["definitions"]) defs[d["id"].get<std::string>()].first = d["score"];
  for (const auto& d : b.summary["definitions"]) defs[d["id"].get<std::string>()].second = d["score"];
  ordered_json definitions = ordered_json::object();
  for (const auto& [id, s] : defs) definitions[id] = {{"a", s.first}, {"b", s.second}};
  j["definitions"] = std::move(definitions);
  j["only_in_a"] = std::move(only_a);
  j["only_in_b"] = std::move(only_b);
  return j;
}

// ---- the table ----------------------------------------------------------

constexpr size_t kLabel = 33, kValue = 21;  // 33 + 2 + 21 + 2 + 21 = 79 columns

size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// At most `w` code points: cut and ended with "…" (at the front when `keep_end`).
std::string Fit(const std::string& s, size_t w, bool keep_end = false) {
  if (Width(s) <= w) return s;
  std::vector<size_t> starts;  // byte offset of every code point
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (keep_end) return "\xE2\x80\xA6" + s.substr(starts[starts.size() - (w - 1)]);
  return s.substr(0, starts[w - 1]) + "\xE2\x80\xA6";
}

std::string Pad(const std::string& s, size_t w, bool right) {
  const std::string f = Fit(s, w, right);
  const std::string fill(w - Width(f), ' ');
  return right ? fill + f : f + fill;
}

std::string Row(const std::string& label, const std::string& a, const std::string& b) {
  std::string line = Pad(label, kLabel, false) + "  " + Pad(a, kValue, true) + "  " + Pad(b, kValue, true);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "\n";
}

std::string Num(const ordered_json& v, const char* fmt = "%.1f") {
  if (!v.is_number()) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v.get<double>());
  return buf;
}

std::string Int(const ordered_json& v) {
  return v.is_number() ? std::to_string(v.get<uint64_t>()) : "-";
}

// Words wrapped after `indent` to 79 columns.
std::string Wrap(const std::string& head, const std::vector<std::string>& items) {
  std::string out = head, line_pad(4, ' ');
  size_t col = Width(head);
  if (items.empty()) return out + " (none)\n";
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
    if (col + 1 + Width(item) > 79 && col > line_pad.size()) {
      out += "\n" + line_pad + item;
      col = line_pad.size() + Width(item);
    } else {
      out += " " + item;
      col += 1 + Width(item);
    }
  }
  return out + "\n";
}

std::string Table(const Side& a, const Side& b, const ordered_json& j) {
  std::string out;
  out += "A  " + a.path + "\n";
  out += "B  " + b.path + "\n\n";
  out += Row("", "A", "B");
  out += Row("document", std::filesystem::path(a.path).filename().string(),
             std::filesystem::path(b.path).filename().string());
  out += Row("words", std::to_string(a.words), std::to_string(b.words));
  out += Row("orientation", j["a"]["orientation"].get<std::string>(),
             j["b"]["orientation"].get<std::string>());
  out += "freedoms: share (count)\n";
  for (const char* f : {"fear", "want", "dignity"}) {
    auto cell = [&](const ordered_json& side) {
      return Num(side["freedoms"]["shares"][f], "%.2f") + " (" + Int(side["freedoms"][f]) + ")";
    };
    out += Row(std::string("  ") + f, cell(j["a"]), cell(j["b"]));
  }
  auto coverage = [](const ordered_json& side) {
    return Int(side["dimensions"]["covered_explicit"]) + "/7 explicit, " +
           Int(side["dimensions"]["covered_any"]) + "/7 any";
  };
  out += Row("dimensions covered", coverage(j["a"]), coverage(j["b"]));
  out += "dimensions: per 10k words (explicit+indicator)\n";
  for (const auto& [d, x] : j["dimensions"].items()) {
    out += Row("  " + d, Num(x["a"]["per_10k_words"]), Num(x["b"]["per_10k_words"]));
  }

  // Top concepts by density, actors apart.
  auto top = [&](const char* side) {
    std::vector<std::pair<double, std::string>> v;
    for (const auto& [id, c] : j["concepts"].items()) {
      if (c["section"] == "actor" || !c[side]["per_10k_words"].is_number()) continue;
      if (c[side]["total"].get<uint64_t>() == 0) continue;
      v.emplace_back(c[side]["per_10k_words"].get<double>(), id);
    }
    std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    if (v.size() > 8) v.resize(8);
    return v;
  };
  for (const char* side : {"a", "b"}) {
    out += std::string("top concepts of ") + (side[0] == 'a' ? "A" : "B") + ": per 10k words\n";
    const auto list = top(side);
    if (list.empty()) out += "  (none)\n";
    for (const auto& [v, id] : list) {
      const ordered_json& c = j["concepts"][id];
      out += Row("  " + id, Num(c["a"]["per_10k_words"]), Num(c["b"]["per_10k_words"]));
    }
  }

  out += "actors: mentions\n";
  std::vector<std::pair<uint64_t, std::string>> actors;
  for (const auto& [id, x] : j["actors"].items()) {
    actors.emplace_back(x["a"].get<uint64_t>() + x["b"].get<uint64_t>(), id);
  }
  std::stable_sort(actors.begin(), actors.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  const size_t shown = std::min<size_t>(actors.size(), 12);
  if (actors.empty()) out += "  (none)\n";
  for (size_t i = 0; i < shown; ++i) {
    const ordered_json& x = j["actors"][actors[i].second];
    out += Row("  " + x["label"].get<std::string>(), Int(x["a"]), Int(x["b"]));
  }
  if (actors.size() > shown) out += "  … " + std::to_string(actors.size() - shown) + " more\n";

  out += "definitions: best score\n";
  if (j["definitions"].empty()) out += "  (none)\n";
  for (const auto& [id, x] : j["definitions"].items()) {
    out += Row("  " + id, Num(x["a"], "%.2f"), Num(x["b"], "%.2f"));
  }

  const auto only_a = j["only_in_a"].get<std::vector<std::string>>();
  const auto only_b = j["only_in_b"].get<std::vector<std::string>>();
  out += "\n" + Wrap("only in A (" + std::to_string(only_a.size()) + "):", only_a);
  out += Wrap("only in B (" + std::to_string(only_b.size()) + "):", only_b);
  return out;
}

}  // namespace

bool LoadDocument(const std::string& input, const Pipeline& pipeline, bool with_text,
                  const char* command, ordered_json* doc) {
  if (EndsWithJson(input)) {
    auto bytes = ReadFile(input, pipeline.limits().max_bytes);
    if (!bytes.ok()) {
      std::cerr << "hstag " << command << ": " << input << ": " << bytes.error() << "\n";
      return false;
    }
    ordered_json j = ordered_json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.value("schema", "") == "hstag.document/1") {
      if (j.contains("errors") && j["errors"].is_array() && !j["errors"].empty()) {
        std::cerr << "hstag " << command << ": " << input << ": the document failed: "
                  << j["errors"][0].value("message", "") << "\n";
        return false;
      }
      *doc = std::move(j);
      return true;
    }
    // Any other JSON is a document like any other.
  }
  AnalysisResult r = pipeline.Run(input, input);
  if (r.failed()) {
    std::string why;
    for (const auto& e : r.doc.errors) why += (why.empty() ? "" : "; ") + e.message;
    std::cerr << "hstag " << command << ": " << input << ": " << why << "\n";
    return false;
  }
  *doc = DocumentJson(r, pipeline, ToolJson(pipeline), OutputOptions{with_text});
  return true;
}

bool CompareDocuments(const ordered_json& a, const ordered_json& b, const std::string& input_a,
                      const std::string& input_b, const char* command, ordered_json* out) {
  Side sa, sb;
  if (!SideOf(a, input_a, command, &sa) || !SideOf(b, input_b, command, &sb)) return false;
  *out = CompareJson(sa, sb);
  return true;
}

int Compare(const std::vector<std::string>& inputs, const std::string& format,
            const hstag::Pipeline& pipeline) {
  if (inputs.size() != 2 || (format != "table" && format != "json")) {
    std::cerr << "hstag compare: give two inputs and --format table or json\n";
    return kExitUsage;
  }
  Side a, b;
  std::string out;
  try {
    ordered_json da, db;
    if (!LoadDocument(inputs[0], pipeline, false, "compare", &da) ||
        !LoadDocument(inputs[1], pipeline, false, "compare", &db) ||
        !SideOf(da, inputs[0], "compare", &a) || !SideOf(db, inputs[1], "compare", &b)) {
      return kExitDocuments;
    }
    const ordered_json j = CompareJson(a, b);
    out = format == "json" ? Dump(j, 2) + "\n" : Table(a, b, j);
  } catch (const nlohmann::json::exception& e) {  // hstag JSON edited by hand
    std::cerr << "hstag compare: an input's summary is malformed: " << e.what() << "\n";
    return kExitDocuments;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return kExitOk;
}

Command AddCompare(CLI::App& app) {
  struct Options {
    std::vector<std::string> inputs = std::vector<std::string>(2);
    std::string format = "table";
    CommonOptions common;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("compare", "Two documents' HS profiles side by side "
                                                "(documents or their hstag JSON)");
  cmd->add_option("a", o->inputs[0], "A document or its hstag JSON")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("b", o->inputs[1], "Another document or its hstag JSON")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--format", o->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] {
            auto pipeline = MakePipeline(o->common);
            return pipeline ? Compare(o->inputs, o->format, *pipeline) : kExitFatal;
          }};
}

}  // namespace hstag::cli
