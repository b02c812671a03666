// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/loader.h"

#include <algorithm>

#include "lexicon/cache.h"
#include "util/util.h"

namespace hstag {

Result<Lexicon> LoadLexicon(const std::string& path, const std::string& display) {
  auto bytes = ReadFile(path, 64u << 20);
  if (!bytes.ok()) return Status::Error(display + ": " + bytes.error());
  return ParseCached(path, display, *bytes, Sha256Hex(*bytes));
}

Status LinkLexicons(std::vector<Lexicon>* lexicons) {
  for (size_t i = 0; i < lexicons->size(); ++i) {
    Lexicon& lex = (*lexicons)[i];
    if (lex.extends.empty()) continue;
    const Lexicon* base = nullptr;
    for (size_t j = 0; j < i && !base; ++j) {
      if ((*lexicons)[j].name == lex.extends && (*lexicons)[j].extends.empty())
        base = &(*lexicons)[j];
    }
    if (!base) {
      return Status::Error(lex.display + ": extends `" + lex.extends +
                           "`, which is not loaded before it (list it after that lexicon, or "
                           "add it with --add-lexicon)");
    }
    for (Concept& c : lex.concepts) {
      const auto it = std::find_if(base->concepts.begin(), base->concepts.end(),
                                   [&](const Concept& b) { return b.id == c.id; });
      if (it == base->concepts.end()) {
        return Status::Error(lex.display + ":" + std::to_string(c.line) + ": concept `" + c.id +
                             "` is not a concept of `" + lex.extends + "` (" + base->display +
                             "), which this lexicon extends");
      }
      if (!it->matched_by.empty()) {
        return Status::Error(lex.display + ":" + std::to_string(c.line) + ": concept `" + c.id +
                             "` is matched by " + it->matched_by + ", not by cues");
      }
      c.label = it->label;
      c.section = it->section;
      c.parent = it->parent;
      c.type = it->type;
      c.description = it->description;
      c.overlap_group = it->overlap_group;
    }
  }
  return Status();
}

}  // namespace hstag
