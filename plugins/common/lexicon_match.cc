// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/lexicon_match.h"

#include <algorithm>
#include <cctype>

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

}  // namespace hstag::common
