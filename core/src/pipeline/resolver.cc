// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/resolver.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <tuple>

namespace hstag {

namespace {

bool Names(const std::string& concepts, const std::string& id) {
  if (!concepts.empty() && concepts.back() == '*') {
    return id.compare(0, concepts.size() - 1, concepts, 0, concepts.size() - 1) == 0;
  }
  return id == concepts;
}

}  // namespace

void ResolveAnnotations(std::vector<Annotation>* annotations, const std::vector<Veto>& vetoes) {
  std::vector<Annotation>& all = *annotations;
  if (!vetoes.empty()) {
    std::erase_if(all, [&](const Annotation& a) {
      return std::any_of(vetoes.begin(), vetoes.end(), [&](const Veto& v) {
        return v.start <= a.start && a.end <= v.end && Names(v.concepts, a.concept_id);
      });
    });
  }
  // Sorted as numbers, then moved once: an Annotation is large to move.
  std::vector<uint32_t> order(all.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
    const Annotation &x = all[i], &y = all[j];
    return std::tie(x.start, x.end, x.concept_id, x.strength) <
           std::tie(y.start, y.end, y.concept_id, y.strength);
  });
  std::vector<Annotation> kept;
  kept.reserve(all.size());
  for (uint32_t i : order) {
    Annotation& x = all[i];
    if (!kept.empty() && kept.back().start == x.start && kept.back().end == x.end &&
        kept.back().concept_id == x.concept_id) {
      continue;
    }
    kept.push_back(std::move(x));
  }
  all = std::move(kept);
}

}  // namespace hstag
