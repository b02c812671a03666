// SPDX-License-Identifier: GPL-3.0-or-later
//
// How a match speaks of its concept: explicit (it names it) or indicator (it
// signals it). One type for the document model (<hstag/document.h>) and the
// plugin SDK (<hstag/plugin.h>); its values are those of the C ABI's
// hstag_strength, so that the two convert by a cast.
//
// Thread safety: values.
#ifndef HSTAG_STRENGTH_H_
#define HSTAG_STRENGTH_H_

#include <cstdint>

#include "hstag/plugin_abi.h"

namespace hstag {

enum class Strength : uint32_t { kExplicit = HSTAG_EXPLICIT, kIndicator = HSTAG_INDICATOR };

// "explicit" or "indicator", as the output writes it.
constexpr const char* StrengthName(Strength s) {
  return s == Strength::kExplicit ? "explicit" : "indicator";
}

}  // namespace hstag

#endif  // HSTAG_STRENGTH_H_
