// SPDX-License-Identifier: GPL-3.0-or-later
//
// The annotation resolver: what every tagger of a document found, made into
// the document's annotations.
//
// Thread safety: a free function without shared state.
#ifndef HSTAG_PIPELINE_RESOLVER_H_
#define HSTAG_PIPELINE_RESOLVER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "hstag/document.h"

namespace hstag {

// Keeps one annotation per concept and span: the explicit one before an
// indicator, then the one of the earliest tagger (`all` holds the taggers'
// annotations in the order the taggers ran). The result is sorted by start,
// end, concept.
// A tagger's veto (hstag_sink_v1.veto): annotations of `concepts` (an ID, or
// a prefix ending in `*`) inside [start, end) are dropped.
struct Veto {
  std::string concepts;
  uint32_t start = 0, end = 0;
};

// First drops what `vetoes` veto.
void ResolveAnnotations(std::vector<Annotation>* all, const std::vector<Veto>& vetoes = {});

}  // namespace hstag

#endif  // HSTAG_PIPELINE_RESOLVER_H_
