// SPDX-License-Identifier: GPL-3.0-or-later
//
// The regex tagger: rules written as RE2 patterns (lexicons/rules/*.yaml, the
// format is in lexicons/rules/README.md), for what cues cannot express:
// citations of UN resolutions and document symbols, with a normalized value.
//
// Compilation (once): every rule's pattern is compiled as an RE2 (errors carry
// the rule file, the line and RE2's message) and added to one RE2::Set.
//
// Matching (per document), over the surface view (NFKC, case kept):
//   1. the text is cut into chunks of whole paragraphs (at least 4 KB each),
//      and the Set tells which rules match in a chunk (RE2 2022-06's
//      Set::Match returns indices only): most chunks hold no match;
//   2. each rule that fired is run for its spans in that chunk, left to
//      right; a match that spans a paragraph break, or is followed by the
//      rule's `not_followed_by`, is dropped; a rule with `items` yields one
//      match per item inside each span;
//   3. a rule's `context` and `veto` conditions (a pattern or another
//      tagger's concept in the match's sentence or the sentences before it,
//      a reference list) keep or drop its matches (where both are found,
//      the nearer decides); the matches of rules that
//      `block` concepts (and of `exclude` rules, which block their own) are
//      handed to the host as vetoes, which drop the annotations of those
//      concepts inside them, whichever tagger made them ("US$ 5 million" is
//      no mention of a state, "General Conference resolution 15" no UN
//      resolution citation);
//   4. overlaps: within one concept the longest match wins (ties: the earlier
//      start, then rule order), so "Security Council resolution 1325 (2000)"
//      beats "resolution 1325" inside it; different concepts may overlap;
//   5. surface offsets are mapped back to the extracted text.
// RE2 runs in time linear in the text whatever the pattern; memory is bounded
// by the `max_mem` option, and a document that exhausts it fails with a clear
// message instead of a wrong result.
#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <limits>
#include <memory>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "common/files.h"
#include "common/options.h"
#include "hstag/plugin.h"

namespace {

namespace fs = std::filesystem;
using hstag::sdk::Strength;
using hstag::sdk::TextView;

constexpr int64_t kDefaultMaxMem = 64ll << 20;  // bytes, for the Set and each rule
constexpr size_t kChunkBytes = 4096;            // the least text the Set is matched on at once

// A problem at a node of a rule file.
class RuleError : public std::runtime_error {
 public:
  RuleError(const YAML::Node& at, const std::string& what)
      : std::runtime_error(what), line_(at.Mark().line + 1) {}
  int line() const { return line_; }

 private:
  int line_;
};

// A value template: literal text and capture groups.
struct Template {
  struct Part {
    std::string literal;
    int group = -1;  // >= 0: a capture group (0 = the whole match)
  };
  std::vector<Part> parts;
  bool empty() const { return parts.empty(); }
};

// A rule's `context` or `veto`: what the text around a match must hold.
struct Condition {
  std::unique_ptr<RE2> pattern;       // found in the window
  std::vector<std::string> concepts;  // of earlier taggers' annotations in the window; `x*`: a prefix
  uint32_t sentences = 1;             // the window: the match's sentence and those before it
  bool references = false;            // the match is in a reference list
  bool set() const { return pattern || !concepts.empty() || references; }
};

struct Rule {
  std::string id, concept_id;
  std::vector<std::string> blocks;  // concepts its matches veto (an ID or `prefix*`)
  Condition context, veto;
  Strength strength = Strength::kExplicit;
  std::unique_ptr<RE2> re;               // the rule's span
  std::unique_ptr<RE2> items;            // optional: the items inside a span
  std::unique_ptr<RE2> not_followed_by;  // optional, anchored at the match's end
  Template value;                        // groups of `items` when given, else of `re`
  uint32_t order = 0;
};

struct Candidate {
  uint32_t rule;
  uint32_t start, end;  // surface offsets
  std::string value;
};

std::string Scalar(const YAML::Node& n, const char* what) {
  if (!n.IsScalar()) throw RuleError(n, std::string("`") + what + "` must be a string");
  return n.Scalar();
}

// RE2's message for a pattern it rejects, with a hint for the PCRE syntax it
// does not take.
std::string Re2Message(const RE2& re) {
  std::string msg = "RE2: " + re.error();
  const std::string& p = re.pattern();
  if (p.find("(?=") != std::string::npos || p.find("(?!") != std::string::npos ||
      p.find("(?<=") != std::string::npos || p.find("(?<!") != std::string::npos) {
    msg += " (lookahead and lookbehind are not supported by RE2: match the context, or use "
           "`not_followed_by`)";
  } else if (re.error_code() == RE2::ErrorBadEscape && re.error_arg().size() == 2 &&
             re.error_arg()[1] >= '1' && re.error_arg()[1] <= '9') {
    msg += " (backreferences are not supported by RE2)";
  } else if (re.error_code() == RE2::ErrorPatternTooLarge) {
    msg += " (raise the regex plugin's `max_mem` option, now " +
           std::to_string(re.options().max_mem()) + " bytes)";
  } else if (p.find("(?>") != std::string::npos || p.find("++") != std::string::npos ||
             p.find("*+") != std::string::npos) {
    msg += " (atomic groups and possessive quantifiers are not supported by RE2)";
  }
  return msg;
}

Template ParseTemplate(const std::string& text, const RE2& re, const YAML::Node& at) {
  Template t;
  auto literal = [&](std::string_view s) {
    if (t.parts.empty() || t.parts.back().group >= 0) t.parts.emplace_back();
    t.parts.back().literal.append(s);
  };
  auto group = [&](int g) {
    if (g > re.NumberOfCapturingGroups()) {
      throw RuleError(at, "`value` refers to group $" + std::to_string(g) + " but the pattern has " +
                              std::to_string(re.NumberOfCapturingGroups()));
    }
    t.parts.push_back({"", g});
  };
  // A group number as written: one too long for an int is out of range too.
  auto numbered = [&](const std::string& digits) {
    const size_t nz = std::min(digits.find_first_not_of('0'), digits.size());
    if (digits.size() - nz > 6) {
      throw RuleError(at, "`value` refers to group $" + digits + " but the pattern has " +
                              std::to_string(re.NumberOfCapturingGroups()));
    }
    group(std::stoi(digits));
  };

  for (size_t i = 0; i < text.size();) {
    if (text[i] != '$') {
      const size_t next = text.find('$', i);
      literal(std::string_view(text).substr(i, next == std::string::npos ? next : next - i));
      i = next == std::string::npos ? text.size() : next;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '$') {
      literal("$");
      i += 2;
    } else if (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      size_t j = i + 1;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      numbered(text.substr(i + 1, j - i - 1));
      i = j;
    } else if (i + 1 < text.size() && text[i + 1] == '{') {
      const size_t close = text.find('}', i + 2);
      if (close == std::string::npos) throw RuleError(at, "`value`: `${` without `}`");
      const std::string name = text.substr(i + 2, close - i - 2);
      if (!name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
            return std::isdigit(c);
          })) {
        numbered(name);
      } else {
        const auto& named = re.NamedCapturingGroups();
        auto it = named.find(name);
        if (it == named.end()) {
          throw RuleError(at, "`value` refers to group `" + name + "`, which the pattern does not name");
        }
        group(it->second);
      }
      i = close + 1;
    } else {
      throw RuleError(at, "`value`: `$` must be followed by a group number, `{name}` or `$`");
    }
  }
  return t;
}

// The value of a match: the template with each group's text, white space
// removed (a symbol written "A/ 64/701" is A/64/701).
std::string Expand(const Template& t, const std::vector<re2::StringPiece>& groups) {
  std::string out;
  for (const auto& p : t.parts) {
    if (p.group < 0) {
      out += p.literal;
      continue;
    }
    const re2::StringPiece g = groups[static_cast<size_t>(p.group)];
    for (char c : std::string_view(g.data(), g.size())) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') out += c;
    }
  }
  return out;
}

// The sentences of a text as surface spans, and the sentence at a surface
// offset (from the tokens: the analyzer's sentences are source spans).
class Windows {
 public:
  explicit Windows(const TextView& text) : tokens_(text.tokens()) {
    for (const auto& t : tokens_) {
      if (t.sentence >= spans_.size()) spans_.resize(t.sentence + 1, {UINT32_MAX, 0});
      auto& s = spans_[t.sentence];
      s.first = std::min(s.first, t.surface_start);
      s.second = std::max(s.second, t.surface_end);
    }
  }
  // The token at or before surface offset `at` (none: the first).
  const hstag_token_v1* TokenAt(uint32_t at) const {
    if (tokens_.empty()) return nullptr;
    auto it = std::upper_bound(tokens_.begin(), tokens_.end(), at,
                               [](uint32_t o, const hstag_token_v1& t) { return o < t.surface_start; });
    return it == tokens_.begin() ? &*it : &*std::prev(it);
  }
  // The surface span of the `n` sentences that end with the one at `at`,
  // widened to [start, end).
  std::pair<uint32_t, uint32_t> Span(uint32_t start, uint32_t end, uint32_t n) const {
    std::pair<uint32_t, uint32_t> w{start, end};
    const hstag_token_v1* t = TokenAt(start);
    if (!t) return w;
    for (uint32_t k = t->sentence + 1, taken = 0; k-- > 0 && taken < n;) {
      if (spans_[k].first == UINT32_MAX) continue;  // a sentence without words
      w.first = std::min(w.first, spans_[k].first);
      w.second = std::max(w.second, spans_[k].second);
      ++taken;
    }
    return w;
  }

 private:
  std::span<const hstag_token_v1> tokens_;
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // by sentence
};

bool NamesConcept(const std::string& pattern, std::string_view id) {
  if (!pattern.empty() && pattern.back() == '*') {
    return id.substr(0, pattern.size() - 1) == std::string_view(pattern).substr(0, pattern.size() - 1);
  }
  return id == pattern;
}

class RegexTagger : public hstag::sdk::Tagger {
 public:
  explicit RegexTagger(const hstag::sdk::CreateArgs& args) {
    const hstag::common::Options options(args.options_json, {"rules", "max_mem"});
    const auto max_mem = static_cast<int64_t>(
        options.Unsigned("max_mem", kDefaultMaxMem, 1, std::numeric_limits<int64_t>::max()));
    re_options_.set_log_errors(false);
    re_options_.set_max_mem(max_mem);
    re_options_.set_encoding(RE2::Options::EncodingUTF8);

    std::vector<std::string> files = options.Strings("rules");
    if (!options.Has("rules")) {
      for (const char* f : {"citations.yaml", "exclusions.yaml"}) {
        files.push_back((fs::path(args.data_dir) / "lexicons" / "rules" / f).string());
      }
    }
    const fs::path config_dir(args.config_dir);
    const std::string data_prefix =
        fs::path(args.data_dir).lexically_normal().string() + "/";
    for (const auto& f : files) {
      const fs::path abs = fs::path(f).is_absolute() ? fs::path(f) : config_dir / f;
      const std::string path = abs.lexically_normal().string();
      const std::string display = !args.data_dir.empty() && path.rfind(data_prefix, 0) == 0
                                      ? "hstag:" + path.substr(data_prefix.size())
                                      : f;
      LoadFile(path, display);
    }

    set_ = std::make_unique<RE2::Set>(re_options_, RE2::UNANCHORED);
    for (const auto& r : rules_) {
      std::string error;
      if (set_->Add(r.re->pattern(), &error) < 0) {
        throw std::runtime_error("rule `" + r.id + "`: RE2::Set: " + error);
      }
    }
    if (!rules_.empty() && !set_->Compile()) {
      throw std::runtime_error("regex rules: the RE2::Set of " + std::to_string(rules_.size()) +
                               " rules does not fit in max_mem (" + std::to_string(max_mem) +
                               " bytes); raise the regex plugin's `max_mem` option");
    }
  }

  void Tag(const TextView& text, const hstag::sdk::Sink& sink) const override {
    if (rules_.empty()) return;
    const std::string_view surface = text.surface();
    // Steps 1 and 2, chunk by chunk: the searches with submatches run over
    // the chunks where their rule fired, not over the whole text once per
    // rule. The Set sees the chunk alone, the searches see the text around
    // it (for \b, ^ and $): at a paragraph break the two agree on \b, and
    // ^ and $ match in the chunk alone wherever they match in context, so
    // the Set misses no rule.
    std::vector<int> fired;
    std::vector<Candidate> found;
    for (size_t from = 0; from < surface.size();) {
      size_t to = from + kChunkBytes < surface.size() ? surface.find('\n', from + kChunkBytes)
                                                      : std::string_view::npos;
      if (to == std::string_view::npos) to = surface.size();
      fired.clear();
      RE2::Set::ErrorInfo info{RE2::Set::kNoError};
      if (!set_->Match(surface.substr(from, to - from), &fired, &info)) {
        switch (info.kind) {
          case RE2::Set::kNoError:
            break;
          case RE2::Set::kOutOfMemory:
            throw std::runtime_error("RE2 ran out of memory matching the rule set (max_mem " +
                                     std::to_string(re_options_.max_mem()) +
                                     " bytes); raise the regex plugin's `max_mem` option");
          default:
            throw std::runtime_error("RE2::Set::Match failed (error kind " +
                                     std::to_string(static_cast<int>(info.kind)) + ")");
        }
      }
      std::sort(fired.begin(), fired.end());
      for (int i : fired) Find(static_cast<uint32_t>(i), surface, from, to, &found);
      from = to + 1;  // past the line break
    }
    if (found.empty()) return;

    // Conditions, then the rules that block: their matches go to the host.
    if (has_conditions_) {
      const Windows windows(text);
      // Where both a rule's context and its veto are found, the nearer
      // decides: "the African Union road map, as approved by the Security
      // Council in its resolution 2046" cites the Council's.
      std::erase_if(found, [&](const Candidate& c) {
        const Rule& r = rules_[c.rule];
        size_t context = 0, veto = 0;
        if (r.context.set() && !Holds(text, windows, r.context, c, /*all=*/true, &context)) return true;
        return r.veto.set() && Holds(text, windows, r.veto, c, /*all=*/false, &veto) &&
               (!r.context.set() || veto <= context);
      });
    }
    std::erase_if(found, [&](const Candidate& c) {
      const Rule& r = rules_[c.rule];
      if (r.blocks.empty()) return false;
      const uint32_t start = text.SurfaceToSource(c.start, false);
      const uint32_t end = text.SurfaceToSource(c.end, true);
      if (start < end) {
        for (const auto& b : r.blocks) sink.Veto(b, start, end);
      }
      return true;
    });

    // The longest match within a concept.
    std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) {
      const auto& ca = rules_[a.rule].concept_id;
      const auto& cb = rules_[b.rule].concept_id;
      if (ca != cb) return ca < cb;
      if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
      if (a.start != b.start) return a.start < b.start;
      return rules_[a.rule].order < rules_[b.rule].order;
    });
    std::vector<const Candidate*> chosen;
    for (size_t i = 0; i < found.size();) {
      const std::string& concept_id = rules_[found[i].rule].concept_id;
      std::set<std::pair<uint32_t, uint32_t>> taken;  // spans of this concept
      for (; i < found.size() && rules_[found[i].rule].concept_id == concept_id; ++i) {
        const Candidate& c = found[i];
        auto it = taken.lower_bound({c.end, 0});  // first span starting at or after c.end
        if (it != taken.begin() && std::prev(it)->second > c.start) continue;
        taken.emplace(c.start, c.end);
        chosen.push_back(&c);
      }
    }
    std::sort(chosen.begin(), chosen.end(), [](const Candidate* a, const Candidate* b) {
      return std::tie(a->start, a->end) < std::tie(b->start, b->end);
    });
    for (const Candidate* c : chosen) {
      const Rule& r = rules_[c->rule];
      hstag::sdk::Annotation a;
      a.concept_id = r.concept_id;
      a.strength = r.strength;
      a.start = text.SurfaceToSource(c->start, false);
      a.end = text.SurfaceToSource(c->end, true);
      if (a.start >= a.end) continue;
      a.rule = r.id;
      a.value = c->value;
      sink.Emit(a);
    }
  }

 private:
  // Whether the conditions set in `cond` hold for the match `c`: all of them
  // (`all`), or any. `nearest`, when given, gets the distance in surface
  // bytes from the match to the nearest text that a pattern or concept
  // condition found (0 for a reference list).
  bool Holds(const TextView& text, const Windows& windows, const Condition& cond, const Candidate& c,
             bool all, size_t* nearest = nullptr) const {
    int set = 0, held = 0;
    size_t best = SIZE_MAX;
    auto distance = [&](size_t start, size_t end) {
      return end <= c.start ? c.start - end : start >= c.end ? start - c.end : 0;
    };
    const auto [from, to] = windows.Span(c.start, c.end, cond.sentences);
    if (cond.pattern) {
      ++set;
      bool any = false;
      re2::StringPiece hit;
      for (size_t at = from; at < to && cond.pattern->Match(text.surface(), at, to, RE2::UNANCHORED,
                                                               &hit, 1);) {
        const size_t start = static_cast<size_t>(hit.data() - text.surface().data());
        any = true;
        best = std::min(best, distance(start, start + hit.size()));
        at = start + std::max<size_t>(hit.size(), 1);
      }
      held += any;
    }
    if (!cond.concepts.empty()) {
      ++set;
      const uint32_t a = text.SurfaceToSource(from, false), b = text.SurfaceToSource(to, true);
      const uint32_t ms = text.SurfaceToSource(c.start, false), me = text.SurfaceToSource(c.end, true);
      bool any = false;
      for (const auto& x : text.prior()) {
        if (x.start >= b) break;  // sorted by start
        if (x.end <= a) continue;
        const std::string_view id = x.concept_id;
        for (const auto& k : cond.concepts) {
          if (!NamesConcept(k, id)) continue;
          any = true;
          best = std::min<size_t>(best, x.end <= ms ? ms - x.end : x.start >= me ? x.start - me : 0);
        }
      }
      held += any;
    }
    if (cond.references) {
      ++set;
      const hstag_token_v1* t = windows.TokenAt(c.start);
      const auto segs = text.segments();
      const bool in = t && t->segment < segs.size() && (segs[t->segment].flags & HSTAG_SEGMENT_REFERENCES);
      held += in;
      if (in) best = 0;
    }
    if (nearest) *nearest = best;
    return all ? held == set : held > 0;
  }

  Condition LoadCondition(const YAML::Node& n, const std::string& id, const char* what) {
    if (!n.IsMap()) throw RuleError(n, "rule `" + id + "`: `" + what + "` must be a mapping");
    for (const auto& kv : n) {
      const std::string key = kv.first.Scalar();
      if (key != "pattern" && key != "concepts" && key != "sentences" && key != "in") {
        throw RuleError(kv.first, "rule `" + id + "`: unknown key `" + key + "` in `" + what +
                                      "` (pattern, concepts, sentences, in)");
      }
    }
    Condition c;
    if (n["pattern"]) c.pattern = Compile(n["pattern"], id, "pattern");
    c.concepts = StringList(n["concepts"], id, "concepts");
    for (const auto& place : StringList(n["in"], id, "in")) {
      if (place != "references") {
        throw RuleError(n["in"], "rule `" + id + "`: `in` of a rule takes `references`, not `" +
                                     place + "`");
      }
      c.references = true;
    }
    if (n["sentences"]) {
      const std::string v = Scalar(n["sentences"], "sentences");
      if (v.size() != 1 || v[0] < '1' || v[0] > '9') {
        throw RuleError(n["sentences"], "rule `" + id + "`: `sentences` must be 1 to 9");
      }
      c.sentences = static_cast<uint32_t>(v[0] - '0');
    }
    if (!c.set()) throw RuleError(n, "rule `" + id + "`: `" + what + "` sets no condition");
    has_conditions_ = true;
    return c;
  }

  static std::vector<std::string> StringList(const YAML::Node& n, const std::string& id,
                                             const char* what) {
    std::vector<std::string> out;
    if (!n) return out;
    if (n.IsScalar()) {
      out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
      for (const auto& x : n) out.push_back(Scalar(x, what));
    } else {
      throw RuleError(n, "rule `" + id + "`: `" + what + "` must be a string or a list");
    }
    return out;
  }

  void LoadFile(const std::string& path, const std::string& display) {
    const std::string bytes = hstag::common::ReadDataFile(path, display, 16u << 20);
    try {
      const YAML::Node root = YAML::Load(bytes);
      if (!root.IsMap()) throw RuleError(root, "a rule file must be a YAML mapping");
      for (const auto& kv : root) {
        const std::string key = kv.first.Scalar();
        if (key != "name" && key != "version" && key != "description" && key != "rules") {
          throw RuleError(kv.first, "unknown key `" + key + "`");
        }
      }
      if (!root["name"]) throw RuleError(root, "no `name`");
      Scalar(root["name"], "name");
      const YAML::Node rules = root["rules"];
      if (!rules || !rules.IsSequence()) throw RuleError(root, "`rules` must be a list");
      for (const auto& r : rules) LoadRule(r);
    } catch (const RuleError& e) {
      throw std::runtime_error(display + ":" + std::to_string(e.line()) + ": " + e.what());
    } catch (const YAML::Exception& e) {
      throw std::runtime_error(display + ":" + std::to_string(e.mark.line + 1) + ":" +
                               std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
  }

  std::unique_ptr<RE2> Compile(const YAML::Node& node, const std::string& id, const char* what) {
    const std::string pattern = Scalar(node, what);
    if (pattern.empty()) throw RuleError(node, "rule `" + id + "`: empty `" + what + "`");
    auto re = std::make_unique<RE2>(pattern, re_options_);
    if (!re->ok()) {
      throw RuleError(node, "rule `" + id + "`: " +
                                (std::string(what) == "pattern" ? "" : "`" + std::string(what) + "`: ") +
                                Re2Message(*re));
    }
    return re;
  }

  void LoadRule(const YAML::Node& n) {
    if (!n.IsMap()) throw RuleError(n, "a rule must be a mapping");
    for (const auto& kv : n) {
      const std::string key = kv.first.Scalar();
      static const std::set<std::string> known = {
          "id",    "concept",         "strength", "pattern", "value", "items",
          "not_followed_by", "note", "context",  "veto",    "exclude", "blocks"};
      if (!known.count(key)) throw RuleError(kv.first, "unknown key `" + key + "` in a rule");
    }
    if (!n["id"]) throw RuleError(n, "a rule without `id`");
    Rule r;
    r.id = Scalar(n["id"], "id");
    if (r.id.empty()) throw RuleError(n["id"], "empty `id`");
    if (!ids_.insert(r.id).second) throw RuleError(n["id"], "rule `" + r.id + "` is defined twice");
    if (n["blocks"]) r.blocks = StringList(n["blocks"], r.id, "blocks");
    if (!n["concept"] && r.blocks.empty()) {
      throw RuleError(n, "rule `" + r.id + "` has no `concept` (nor `blocks`)");
    }
    if (n["concept"]) r.concept_id = Scalar(n["concept"], "concept");
    if (n["strength"]) {
      const std::string s = Scalar(n["strength"], "strength");
      if (s == "explicit") {
        r.strength = Strength::kExplicit;
      } else if (s == "indicator") {
        r.strength = Strength::kIndicator;
      } else {
        throw RuleError(n["strength"], "rule `" + r.id + "`: `strength` must be explicit or indicator");
      }
    }
    if (!n["pattern"]) throw RuleError(n, "rule `" + r.id + "` has no `pattern`");
    r.re = Compile(n["pattern"], r.id, "pattern");
    if (n["items"]) r.items = Compile(n["items"], r.id, "items");
    if (n["not_followed_by"]) r.not_followed_by = Compile(n["not_followed_by"], r.id, "not_followed_by");
    if (n["value"]) {
      r.value = ParseTemplate(Scalar(n["value"], "value"), r.items ? *r.items : *r.re, n["value"]);
    }
    if (n["note"]) Scalar(n["note"], "note");
    if (n["context"]) {
      if (n["context"].IsScalar()) {
        throw RuleError(n["context"], "rule `" + r.id +
                                          "`: `context` holds conditions (a mapping); write notes "
                                          "as `note`");
      }
      r.context = LoadCondition(n["context"], r.id, "context");
    }
    if (n["veto"]) r.veto = LoadCondition(n["veto"], r.id, "veto");
    if (n["exclude"]) {
      const std::string e = Scalar(n["exclude"], "exclude");
      if (e != "true" && e != "false") {
        throw RuleError(n["exclude"], "rule `" + r.id + "`: `exclude` must be true or false");
      }
      // Shorthand: the rule blocks its own concept.
      if (e == "true" && !r.concept_id.empty()) r.blocks.push_back(r.concept_id);
    }
    if (!r.blocks.empty() && n["value"]) {
      throw RuleError(n["value"], "rule `" + r.id + "` blocks concepts: it yields no value");
    }
    r.order = static_cast<uint32_t>(rules_.size());
    rules_.push_back(std::move(r));
  }

  // Every match of rule `ri` in text[from, to), text being the surface text.
  void Find(uint32_t ri, std::string_view text, size_t from, size_t to,
            std::vector<Candidate>* out) const {
    const Rule& r = rules_[ri];
    const RE2& re = *r.re;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
    std::vector<re2::StringPiece> item_groups;
    if (r.items) item_groups.resize(static_cast<size_t>(r.items->NumberOfCapturingGroups()) + 1);
    size_t pos = from;
    while (pos <= to && re.Match(text, pos, to, RE2::UNANCHORED, groups.data(),
                                 static_cast<int>(groups.size()))) {
      const size_t start = static_cast<size_t>(groups[0].data() - text.data());
      const size_t end = start + groups[0].size();
      pos = end > start ? end : NextChar(text, end);
      if (end == start) continue;
      // A match never spans a paragraph break (the surface view keeps a line
      // break only between paragraphs): search again after the break.
      if (const size_t brk = text.substr(start, end - start).find('\n');
          brk != std::string_view::npos) {
        pos = start + brk + 1;
        continue;
      }
      if (r.not_followed_by && r.not_followed_by->Match(text, end, text.size(), RE2::ANCHOR_START,
                                                        nullptr, 0)) {
        continue;
      }
      if (!r.items) {
        out->push_back({ri, static_cast<uint32_t>(start), static_cast<uint32_t>(end),
                        Expand(r.value, groups)});
        continue;
      }
      // Items are searched inside the span only, with the text around it as
      // context for \b.
      size_t ipos = start;
      while (ipos < end && r.items->Match(text, ipos, end, RE2::UNANCHORED, item_groups.data(),
                                          static_cast<int>(item_groups.size()))) {
        const size_t is = static_cast<size_t>(item_groups[0].data() - text.data());
        const size_t ie = is + item_groups[0].size();
        ipos = ie > is ? ie : NextChar(text, ie);
        if (ie == is) continue;
        out->push_back({ri, static_cast<uint32_t>(is), static_cast<uint32_t>(ie),
                        Expand(r.value, item_groups)});
      }
    }
  }

  static size_t NextChar(std::string_view text, size_t i) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    return i;
  }

  RE2::Options re_options_;
  bool has_conditions_ = false;
  std::vector<Rule> rules_;
  std::set<std::string> ids_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace

HSTAG_TAGGER_PLUGIN(RegexTagger, "regex", "1.0.0",
                    "RE2 rules for citations of UN resolutions and documents, with normalized values",
                    "re2 2022-06-01")
