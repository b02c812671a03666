// SPDX-License-Identifier: GPL-3.0-or-later
//
// The three lexicon formats: hstag's YAML (lexicons/README.md), quanteda's
// YAML dictionaries and LIWC's .dic files.
#include "lexicon/formats.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "hstag/codebook.h"
#include "util/util.h"

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

// `context:` / `veto:` of a cue.
CueContext ParseContext(const YAML::Node& n, const char* what) {
  if (!n.IsMap()) throw LexiconError(n, std::string(what) + " must be a mapping");
  static const std::set<std::string> kKeys = {"near",     "after", "before", "within",
                                              "sentence", "concepts", "in"};
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (!kKeys.count(key)) {
      throw LexiconError(kv.first, "unknown key `" + key + "` in `" + what +
                                       "` (near, after, before, within, sentence, concepts, in)");
    }
  }
  CueContext c;
  c.near = StringList(n["near"], "near");
  c.after = StringList(n["after"], "after");
  c.before = StringList(n["before"], "before");
  c.sentence = StringList(n["sentence"], "sentence");
  c.concepts = StringList(n["concepts"], "concepts");
  c.in = StringList(n["in"], "in");
  for (const auto& place : c.in) {
    if (place != "name" && place != "actor" && place != "references") {
      throw LexiconError(n["in"], "`in` lists `name`, `actor` or `references`, not `" + place + "`");
    }
  }
  if (n["within"]) {
    const std::string w = Scalar(n["within"], "within");
    int v = 0;
    try {
      size_t used = 0;
      v = std::stoi(w, &used);
      if (used != w.size()) v = 0;
    } catch (const std::exception&) {
      v = 0;
    }
    if (v < 1 || v > 100) throw LexiconError(n["within"], "within must be a number of words, 1 to 100");
    if (c.near.empty() && c.after.empty() && c.before.empty()) {
      throw LexiconError(n["within"], "within needs near, after or before");
    }
    c.within = v;
  }
  if (c.empty()) throw LexiconError(n, std::string(what) + " sets no condition");
  return c;
}

// Language codes as given, lower-cased.
std::vector<std::string> Langs(const YAML::Node& n) {
  std::vector<std::string> langs = StringList(n, "lang");
  for (auto& l : langs) {
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
  }
  return langs;
}

// What a concept's cues share: its lexicon's language (`lang:` at the top of
// the file), taken by every cue that sets none.
struct CueDefaults {
  std::vector<std::string> langs;
};

Cue ParseCue(const YAML::Node& n, Strength strength, const CueDefaults& defaults) {
  Cue cue;
  cue.strength = strength;
  cue.line = LineOf(n);
  cue.langs = defaults.langs;
  if (n.IsScalar()) {
    cue.term = n.Scalar();
    cue.case_mode = DefaultCase(cue.term);
    return cue;
  }
  if (!n.IsMap()) throw LexiconError(n, "a cue must be a string or a mapping with `term`");
  static const std::set<std::string> kKeys = {"term", "case",     "lang", "also",
                                              "requires", "context", "veto"};
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
  if (n["lang"]) cue.langs = Langs(n["lang"]);
  cue.also = StringList(n["also"], "also");
  if (n["requires"]) cue.required = Scalar(n["requires"], "requires");
  if (n["context"]) cue.context = ParseContext(n["context"], "context");
  if (n["veto"]) cue.veto = ParseContext(n["veto"], "veto");
  return cue;
}

void ParseCues(const YAML::Node& list, Strength strength, const CueDefaults& defaults,
               std::vector<Cue>* out) {
  if (!list) return;
  if (!list.IsSequence()) throw LexiconError(list, "cues must be a list");
  for (const auto& item : list) out->push_back(ParseCue(item, strength, defaults));
}

// A concept; in a lexicon that extends `extends`, the cues it adds to that
// lexicon's concept of the same ID.
Concept ParseConcept(const YAML::Node& n, const std::string& extends, const CueDefaults& defaults) {
  if (!n.IsMap()) throw LexiconError(n, "a concept must be a mapping");
  static const std::set<std::string> kKeys = {"id",      "label",       "section",  "parent",
                                              "type",    "description", "explicit", "indicator",
                                              "exclude", "matched_by", "context",  "veto"};
  static const std::set<std::string> kAddedKeys = {"id",      "explicit", "indicator",
                                                   "exclude", "context",  "veto"};
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (!kKeys.count(key)) throw LexiconError(kv.first, "unknown concept key `" + key + "`");
    if (!extends.empty() && !kAddedKeys.count(key)) {
      throw LexiconError(kv.first, "`" + key + "` is set where the concept is defined, in `" +
                                       extends +
                                       "`: a lexicon that extends another adds cues (id, "
                                       "explicit, indicator, exclude, context, veto)");
    }
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
  ParseCues(n["explicit"], Strength::kExplicit, defaults, &c.cues);
  ParseCues(n["indicator"], Strength::kIndicator, defaults, &c.cues);
  ParseCues(n["exclude"], Strength::kExplicit, defaults, &c.excludes);
  // A concept's `context` and `veto` are those of every cue that sets none.
  if (n["context"] || n["veto"]) {
    const CueContext context = n["context"] ? ParseContext(n["context"], "context") : CueContext{};
    const CueContext veto = n["veto"] ? ParseContext(n["veto"], "veto") : CueContext{};
    for (Cue& cue : c.cues) {
      if (cue.context.empty()) cue.context = context;
      if (cue.veto.empty()) cue.veto = veto;
    }
  }
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

std::string DictionaryName(const std::string& path) {
  std::string stem =
      path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  stem = stem.substr(0, stem.find('.'));
  const std::string id = IdPart(stem);
  return id.empty() ? "dictionary" : id;
}

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
    if (root["extends"]) lex.extends = Scalar(root["extends"], "extends");
    if (lex.name.empty()) throw LexiconError(root, "no `lexicon` name");
    if (lex.extends == lex.name)
      throw LexiconError(root["extends"], "a lexicon cannot extend itself");
    CueDefaults defaults;
    defaults.langs = Langs(root["lang"]);
    const YAML::Node concepts = root["concepts"];
    if (!concepts.IsSequence()) throw LexiconError(concepts, "`concepts` must be a list");
    for (const auto& c : concepts) lex.concepts.push_back(ParseConcept(c, lex.extends, defaults));
  } catch (const LexiconError& e) {
    return Status::Error(display + ":" + std::to_string(e.mark().line + 1) + ":" +
                         std::to_string(e.mark().column + 1) + ": " + e.what());
  } catch (const YAML::Exception& e) {
    return Status::Error(display + ":" + std::to_string(e.mark.line + 1) + ":" +
                         std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return lex;
}

}  // namespace hstag
