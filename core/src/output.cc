// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/output.h"

#include <unicode/uversion.h>

#include <algorithm>

#include "hstag/summary.h"
#include "hstag/version.h"

namespace hstag {

ordered_json ToolJson(const Pipeline& pipeline) {
  ordered_json tool;
  tool["name"] = "hstag";
  tool["version"] = HSTAG_VERSION;
  ordered_json libs = ordered_json::object();
  char icu[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo v;
  u_getVersion(v);
  u_versionToString(v, icu);
  libs["icu"] = icu;
  libs["yaml-cpp"] = HSTAG_YAML_CPP_VERSION;
  libs["nlohmann_json"] = std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                          std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                          std::to_string(NLOHMANN_JSON_VERSION_PATCH);
  // Plugins name what they link: "poppler-cpp 22.12.0; ...".
  for (const auto& p : pipeline.plugins()) {
    std::string_view rest = p.libraries;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      std::string_view item = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? "" : rest.substr(semi + 1);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      const size_t sp = item.rfind(' ');
      if (sp == std::string_view::npos) continue;
      libs[std::string(item.substr(0, sp))] = std::string(item.substr(sp + 1));
    }
  }
  tool["libraries"] = libs;
  ordered_json lexicons = ordered_json::array();
  for (const auto& l : pipeline.lexicons()) {
    lexicons.push_back({{"name", l.name},
                        {"version", l.version},
                        {"file", l.display},
                        {"sha256", l.sha256},
                        {"concepts", l.concepts.size()}});
  }
  tool["lexicons"] = lexicons;
  ordered_json plugins = ordered_json::array();
  for (const auto& p : pipeline.plugins()) {
    plugins.push_back({{"id", p.id},
                       {"kind", p.kind},
                       {"version", p.version},
                       {"origin", p.origin == "builtin" ? "builtin" : "external"}});
  }
  tool["plugins"] = plugins;
  return tool;
}

ordered_json SummaryJson(const AnalysisResult& r, const Pipeline& pipeline) {
  return Summary(r, pipeline);
}

ordered_json MessagesJson(const std::vector<Message>& list) {
  ordered_json a = ordered_json::array();
  for (const auto& m : list) a.push_back({{"stage", m.stage}, {"message", m.message}});
  return a;
}

ordered_json SegmentsJson(const Document& d, bool with_text) {
  ordered_json segs = ordered_json::array();
  for (const auto& s : d.segments) {
    ordered_json x;
    x["start"] = s.start;
    x["end"] = s.end;
    if (s.page) x["page"] = s.page;
    if (!s.page_label.empty()) x["page_label"] = s.page_label;
    if (!s.xpath.empty()) x["xpath"] = s.xpath;
    if (!s.lang.empty()) x["lang"] = s.lang;
    if (s.boilerplate) x["boilerplate"] = true;
    if (with_text) x["text"] = d.text.substr(s.start, s.end - s.start);
    segs.push_back(std::move(x));
  }
  return segs;
}

ordered_json DocumentJson(const AnalysisResult& r, const Pipeline& pipeline,
                          const ordered_json& tool, const OutputOptions& options) {
  const Document& d = r.doc;
  ordered_json j;
  j["schema"] = HSTAG_SCHEMA_DOCUMENT;
  ordered_json source;
  source["path"] = d.path;
  source["format"] = d.format.empty() ? nullptr : ordered_json(d.format);
  source["sha256"] = d.sha256.empty() ? nullptr : ordered_json(d.sha256);
  source["bytes"] = d.bytes;
  source["text_origin"] = d.text_origin.empty() ? nullptr : ordered_json(d.text_origin);
  source["language"] = d.language.empty() ? nullptr : ordered_json(d.language);
  source["language_origin"] =
      d.language_origin.empty() ? nullptr : ordered_json(d.language_origin);
  ordered_json meta = ordered_json::object();
  for (const auto& [k, v] : d.metadata) meta[k] = v;
  source["metadata"] = meta;
  j["source"] = source;
  j["tool"] = tool;
  j["stats"] = {{"characters", r.stats.characters}, {"words", r.stats.words},
                {"sentences", r.stats.sentences},   {"pages", r.stats.pages},
                {"segments", r.stats.segments}};
  ordered_json anns = ordered_json::array();
  anns.get_ref<ordered_json::array_t&>().reserve(r.annotations.size());
  for (const auto& a : r.annotations) {
    ordered_json x = ordered_json::object();
    Put(x, "concept", a.concept_id);
    Put(x, "strength", StrengthName(a.strength));
    Put(x, "start", a.start);
    Put(x, "end", a.end);
    Put(x, "text", std::string_view(d.text).substr(a.start, a.end - a.start));
    Put(x, "sentence", a.sentence);
    if (!d.segments.empty()) {
      const Segment& s = d.segments[a.segment];
      if (s.page) Put(x, "page", s.page);
      if (!s.page_label.empty()) Put(x, "page_label", s.page_label);
      if (!s.xpath.empty()) Put(x, "xpath", s.xpath);
      if (s.boilerplate) Put(x, "boilerplate", true);
    }
    Put(x, "plugin", a.plugin);
    Put(x, "rule", a.rule);
    if (!a.value.empty()) Put(x, "value", a.value);
    if (a.via >= 0) Put(x, "via", a.via);
    if (a.score >= 0) Put(x, "score", a.score);
    anns.push_back(std::move(x));
  }
  j["annotations"] = std::move(anns);
  j["summary"] = SummaryJson(r, pipeline);
  j["warnings"] = MessagesJson(d.warnings);
  j["errors"] = MessagesJson(d.errors);
  if (options.emit_text) {
    j["text"] = d.text;
    j["segments"] = SegmentsJson(d, /*with_text=*/false);
  }
  return j;
}

std::string Dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hstag
