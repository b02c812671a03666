// SPDX-License-Identifier: GPL-3.0-or-later
//
// The rule for running headers and footers.
//
// Only the edges of a page are looked at: its first kZone and its last kZone
// non-empty lines (the header zone and the footer zone). A line in a zone is
// boilerplate when either
//
//  1. its key (LineKey: digits folded to '#', whitespace collapsed, lower
//     case) is found in the same zone of at least
//     max(kMinPages, ceil(kShare * pages with text)) pages, or of at least
//     max(kMinPages, ceil(kParityShare * pages of that parity with text))
//     odd pages or even pages (books alternate their running heads): a
//     running title, "# | Working Paper Series No. #", a copyright line; or
//
//  2. it is a bare page number (PageNumberOf) whose offset from the physical
//     page number (printed minus physical) is shared by page numbers in the
//     zones of at least max(2, ceil(kNumberShare * pages with text)) pages, or
//     is 0 (the printed number is the physical one). The offset test keeps a
//     table cell or a year that happens to end a page from counting.
//
// The header is the longest run of boilerplate lines at the very top of the
// page, the footer the longest run at the very bottom, so that a page's text
// stays in order when it is cut into header, body and footer. A document of
// one or two pages has no repeated lines by rule 1 (kMinPages is 3), only page
// numbers.
#include "boilerplate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace hstag::pdf {
namespace {

constexpr size_t kZone = 3;
constexpr size_t kMinPages = 3;
constexpr double kShare = 0.4;
constexpr double kParityShare = 0.5;
constexpr double kNumberShare = 0.25;
constexpr int kMaxRoman = 100;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::optional<int> RomanValue(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  auto digit = [](char c) {
    switch (Lower(c)) {
      case 'i':
        return 1;
      case 'v':
        return 5;
      case 'x':
        return 10;
      case 'l':
        return 50;
      case 'c':
        return 100;
      case 'd':
        return 500;
      case 'm':
        return 1000;
      default:
        return 0;
    }
  };
  // All lower or all upper case.
  const bool lower = s[0] >= 'a';
  int value = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const int d = digit(s[i]);
    if (d == 0 || (s[i] >= 'a') != lower) return std::nullopt;
    const int next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
    value += d < next ? -d : d;
  }
  // Only canonical numerals (round trip), so that "di" or "mix" are words.
  static constexpr std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string canon;
  for (int v = value; v > 0;) {
    for (const auto& [n, r] : kTable) {
      if (v >= n) {
        canon += r;
        v -= n;
        break;
      }
    }
  }
  std::string low;
  for (char c : s) low += Lower(c);
  // Front matter is short: a larger "numeral" is a word ("mix", "mid").
  if (value <= 0 || value > kMaxRoman || canon != low) return std::nullopt;
  return value;
}

struct Line {
  size_t start, end;  // [start, end) without the newline
};

// The non-empty lines of a page.
std::vector<Line> Lines(std::string_view page) {
  std::vector<Line> out;
  size_t start = 0;
  while (start < page.size()) {
    size_t end = page.find('\n', start);
    if (end == std::string_view::npos) end = page.size();
    if (!Trim(page.substr(start, end - start)).empty()) out.push_back({start, end});
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string LineKey(std::string_view line) {
  line = Trim(line);
  if (RomanValue(line)) return "#";
  std::string key;
  key.reserve(line.size());
  bool space = false;
  for (char c : line) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else {
      key += Lower(c);
    }
  }
  return key;
}

std::optional<int> PageNumberOf(std::string_view line) {
  std::string_view s = Trim(line);
  auto is_decoration = [](char c) {
    return IsSpace(c) || c == '-' || c == '[' || c == ']' || c == '(' || c == ')' || c == '|' ||
           c == '<' || c == '>';
  };
  // Dashes, brackets and the like around the number; en and em dashes too.
  auto strip = [&](std::string_view x) {
    for (bool changed = true; changed;) {
      changed = false;
      while (!x.empty() && is_decoration(x.front())) x.remove_prefix(1), changed = true;
      while (!x.empty() && is_decoration(x.back())) x.remove_suffix(1), changed = true;
      for (std::string_view dash : {"\u2013", "\u2014"}) {
        if (x.starts_with(dash)) x.remove_prefix(dash.size()), changed = true;
        if (x.ends_with(dash)) x.remove_suffix(dash.size()), changed = true;
      }
    }
    return x;
  };
  s = strip(s);
  std::string low;
  for (char c : s) low += Lower(c);
  std::string_view l = low;
  for (std::string_view prefix : {"page ", "page", "p. ", "p.", "pg. ", "pg."}) {
    if (l.starts_with(prefix) && l.size() > prefix.size()) {
      l.remove_prefix(prefix.size());
      break;
    }
  }
  // "12 of 40", "12/40"
  for (std::string_view sep : {" of ", "/"}) {
    const size_t at = l.find(sep);
    if (at != std::string_view::npos) {
      const std::string_view total = Trim(l.substr(at + sep.size()));
      if (total.empty() || total.size() > 5 ||
          !std::all_of(total.begin(), total.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
      }
      l = Trim(l.substr(0, at));
      break;
    }
  }
  if (l.empty()) return std::nullopt;
  if (std::all_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (l.size() > 5) return std::nullopt;
    return std::stoi(std::string(l));
  }
  // A roman numeral keeps its case in the original line.
  const size_t at = low.find(l);
  return RomanValue(std::string_view(s).substr(at, l.size()));
}

std::string CompactPages(const std::vector<unsigned>& pages, size_t max_runs) {
  std::string out;
  size_t runs = 0, rest = 0;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (runs < max_runs) {
      if (!out.empty()) out += ", ";
      out += std::to_string(pages[i]);
      if (j > i) out += "-" + std::to_string(pages[j]);
      ++runs;
    } else {
      rest += j - i + 1;
    }
    i = j + 1;
  }
  if (rest) out += ", \u2026 (" + std::to_string(rest) + " more)";
  return out;
}

std::vector<PageSplit> SplitRunningLines(const std::vector<std::string>& pages) {
  const size_t n = pages.size();
  std::vector<PageSplit> splits(n);
  std::vector<std::vector<Line>> lines(n);
  size_t text_pages = 0;
  size_t parity_pages[2] = {0, 0};  // pages with text, odd (0) and even (1)
  for (size_t p = 0; p < n; ++p) {
    lines[p] = Lines(pages[p]);
    splits[p] = {0, pages[p].size()};
    if (!lines[p].empty()) ++text_pages, ++parity_pages[p % 2];
  }
  if (text_pages == 0) return splits;

  // The zones of a page: indexes into lines[p].
  auto top = [&](size_t p) { return std::min(kZone, lines[p].size()); };
  auto bottom_from = [&](size_t p) { return lines[p].size() - std::min(kZone, lines[p].size()); };
  auto text_of = [&](size_t p, size_t i) {
    const Line& l = lines[p][i];
    return std::string_view(pages[p]).substr(l.start, l.end - l.start);
  };

  // Rule 1: keys per zone, counted once per page.
  struct Count {
    size_t parity[2] = {0, 0};
  };
  std::unordered_map<std::string, Count> top_count, bottom_count;
  // Rule 2: page-number offsets, counted once per page.
  std::map<long, size_t> offset_count;
  std::vector<std::vector<std::string>> keys(n);
  for (size_t p = 0; p < n; ++p) {
    keys[p].resize(lines[p].size());
    std::set<std::string> seen_top, seen_bottom;
    std::set<long> seen_offsets;
    for (size_t i = 0; i < lines[p].size(); ++i) {
      const bool in_top = i < top(p), in_bottom = i >= bottom_from(p);
      if (!in_top && !in_bottom) continue;
      if (auto v = PageNumberOf(text_of(p, i))) {
        // Page numbers only by rule 2: as keys they would all be "#".
        const long offset = static_cast<long>(*v) - static_cast<long>(p + 1);
        if (seen_offsets.insert(offset).second) ++offset_count[offset];
        continue;
      }
      keys[p][i] = LineKey(text_of(p, i));
      if (in_top && seen_top.insert(keys[p][i]).second) ++top_count[keys[p][i]].parity[p % 2];
      if (in_bottom && seen_bottom.insert(keys[p][i]).second)
        ++bottom_count[keys[p][i]].parity[p % 2];
    }
  }
  const size_t need =
      std::max(kMinPages, static_cast<size_t>(std::ceil(kShare * static_cast<double>(text_pages))));
  const size_t need_number = std::max<size_t>(
      2, static_cast<size_t>(std::ceil(kNumberShare * static_cast<double>(text_pages))));

  auto need_of = [&](size_t pages) {
    return std::max(kMinPages,
                    static_cast<size_t>(std::ceil(kParityShare * static_cast<double>(pages))));
  };
  const size_t need_parity[2] = {need_of(parity_pages[0]), need_of(parity_pages[1])};
  auto repeated = [&](const Count& c) {
    return c.parity[0] + c.parity[1] >= need || c.parity[0] >= need_parity[0] ||
           c.parity[1] >= need_parity[1];
  };
  auto is_page_number = [&](size_t p, size_t i) {
    const auto v = PageNumberOf(text_of(p, i));
    if (!v) return false;
    const long offset = static_cast<long>(*v) - static_cast<long>(p + 1);
    return offset == 0 || offset_count[offset] >= need_number;
  };
  for (size_t p = 0; p < n; ++p) {
    if (lines[p].empty()) {
      splits[p] = {0, 0};
      continue;
    }
    size_t h = 0;  // lines in the header
    while (h < top(p) && (repeated(top_count[keys[p][h]]) || is_page_number(p, h))) {
      ++h;
    }
    size_t f = lines[p].size();  // first line of the footer
    while (f > std::max(bottom_from(p), h) &&
           (repeated(bottom_count[keys[p][f - 1]]) || is_page_number(p, f - 1))) {
      --f;
    }
    splits[p].header_end = h == 0 ? 0 : std::min(pages[p].size(), lines[p][h - 1].end + 1);
    splits[p].footer_start = f == lines[p].size() ? pages[p].size() : lines[p][f].start;
    if (splits[p].footer_start < splits[p].header_end) {
      splits[p].footer_start = splits[p].header_end;
    }
  }
  return splits;
}

}  // namespace hstag::pdf
