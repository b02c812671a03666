// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/writer.h"

#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "hstag/summary.h"
#include "hstag/utf8.h"
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
    if (s.references) x["references"] = true;
    if (!s.origin.empty()) x["origin"] = s.origin;
    if (s.ocr_confidence >= 0) x["ocr_confidence"] = s.ocr_confidence;
    if (s.heading) x["heading"] = s.heading;
    if (with_text) x["text"] = d.text.substr(s.start, s.end - s.start);
    segs.push_back(std::move(x));
  }
  return segs;
}

void WriteDocument(JsonSink& w, const AnalysisResult& r, const Pipeline& pipeline,
                   const ordered_json& tool, const OutputOptions& options) {
  const Document& d = r.doc;
  auto string_or_null = [&](std::string_view key, const std::string& s) {
    w.Key(key);
    s.empty() ? w.Null() : w.String(s);
  };
  w.BeginObject();
  w.Member("schema", HSTAG_SCHEMA_DOCUMENT);
  w.Key("source");
  w.BeginObject();
  w.Member("path", d.path);
  string_or_null("format", d.format);
  string_or_null("sha256", d.sha256);
  w.Member("bytes", d.bytes);
  string_or_null("text_origin", d.text_origin);
  string_or_null("language", d.language);
  string_or_null("language_origin", d.language_origin);
  w.Key("metadata");
  w.BeginObject();
  for (const auto& [k, v] : d.metadata) w.Member(k, v);
  w.EndObject();
  // The pages recognized by OCR, with their confidence (only when some were).
  bool ocr_pages = false;
  uint32_t last_page = 0;
  for (const auto& s : d.segments) {
    if (s.origin != "ocr" || s.page == last_page) continue;
    if (!ocr_pages) {
      w.Key("ocr_pages");
      w.BeginArray();
      ocr_pages = true;
    }
    last_page = s.page;
    w.BeginObject();
    w.Member("page", s.page);
    w.Member("ocr_confidence", static_cast<uint64_t>(std::max(s.ocr_confidence, 0)));
    w.EndObject();
  }
  if (ocr_pages) w.EndArray();
  w.EndObject();
  w.Key("tool");
  w.Value(tool);
  w.Key("stats");
  w.BeginObject();
  w.Member("characters", r.stats.characters);
  w.Member("words", r.stats.words);
  w.Member("sentences", r.stats.sentences);
  w.Member("pages", r.stats.pages);
  w.Member("segments", r.stats.segments);
  if (!r.stats.languages.empty()) {
    w.Key("languages");
    w.BeginObject();
    for (const auto& [lang, count] : r.stats.languages) {
      w.Key(lang);
      w.BeginObject();
      w.Member("words", count.words);
      w.Member("segments", count.segments);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndObject();
  w.Key("annotations");
  w.BeginArray();
  for (const auto& a : r.annotations) {
    w.BeginObject();
    w.Member("concept", a.concept_id);
    w.Member("strength", StrengthName(a.strength));
    w.Member("start", a.start);
    w.Member("end", a.end);
    w.Member("text", std::string_view(d.text).substr(a.start, a.end - a.start));
    w.Member("sentence", a.sentence);
    if (!d.segments.empty()) {
      const Segment& s = d.segments[a.segment];
      if (s.page) w.Member("page", s.page);
      if (!s.page_label.empty()) w.Member("page_label", s.page_label);
      if (!s.xpath.empty()) w.Member("xpath", s.xpath);
      if (s.boilerplate) w.Member("boilerplate", true);
      if (s.references) w.Member("references", true);
    }
    w.Member("plugin", a.plugin);
    w.Member("rule", a.rule);
    if (!a.value.empty()) w.Member("value", a.value);
    if (a.via >= 0) w.Member("via", a.via);
    if (a.score >= 0) w.Member("score", a.score);
    w.EndObject();
  }
  w.EndArray();
  w.Key("summary");
  WriteSummary(w, Summarize(r, pipeline));
  w.Key("warnings");
  w.Value(MessagesJson(d.warnings));
  w.Key("errors");
  w.Value(MessagesJson(d.errors));
  if (options.emit_text) {
    w.Member("text", d.text);
    w.Key("segments");
    w.Value(SegmentsJson(d, /*with_text=*/false));
  }
  w.EndObject();
}

ordered_json DocumentJson(const AnalysisResult& r, const Pipeline& pipeline,
                          const ordered_json& tool, const OutputOptions& options) {
  JsonBuilder b;
  WriteDocument(b, r, pipeline, tool, options);
  return b.Take();
}

ordered_json* JsonBuilder::Add(ordered_json&& v) {
  if (open_.empty()) {
    root_ = std::move(v);
    return &root_;
  }
  Container& top = open_.back();
  if (top.value->is_object()) {
    top.members.emplace_back(std::move(key_), std::move(v));
    key_.clear();
    return &top.members.back().second;
  }
  auto& elements = top.value->get_ref<ordered_json::array_t&>();
  elements.push_back(std::move(v));
  return &elements.back();
}

void JsonBuilder::EndObject() {
  Container& top = open_.back();
  auto& object = top.value->get_ref<ordered_json::object_t&>();
  object.reserve(top.members.size());
  for (auto& [key, value] : top.members) object.emplace_back(std::move(key), std::move(value));
  open_.pop_back();
}

namespace {

// A JSON string literal, quoted, as nlohmann writes it without ensure_ascii:
// UTF-8 as it is, the short escapes, \u00XX for the other control
// characters. Runs that need nothing are copied whole. Ill-formed UTF-8
// (which the pipeline repairs before, so never expected) goes through
// nlohmann's serializer, which replaces it.
// Bytes that need a look: control characters, '"', '\\', non-ASCII.
constexpr auto kLook = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return t;
}();

void AppendString(std::string_view s, std::string* out) {
  const size_t mark = out->size();
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kLook[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // Utf8CharLength accepts what nlohmann's decoder accepts (no overlong
      // forms, no surrogates, nothing past U+10FFFF).
      const size_t n = Utf8CharLength(s.substr(i));
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

}  // namespace

void JsonWriter::Separate() {
  char comma[1];
  out_.append(comma, Separator(comma));
}

void JsonWriter::Open(char bracket) {
  Separate();
  out_.push_back(bracket);
  has_items_.push_back(0);
}

void JsonWriter::Close(char bracket) {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items && indent_ >= 0) {
    out_.push_back('\n');
    out_.append(static_cast<size_t>(indent_) * has_items_.size(), ' ');
  }
  out_.push_back(bracket);
}

size_t JsonWriter::Separator(char* buf) {
  if (after_key_) {  // the value of a member: on the key's line
    after_key_ = false;
    return 0;
  }
  if (has_items_.empty()) return 0;
  const bool comma = has_items_.back();
  has_items_.back() = 1;
  if (indent_ >= 0) {  // the comma and the line break, written now
    if (comma) out_.push_back(',');
    out_.push_back('\n');
    out_.append(static_cast<size_t>(indent_) * has_items_.size(), ' ');
    return 0;
  }
  if (comma) buf[0] = ',';
  return comma;
}

// Whether a string needs no escape: no byte of kLook in it. Eight bytes at
// a time (a byte b is flagged when b < 0x20, b == '"', b == '\\' or
// b >= 0x80: each test is true of the word when true of one of its bytes),
// the last ones with loads that may overlap those before; byte by byte
// below four.
bool Clean(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto flagged = [](uint64_t x) {
    auto zero_byte = [](uint64_t y) { return (y - kOnes) & ~y & kHigh; };
    return (x | zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\')) |
            ((x - kOnes * 0x20) & ~x)) &
           kHigh;
  };
  if (n < 8) {
    if (n < 4) {
      for (size_t i = 0; i < n; ++i) {
        if (kLook[static_cast<unsigned char>(p[i])]) return false;
      }
      return true;
    }
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return flagged(uint64_t{a} | uint64_t{b} << 32) == 0;
  }
  uint64_t any = 0;
  for (size_t i = 0; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    any |= flagged(x);
  }
  uint64_t last;
  std::memcpy(&last, p + n - 8, 8);
  return (any | flagged(last)) == 0;
}

void JsonWriter::Quoted(std::string_view s, std::string_view tail) {
  char buf[kShortString + 5];  // a comma, two quotes, a tail of up to two bytes
  size_t n = Separator(buf);
  if (s.size() <= kShortString && Clean(s)) {
    buf[n++] = '"';
    std::memcpy(buf + n, s.data(), s.size());
    n += s.size();
    buf[n++] = '"';
    std::memcpy(buf + n, tail.data(), tail.size());
    out_.append(buf, n + tail.size());
    return;
  }
  out_.append(buf, n);
  AppendString(s, &out_);
  out_.append(tail);
}

void JsonWriter::Key(std::string_view key) {
  Quoted(key, indent_ >= 0 ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) { Quoted(s, ""); }

[[gnu::always_inline]] inline char* JsonWriter::MemberStart(char* buf, std::string_view key) {
  char* p = buf + Separator(buf);
  *p++ = '"';
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  *p++ = '"';
  *p++ = ':';
  if (indent_ >= 0) *p++ = ' ';
  return p;
}

void JsonWriter::Member(std::string_view key, std::string_view s) {
  if (key.size() + s.size() > kShortString || !Clean(key) || !Clean(s)) {
    Key(key);
    return String(s);
  }
  char buf[kShortString + 8];  // a comma, four quotes, a colon and a space
  char* p = MemberStart(buf, key);
  *p++ = '"';
  std::memcpy(p, s.data(), s.size());
  p += s.size();
  *p++ = '"';
  out_.append(buf, static_cast<size_t>(p - buf));
}

void JsonWriter::Member(std::string_view key, uint64_t v) {
  if (key.size() > kShortString || !Clean(key)) {
    Key(key);
    return Uint(v);
  }
  char buf[kShortString + 26];  // a comma, two quotes, a colon, a space, 20 digits
  char* p = MemberStart(buf, key);
  out_.append(buf, std::to_chars(p, buf + sizeof buf, v).ptr);
}

void JsonWriter::Uint(uint64_t n) {
  char buf[25];
  const size_t at = Separator(buf);
  out_.append(buf, std::to_chars(buf + at, buf + sizeof buf, n).ptr);
}

void JsonWriter::Int(int64_t n) {
  char buf[25];
  const size_t at = Separator(buf);
  out_.append(buf, std::to_chars(buf + at, buf + sizeof buf, n).ptr);
}

void JsonWriter::Double(double x) {
  if (!std::isfinite(x)) return Null();
  Separate();
  // nlohmann's own shortest round-trip form ("0.25", "1.0", "1e+300").
  char buf[64];
  out_.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, x));
}

void JsonWriter::Bool(bool b) {
  Separate();
  out_ += b ? "true" : "false";
}

void JsonWriter::Null() {
  Separate();
  out_ += "null";
}

void Replay(const ordered_json& j, JsonSink& sink) {
  switch (j.type()) {
    case ordered_json::value_t::object:
      sink.BeginObject();
      for (const auto& [key, value] : j.get_ref<const ordered_json::object_t&>()) {
        if (value.is_string()) {  // a member in one call: a writer's quickest way
          sink.Member(key, value.get_ref<const std::string&>());
        } else if (value.is_number_unsigned()) {
          sink.Member(key, value.get<uint64_t>());
        } else {
          sink.Key(key);
          Replay(value, sink);
        }
      }
      sink.EndObject();
      return;
    case ordered_json::value_t::array:
      sink.BeginArray();
      for (const auto& value : j.get_ref<const ordered_json::array_t&>()) Replay(value, sink);
      sink.EndArray();
      return;
    case ordered_json::value_t::string:
      sink.String(j.get_ref<const std::string&>());
      return;
    case ordered_json::value_t::number_unsigned:
      sink.Uint(j.get<uint64_t>());
      return;
    case ordered_json::value_t::number_integer:
      sink.Int(j.get<int64_t>());
      return;
    case ordered_json::value_t::number_float:
      sink.Double(j.get<double>());
      return;
    case ordered_json::value_t::boolean:
      sink.Bool(j.get<bool>());
      return;
    default:  // null; binary and discarded values are never in our output
      sink.Null();
      return;
  }
}

void JsonWriter::Value(const ordered_json& j) { Replay(j, *this); }

std::string Dump(const ordered_json& j, int indent) {
  std::string out;
  JsonWriter(&out, indent).Value(j);
  return out;
}

}  // namespace hstag
