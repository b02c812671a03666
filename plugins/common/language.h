// SPDX-License-Identifier: GPL-3.0-or-later
//
// Language tags as documents write them (xml:lang, lang, FRBRlanguage),
// brought to the BCP 47 form the analyzer expects.
//
// Thread safety: a pure function.
#ifndef HSTAG_PLUGINS_COMMON_LANGUAGE_H_
#define HSTAG_PLUGINS_COMMON_LANGUAGE_H_

#include <string>
#include <string_view>

namespace hstag::common {

// A language tag in BCP 47 form: the primary subtag lower-cased and an ISO
// 639-2/3 code replaced by its ISO 639-1 code where there is one ("fra" ->
// "fr", "cmn" -> "zh"); other subtags kept as written, `_` written `-`. ""
// for an empty or implausible value. Surrounding white space is ignored.
std::string NormalizeLanguage(std::string_view tag);

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_LANGUAGE_H_
