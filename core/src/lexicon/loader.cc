// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/loader.h"

#include "lexicon/cache.h"
#include "util/util.h"

namespace hstag {

Result<Lexicon> LoadLexicon(const std::string& path, const std::string& display) {
  auto bytes = ReadFile(path, 64u << 20);
  if (!bytes.ok()) return Status::Error(display + ": " + bytes.error());
  return ParseCached(path, display, *bytes, Sha256Hex(*bytes));
}

}  // namespace hstag
