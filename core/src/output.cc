// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/output.h"

#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

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
  ordered_json j = ObjectWithRoom(10);  // the members below
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

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (a lead byte of 0x80
// or more), or 0: the same acceptance as nlohmann's decoder (no overlong
// forms, no surrogates, nothing past U+10FFFF).
size_t Utf8Length(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

// A JSON string literal, quoted, as nlohmann writes it without ensure_ascii:
// UTF-8 as it is, the short escapes, \u00XX for the other control
// characters. Runs that need nothing are copied whole. Ill-formed UTF-8
// (which the pipeline repairs before, so never expected) goes through
// nlohmann's serializer, which replaces it.
void AppendString(std::string_view s, std::string* out) {
  const size_t mark = out->size();
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  // Bytes that need a look: control characters, '"', '\\', non-ASCII.
  static constexpr auto kLook = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    return t;
  }();
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kLook[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t n = Utf8Length(s, i);
      if (n == 0) {
        out->resize(mark);
        *out += ordered_json(std::string(s))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\r':
        *out += "\\r";
        break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(u, sizeof u);
      }
    }
    run = ++i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

// nlohmann's layout: with indent >= 0, one member or element a line and
// "key": value; without, no space at all.
void Append(const ordered_json& j, int indent, int depth, std::string* out) {
  const bool pretty = indent >= 0;
  auto newline = [&](int d) {
    out->push_back('\n');
    out->append(static_cast<size_t>(indent) * static_cast<size_t>(d), ' ');
  };
  // The members of an object or the elements of an array, each written by
  // `one`, between `open` and `close`.
  auto container = [&](const auto& items, char open, char close, auto one) {
    out->push_back(open);
    if (items.empty()) {
      out->push_back(close);
      return;
    }
    bool first = true;
    for (const auto& item : items) {
      if (!first) out->push_back(',');
      first = false;
      if (pretty) newline(depth + 1);
      one(item);
    }
    if (pretty) newline(depth);
    out->push_back(close);
  };
  switch (j.type()) {
    case ordered_json::value_t::object:
      container(j.get_ref<const ordered_json::object_t&>(), '{', '}', [&](const auto& member) {
        AppendString(member.first, out);
        *out += pretty ? ": " : ":";
        Append(member.second, indent, depth + 1, out);
      });
      return;
    case ordered_json::value_t::array:
      container(j.get_ref<const ordered_json::array_t&>(), '[', ']',
                [&](const ordered_json& value) { Append(value, indent, depth + 1, out); });
      return;
    case ordered_json::value_t::string:
      AppendString(j.get_ref<const std::string&>(), out);
      return;
    case ordered_json::value_t::number_integer:
    case ordered_json::value_t::number_unsigned: {
      char buf[24];
      const auto r = j.is_number_unsigned()
                         ? std::to_chars(buf, buf + sizeof buf, j.get<uint64_t>())
                         : std::to_chars(buf, buf + sizeof buf, j.get<int64_t>());
      out->append(buf, r.ptr);
      return;
    }
    case ordered_json::value_t::boolean:
      *out += j.get<bool>() ? "true" : "false";
      return;
    case ordered_json::value_t::null:
      *out += "null";
      return;
    case ordered_json::value_t::number_float: {
      // nlohmann's own shortest round-trip form ("0.25", "1.0", "1e+300").
      const double x = j.get<double>();
      if (!std::isfinite(x)) {
        *out += "null";
        return;
      }
      char buf[64];
      out->append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, x));
      return;
    }
    default:  // binary and discarded values, never in our output
      *out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
  }
}

}  // namespace

std::string Dump(const ordered_json& j, int indent) {
  std::string out;
  Append(j, indent, 0, &out);
  return out;
}

}  // namespace hstag
