// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checking lexicons as `hstag lexicon check` does (lexicon/check.h), with the
// analyzer of a pipeline already built, for code that has a pipeline and no
// analyzer of its own (tests, fuzz harnesses).
//
// Thread safety: as CheckLexicons; the pipeline is only read.
#ifndef HSTAG_PIPELINE_CHECK_LEXICONS_H_
#define HSTAG_PIPELINE_CHECK_LEXICONS_H_

#include <vector>

#include "hstag/lexicon.h"
#include "hstag/pipeline.h"
#include "lexicon/check.h"

namespace hstag {

// The problems of `lexicons` (the pipeline's own, or any others).
std::vector<LexiconProblem> CheckLexicons(const Pipeline& pipeline,
                                          const std::vector<Lexicon>& lexicons);

}  // namespace hstag

#endif  // HSTAG_PIPELINE_CHECK_LEXICONS_H_
