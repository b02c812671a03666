// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/references.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hstag {
namespace references {
namespace {

constexpr size_t kNpos = std::string_view::npos;
constexpr size_t kMaxTitleBytes = 60;    // a title, a back-matter heading
constexpr size_t kYearReach = 160;       // an entry's year, from its start
constexpr size_t kTestLines = 12;        // lines of content the test reads
constexpr size_t kTestReach = 400;       // lines (blank ones too) it looks through
constexpr size_t kProseBytes = 400;      // prose that ends a section, in a row
constexpr size_t kNoteLines = 40;        // the lines of a page's note, at most
constexpr size_t kLoneNoteLines = 8;     // ... of a page's only note
constexpr size_t kTitleLines = 8;        // the lines of an instrument's title, at most
constexpr size_t kTitleLineBytes = 320;  // ... each

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char c) { return IsUpper(c) || IsLower(c); }

constexpr std::string_view kNbsp = "\xC2\xA0";

std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsSpace(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with(kNbsp)) {
      s.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kNbsp)) {
      s.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return s;
}

// A Latin-1 capital in UTF-8 (À to Þ, but ×): C3 80 to C3 9E.
bool IsLatin1Capital(std::string_view s, size_t i) {
  if (i + 1 >= s.size() || static_cast<unsigned char>(s[i]) != 0xC3) return false;
  const unsigned char c = static_cast<unsigned char>(s[i + 1]);
  return c >= 0x80 && c <= 0x9E && c != 0x97;
}

bool StartsUpper(std::string_view s) {
  return !s.empty() && (IsUpper(s[0]) || IsLatin1Capital(s, 0));
}

// An opening quotation mark: " ' “ ‘ «.
bool StartsQuote(std::string_view s) {
  return s.starts_with('"') || s.starts_with('\'') || s.starts_with("\xE2\x80\x9C") ||
         s.starts_with("\xE2\x80\x98") || s.starts_with("\xC2\xAB");
}

// Lower case (ASCII and Latin-1 capitals), each run of white space one space.
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (IsSpace(c) || s.substr(i).starts_with(kNbsp)) {
      if (!IsSpace(c)) ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (IsUpper(c)) {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (IsLatin1Capital(s, i)) {
      out += c;
      out += static_cast<char>(s[++i] + 0x20);
    } else {
      out += c;
    }
  }
  return out;
}

// The length of a section number and the spaces after it at the start of
// `s` ("7 ", "7. ", "7.2 ", "VII. ", "A. "); 0 when there is none; kNpos for
// a number that numbers no section ("120 References": a page number and a
// running title; "7.References").
size_t NumberLength(std::string_view s) {
  size_t i = 0;
  if (!s.empty() && IsDigit(s[0])) {
    for (;;) {
      const size_t from = i;
      while (i < s.size() && IsDigit(s[i])) ++i;
      if (i - from > 2) return kNpos;
      if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
        ++i;
        continue;
      }
      break;
    }
    if (i < s.size() && (s[i] == '.' || s[i] == ')')) ++i;
  } else {
    size_t roman = 0;
    while (roman < s.size() && roman < 7 && std::string_view("IVXLC").find(s[roman]) != kNpos) {
      ++roman;
    }
    if (roman >= 1 && roman <= 6 && roman < s.size() && s[roman] == '.') {
      i = roman + 1;
    } else if (s.size() >= 2 && IsUpper(s[0]) && s[1] == '.') {
      i = 2;
    } else {
      return 0;
    }
  }
  const size_t number = i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i == number ? kNpos : i;
}

// Calls f(begin, end) for each year (1800 to 2099, a whole number, with an
// optional letter: "2005a") that starts before `reach`, until f returns true.
template <typename F>
bool AnyYear(std::string_view s, size_t reach, const F& f) {
  for (size_t i = 0; i < s.size() && i < reach;) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsDigit(s[j])) ++j;
    if (j - i == 4 && (i == 0 || !IsLetter(s[i - 1])) && (s[i] == '1' || s[i] == '2')) {
      const int century = (s[i] - '0') * 10 + (s[i + 1] - '0');
      if (century >= 18 && century <= 20) {
        size_t e = j;
        if (e < s.size() && IsLower(s[e]) && (e + 1 == s.size() || !IsLetter(s[e + 1]))) ++e;
        if ((e > j || e == s.size() || !IsLetter(s[e])) && f(i, e)) return true;
      }
    }
    i = j;
  }
  return false;
}

// A year as references give it: "(2003)", "(2008, August)", or after a comma or full stop and
// before a full stop, colon, comma, parenthesis or the end (", 2003:",
// ". 2003."), or before ";" and a volume (". 2010;303(3)"). Or what stands
// for a year: "(forthcoming)", ". Forthcoming.", "(n.d.)", ", n.d.", "(in
// press)".
bool HasReferenceYear(std::string_view s, size_t reach) {
  for (std::string_view w : {"Forthcoming", "forthcoming", "n.d.", "In press", "in press"}) {
    for (size_t at = s.find(w); at != kNpos && at < reach; at = s.find(w, at + 1)) {
      if ((at > 0 && s[at - 1] == '(') ||
          (at > 1 && s[at - 1] == ' ' && (s[at - 2] == '.' || s[at - 2] == ','))) {
        return true;
      }
    }
  }
  return AnyYear(s, reach, [&](size_t b, size_t e) {
    const char next = e < s.size() ? s[e] : '\0';
    if (next == ';') return e + 1 < s.size() && IsDigit(s[e + 1]);
    if (b > 0 && s[b - 1] == '(') {
      // "(2003)", or with the month or day after it: "(2008, August)".
      const size_t close = s.find(')', e);
      return next == ')' || (next == ',' && close != kNpos && close - e <= 16);
    }
    if (b >= 2 && s[b - 1] == ' ' && (s[b - 2] == ',' || s[b - 2] == '.')) {
      return next == '\0' || next == '.' || next == ':' || next == ',' || next == ')';
    }
    return false;
  });
}

// `word` followed by optional spaces and a digit, not inside a longer word
// ("pp. 12", "p.5", "vol. 3", "No. 4").
bool NumberedBy(std::string_view s, std::string_view word) {
  for (size_t at = s.find(word); at != kNpos; at = s.find(word, at + 1)) {
    if (at > 0 && IsLetter(s[at - 1])) continue;
    size_t i = at + word.size();
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && IsDigit(s[i])) return true;
  }
  return false;
}

// A volume and its pages: "37:60-68", "24: 5409–5412".
bool HasVolumePages(std::string_view s) {
  for (size_t at = s.find(':'); at != kNpos; at = s.find(':', at + 1)) {
    if (at == 0 || !IsDigit(s[at - 1])) continue;
    size_t i = at + 1;
    if (i < s.size() && s[i] == ' ') ++i;
    const size_t digits = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == digits) continue;
    if (s.substr(i).starts_with("-") || s.substr(i).starts_with("\xE2\x80\x93")) return true;
  }
  return false;
}

// A volume and issue: "12(3)", "12 (3)".
bool HasVolumeIssue(std::string_view s) {
  for (size_t at = s.find('('); at != kNpos; at = s.find('(', at + 1)) {
    size_t b = at;
    if (b > 0 && s[b - 1] == ' ') --b;
    if (b == 0 || !IsDigit(s[b - 1])) continue;
    size_t i = at + 1;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i > at + 1 && i < s.size() && s[i] == ')') return true;
  }
  return false;
}

// Initials of names, as author lists have them: "M., and L. Bydekerke",
// "Lim S. S., T. Vos", "Patz, J.A., M.A. McGeehin": a capital and a full
// stop (after a space, a hyphen, another initial or the start; before a
// space, a comma, another initial or the end). At least `n` of them; "U.S.",
// "U.N.", "U.K." and "E.U." are no initials.
bool HasInitials(std::string_view s, size_t n) {
  size_t found = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (!IsUpper(s[i]) || s[i + 1] != '.') continue;
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-' && s[i - 1] != '.' && s[i - 1] != '(') {
      continue;
    }
    if (i + 2 < s.size() && s[i + 2] != ' ' && s[i + 2] != ',' && !IsUpper(s[i + 2])) continue;
    for (std::string_view not_names : {"U.S.", "U.N.", "U.K.", "E.U."}) {
      if (s.substr(i).starts_with(not_names) ||
          (i >= 2 && s.substr(i - 2).starts_with(not_names))) {
        i += 1;
        goto next;
      }
    }
    if (++found >= n) return true;
  next:;
  }
  return false;
}

// Pages: a range after a comma or colon, before a full stop, comma,
// semicolon, parenthesis or the end (", 51-67.", ": 743–752").
bool HasPageRange(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ',' && s[i] != ':') continue;
    size_t j = i + 1;
    if (j < s.size() && s[j] == ' ') ++j;
    const size_t from = j;
    while (j < s.size() && IsDigit(s[j])) ++j;
    if (j == from) continue;
    size_t dash = 0;
    if (s.substr(j).starts_with("-")) dash = 1;
    if (s.substr(j).starts_with("\xE2\x80\x93")) dash = 3;  // en dash
    if (!dash) continue;
    size_t k = j + dash;
    const size_t to = k;
    while (k < s.size() && IsDigit(s[k])) ++k;
    if (k == to) continue;
    if (k == s.size() || std::string_view(".,;)").find(s[k]) != kNpos) return true;
  }
  return false;
}

// A number label alone on its line: "1)", "12.", "[3]", "(4)".
bool IsLabel(std::string_view t) {
  if (t.size() < 2 || t.size() > 5) return false;
  const bool bracket = t.front() == '[' || t.front() == '(';
  const char close = t.front() == '[' ? ']' : ')';
  const std::string_view digits = t.substr(bracket, t.size() - 1 - bracket);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), IsDigit)) return false;
  return bracket ? t.back() == close : (t.back() == ')' || t.back() == '.');
}

// The length of a Markdown footnote's label at the start of `t` and the
// spaces after it ("[^12]: ", "[^note-3]:"); 0 for none.
size_t MarkdownNoteLength(std::string_view t) {
  if (!t.starts_with("[^")) return 0;
  size_t i = 2;
  while (i < t.size() && i < 34 &&
         (IsLetter(t[i]) || IsDigit(t[i]) || t[i] == '-' || t[i] == '_')) {
    ++i;
  }
  if (i == 2 || i + 1 >= t.size() || t[i] != ']' || t[i + 1] != ':') return 0;
  i += 2;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  return i;
}

// `t` without a Markdown ATX heading's marks ("## Notes", "### Notes ###").
std::string_view WithoutHeadingMarks(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && i < 7 && t[i] == '#') ++i;
  if (i == 0 || i > 6 || i >= t.size() || (t[i] != ' ' && t[i] != '\t')) return t;
  t = Trim(t.substr(i));
  while (!t.empty() && t.back() == '#') t.remove_suffix(1);
  return Trim(t);
}

bool IsPageNumber(std::string_view t) {
  if (t.empty() || t.size() > 7) return false;
  if (std::all_of(t.begin(), t.end(), IsDigit)) return t.size() <= 4;
  return std::all_of(t.begin(), t.end(),
                     [](char c) { return std::string_view("ivxlcdm").find(c) != kNpos; });
}

// Roman numerals of a session ("VI") or a year ("2000") in parentheses at
// the start of `s`: its length, else 0.
size_t SessionLength(std::string_view s) {
  if (s.size() < 3 || s[0] != '(') return 0;
  size_t i = 1;
  if (IsDigit(s[i])) {
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i != 5) return 0;
  } else {
    while (i < s.size() && std::string_view("IVXL").find(s[i]) != kNpos) ++i;
    if (i == 1) return 0;
  }
  return i < s.size() && s[i] == ')' ? i + 1 : 0;
}

// The length of a UN document symbol or resolution number at the start of
// `s`, else 0: "46/232", "S-23/2", "ES-10/17", "1992/19", "A/RES/70/1", or a
// number with its session or year, "76 (V)", "538 B (VI)", "1325 (2000)".
size_t SymbolLength(std::string_view s) {
  size_t i = 0;
  bool digit_slash = false;  // a digit right after a slash
  while (i < s.size() &&
         (IsDigit(s[i]) || IsUpper(s[i]) || s[i] == '/' || s[i] == '-' || s[i] == '.')) {
    if (i > 0 && s[i - 1] == '/' && IsDigit(s[i])) digit_slash = true;
    ++i;
  }
  while (i > 0 && (s[i - 1] == '.' || s[i - 1] == '-' || s[i - 1] == '/')) --i;
  if (i == 0 || (i < s.size() && IsLower(s[i]))) return 0;
  if (digit_slash) return i;
  // A number alone, then its session or year.
  if (!std::all_of(s.begin(), s.begin() + static_cast<long>(i), IsDigit) || i > 4) return 0;
  size_t j = i;
  if (j + 2 < s.size() && s[j] == ' ' && IsUpper(s[j + 1]) && s[j + 2] == ' ') j += 2;  // "538 B"
  if (j + 1 < s.size() && s[j] == ' ') {
    if (const size_t n = SessionLength(s.substr(j + 1))) return j + 1 + n;
  }
  return 0;
}

}  // namespace

Symbols SymbolsOf(std::string_view line) {
  const std::string_view t = Trim(line);
  size_t i = SymbolLength(t);
  if (i == 0) return Symbols::kNone;
  // Symbols apart ("; ", ", ", " and "), then the end or the title.
  for (;;) {
    size_t j = i;
    if (j < t.size() && (t[j] == ';' || t[j] == ',')) ++j;
    const bool separated = j > i;
    while (j < t.size() && t[j] == ' ') ++j;
    if (j == t.size()) return Symbols::kOnly;
    if (j == i) return Symbols::kNone;  // "46/232x"
    const std::string_view rest = t.substr(j);
    if (!separated && rest.starts_with("and ")) {
      const size_t n = SymbolLength(rest.substr(4));
      if (n == 0) return Symbols::kNone;
      i = j + 4 + n;
      continue;
    }
    if (const size_t n = SymbolLength(rest)) {
      i = j + n;
      continue;
    }
    return StartsUpper(rest) || StartsQuote(rest) ? Symbols::kLeading : Symbols::kNone;
  }
}

Title TitleOf(std::string_view line) {
  std::string_view t = WithoutHeadingMarks(Trim(line));
  if (t.empty() || t.size() > kMaxTitleBytes) return Title::kNone;
  const size_t number = NumberLength(t);
  if (number == kNpos) return Title::kNone;
  t = Trim(t.substr(number));
  const bool colon = t.ends_with(':');
  if (colon) t = Trim(t.substr(0, t.size() - 1));
  // Every title starts with one of these capitals and is at most 32 bytes
  // long: most lines are told apart here, before they are folded.
  if (!StartsUpper(t) || t.size() > 32 || std::string_view("ABEFLNQRSW").find(t[0]) == kNpos) {
    return Title::kNone;
  }
  static constexpr std::string_view kReferences[] = {
      "references",
      "reference list",
      "references cited",
      "list of references",
      "bibliography",
      "select bibliography",
      "selected bibliography",
      "works cited",
      "literature",
      "literature cited",
      "sources",
      "further reading",
      "further readings",
      "suggested reading",
      "suggested readings",
      "recommended reading",
      "recommended readings",
      "notes and references",
      "r\xC3\xA9"
      "f\xC3\xA9rences",  // références
      "r\xC3\xA9"
      "f\xC3\xA9rences bibliographiques",
      "bibliographie",
      "referencias",
      "referencias bibliogr\xC3\xA1"
      "ficas",
      "bibliograf\xC3\xAD"
      "a",
      "literatur",
      "literaturverzeichnis",
      "quellen",
      "quellenverzeichnis",
  };
  static constexpr std::string_view kNotes[] = {"notes", "endnotes", "footnotes", "notas",
                                                "anmerkungen"};
  const std::string f = Fold(t);
  for (std::string_view r : kReferences) {
    if (f == r) return colon && f == "sources" ? Title::kNone : Title::kReferences;
  }
  for (std::string_view n : kNotes) {
    if (f == n) return colon ? Title::kNone : Title::kNotes;
  }
  return Title::kNone;
}

namespace {

// A reference signal other than a bare year (HasSignal's list).
bool HasSignalBesidesYear(std::string_view s) {
  static constexpr std::string_view kParts[] = {"doi:",        "doi.org",       "DOI",
                                                "http://",     "https://",      "www.",
                                                "et al",       "Ibid",          "ibid",
                                                "op. cit",     "Op. cit",       "Press",
                                                "Journal",     "ISBN",          "ISSN",
                                                "Retrieved",   "retrieved",     "ccessed",
                                                "vailable at", "vailable from", "vailable online",
                                                "(ed.",        "(eds",          "(Ed.",
                                                "(Eds",        "(ed)",          " ed.",
                                                " Ed.",        " eds.",         " Eds.",
                                                "Paper",       "Forthcoming",   "forthcoming",
                                                "n.d.",        "Proceedings",   "In:",
                                                "edited by"};
  for (std::string_view p : kParts) {
    if (s.find(p) != kNpos) return true;
  }
  for (std::string_view w : {"pp.", "p.", "vol.", "Vol.", "no.", "No."}) {
    if (NumberedBy(s, w)) return true;
  }
  return HasVolumeIssue(s) || HasVolumePages(s) || HasPageRange(s) || HasInitials(s, 2);
}

}  // namespace

bool HasSignal(std::string_view s) {
  return AnyYear(s, kNpos, [](size_t, size_t) { return true; }) || HasSignalBesidesYear(s);
}

namespace {

// Citations in a row, as a table's cell or a sentence has them: a year
// followed by "; " and a name ("Savelieva et al., 2000; Peterson et al.").
bool CitesInARow(std::string_view s) {
  return AnyYear(s, kNpos, [&](size_t, size_t e) {
    return e + 2 < s.size() && s[e] == ';' && s[e + 1] == ' ' && StartsUpper(s.substr(e + 2));
  });
}

// The start of an entry in the notes-and-bibliography style, whose year
// comes at its end, lines later: an author or organization, a full stop,
// then the title in quotes ("Abbott, Kenneth W., and Duncan Snidal. “The
// Governance Triangle ...", "ABP News Bureau. “BRICS Nations Call ...").
// The name runs at most 80 bytes, has no sentence's end in it, and its
// words are capitalized, initials or connectors.
bool AuthorThenQuotedTitle(std::string_view body) {
  size_t stop = kNpos;
  for (size_t at = body.find(". "); at != kNpos && at <= 80; at = body.find(". ", at + 1)) {
    if (StartsQuote(body.substr(at + 2))) {
      stop = at;
      break;
    }
  }
  if (stop == kNpos || stop < 3) return false;
  size_t words = 0;
  for (size_t i = 0; i < stop;) {
    while (i < stop && (body[i] == ' ' || body[i] == ',')) ++i;
    size_t j = i;
    while (j < stop && body[j] != ' ' && body[j] != ',') ++j;
    if (j == i) break;
    const std::string_view w = body.substr(i, j - i);
    const bool initial = w.size() == 2 && IsUpper(w[0]) && w[1] == '.';
    const bool connector = w == "and" || w == "&" || w == "of" || w == "the" || w == "for" ||
                           w == "van" || w == "von" || w == "de" || w == "der" || w == "al.";
    if (!(StartsUpper(w) || initial || connector)) return false;
    if (!initial && w.ends_with('.') && w != "al." && w.size() > 3) return false;  // a sentence
    ++words;
    i = j;
  }
  return words >= 2;
}

}  // namespace

bool StartsEntry(std::string_view line) {
  std::string_view t = Trim(line);
  bool label = false;
  size_t i = 0;
  if (const size_t md = MarkdownNoteLength(t)) {
    i = md;
    label = true;
  } else if (t.starts_with('[')) {
    i = 1;
    while (i < t.size() && IsDigit(t[i])) ++i;
    if (i > 1 && i <= 4 && i < t.size() && t[i] == ']') {
      label = true;
      ++i;
    } else {
      i = 0;
    }
  } else if (!t.empty() && IsDigit(t[0])) {
    while (i < t.size() && IsDigit(t[i])) ++i;
    if (i > 3) return false;  // a year, a figure
    if (i < t.size() && (t[i] == '.' || t[i] == ')')) ++i;
    if (i == t.size() || !IsSpace(t[i])) return false;
    label = true;
  }
  const std::string_view body = Trim(t.substr(i));
  // The same author again: "———. 2011b.", "______. 2007a."
  const bool again = body.starts_with("\xE2\x80\x94\xE2\x80\x94") || body.starts_with("__") ||
                     body.starts_with("--");
  if (!StartsUpper(body) && !StartsQuote(body) && !again) return false;
  if (CitesInARow(body)) return false;
  if (HasReferenceYear(body, kYearReach)) return true;
  return (label && HasSignal(body)) || AuthorThenQuotedTitle(body);
}

bool StartsBackMatter(std::string_view line) {
  std::string_view t = WithoutHeadingMarks(Trim(line));
  if (t.empty() || t.size() > kMaxTitleBytes) return false;
  const size_t number = NumberLength(t);
  if (number == kNpos) return false;
  t = t.substr(number);
  if (!StartsUpper(t)) return false;
  const std::string f = Fold(t);
  static constexpr std::string_view kWords[] = {"annex",
                                                "annexes",
                                                "annexe",
                                                "anexo",
                                                "anexos",
                                                "anhang",
                                                "appendix",
                                                "appendices",
                                                "acknowledgements",
                                                "acknowledgments",
                                                "acknowledgement",
                                                "acknowledgment",
                                                "about the author",
                                                "about the authors",
                                                "index",
                                                "glossary",
                                                "abbreviations",
                                                "acronyms",
                                                "list of abbreviations",
                                                "list of acronyms"};
  for (std::string_view w : kWords) {
    if (f.starts_with(w) && (f.size() == w.size() || !IsLetter(f[w.size()]))) return true;
  }
  return false;
}

int NoteNumber(std::string_view line) {
  const std::string_view t = Trim(line);
  if (const size_t md = MarkdownNoteLength(t)) {  // "[^12]: ", whatever follows
    int n = 0;
    for (size_t k = 2; k < md && IsDigit(t[k]) && n < 100000; ++k) n = n * 10 + (t[k] - '0');
    return n;
  }
  size_t i = 0;
  while (i < t.size() && IsDigit(t[i])) ++i;
  // "25 IOM, ...", or the superscript's number set against its note's
  // quote or word ("69“UK to Host ...", "71Altman, Brockman ..."; not
  // "25IOM").
  const bool glued = i < t.size() && (StartsQuote(t.substr(i)) ||
                                      (IsUpper(t[i]) && i + 1 < t.size() && IsLower(t[i + 1])));
  if (i == 0 || i > 3 || t[0] == '0' || i >= t.size() || (t[i] != ' ' && !glued)) return -1;
  const std::string_view body = Trim(t.substr(i));
  if (!StartsUpper(body) && !StartsQuote(body)) return -1;
  // A date: "13 November 2024", "12 März".
  static constexpr std::string_view kMonths[] = {
      "January",   "February", "March",       "April",    "May",  "June", "July",    "August",
      "September", "October",  "November",    "December", "Jan",  "Feb",  "Mar",     "Apr",
      "Jun",       "Jul",      "Aug",         "Sep",      "Sept", "Oct",  "Nov",     "Dec",
      "Januar",    "Februar",  "M\xC3\xA4rz", "Mai",      "Juni", "Juli", "Oktober", "Dezember"};
  for (std::string_view m : kMonths) {
    if (body.starts_with(m) && (body.size() == m.size() || !IsLetter(body[m.size()]))) return -1;
  }
  int n = 0;
  for (size_t k = 0; k < i; ++k) n = n * 10 + (t[k] - '0');
  return n;
}

bool CitesLikeANote(std::string_view note) {
  if (HasReferenceYear(note, kNpos) || HasSignalBesidesYear(note)) return true;
  // A date in parentheses: "(March 2023)", "(Nairobi, 2023)".
  return AnyYear(note, kNpos, [&](size_t b, size_t e) {
    if (e >= note.size() || note[e] != ')') return false;
    const size_t open = note.rfind('(', b);
    return open != kNpos && b - open <= 24 && note.find(')', open) == e;
  });
}

}  // namespace references

namespace {

using references::Title;
using references::Trim;

// A line of a segment that is not boilerplate.
struct Line {
  uint32_t start = 0, end = 0;  // in Document::text, without the line break
  uint32_t seg = 0;
  bool content = false;      // neither blank nor a page number
  bool block_start = false;  // after a blank line, or the first of a segment without a page
};

std::vector<Line> Lines(const Document& d) {
  std::vector<Line> lines;
  const std::string_view text = d.text;
  for (uint32_t k = 0; k < d.segments.size(); ++k) {
    const Segment& s = d.segments[k];
    if (s.boilerplate || s.end > text.size() || s.start > s.end) continue;
    // A page's first line goes on from the page before (a paragraph of XML
    // or DOCX, which has no page, starts with its segment).
    bool after_blank = s.page == 0;
    for (uint32_t i = s.start;;) {
      uint32_t j = i;
      while (j < s.end && text[j] != '\n' && text[j] != '\f') ++j;
      const std::string_view t = Trim(text.substr(i, j - i));
      const bool content = !t.empty() && !references::IsPageNumber(t);
      lines.push_back({i, j, k, content, after_blank});
      after_blank = !content;
      if (j >= s.end) break;
      i = j + 1;
    }
  }
  return lines;
}

// The level of a heading: the extractor's (DOCX, ODT), else an HTML heading
// element's (h1 to h6, the last step of its element path); 0: none.
uint32_t HeadingLevel(const Segment& s) {
  if (s.heading) return s.heading;
  std::string_view x = s.xpath;
  x = x.substr(0, x.find('#'));
  const size_t slash = x.rfind('/');
  if (slash == std::string_view::npos) return 0;
  std::string_view step = x.substr(slash + 1);
  step = step.substr(0, step.find('['));
  if (step.size() == 2 && (step[0] == 'h' || step[0] == 'H') && step[1] >= '1' && step[1] <= '6') {
    return static_cast<uint32_t>(step[1] - '0');
  }
  return 0;
}

// An element path without its Akoma Ntoso eId ("#art_1").
std::string_view PathOf(const Segment& s) {
  const std::string_view x = s.xpath;
  return x.substr(0, x.find('#'));
}

// The path of the element holding the segment's element, when the segment
// is the first of that element (a TEI <div>'s <head>, a JATS <sec>'s
// <title>): the element the title heads; else empty.
std::string_view HeadedElement(const Document& d, uint32_t seg) {
  const std::string_view x = PathOf(d.segments[seg]);
  const size_t slash = x.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return {};
  const std::string_view parent = x.substr(0, slash);
  if (parent.find('/', 1) == std::string_view::npos) return {};  // the root element
  for (uint32_t k = seg; k-- > 0;) {
    if (d.segments[k].boilerplate) continue;
    const std::string_view before = PathOf(d.segments[k]);
    if (before.size() > parent.size() && before.starts_with(parent) &&
        before[parent.size()] == '/') {
      return {};  // the element has text before the title
    }
    break;
  }
  return parent;
}

bool Under(std::string_view path, std::string_view element) {
  return path.size() > element.size() && path.starts_with(element) && path[element.size()] == '/';
}

class Finder {
 public:
  explicit Finder(const Document& d) : d_(d), lines_(Lines(d)) {}

  // The byte ranges of the note blocks that end pages, in order.
  std::vector<std::pair<uint32_t, uint32_t>> Footnotes() const {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (size_t end = lines_.size(); end > 0;) {
      const uint32_t page = d_.segments[lines_[end - 1].seg].page;
      size_t first = end;
      while (first > 0 && d_.segments[lines_[first - 1].seg].page == page) --first;
      if (page != 0) {
        if (const auto r = PageNotes(first, end)) ranges.push_back(*r);
      }
      end = first;
    }
    std::reverse(ranges.begin(), ranges.end());
    return ranges;
  }

  // The byte ranges of the sections, in order, apart.
  std::vector<std::pair<uint32_t, uint32_t>> Sections() {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (size_t i = 0; i < lines_.size();) {
      const size_t end = Section(i);
      if (end == 0) {
        ++i;
        continue;
      }
      size_t last = end;
      while (last > i + 1 && !lines_[last - 1].content) --last;
      const Line& title = lines_[i];
      const uint32_t from =
          title.start + static_cast<uint32_t>(View(title).find_first_not_of(" \t\r\v"));
      ranges.emplace_back(from, lines_[last - 1].end);
      i = end;
    }
    return ranges;
  }

  // The lists of instruments (references.h): runs of at least three
  // entries, each a line of symbols and the title after it (two titles at
  // least: a page's running symbols over its number, "A/79/847 S/2025/204
  // 2/4", are none).
  std::vector<std::pair<uint32_t, uint32_t>> InstrumentLists() const {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    const size_t n = lines_.size();
    for (size_t k = 0; k < n;) {
      if (SymbolsAt(k, /*in_list=*/false) == references::Symbols::kNone) {
        ++k;
        continue;
      }
      size_t entries = 0, titled = 0, last = k, m = k;
      for (;;) {
        ++entries;
        last = m;
        // The title: the lines after the symbols (or from them, on the same
        // line) up to a blank line or the next symbols; none when they run
        // on like prose.
        const bool leading = SymbolsAt(m, true) == references::Symbols::kLeading;
        size_t t = leading ? m + 1 : Next(m + 1);
        const size_t from = t;
        bool title = leading;
        while (t < n && lines_[t].content && (t == from || !lines_[t].block_start) &&
               SymbolsAt(t, true) == references::Symbols::kNone) {
          const std::string_view line = Trim(View(lines_[t]));
          if (t - from == references::kTitleLines || line.size() > references::kTitleLineBytes ||
              (t == from && !leading && !references::StartsUpper(line) &&
               !references::StartsQuote(line))) {
            title = false;
            break;
          }
          title = true;
          ++t;
        }
        if (title && t > from && Trim(View(lines_[t - 1])).ends_with('.')) title = false;
        if (!leading && t == from && t < n && SymbolsAt(t, true) != references::Symbols::kNone) {
          m = t;  // no title: the next symbols ("1325 (2000)", "1820 (2008)")
          continue;
        }
        if (!title) break;
        ++titled;
        if (t > from) last = t - 1;
        // The next entry, perhaps under a heading ("Security Council
        // resolutions"): a line on its own before symbols.
        size_t next = Next(t);
        if (next < n && SymbolsAt(next, true) == references::Symbols::kNone) {
          const std::string_view h = Trim(View(lines_[next]));
          const size_t after = Next(next + 1);
          if (!references::StartsUpper(h) || h.size() > 2 * references::kMaxTitleBytes ||
              h.ends_with('.') ||
              (next + 1 < n && lines_[next + 1].content && !lines_[next + 1].block_start) ||
              after >= n || SymbolsAt(after, true) == references::Symbols::kNone) {
            break;
          }
          next = after;
        }
        if (next >= n) break;
        m = next;
      }
      if (entries >= 3 && titled >= 2) {
        const Line& a = lines_[k];
        ranges.emplace_back(a.start + static_cast<uint32_t>(View(a).find_first_not_of(" \t\r\v")),
                            lines_[last].end);
      }
      k = last + 1;
    }
    return ranges;
  }

 private:
  std::string_view View(const Line& l) const {
    return std::string_view(d_.text).substr(l.start, l.end - l.start);
  }

  // Line `k` as symbols: its content's, or, in a list, a year alone (the
  // Commission on the Status of Women's agreed conclusions: "1996").
  references::Symbols SymbolsAt(size_t k, bool in_list) const {
    const std::string_view t = Trim(View(lines_[k]));
    if (lines_[k].content) return references::SymbolsOf(t);
    if (in_list && t.size() == 4 && std::all_of(t.begin(), t.end(), references::IsDigit) &&
        (t.starts_with("19") || t.starts_with("20"))) {
      return references::Symbols::kOnly;
    }
    return references::Symbols::kNone;
  }

  // The first line from `k` with content or symbols; lines_.size() if none.
  size_t Next(size_t k) const {
    while (k < lines_.size() && !lines_[k].content &&
           SymbolsAt(k, true) == references::Symbols::kNone) {
      ++k;
    }
    return k;
  }

  // When line `i` is a title that starts a section: the index of the line
  // after the section; else 0.
  size_t Section(size_t i) const {
    const Line& title = lines_[i];
    if (!title.content) return 0;
    const Title kind = references::TitleOf(View(title));
    if (kind == Title::kNone) return 0;
    const Segment& seg = d_.segments[title.seg];
    const std::string_view whole = std::string_view(d_.text).substr(seg.start, seg.end - seg.start);
    const bool alone = Trim(whole).size() == Trim(View(title)).size();
    // The scope the structure gives: under a heading level, or in an element.
    const uint32_t level = alone ? HeadingLevel(seg) : 0;
    const std::string_view element = alone && !level ? HeadedElement(d_, title.seg) : "";
    auto in_scope = [&](size_t k) {
      const Line& l = lines_[k];
      if (l.seg == title.seg) return true;
      const Segment& s = d_.segments[l.seg];
      if (level) {
        const uint32_t other = HeadingLevel(s);
        return other == 0 || other > level;
      }
      return element.empty() || Under(PathOf(s), element);
    };
    const bool notes = kind == Title::kNotes;
    if (!ReadsAsReferences(i + 1, in_scope, /*strict=*/true, /*labels_cite=*/!notes) &&
        !(notes && NotesCite(i + 1, in_scope))) {
      return 0;
    }
    size_t end = i + 1;
    while (end < lines_.size() && in_scope(end)) ++end;
    return level ? end : EndOfList(i + 1, end, notes);
  }

  // The test: the first lines of content after a title read as a list of
  // references (references.h). Not `strict`: inside a section, after what
  // may be a heading, the first entry may come later.
  template <typename Scope>
  bool ReadsAsReferences(size_t from, const Scope& in_scope, bool strict = true,
                         bool labels_cite = false) const {
    size_t n = 0, entries = 0, signals = 0, first = references::kNpos;
    for (size_t k = from; k < lines_.size() && k < from + references::kTestReach &&
                          n < references::kTestLines && in_scope(k);
         ++k) {
      if (!lines_[k].content) continue;
      const std::string_view t = View(lines_[k]);
      if (references::TitleOf(t) != Title::kNone) continue;  // a running title
      // (A label alone on its line, "12)", starts the entry of the lines after.)
      const bool entry = references::StartsEntry(t) || references::IsLabel(Trim(t));
      if (entry) {
        if (first == references::kNpos) first = n;
        ++entries;
      }
      // (Under a references title, labels alone, a column of them read
      // before their entries', count as signals; notes may be prose.)
      signals += references::StartsEntry(t) || references::HasSignal(t) || (labels_cite && entry);
      ++n;
    }
    if (!strict) return entries >= 2 || (entries == 1 && 2 * signals >= n);
    return entries > 0 && first < 3 &&
           ((entries >= 3 && 3 * signals >= n) || (4 * entries >= n && 2 * signals >= n));
  }

  // The test of a notes section read note by note, each from its number
  // (a label alone, "16.", or before its text, "16 UNESCO, ...", "[^16]:")
  // to the next one's, kNoteLines lines at most: the first note starts in
  // the first three lines of content, and of the first kTestNotes notes, at
  // least three, and half, cite like a reference (CitesLikeANote). A note's
  // citation often runs over lines that carry no signal each ("Robbie
  // Gramer, “UNESCO Fights Back ...,” Foreign Policy, April 12," then
  // "2017, https://..."), which the line-by-line test undercounts.
  template <typename Scope>
  bool NotesCite(size_t from, const Scope& in_scope) const {
    constexpr size_t kTestNotes = 8;
    size_t lines = 0, notes = 0, cites = 0, start = references::kNpos, in_note = 0;
    auto close = [&](size_t end) {
      if (start == references::kNpos) return;
      const std::string_view note = std::string_view(d_.text).substr(
          lines_[start].start, lines_[end].end - lines_[start].start);
      ++notes;
      cites += references::CitesLikeANote(note);
      start = references::kNpos;
    };
    size_t last = from;
    for (size_t k = from; k < lines_.size() && in_scope(k) && notes < kTestNotes; ++k) {
      if (!lines_[k].content) continue;
      const std::string_view t = Trim(View(lines_[k]));
      if (references::TitleOf(t) != Title::kNone) continue;  // a running title
      const bool starts = references::IsLabel(t) || references::NoteNumber(t) >= 0;
      if (starts) {
        close(last);
        start = k;
        in_note = 0;
      } else if (start == references::kNpos) {
        if (notes == 0 && lines >= 3) return false;  // prose before the first note
      } else if (++in_note > references::kNoteLines) {
        close(last);
      }
      ++lines;
      last = k;
    }
    close(last);
    return cites >= 3 && 2 * cites >= notes;
  }

  // Whether line `k` (its text `t`, no signal in it) may be a heading: a
  // short line that starts with a capital, holds no comma (a line of
  // authors' names has some) and ends with no punctuation, on its own after
  // a blank line, at the top of a page, or after a line that ends a
  // sentence.
  bool LooksLikeHeading(size_t k, std::string_view t) const {
    t = references::WithoutHeadingMarks(t);
    if (t.empty()) return false;
    if (t.size() > references::kMaxTitleBytes || !references::StartsUpper(t) ||
        std::string_view(".,;:").find(t.back()) != references::kNpos ||
        t.find(',') != references::kNpos) {
      return false;
    }
    if (lines_[k].block_start || k == 0 || lines_[k - 1].seg != lines_[k].seg) return true;
    for (size_t m = k; m-- > 0;) {
      if (!lines_[m].content) continue;
      return Trim(View(lines_[m])).ends_with('.');
    }
    return true;
  }

  // Where a list that may run to `to` ends: at back matter, at a heading
  // over something else, or before prose.
  // In a notes section (`notes`), the lines of a numbered note are no prose
  // that ends it: a note of commentary runs on, kNoteLines lines at most.
  size_t EndOfList(size_t from, size_t to, bool notes) const {
    size_t run = references::kNpos, run_bytes = 0;
    size_t in_note = references::kNpos;  // lines of content since a note's start
    for (size_t k = from; k < to; ++k) {
      if (!lines_[k].content) continue;
      const std::string_view t = Trim(View(lines_[k]));
      if (notes && references::NoteNumber(t) >= 0) in_note = 0;
      // Back matter, or a Markdown heading, ends a note.
      if (references::StartsBackMatter(t) ||
          references::WithoutHeadingMarks(t).size() != t.size()) {
        in_note = references::kNpos;
      }
      const bool noted =
          notes && in_note != references::kNpos && in_note++ < references::kNoteLines;
      const bool signal = references::TitleOf(t) != Title::kNone || references::IsLabel(t) ||
                          references::StartsEntry(t) || references::HasSignal(t) || noted;
      if (signal) {
        run = references::kNpos;
        run_bytes = 0;
        continue;
      }
      // Back matter, or a heading over something else than references (a
      // list of participants, a back cover's title over its blurb); not a
      // heading inside the list ("Official documents", "Annex" over the
      // annex's references).
      if ((references::StartsBackMatter(t) || LooksLikeHeading(k, t)) &&
          !ReadsAsReferences(
              k + 1, [&](size_t m) { return m < to; }, /*strict=*/false)) {
        return k;
      }
      if (run == references::kNpos) run = k;
      run_bytes += t.size();
      if (run_bytes >= references::kProseBytes) {
        for (size_t m = run; m <= k; ++m) {
          if (lines_[m].content && lines_[m].block_start) return m;
        }
        return run;
      }
    }
    return to;
  }

  // The note block that ends the page of lines [first, end), if any: read
  // up from the page's last line, notes numbered in sequence (each note
  // number one less than the one below it), each of at most kNoteLines lines
  // (kLoneNoteLines when it is the page's only note); half of them at least,
  // and one at least, cite like a reference.
  std::optional<std::pair<uint32_t, uint32_t>> PageNotes(size_t first, size_t end) const {
    size_t top = references::kNpos, last = references::kNpos;
    size_t note_end = end;  // the line after the note being read
    size_t lines = 0;       // lines of content since the note below
    int number = -1;        // the number of the note below
    size_t notes = 0, cites = 0, longest = 0;
    for (size_t k = end; k-- > first;) {
      if (!lines_[k].content) continue;
      if (last == references::kNpos) last = k;
      const int n = references::NoteNumber(View(lines_[k]));
      if (n < 0 || (number >= 0 && n != number - 1)) {  // a line of the note below
        if (++lines > references::kNoteLines) break;
        continue;
      }
      const std::string_view note = std::string_view(d_.text).substr(
          lines_[k].start, lines_[note_end - 1].end - lines_[k].start);
      ++notes;
      cites += references::CitesLikeANote(note);
      longest = std::max(longest, lines + 1);
      top = k;
      number = n;
      note_end = k;
      lines = 0;
    }
    if (top == references::kNpos || cites == 0 || 2 * cites < notes ||
        (notes == 1 && longest > references::kLoneNoteLines)) {
      return std::nullopt;
    }
    const Line& t = lines_[top];
    const uint32_t from = t.start + static_cast<uint32_t>(View(t).find_first_not_of(" \t\r\v"));
    return std::pair{from, lines_[last].end};
  }

  const Document& d_;
  std::vector<Line> lines_;
};

bool Blank(std::string_view text, uint32_t b, uint32_t e) {
  return Trim(text.substr(b, e - b)).empty();
}

// Flags the segments in `ranges`, splitting those a range starts or ends in.
void Apply(Document* d, const std::vector<std::pair<uint32_t, uint32_t>>& ranges) {
  const std::string_view text = d->text;
  struct Piece {
    uint32_t start, end;
    bool flagged;
  };
  std::vector<Segment> out;
  out.reserve(d->segments.size() + 2 * ranges.size());
  std::vector<Piece> pieces;
  size_t r = 0;
  for (Segment& s : d->segments) {
    while (r < ranges.size() && ranges[r].second <= s.start) ++r;
    if (s.boilerplate || r == ranges.size() || ranges[r].first >= s.end) {
      out.push_back(std::move(s));
      continue;
    }
    // The pieces of the segment, inside a range or not.
    pieces.clear();
    uint32_t pos = s.start;
    for (size_t q = r; q < ranges.size() && ranges[q].first < s.end; ++q) {
      const uint32_t a = std::max(ranges[q].first, s.start), b = std::min(ranges[q].second, s.end);
      if (a > pos) pieces.push_back({pos, a, false});
      pieces.push_back({a, b, true});
      pos = b;
    }
    if (pos < s.end) pieces.push_back({pos, s.end, false});
    // White space joins the piece before it (or, at the start, after it).
    std::vector<Piece> merged;
    for (const Piece& p : pieces) {
      if (!merged.empty() && (Blank(text, p.start, p.end) || merged.back().flagged == p.flagged)) {
        merged.back().end = p.end;
      } else if (!merged.empty() && Blank(text, merged.back().start, merged.back().end)) {
        merged.back() = {merged.back().start, p.end, p.flagged};
      } else {
        merged.push_back(p);
      }
    }
    for (size_t k = 0; k < merged.size(); ++k) {
      Segment piece = s;
      piece.start = merged[k].start;
      piece.end = merged[k].end;
      piece.references = s.references || merged[k].flagged;
      if (k > 0) piece.heading = 0;
      out.push_back(std::move(piece));
    }
  }
  d->segments = std::move(out);
}

// What the document's lines hold (before they are listed): a title, a line
// of symbols.
struct Scan {
  bool title = false, symbols = false;
};
Scan ScanLines(const Document& d) {
  Scan scan;
  const std::string_view text = d.text;
  for (const Segment& s : d.segments) {
    if (s.boilerplate || s.end > text.size() || s.start > s.end) continue;
    for (size_t i = s.start; i < s.end;) {
      size_t j = i;
      while (j < s.end && text[j] != '\n' && text[j] != '\f') ++j;
      const std::string_view line = text.substr(i, j - i);
      scan.title = scan.title || references::TitleOf(line) != Title::kNone;
      scan.symbols = scan.symbols || references::SymbolsOf(line) != references::Symbols::kNone;
      if (scan.title && scan.symbols) return scan;
      i = j + 1;
    }
  }
  return scan;
}

}  // namespace

void MarkReferences(Document* doc) {
  if (doc->segments.empty()) return;
  const Scan scan = ScanLines(*doc);
  const bool paged = std::any_of(doc->segments.begin(), doc->segments.end(),
                                 [](const Segment& s) { return s.page != 0 && !s.boilerplate; });
  if (!scan.title && !scan.symbols && !paged) return;
  Finder finder(*doc);
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  if (scan.title) ranges = finder.Sections();
  for (const auto& found : {paged ? finder.Footnotes() : decltype(ranges){},
                            scan.symbols ? finder.InstrumentLists() : decltype(ranges){}}) {
    ranges.insert(ranges.end(), found.begin(), found.end());
  }
  std::sort(ranges.begin(), ranges.end());
  // (A page's notes inside a notes section, a list in one: one range.)
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  if (!merged.empty()) Apply(doc, merged);
}

}  // namespace hstag
