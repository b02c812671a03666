// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/cache.h"

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "hstag/version.h"
#include "lexicon/formats.h"
#include "util/util.h"

namespace hstag {
namespace {

// Bump when ParseLexicon or the structs it fills change.
constexpr int kCacheFormat = 4;

// $HSTAG_CACHE_DIR ("off": no disk cache), else $XDG_CACHE_HOME/hstag, else
// $HOME/.cache/hstag.
std::string CacheDir() {
  if (const char* v = std::getenv("HSTAG_CACHE_DIR"); v && *v) {
    return std::string_view(v) == "off" ? "" : v;
  }
  if (const char* v = std::getenv("XDG_CACHE_HOME"); v && *v) return std::string(v) + "/hstag";
  if (const char* v = std::getenv("HOME"); v && *v) return std::string(v) + "/.cache/hstag";
  return "";
}

nlohmann::json ContextJson(const CueContext& c) {
  return {c.near, c.after, c.before, c.within, c.concepts, c.in, c.sentence};
}

CueContext ContextFromJson(const nlohmann::json& x) {
  CueContext c;
  c.near = x.at(0).get<std::vector<std::string>>();
  c.after = x.at(1).get<std::vector<std::string>>();
  c.before = x.at(2).get<std::vector<std::string>>();
  c.within = x.at(3).get<int>();
  c.concepts = x.at(4).get<std::vector<std::string>>();
  c.in = x.at(5).get<std::vector<std::string>>();
  c.sentence = x.at(6).get<std::vector<std::string>>();
  return c;
}

nlohmann::json CuesJson(const std::vector<Cue>& cues) {
  nlohmann::json out = nlohmann::json::array();
  for (const Cue& c : cues) {
    out.push_back({c.term, c.strength == Strength::kExplicit ? 0 : 1,
                   c.case_mode == Cue::Case::kExact ? 1 : 0, c.langs, c.also, c.required, c.line,
                   ContextJson(c.context), ContextJson(c.veto)});
  }
  return out;
}

std::vector<Cue> CuesFromJson(const nlohmann::json& j) {
  std::vector<Cue> out;
  out.reserve(j.size());
  for (const auto& x : j) {
    Cue c;
    c.term = x.at(0).get<std::string>();
    c.strength = x.at(1).get<int>() == 0 ? Strength::kExplicit : Strength::kIndicator;
    c.case_mode = x.at(2).get<int>() == 1 ? Cue::Case::kExact : Cue::Case::kFold;
    c.langs = x.at(3).get<std::vector<std::string>>();
    c.also = x.at(4).get<std::vector<std::string>>();
    c.required = x.at(5).get<std::string>();
    c.line = x.at(6).get<int>();
    c.context = ContextFromJson(x.at(7));
    c.veto = ContextFromJson(x.at(8));
    out.push_back(std::move(c));
  }
  return out;
}

std::string ToCbor(const Lexicon& lex) {
  nlohmann::json concepts = nlohmann::json::array();
  for (const Concept& c : lex.concepts) {
    concepts.push_back({c.id, c.label, c.section, c.parent, c.type, c.description, c.matched_by,
                        c.line, c.overlap_group, CuesJson(c.cues), CuesJson(c.excludes)});
  }
  const nlohmann::json j = {lex.format, lex.name, lex.version, lex.description,
                            lex.sha256, concepts, lex.extends};
  const std::vector<uint8_t> bytes = nlohmann::json::to_cbor(j);
  return std::string(bytes.begin(), bytes.end());
}

// The lexicon of a cache entry; nothing when the entry is damaged or was
// made from other bytes.
std::optional<Lexicon> FromCbor(const std::string& bytes, const std::string& sha) {
  const nlohmann::json j = nlohmann::json::from_cbor(bytes, true, false);
  if (j.is_discarded() || !j.is_array() || j.size() != 7) return std::nullopt;
  try {
    Lexicon lex;
    lex.format = j[0].get<std::string>();
    lex.name = j[1].get<std::string>();
    lex.version = j[2].get<std::string>();
    lex.description = j[3].get<std::string>();
    lex.sha256 = j[4].get<std::string>();
    if (lex.sha256 != sha) return std::nullopt;
    lex.extends = j[6].get<std::string>();
    for (const auto& x : j[5]) {
      Concept c;
      c.id = x.at(0).get<std::string>();
      c.label = x.at(1).get<std::string>();
      c.section = x.at(2).get<std::string>();
      c.parent = x.at(3).get<std::string>();
      c.type = x.at(4).get<std::string>();
      c.description = x.at(5).get<std::string>();
      c.matched_by = x.at(6).get<std::string>();
      c.line = x.at(7).get<int>();
      c.overlap_group = x.at(8).get<std::string>();
      c.cues = CuesFromJson(x.at(9));
      c.excludes = CuesFromJson(x.at(10));
      lex.concepts.push_back(std::move(c));
    }
    return lex;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

Result<Lexicon> ParseCached(const std::string& path, const std::string& display,
                            const std::string& bytes, const std::string& sha) {
  const std::string dir = CacheDir();
  std::string entry;
  if (!dir.empty()) {
    const std::string key = Sha256Hex(sha + '\0' + DictionaryName(path) + '\0' +
                                      std::to_string(kCacheFormat) + '\0' + HSTAG_VERSION);
    entry = dir + "/lexicons/" + key + ".cbor";
    if (auto cached = ReadFile(entry, 64u << 20); cached.ok()) {
      if (std::optional<Lexicon> lex = FromCbor(*cached, sha)) {
        lex->path = path;
        lex->display = display;
        return std::move(*lex);
      }
    }
  }
  auto lex = ParseLexicon(path, display, bytes);
  if (lex.ok() && !entry.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dir + "/lexicons", ec);
    if (!ec) (void)WriteFileAtomic(entry, ToCbor(*lex));  // a cache only: a failure is a miss
  }
  return lex;
}

}  // namespace hstag
