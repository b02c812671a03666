// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/cue_words.h"

#include "hstag/plugin.h"
#include "text/analyzer.h"

namespace hstag {

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
      if (i > 0) gap = sdk::GapBetween(norm, t.tokens[i - 1].norm_end, k.norm_start);
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

Result<std::vector<std::vector<CueWord>>> AnalyzeTerms(const Analyzer& analyzer,
                                                       const std::vector<std::string_view>& terms) {
  std::string joined;
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // of each term in `joined`
  for (std::string_view t : terms) {
    const auto start = static_cast<uint32_t>(joined.size());
    joined += t;
    spans.emplace_back(start, static_cast<uint32_t>(joined.size()));
    joined += "\n\n";
  }
  auto analyzed = analyzer.Analyze(joined, {}, "");
  if (!analyzed.ok()) {
    return Status::Error("the lexicons' terms cannot be analyzed: " + analyzed.error());
  }
  const hstag_text_v1 all = (*analyzed)->View();
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

}  // namespace hstag
