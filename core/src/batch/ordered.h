// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the pipeline over many inputs on a pool of threads and hands the
// results back in input order, one at a time, on the calling thread (so that
// writers never interleave). At most `window` results wait to be handed back:
// memory stays bounded however many inputs there are.
//
// Thread safety: RunOrdered blocks until every input is done; `deliver` is
// called on the calling thread only.
#ifndef HSTAG_BATCH_ORDERED_H_
#define HSTAG_BATCH_ORDERED_H_

#include <functional>
#include <vector>

#include "hstag/pipeline.h"
#include "batch/walk.h"

namespace hstag {

// One input through the pipeline: a file, or an archive member read from
// its archive; an input that cannot be read fails with its reason.
AnalysisResult AnalyzeInput(const Pipeline& pipeline, const Input& in);

void RunOrdered(const Pipeline& pipeline, const std::vector<Input>& inputs, unsigned jobs,
                const std::function<void(size_t index, AnalysisResult&& result)>& deliver);

}  // namespace hstag

#endif  // HSTAG_BATCH_ORDERED_H_
