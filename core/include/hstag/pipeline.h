// SPDX-License-Identifier: GPL-3.0-or-later
//
// Pipeline: file -> extractor -> Document -> Analyzer -> taggers -> resolver.
// Built once (config read, lexicons loaded, plugins created), then immutable.
//
// Thread safety: after Create(), every const method may be called from any
// number of threads at once; all per-document state lives in the call.
#ifndef HSTAG_PIPELINE_H_
#define HSTAG_PIPELINE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hstag/document.h"
#include "hstag/lexicon.h"
#include "hstag/plugin_abi.h"
#include "hstag/status.h"

namespace hstag {

struct PipelineOptions {
  std::string config_path;              // empty: the shipped lexicons/pipeline.yaml
  std::vector<std::string> lexicons;    // when given, replace the config's lexicons
  std::vector<std::string> added_lexicons;  // loaded after those (the config's or the above)
  std::vector<std::string> plugin_dirs; // external plugin modules (*.so) to load
  std::string data_dir;                 // empty: discovered (see FindDataDir)
  // The plugins linked into the program (see BuiltinPlugins() in
  // <hstag/builtins.h>), in registration order.
  std::vector<hstag_plugin_query_fn> builtins;
  // Only extraction is wanted (`hstag extract`): no lexicons are loaded and
  // no tagger is created.
  bool extract_only = false;
  // Extra options for plugins by id, merged over the config's (a JSON object
  // as text), e.g. {"pdf": "{\"password\": \"x\"}"}.
  std::vector<std::pair<std::string, std::string>> plugin_options;
  // Per-document limits from the command line, over the config's `limits:`
  // (see Limits); unset: the config's, else the defaults.
  std::optional<uint64_t> max_bytes, max_segments, max_annotations;
  std::optional<uint64_t> max_members, max_unpacked_bytes, max_ratio;
};

// Per-document limits. A document over one fails with an error that names
// the limit, its value and the option that raises it (stage "limit"), and
// the next document is analysed as usual. The defaults keep one document
// under about 3 GB of memory (a 128 MiB text file, the worst case, takes
// 3 GB and a minute or two), so that a 24 GB machine runs 8 workers; the page
// limit is the PDF extractor's own (its option max_pages, --max-pages).
struct Limits {
  uint64_t max_bytes = 128ull << 20;   // input file size, refused before it is read
  uint64_t max_segments = 1000000;     // segments an extractor gives
  uint64_t max_annotations = 1000000;  // annotations of all taggers together
  // Archives (zip, tar; and the zip inside a DOCX or ODT): entries, bytes
  // actually decompressed, and those per byte of the archive (checked past
  // 1 MiB unpacked). Over one, the archive fails (a zip bomb, say); a member
  // over max_bytes fails alone.
  uint64_t max_members = 10000;
  uint64_t max_unpacked_bytes = 1ull << 30;
  uint64_t max_ratio = 100;
};

struct PluginInfo {
  std::string id, version, kind, description, libraries, formats;
  std::string origin;  // "builtin" or the module's path
};

struct Stats {
  uint64_t characters = 0;  // code points of the extracted text
  uint64_t words = 0;       // tokens outside boilerplate and reference lists
  uint64_t sentences = 0;
  uint64_t pages = 0;
  uint64_t segments = 0;
  // Per language (BCP 47; "und": not known): the words and segments in it,
  // each segment counted in its own language or the document's.
  struct LanguageCount {
    uint64_t words = 0, segments = 0;
  };
  std::map<std::string, LanguageCount> languages;
};

struct AnalysisResult {
  Document doc;
  std::vector<Annotation> annotations;  // sorted by start, end, concept
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // spans in doc.text
  std::vector<uint32_t> sentence_words;  // words per sentence, as the analyzer counts them
  Stats stats;
  bool failed() const { return !doc.errors.empty(); }
};

// Where hstag's data (lexicons/, schema/) is: $HSTAG_DATA_DIR, else
// <directory of the executable>/../share/hstag (the build tree and an
// installed prefix both look like that), else the configured install prefix.
Result<std::string> FindDataDir();

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();

  // Reads, extracts, analyzes and tags one file. Never throws; failures are
  // in result.doc.errors. `display_path` is the path written to the output.
  AnalysisResult Run(const std::string& path, const std::string& display_path) const;
  // The same for bytes already in memory.
  AnalysisResult RunBytes(std::string bytes, const std::string& display_path) const;
  // Only reads and extracts (for `hstag extract`).
  Document Extract(const std::string& path, const std::string& display_path) const;
  Document ExtractBytes(std::string bytes, const std::string& display_path) const;

  const std::vector<Lexicon>& lexicons() const;
  const std::vector<PluginInfo>& plugins() const;
  const Limits& limits() const;
  const std::string& data_dir() const;
  // Every concept of the loaded lexicons, in lexicon order.
  const std::vector<const Concept*>& concepts() const;
  const Concept* FindConcept(const std::string& id) const;

 private:
  struct Impl;  // core/src/pipeline/pipeline_impl.h
  friend const Impl& ImplOf(const Pipeline& pipeline);
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hstag

#endif  // HSTAG_PIPELINE_H_
