// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>

#include "text/analyzer.h"
#include "hstag/codebook.h"
#include "hstag/plugin.h"
#include "util/util.h"
#include "hstag/version.h"

namespace hstag {
namespace {

// A problem at a YAML node: carries the node's line and column.
class LexiconError : public std::runtime_error {
 public:
  LexiconError(const YAML::Node& at, const std::string& what)
      : std::runtime_error(what), mark_(at.Mark()) {}
  const YAML::Mark& mark() const { return mark_; }

 private:
  YAML::Mark mark_;
};

int LineOf(const YAML::Node& n) { return n.Mark().line + 1; }

std::string Scalar(const YAML::Node& n, const char* what) {
  if (!n.IsScalar()) throw LexiconError(n, std::string(what) + " must be a string");
  return n.Scalar();
}

std::vector<std::string> StringList(const YAML::Node& n, const char* what) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
  } else if (n.IsSequence()) {
    for (const auto& item : n) out.push_back(Scalar(item, what));
  } else {
    throw LexiconError(n, std::string(what) + " must be a string or a list of strings");
  }
  return out;
}

// The default case rule: an acronym (no lower-case letter, at least two
// upper-case ones) is matched as written, everything else case-folded.
Cue::Case DefaultCase(const std::string& term) {
  int upper = 0;
  for (unsigned char c : term) {
    if (c >= 'a' && c <= 'z') return Cue::Case::kFold;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2 ? Cue::Case::kExact : Cue::Case::kFold;
}

Cue ParseCue(const YAML::Node& n, Strength strength) {
  Cue cue;
  cue.strength = strength;
  cue.line = LineOf(n);
  if (n.IsScalar()) {
    cue.term = n.Scalar();
    cue.case_mode = DefaultCase(cue.term);
    return cue;
  }
  if (!n.IsMap()) throw LexiconError(n, "a cue must be a string or a mapping with `term`");
  static const std::set<std::string> kKeys = {"term", "case", "lang", "also", "requires"};
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (!kKeys.count(key)) throw LexiconError(kv.first, "unknown cue key `" + key + "`");
  }
  if (!n["term"]) throw LexiconError(n, "cue without `term`");
  cue.term = Scalar(n["term"], "term");
  cue.case_mode = DefaultCase(cue.term);
  if (n["case"]) {
    const std::string c = Scalar(n["case"], "case");
    if (c == "exact") {
      cue.case_mode = Cue::Case::kExact;
    } else if (c == "fold") {
      cue.case_mode = Cue::Case::kFold;
    } else {
      throw LexiconError(n["case"], "case must be `exact` or `fold`, not `" + c + "`");
    }
  }
  cue.langs = StringList(n["lang"], "lang");
  for (auto& l : cue.langs) {
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
  }
  cue.also = StringList(n["also"], "also");
  if (n["requires"]) cue.required = Scalar(n["requires"], "requires");
  return cue;
}

void ParseCues(const YAML::Node& list, Strength strength, std::vector<Cue>* out) {
  if (!list) return;
  if (!list.IsSequence()) throw LexiconError(list, "cues must be a list");
  for (const auto& item : list) out->push_back(ParseCue(item, strength));
}

Concept ParseConcept(const YAML::Node& n) {
  if (!n.IsMap()) throw LexiconError(n, "a concept must be a mapping");
  static const std::set<std::string> kKeys = {"id",        "label",      "section",  "parent",
                                              "type",      "description", "explicit", "indicator",
                                              "exclude",   "matched_by"};
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (!kKeys.count(key)) throw LexiconError(kv.first, "unknown concept key `" + key + "`");
  }
  Concept c;
  c.line = LineOf(n);
  if (!n["id"]) throw LexiconError(n, "concept without `id`");
  c.id = Scalar(n["id"], "id");
  if (c.id.empty()) throw LexiconError(n["id"], "empty concept id");
  for (char ch : c.id) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '-')) {
      throw LexiconError(n["id"], "concept id `" + c.id + "` may hold only letters, digits, . _ -");
    }
  }
  if (n["label"]) c.label = Scalar(n["label"], "label");
  if (c.label.empty()) c.label = c.id;
  if (n["section"]) c.section = Scalar(n["section"], "section");
  const std::string implied(codebook::SectionOf(c.id));
  if (c.section.empty()) c.section = implied.empty() ? "user" : implied;
  if (!implied.empty() && c.section != implied) {
    throw LexiconError(n["section"], "section `" + c.section + "` does not fit id `" + c.id +
                                         "` (expected `" + implied + "`)");
  }
  if (n["parent"]) c.parent = Scalar(n["parent"], "parent");
  if (n["type"]) c.type = Scalar(n["type"], "type");
  if (n["description"]) c.description = Scalar(n["description"], "description");
  if (n["matched_by"]) c.matched_by = Scalar(n["matched_by"], "matched_by");
  ParseCues(n["explicit"], Strength::kExplicit, &c.cues);
  ParseCues(n["indicator"], Strength::kIndicator, &c.cues);
  ParseCues(n["exclude"], Strength::kExplicit, &c.excludes);
  c.overlap_group = c.section;
  return c;
}

// "Positive Emotion" -> "positive_emotion": the part of a concept ID that a
// user dictionary's key becomes.
std::string IdPart(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '.' || c == '-' || c == '_') {
      out.push_back(static_cast<char>(c));
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    } else if (c >= 0x80) {
      out.push_back(static_cast<char>(c));  // keep non-ASCII letters as they are
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string DictionaryName(const std::string& path) {
  std::string stem = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  stem = stem.substr(0, stem.find('.'));
  const std::string id = IdPart(stem);
  return id.empty() ? "dictionary" : id;
}

// A user dictionary's category: a concept of its own overlap group.
Concept UserConcept(const std::string& dict, const std::string& key_path, int line) {
  Concept c;
  c.id = "user." + dict + "." + key_path;
  c.label = key_path;
  c.section = "user";
  c.overlap_group = c.id;
  c.line = line;
  return c;
}

// quanteda: nested mappings of keys, leaves are lists of patterns.
void ParseQuanteda(const YAML::Node& node, const std::string& dict, const std::string& prefix,
                   std::vector<Concept>* out) {
  for (const auto& kv : node) {
    const std::string key = IdPart(kv.first.Scalar());
    if (key.empty()) throw LexiconError(kv.first, "empty dictionary key");
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (kv.second.IsMap()) {
      ParseQuanteda(kv.second, dict, path, out);
      continue;
    }
    Concept c = UserConcept(dict, path, LineOf(kv.first));
    c.label = kv.first.Scalar();
    for (const auto& pattern : StringList(kv.second, "a dictionary entry")) {
      Cue cue;
      cue.term = pattern;
      cue.case_mode = Cue::Case::kFold;  // quanteda dictionaries ignore case
      cue.line = LineOf(kv.second);
      c.cues.push_back(std::move(cue));
    }
    out->push_back(std::move(c));
  }
}

// A LIWC category number as a key: leading zeros dropped ("02" is "2"), of
// any length (a number past any integer type is still a key, not an error).
std::string CategoryKey(std::string_view digits) {
  const size_t nz = digits.find_first_not_of('0');
  return nz == std::string_view::npos ? "0" : std::string(digits.substr(nz));
}

// LIWC .dic: "%", the categories ("1<TAB>name"), "%", then one entry a line,
// "word<TAB>cat<TAB>cat...". LIWC 2007's conditional entries
// ("like<TAB>02 134(02 134)126/253") count in every category they name
// outside parentheses.
Status ParseLiwc(std::string_view text, const std::string& display, const std::string& dict,
                 std::vector<Concept>* out) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::map<std::string, size_t> category;  // number -> index in *out
  int section = 0;                         // 0 before the first %, 1 categories, 2 entries
  int line_no = 0;
  size_t entries = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string line(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    line = line.substr(first);
    if (line[0] == '%') {
      if (++section > 2) {
        return Status::Error(display + ":" + std::to_string(line_no) + ": a third `%` line");
      }
      continue;
    }
    if (section == 0) {
      return Status::Error(display + ":" + std::to_string(line_no) +
                           ": a LIWC dictionary starts with a `%` line");
    }
    std::vector<std::string> fields;
    for (size_t i = 0; i <= line.size();) {
      const size_t tab = line.find('\t', i);
      std::string f = line.substr(i, tab == std::string::npos ? std::string::npos : tab - i);
      if (!f.empty()) fields.push_back(f);
      if (tab == std::string::npos) break;
      i = tab + 1;
    }
    if (section == 1) {
      // "1<TAB>funct" or, in some 2015 files, "1 funct (Function words)".
      std::string number = fields[0], name = fields.size() > 1 ? fields[1] : "";
      if (fields.size() == 1) {
        const size_t sp = number.find(' ');
        if (sp != std::string::npos) {
          name = number.substr(sp + 1);
          number = number.substr(0, sp);
        }
      }
      name = name.substr(0, name.find(" ("));
      if (number.empty() || name.empty() ||
          number.find_first_not_of("0123456789") != std::string::npos) {
        return Status::Error(display + ":" + std::to_string(line_no) +
                             ": expected `<number><TAB><category>`");
      }
      category[CategoryKey(number)] = out->size();
      out->push_back(UserConcept(dict, IdPart(name), line_no));
      out->back().label = name;
      continue;
    }
    // An entry: the word (2015 files may have spaces in it) and categories.
    if (fields.size() < 2) {
      return Status::Error(display + ":" + std::to_string(line_no) + ": entry `" + fields[0] +
                           "` has no category");
    }
    std::set<size_t> cats;
    for (size_t f = 1; f < fields.size(); ++f) {
      int depth = 0;
      std::string num;
      auto flush = [&]() -> Status {
        if (num.empty()) return Status();
        auto it = category.find(CategoryKey(num));
        if (it == category.end()) {
          return Status::Error(display + ":" + std::to_string(line_no) + ": unknown category " +
                               num + " for `" + fields[0] + "`");
        }
        cats.insert(it->second);
        num.clear();
        return Status();
      };
      for (char ch : fields[f] + " ") {
        if (ch == '(') {
          if (depth == 0) {
            if (Status s = flush(); !s.ok()) return s;
          }
          ++depth;
          num.clear();
        } else if (ch == ')') {
          --depth;
          num.clear();
        } else if (std::isdigit(static_cast<unsigned char>(ch)) && depth == 0) {
          num.push_back(ch);
        } else if (depth == 0) {
          if (Status s = flush(); !s.ok()) return s;
        }
      }
    }
    for (size_t c : cats) {
      Cue cue;
      cue.term = fields[0];
      cue.case_mode = Cue::Case::kFold;
      cue.line = line_no;
      (*out)[c].cues.push_back(std::move(cue));
    }
    ++entries;
  }
  if (section < 2) return Status::Error(display + ": not a LIWC dictionary (no `%` sections)");
  if (entries == 0) return Status::Error(display + ": LIWC dictionary without entries");
  return Status();
}

}  // namespace

std::string GapBetween(std::string_view norm, uint32_t from, uint32_t to) {
  std::string gap;
  for (uint32_t i = from; i < to && i < norm.size(); ++i) {
    const char c = norm[i];
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') gap.push_back(c);
  }
  return gap;
}

std::vector<CueWord> CueWords(const hstag_text_v1& t) {
  std::vector<CueWord> words;
  const std::string_view text(t.text.data, t.text.size);
  const std::string_view norm(t.norm.data, t.norm.size);
  const std::string_view surface(t.surface.data, t.surface.size);
  bool glue = false;  // the previous word ended in `*` that touches this one
  for (size_t i = 0; i < t.n_tokens; ++i) {
    const hstag_token_v1& k = t.tokens[i];
    const bool star_before = k.source_start > 0 && text[k.source_start - 1] == '*';
    const bool star_after = k.source_end < text.size() && text[k.source_end] == '*';
    std::string n(norm.substr(k.norm_start, k.norm_end - k.norm_start));
    std::string s(surface.substr(k.surface_start, k.surface_end - k.surface_start));
    if (glue && star_before && !words.empty()) {
      words.back().norm += n;
      words.back().surface += s;
    } else {
      std::string gap;
      if (i > 0) gap = GapBetween(norm, t.tokens[i - 1].norm_end, k.norm_start);
      if (!gap.empty() && gap.back() == '*') gap.pop_back();
      if (!gap.empty() && gap.front() == '*') gap.erase(0, 1);
      words.push_back(
          {(star_before ? "*" : "") + n, (star_before ? "*" : "") + s, star_before, gap});
    }
    if (star_after) {
      words.back().norm += "*";
      words.back().surface += "*";
      words.back().glob = true;
    }
    glue = star_after && k.source_end + 1 < text.size() && i + 1 < t.n_tokens &&
           t.tokens[i + 1].source_start == k.source_end + 1;
  }
  return words;
}

Result<std::vector<std::vector<CueWord>>> AnalyzeTerms(const sdk::Host& host,
                                                       const std::vector<std::string_view>& terms) {
  std::string joined;
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // of each term in `joined`
  for (std::string_view t : terms) {
    const auto start = static_cast<uint32_t>(joined.size());
    joined += t;
    spans.emplace_back(start, static_cast<uint32_t>(joined.size()));
    joined += "\n\n";
  }
  auto analyzed = host.Analyze(joined);
  if (!analyzed.ok()) return Status::Error("the lexicon's terms cannot be analyzed");
  const hstag_text_v1& all = *analyzed.view().raw();
  std::vector<std::vector<CueWord>> out;
  out.reserve(terms.size());
  size_t t = 0;
  for (const auto& [start, end] : spans) {
    while (t < all.n_tokens && all.tokens[t].source_start < start) ++t;
    size_t u = t;
    while (u < all.n_tokens && all.tokens[u].source_end <= end) ++u;
    hstag_text_v1 term = all;
    term.tokens = all.tokens + t;
    term.n_tokens = u - t;
    out.push_back(CueWords(term));
    t = u;
  }
  return out;
}

namespace {
Result<Lexicon> ParseLexicon(const std::string& path, const std::string& display,
                             const std::string& bytes);

// The on-disk cache of parsed lexicons. YAML parsing costs far more than
// the rest of building a pipeline (about 60 ms for the shipped lexicons), so
// a parsed lexicon is kept as CBOR in the cache directory, named by the hash
// of all that determines it: the file's bytes, its dictionary name (a user
// dictionary's concepts are named after the file), the cache format and the
// hstag version. An entry cannot be stale; a damaged or unreadable one is a
// miss; a cache that cannot be written is skipped. Bump kCacheFormat when
// ParseLexicon or the structs it fills change.
constexpr int kCacheFormat = 1;

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

nlohmann::json CuesJson(const std::vector<Cue>& cues) {
  nlohmann::json out = nlohmann::json::array();
  for (const Cue& c : cues) {
    out.push_back({c.term, c.strength == Strength::kExplicit ? 0 : 1,
                   c.case_mode == Cue::Case::kExact ? 1 : 0, c.langs, c.also, c.required, c.line});
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
  const nlohmann::json j = {lex.format, lex.name, lex.version, lex.description, lex.sha256, concepts};
  const std::vector<uint8_t> bytes = nlohmann::json::to_cbor(j);
  return std::string(bytes.begin(), bytes.end());
}

// The lexicon of a cache entry; nothing when the entry is damaged or was
// made from other bytes.
std::optional<Lexicon> FromCbor(const std::string& bytes, const std::string& sha) {
  const nlohmann::json j = nlohmann::json::from_cbor(bytes, true, false);
  if (j.is_discarded() || !j.is_array() || j.size() != 6) return std::nullopt;
  try {
    Lexicon lex;
    lex.format = j[0].get<std::string>();
    lex.name = j[1].get<std::string>();
    lex.version = j[2].get<std::string>();
    lex.description = j[3].get<std::string>();
    lex.sha256 = j[4].get<std::string>();
    if (lex.sha256 != sha) return std::nullopt;
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

// The lexicon parsed from `bytes`, from the disk cache when it is there.
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
}  // namespace

Result<Lexicon> LoadLexicon(const std::string& path, const std::string& display) {
  auto bytes = ReadFile(path, 64u << 20);
  if (!bytes.ok()) return Status::Error(display + ": " + bytes.error());
  // Parsed lexicons are kept by the hash of their bytes: the pipeline and
  // the lexicon tagger load the same files, and YAML parsing is most of the
  // cost of building a pipeline. Keyed by content, a cached entry cannot be
  // stale; errors are not cached (they carry the file's display name). The
  // cache is never destroyed: freeing its many small allocations would only
  // slow down every exit.
  static std::mutex mu;
  static auto& cache = *new std::map<std::string, std::shared_ptr<const Lexicon>>;
  const std::string sha = Sha256Hex(*bytes);
  const std::string key = sha + '/' + DictionaryName(path);  // see ParseCached
  {
    std::lock_guard lock(mu);
    if (auto it = cache.find(key); it != cache.end()) {
      Lexicon copy = *it->second;
      copy.path = path;
      copy.display = display;
      return copy;
    }
  }
  auto lex = ParseCached(path, display, *bytes, sha);
  if (lex.ok()) {
    std::lock_guard lock(mu);
    cache.emplace(key, std::make_shared<const Lexicon>(lex.value()));
  }
  return lex;
}

namespace {

Result<Lexicon> ParseLexicon(const std::string& path, const std::string& display,
                             const std::string& bytes_in) {
  const std::string* bytes = &bytes_in;
  Lexicon lex;
  lex.path = path;
  lex.display = display;
  lex.sha256 = Sha256Hex(*bytes);
  const std::string dict = DictionaryName(path);
  const std::string_view content = *bytes;
  const size_t first = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && content[first] == '%') {
    lex.format = "liwc";
    lex.name = dict;
    if (Status s = ParseLiwc(content, display, dict, &lex.concepts); !s.ok()) return s;
    return lex;
  }
  try {
    const YAML::Node root = YAML::Load(*bytes);
    if (root.IsMap() && !root["concepts"]) {
      lex.format = "quanteda";
      lex.name = dict;
      ParseQuanteda(root, dict, "", &lex.concepts);
      if (lex.concepts.empty()) throw LexiconError(root, "empty dictionary");
      return lex;
    }
    lex.format = "hstag";
    if (!root.IsMap()) throw LexiconError(root, "a lexicon file must be a YAML mapping");
    if (!root["concepts"]) throw LexiconError(root, "no `concepts` list");
    if (root["lexicon"]) lex.name = Scalar(root["lexicon"], "lexicon");
    if (root["version"]) lex.version = Scalar(root["version"], "version");
    if (root["description"]) lex.description = Scalar(root["description"], "description");
    if (lex.name.empty()) throw LexiconError(root, "no `lexicon` name");
    const YAML::Node concepts = root["concepts"];
    if (!concepts.IsSequence()) throw LexiconError(concepts, "`concepts` must be a list");
    for (const auto& c : concepts) lex.concepts.push_back(ParseConcept(c));
  } catch (const LexiconError& e) {
    return Status::Error(display + ":" + std::to_string(e.mark().line + 1) + ":" +
                         std::to_string(e.mark().column + 1) + ": " + e.what());
  } catch (const YAML::Exception& e) {
    return Status::Error(display + ":" + std::to_string(e.mark.line + 1) + ":" +
                         std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return lex;
}

}  // namespace

std::vector<LexiconProblem> CheckLexicons(const std::vector<Lexicon>& lexicons,
                                          const Analyzer& analyzer) {
  std::vector<LexiconProblem> problems;
  std::map<std::string, std::pair<std::string, int>> ids;  // id -> where
  for (const Lexicon& lex : lexicons) {
    for (const Concept& c : lex.concepts) {
      auto [it, fresh] = ids.emplace(c.id, std::make_pair(lex.display, c.line));
      if (!fresh) {
        problems.push_back({lex.display, c.line,
                            "duplicate concept id `" + c.id + "` (first at " + it->second.first +
                                ":" + std::to_string(it->second.second) + ")"});
      }
    }
  }
  // cue key (the analyzed tokens) -> first concept that has it
  std::map<std::string, std::tuple<std::string, std::string, int>> cue_owner;
  for (const Lexicon& lex : lexicons) {
    for (const Concept& c : lex.concepts) {
      auto known = [&](const std::string& id, int line, const char* what) {
        if (!ids.count(id)) {
          problems.push_back(
              {lex.display, line, std::string("unknown ") + what + " `" + id + "` in `" + c.id + "`"});
        }
      };
      if (!c.parent.empty()) known(c.parent, c.line, "parent");
      if (c.cues.empty() && c.matched_by.empty()) {
        problems.push_back({lex.display, c.line, "concept `" + c.id + "` has no cues"});
      }
      if (!c.cues.empty() && !c.matched_by.empty()) {
        problems.push_back({lex.display, c.line,
                            "concept `" + c.id + "` has cues and matched_by `" + c.matched_by + "`"});
      }
      auto check_term = [&](const Cue& cue, bool is_exclude) -> std::string {
        auto analyzed = analyzer.Analyze(cue.term, {}, "");
        if (!analyzed.ok() || analyzed.value()->tokens.empty()) {
          problems.push_back({lex.display, cue.line,
                              "cue `" + cue.term + "` has no words and can never match"});
          return "";
        }
        std::string key;
        const hstag_text_v1 view = analyzed.value()->View();
        for (const CueWord& w : CueWords(view)) {
          if (w.norm.find_first_not_of('*') == std::string::npos) {
            problems.push_back({lex.display, cue.line,
                                "cue `" + cue.term + "` has a word that is only `*`: it would match "
                                "anything"});
          }
          key += w.norm + " ";
        }
        if (cue.case_mode == Cue::Case::kExact && !is_exclude) {
          key += "|exact:" + cue.term;
        }
        return key;
      };
      for (const Cue& cue : c.cues) {
        for (const auto& a : cue.also) known(a, cue.line, "concept in `also`");
        if (!cue.required.empty()) known(cue.required, cue.line, "concept in `requires`");
        std::string key = check_term(cue, false);
        // A user dictionary lists a word in several categories on purpose.
        if (key.empty() || lex.format != "hstag") continue;
        for (const auto& l : cue.langs) key += "|" + l;
        auto [it, fresh] = cue_owner.emplace(key, std::make_tuple(c.id, lex.display, cue.line));
        if (!fresh && std::get<0>(it->second) != c.id) {
          problems.push_back({lex.display, cue.line,
                              "cue `" + cue.term + "` of `" + c.id + "` is also a cue of `" +
                                  std::get<0>(it->second) + "` (" + std::get<1>(it->second) + ":" +
                                  std::to_string(std::get<2>(it->second)) + ")"});
        } else if (!fresh) {
          problems.push_back({lex.display, cue.line,
                              "cue `" + cue.term + "` is listed twice in `" + c.id + "`"});
        }
      }
      for (const Cue& cue : c.excludes) check_term(cue, true);
    }
  }
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  return problems;
}

}  // namespace hstag
