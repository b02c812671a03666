// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/lexicon_match.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace hstag::common {

bool LanguageMatches(std::string_view lang, const std::vector<std::string>& langs) {
  if (langs.empty()) return true;
  const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
  if (primary.empty()) return true;
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  return std::any_of(langs.begin(), langs.end(), [&](const std::string& l) {
    return l.size() == primary.size() &&
           std::equal(l.begin(), l.end(), primary.begin(),
                      [&](char a, char b) { return lower(a) == lower(b); });
  });
}

bool GlobMatch(std::string_view p, std::string_view w) {
  // Iterative wildcard match with backtracking to the last star: linear in
  // practice for the short words of a lexicon.
  size_t pi = 0, wi = 0, star = std::string_view::npos, mark = 0;
  while (wi < w.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = wi;
    } else if (pi < p.size() && p[pi] == w[wi]) {
      ++pi;
      ++wi;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      wi = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool Capitalised(std::string_view surface) {
  if (surface.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(surface.data(), i, static_cast<int32_t>(surface.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

HeadKind NameHeadKind(std::string_view norm) {
  // Heads of names only after the words they head: before them they are the
  // common words of a heading ("Policy Framework for Food Security").
  static const std::set<std::string, std::less<>> kAfterOnly = {
      "policy",    "framework",      "sector",  "rules",      "guidelines", "principles",
      "standards", "classification", "outlook", "assessment", "inquiry"};
  if (kAfterOnly.count(norm) > 0) return HeadKind::kAfterOnly;
  // Heads of a post's title only before the words it lists: "the Minister for
  // Women, Children and Poverty Alleviation" names a post, "the EU Ministers"
  // are the EU's.
  static const std::set<std::string, std::less<>> kBeforeOnly = {"minister", "ministers",
                                                                 "ministre", "ministro"};
  if (kBeforeOnly.count(norm) > 0) return HeadKind::kBeforeOnly;
  // Plurals of bodies' heads ("the Congress of South African Trade Unions").
  static const std::set<std::string, std::less<>> kPlurals = {
      "councils",    "commissions",   "committees",    "agencies", "institutes", "associations",
      "foundations", "organizations", "organisations", "centres",  "centers",    "ministries",
      "departments", "unions",        "alliances",     "units",    "offices",    "cooperatives"};
  if (kPlurals.count(norm) > 0) return HeadKind::kPlural;
  static const std::set<std::string, std::less<>> kWords = {
      // English
      "network", "networks", "unit", "fund", "funds", "commission", "committee", "council",
      "convention", "conventions", "agreement", "treaty", "protocol", "declaration", "act", "panel",
      "conference", "summit", "forum", "symposium", "workshop", "seminar", "congress", "programme",
      "program", "project", "initiative", "office", "agency", "organization", "organisation",
      "centre", "center", "institute", "association", "society", "foundation", "trust", "facility",
      "board", "secretariat", "ministry", "department", "bank", "union", "authority", "court",
      "tribunal", "mission", "group", "friends", "alliance", "coalition", "partnership", "campaign",
      "course", "force", "handbook", "report", "journal", "review", "series", "index", "indicators",
      "portal", "blog", "studies", "watch", "watchlist", "year", "decade", "day", "award", "prize",
      "platform", "secretary", "commissioner", "rapporteur", "envoy", "representative", "adviser",
      "advisor", "mechanism", "command", "system", "register", "entity", "lab", "labs", "cluster",
      "hotline", "church", "checklist", "toolkit", "consortium", "collective", "observatory",
      "taskforce", "directorate", "plan", "strategy", "month", "week", "training", "memorandum",
      "branch", "division", "manual", "compact", "capability", "school", "university", "college",
      "academy", "cooperative", "caucus",
      // French, Spanish, German
      "réseau", "fonds", "comité", "conseil", "accord", "traité", "bureau", "institut", "rapport",
      "red", "fondo", "comisión", "consejo", "convención", "acuerdo", "tratado", "programa",
      "oficina", "organización", "centro", "instituto", "informe", "netzwerk", "kommission",
      "ausschuss", "rat", "abkommen", "vertrag", "programm", "büro", "zentrum", "bericht",
      "stiftung",
      // a law's title (fr, es): "Ley de Prevención de la Violencia Intrafamiliar"
      "loi", "ley", "leyes", "coordinadora"};
  return kWords.count(norm) > 0 ? HeadKind::kHead : HeadKind::kNone;
}

bool NameHead(std::string_view norm, bool before) {
  const HeadKind kind = NameHeadKind(norm);
  return kind == HeadKind::kHead || kind == HeadKind::kPlural ||
         (kind == HeadKind::kAfterOnly && !before) || (kind == HeadKind::kBeforeOnly && before);
}

}  // namespace hstag::common
