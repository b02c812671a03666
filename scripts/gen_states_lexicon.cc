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
//   - the en column gives the bare English adjectives and demonyms (case:
//     exact): by rule from the adjective column unless listed (Syrian, Syrians);
//   - the fr, es, de and de_people columns give the bare adjectives and
//     demonyms of those languages, inflected by rule (one word) or as listed
//     (several), each with its lang;
//   - rows whose adjective names a language ("language" column) get a veto
//     per language on their bare forms ("in French", "the French text");
//   - the when column attaches context or veto conditions to cues;
//   - the exclude column gives exclude phrases; "+Prefix" expands to
//     "Prefix <adj form>" for every English adjectival cue of the row.
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
  std::string condition;  // "veto: {...}" / "context: {...}" (YAML flow mapping), or empty
  std::string form;       // for bare forms: the language of the form ("en", "fr"...), else empty
  bool fold = false;      // case: fold against the acronym rule ("EE.UU." written "Ee.uu.")
};

// Whether a cue applies to `lang` (its lang is one code or "fr, de").
bool HasLang(const Cue& c, const std::string& lang) {
  size_t at = 0;
  while (at <= c.lang.size()) {
    const size_t comma = c.lang.find(", ", at);
    if (c.lang.substr(at, comma == std::string::npos ? std::string::npos : comma - at) == lang)
      return true;
    if (comma == std::string::npos) break;
    at = comma + 2;
  }
  return false;
}

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

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

std::string Cut(const std::string& s, size_t n) { return s.substr(0, s.size() - n); }

// A column of forms: "-" or empty = none; one word = `rule(word)`; several =
// exactly those listed.
std::vector<std::string> Forms(const std::string& column,
                               std::vector<std::string> (*rule)(const std::string&)) {
  std::vector<std::string> items;
  for (const std::string& raw : Split(column, '|')) {
    if (!Trim(raw).empty()) items.push_back(Trim(raw));
  }
  if (items.empty() || (items.size() == 1 && items[0] == "-")) return {};
  if (items.size() == 1) return rule(items[0]);
  return items;
}

// English: the adjective, and adjective+"s" when it ends in -n or -i (Syrian,
// Syrians; Iraqi, Iraqis); Chinese, French, Swiss have no plural of their own.
std::vector<std::string> EnglishRule(const std::string& adj) {
  std::vector<std::string> out{adj};
  if (EndsWith(adj, "n") || EndsWith(adj, "i")) out.push_back(adj + "s");
  return out;
}

// French, from the masculine singular.
std::vector<std::string> FrenchRule(const std::string& m) {
  if (EndsWith(m, "en") || EndsWith(m, "on")) return {m, m + "ne", m + "s", m + "nes"};
  if (EndsWith(m, "s")) return {m, m + "e", m + "es"};
  if (EndsWith(m, "e")) return {m, m + "s"};
  return {m, m + "e", m + "s", m + "es"};
}

// Spanish, from the masculine singular.
std::vector<std::string> SpanishRule(const std::string& m) {
  if (EndsWith(m, "o")) {
    const std::string stem = Cut(m, 1);
    return {m, stem + "a", m + "s", stem + "as"};
  }
  for (const auto& [accented, plain] : {std::pair<std::string, std::string>{"és", "es"},
                                        {"án", "an"},
                                        {"ón", "on"}}) {
    if (EndsWith(m, accented)) {
      const std::string stem = Cut(m, accented.size()) + plain;
      return {m, stem + "a", stem + "es", stem + "as"};
    }
  }
  if (EndsWith(m, "í")) return {m, m + "es"};
  if (EndsWith(m, "l")) return {m, m + "a", m + "es", m + "as"};
  return {m, m + "s"};
}

// German adjective, from the stem (syrisch).
std::vector<std::string> GermanAdjectiveRule(const std::string& stem) {
  return {stem, stem + "e", stem + "en", stem + "er", stem + "es", stem + "em"};
}

// German demonym, from the masculine singular: weak nouns in -e (Afghane),
// the others (Syrer, Ungar).
std::vector<std::string> GermanPeopleRule(const std::string& m) {
  if (EndsWith(m, "e")) {
    const std::string stem = Cut(m, 1);
    return {m, stem + "in", m + "n", stem + "innen"};
  }
  return {m, m + "in", m + "innen", m + "n", m + "s"};
}

// The veto of a language's bare forms when the adjective also names a
// language: a preposition or a noun of texts and languages next to it, or a
// sentence that names English or Arabic (which name no state) or speaks of
// translation ("translated into Russian and Chinese"), or an English sentence
// that holds Japanese or Chinese text (its particles の, 的: "Japanese: 人間の
// 安全保障", a label naming the language of an example).
const char* LanguageVeto(const std::string& lang) {
  if (lang == "en") {
    return "veto: {before: [in, into], after: [version, versions, text, texts, translation, "
           "translations, language, languages, speaking, speaker, speakers, original, edition, "
           "interpretation, word, words, term, terms, teacher, teachers, course, courses, "
           "literature, dictionary, subtitles], within: 1, sentence: [english, arabic, "
           "translated, translation, translations, interpretation, interpreted, language, "
           "languages, の, 的]}";
  }
  if (lang == "fr") {
    return "veto: {before: [en, langue, langues, version, texte, traduction, expression], "
           "after: [parlant, parlants, parlante, parlantes], within: 1, "
           "sentence: [anglais, arabe, traduit, traduite, traduits, traduction, traductions, "
           "interprétation, langue, langues]}";
  }
  if (lang == "es") {
    return "veto: {before: [en, idioma, idiomas, lengua, lenguas, versión, texto, traducción], "
           "after: [hablante, hablantes, parlante, parlantes], within: 1, "
           "sentence: [inglés, árabe, traducido, traducida, traducidos, traducción, traducciones, "
           "interpretación, idioma, idiomas, lengua]}";
  }
  if (lang == "de") {
    return "veto: {before: [auf, ins], after: [sprache, fassung, übersetzung, text, version, "
           "originalfassung], within: 1, sentence: [englisch, englische, englischen, arabisch, "
           "arabische, arabischen, übersetzt, übersetzung, übersetzungen, dolmetschen, "
           "sprache, sprachen]}";
  }
  return "";
}

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
         "#   - Adjectival forms with a head noun (\"Japanese government\",\n"
         "#     \"British Ministry of Defence\") and bare adjectives and demonyms\n"
         "#     (\"Syrian refugees\", \"the French\", \"Danes\"; codebook 10.10) in\n"
         "#     en/fr/es/de, except those shared by several states or mostly naming\n"
         "#     something else (Congolese, Dominican, Guinean, Macedonian ...); an\n"
         "#     adjective that names a language has a veto (\"in French\", \"the\n"
         "#     French text\", \"French-speaking\").\n"
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
    f.resize(13);
    const std::string code = Trim(f[0]);
    std::vector<Cue> cues;
    std::set<std::string> keys;
    auto add = [&](Cue c) {
      c.term = Trim(c.term);
      if (c.term.empty()) return;
      if (!keys.insert(Key(c.term)).second) {
        // The same name in another language ("Irak" in French, Spanish and
        // German): one cue with both languages.
        // A name given again in another case in the same language ("Reino
        // unido", as machine-cased texts write "Reino Unido"): the name in
        // any case.
        for (Cue& o : cues) {
          if (Key(o.term) == Key(c.term) && o.lang == c.lang && !o.lang.empty() && !c.exact &&
              o.condition == c.condition) {
            if (o.exact) {
              o.exact = false;
            } else if (o.term != c.term) {
              o.fold = true;  // against the acronym rule: "EE.UU." also as "Ee.uu."
            }
          }
        }
        for (Cue& o : cues) {
          if (Key(o.term) == Key(c.term) && o.term == c.term && !o.lang.empty() &&
              !c.lang.empty() && o.exact == c.exact && o.condition == c.condition &&
              !HasLang(o, c.lang)) {
            o.lang += ", " + c.lang;
          }
        }
        return;
      }
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

    // Bare adjectives and demonyms, added after the names: a form the same
    // as a cue already there (same words, a case and language that cover
    // it) is left out; "siria" (es, the adjective) is kept beside the name
    // "Siria" (case: exact).
    auto covered = [&](const Cue& n) {
      for (const Cue& c : cues) {
        if (Key(c.term) != Key(n.term)) continue;
        if (!c.lang.empty() && !HasLang(c, n.lang)) continue;
        if (c.exact && c.term != n.term) continue;
        return true;
      }
      return false;
    };
    auto add_bare = [&](const std::string& term, const std::string& lang, bool exact,
                        const std::string& form) {
      Cue c{Trim(term), lang, exact, "", form};
      if (c.term.empty() || covered(c)) return;
      cues.push_back(c);
    };
    std::vector<std::string> en_bare;
    {
      std::vector<std::string> rule;
      for (const std::string& raw : Split(f[2], '|')) {
        if (Trim(raw).empty()) continue;
        for (const auto& t : EnglishRule(Trim(raw))) rule.push_back(t);
      }
      const std::string col = Trim(f[5]);
      if (col.empty()) {
        en_bare = rule;
      } else if (col != "-") {
        for (const std::string& raw : Split(col, '|')) {
          if (Trim(raw) == "*") {
            en_bare.insert(en_bare.end(), rule.begin(), rule.end());
          } else if (!Trim(raw).empty()) {
            en_bare.push_back(Trim(raw));
          }
        }
      }
    }
    for (const auto& t : en_bare) {
      add_bare(t, "", true, "en");
      adj_cues.push_back(t);
    }
    for (const auto& t : Forms(f[7], FrenchRule)) add_bare(t, "fr", false, "fr");
    for (const auto& t : Forms(f[8], SpanishRule)) add_bare(t, "es", false, "es");
    for (const auto& t : Forms(f[9], GermanAdjectiveRule)) add_bare(t, "de", false, "de");
    // German nouns are capitalised: matched as written.
    for (const auto& t : Forms(f[10], GermanPeopleRule)) add_bare(t, "de", true, "de");

    if (Trim(f[6]) == "yes") {
      for (Cue& c : cues) {
        if (!c.form.empty()) c.condition = LanguageVeto(c.form);
      }
    } else if (!Trim(f[6]).empty()) {
      std::cerr << code << ": language column is \"yes\" or empty, not '" << f[6] << "'\n";
      return 1;
    }
    // The when column: "TARGETS => veto: {...}" joined by " ; ".
    std::string when = Trim(f[11]);
    while (!when.empty()) {
      size_t end = when.find(" ; ");
      const std::string entry = Trim(when.substr(0, end));
      when = end == std::string::npos ? "" : Trim(when.substr(end + 3));
      const size_t arrow = entry.find(" => ");
      const std::string cond = arrow == std::string::npos ? "" : Trim(entry.substr(arrow + 4));
      if (cond.rfind("veto: {", 0) != 0 && cond.rfind("context: {", 0) != 0) {
        std::cerr << code << ": bad when entry '" << entry << "'\n";
        return 1;
      }
      for (const std::string& raw : Split(entry.substr(0, arrow), '|')) {
        const std::string target = Trim(raw);
        int hits = 0;
        for (Cue& c : cues) {
          const bool match = target == "*"    ? !c.form.empty()
                             : target[0] == '*' ? c.form == target.substr(1)
                                                : c.term == target;
          if (!match) continue;
          if (!c.condition.empty()) {
            std::cerr << code << ": '" << c.term << "' has two conditions\n";
            return 1;
          }
          c.condition = cond;
          ++hits;
        }
        if (hits == 0) {
          std::cerr << code << ": when target '" << target << "' is no cue of the row\n";
          return 1;
        }
      }
    }

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
    std::string note = Trim(f[12]);
    if (!note.empty()) std::cout << "    # " << note << "\n";
    // Inside the name of another entity the state's name is that entity's
    // (codebook §10.1): "the Honduran Red Cross", "the Sudan Regional
    // Refugee Response Plan"; its own organs stay the state's (the tagger
    // leaves them out of a state's name heads).
    std::cout << "    veto: {in: [name]}\n";
    std::cout << "    explicit:\n";
    for (const Cue& c : cues) {
      if (c.lang.empty() && !c.exact && !c.fold && c.condition.empty()) {
        std::cout << "      - " << Quote(c.term) << "\n";
      } else {
        std::cout << "      - {term: " << Quote(c.term);
        if (c.exact) std::cout << ", case: exact";
        if (c.fold) std::cout << ", case: fold";
        if (!c.lang.empty()) {
          std::cout << ", lang: "
                    << (c.lang.find(',') == std::string::npos ? c.lang : "[" + c.lang + "]");
        }
        if (c.condition.rfind("veto: {", 0) == 0) {
          std::cout << ", veto: {in: [name], " << c.condition.substr(7);
        } else if (!c.condition.empty()) {
          std::cout << ", " << c.condition;
        }
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
