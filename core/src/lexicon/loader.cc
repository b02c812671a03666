// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexicon/loader.h"

#include <map>
#include <memory>
#include <mutex>

#include "lexicon/cache.h"
#include "lexicon/formats.h"
#include "util/util.h"

namespace hstag {

Result<Lexicon> LoadLexicon(const std::string& path, const std::string& display) {
  auto bytes = ReadFile(path, 64u << 20);
  if (!bytes.ok()) return Status::Error(display + ": " + bytes.error());
  // Parsed lexicons are kept by the hash of their bytes: the pipeline and
  // the lexicon tagger load the same files, and YAML parsing is most of the
  // cost of building a pipeline. Keyed by content, a cached entry cannot be
  // stale; errors are not cached (they carry the file's display name). The
  // cache is never destroyed: freeing its many small allocations would only
  // slow down every exit.
  static std::mutex mu;
  static auto& cache = *new std::map<std::string, std::shared_ptr<const Lexicon>>;
  const std::string sha = Sha256Hex(*bytes);
  const std::string key = sha + '/' + DictionaryName(path);  // see ParseCached
  {
    std::lock_guard lock(mu);
    if (auto it = cache.find(key); it != cache.end()) {
      Lexicon copy = *it->second;
      copy.path = path;
      copy.display = display;
      return copy;
    }
  }
  auto lex = ParseCached(path, display, *bytes, sha);
  if (lex.ok()) {
    std::lock_guard lock(mu);
    cache.emplace(key, std::make_shared<const Lexicon>(lex.value()));
  }
  return lex;
}

}  // namespace hstag
