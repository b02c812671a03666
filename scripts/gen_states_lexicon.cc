// gen_states_lexicon: generates lexicons/states.yaml from lexicons/src/states.tsv.
//
// Built by CMake (target gen_states_lexicon); to write lexicons/states.yaml
// again: cmake --build --preset default --target states-lexicon
//
// Per row of the table (see the column description at the top of states.tsv):
//   - the English names become explicit cues (a leading '=' -> case: exact);
//   - each English adjective yields "<adj> government", "<adj> delegation", ...
//     (skipped where the adjective is itself one of the names);
//   - the French, Spanish, German and Japanese country names are taken from
//     ICU (icu::Locale("", code).getDisplayCountry(icu::Locale(lang))); a
//     parenthetical part is dropped, names equal to an English cue (after case
//     folding) are dropped, "-lang:term" in the extra column removes one;
//   - the extra column adds localized cues "lang:term";
//   - the exclude column gives exclude phrases; "+Prefix" expands to
//     "Prefix <adj form>" for every adjectival cue of the row.
// Output order follows the table; the output is deterministic for a given ICU
// version (the ICU version is written into the file header).
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Cue {
  std::string term;
  std::string lang;  // empty = all languages
  bool exact = false;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.push_back("");
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Case-folded key with hyphens as spaces: the checker's notion of "same cue".
std::string Key(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.foldCase();
  u.findAndReplace(icu::UnicodeString(u"-"), icu::UnicodeString(u" "));
  std::string out;
  u.toUTF8String(out);
  std::string collapsed;
  bool space = false;
  for (char c : out) {
    if (c == ' ') {
      if (!space && !collapsed.empty()) collapsed += ' ';
      space = true;
    } else {
      collapsed += c;
      space = false;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string IcuName(const std::string& code, const char* lang) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(lang), name);
  std::string s;
  name.toUTF8String(s);
  // Drop a parenthetical part ("Myanmar (Birmanie)", "コンゴ共和国(ブラザビル)");
  // alternates that matter are given in the extra column.
  for (const char* open : {" (", "(", " （", "（"}) {
    size_t p = s.find(open);
    if (p != std::string::npos) s = s.substr(0, p);
  }
  s = Trim(s);
  if (s == code) return "";  // ICU has no name
  return s;
}

const char* const kAdjForms[] = {
    "government",          "delegation",          "authorities",
    "armed forces",        "Ministry of Defence", "Ministry of Defense",
    "Ministry of Foreign Affairs", "foreign ministry",
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: gen_states_lexicon lexicons/src/states.tsv > lexicons/states.yaml\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot open " << argv[1] << "\n";
    return 1;
  }
  // The lexicon's version: the table's "# version: X" line.
  std::string version;
  {
    std::ifstream scan(argv[1]);
    for (std::string l; std::getline(scan, l);) {
      if (l.rfind("# version:", 0) == 0) version = Trim(l.substr(10));
    }
  }
  if (version.empty()) {
    std::cerr << argv[1] << ": no \"# version: X\" line\n";
    return 1;
  }
  std::cout
      << "# hstag lexicon: states (actor.state.XX), codebook section 7.\n"
         "#\n"
         "# GENERATED FILE - do not edit by hand. Edit lexicons/src/states.tsv and\n"
         "# regenerate (see scripts/gen_states_lexicon.cc and lexicons/README.md).\n"
         "# Generated with ICU "
      << U_ICU_VERSION
      << ".\n"
         "#\n"
         "# Sources\n"
         "#   - The 193 UN member states and the 2 observer states (Holy See,\n"
         "#     State of Palestine); ISO 3166-1 alpha-2 codes as concept IDs.\n"
         "#   - English names: UN M49 / UNTERM short and formal names plus common\n"
         "#     alternates (former names where still in use: Swaziland, Zaire, Burma).\n"
         "#   - fr/es/de/ja country names: ICU/CLDR display names, plus hand-written\n"
         "#     formal names and government forms for the states most present in\n"
         "#     Human Security discourse (JP, CA, NO, GB, US, FR, DE, ES, CN, RU, CH, TH).\n"
         "#   - Adjectival forms only with a head noun (\"Japanese government\",\n"
         "#     \"British Ministry of Defence\"): bare adjectives (Japanese, French)\n"
         "#     name people and languages, not the state.\n"
         "#   - Names that are also lowercase common words are case: exact\n"
         "#     (China, Chad, Chile, Guinea, Jordan, Turkey); other decisions are\n"
         "#     noted on the concept.\n"
         "lexicon: states\n"
         "version: "
      << version
      << "\n"
         "description: UN member and observer states (actor.state.<ISO 3166-1 alpha-2>)\n"
         "concepts:\n";

  std::string line;
  bool header_seen = false;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {  // column header row
      header_seen = true;
      continue;
    }
    std::vector<std::string> f = Split(line, '\t');
    f.resize(6);
    const std::string code = Trim(f[0]);
    std::vector<Cue> cues;
    std::set<std::string> keys;
    auto add = [&](Cue c) {
      c.term = Trim(c.term);
      if (c.term.empty()) return;
      if (!keys.insert(Key(c.term)).second) return;
      cues.push_back(c);
    };
    std::string label;
    for (const std::string& raw : Split(f[1], '|')) {
      Cue c;
      c.term = Trim(raw);
      if (!c.term.empty() && c.term[0] == '=') {
        c.exact = true;
        c.term = c.term.substr(1);
      }
      if (label.empty()) label = c.term;
      add(c);
    }
    std::vector<std::string> adj_cues;
    for (const std::string& raw : Split(f[2], '|')) {
      std::string adj = Trim(raw);
      if (adj.empty()) continue;
      for (const char* form : kAdjForms) {
        std::string t = adj + " " + form;
        adj_cues.push_back(t);
        add(Cue{t, "", false});
      }
    }
    std::set<std::string> removed;
    std::vector<Cue> extras;
    for (const std::string& raw : Split(f[3], '|')) {
      std::string e = Trim(raw);
      if (e.empty()) continue;
      bool remove = e[0] == '-';
      if (remove) e = e.substr(1);
      size_t colon = e.find(':');
      if (colon == std::string::npos) {
        std::cerr << code << ": bad extra '" << raw << "'\n";
        return 1;
      }
      Cue c{e.substr(colon + 1), e.substr(0, colon), false};
      if (remove)
        removed.insert(c.lang + ":" + Key(c.term));
      else
        extras.push_back(c);
    }
    for (const char* lang : {"fr", "es", "de", "ja"}) {
      std::string n = IcuName(code, lang);
      if (n.empty() || removed.count(std::string(lang) + ":" + Key(n))) continue;
      // Country names are proper nouns: matched as written, so that German
      // "Island" (Iceland) never fires on the English word "island".
      add(Cue{n, lang, true});
    }
    for (const Cue& c : extras) add(c);

    std::vector<std::string> excludes;
    for (const std::string& raw : Split(f[4], '|')) {
      std::string e = Trim(raw);
      if (e.empty()) continue;
      if (e[0] == '+') {
        for (const std::string& a : adj_cues) excludes.push_back(e.substr(1) + " " + a);
      } else {
        excludes.push_back(e);
      }
    }

    const bool observer = code == "VA" || code == "PS";
    std::cout << "\n  - id: actor.state." << code << "\n"
              << "    label: " << Quote(label) << "\n"
              << "    section: actor\n"
              << "    type: state\n"
              << "    description: " << Quote(label + " (ISO 3166-1 " + code + "), " +
                                             (observer ? "UN observer state" : "UN member state"))
              << "\n";
    std::string note = Trim(f[5]);
    if (!note.empty()) std::cout << "    # " << note << "\n";
    std::cout << "    explicit:\n";
    for (const Cue& c : cues) {
      if (c.lang.empty() && !c.exact) {
        std::cout << "      - " << Quote(c.term) << "\n";
      } else {
        std::cout << "      - {term: " << Quote(c.term);
        if (c.exact) std::cout << ", case: exact";
        if (!c.lang.empty()) std::cout << ", lang: " << c.lang;
        std::cout << "}\n";
      }
    }
    if (!excludes.empty()) {
      std::cout << "    exclude:\n";
      for (const std::string& e : excludes) std::cout << "      - " << Quote(e) << "\n";
    }
    ++rows;
  }
  std::cerr << "gen_states_lexicon: " << rows << " states\n";
  return rows > 0 ? 0 : 1;
}
