// SPDX-License-Identifier: GPL-3.0-or-later
//
// The annotation resolver: what every tagger of a document found, made into
// the document's annotations.
//
// Thread safety: a free function without shared state.
#ifndef HSTAG_PIPELINE_RESOLVER_H_
#define HSTAG_PIPELINE_RESOLVER_H_

#include <vector>

#include "hstag/document.h"

namespace hstag {

// Keeps one annotation per concept and span: the explicit one before an
// indicator, then the one of the earliest tagger (`all` holds the taggers'
// annotations in the order the taggers ran). The result is sorted by start,
// end, concept.
void ResolveAnnotations(std::vector<Annotation>* all);

}  // namespace hstag

#endif  // HSTAG_PIPELINE_RESOLVER_H_
