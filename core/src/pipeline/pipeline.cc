// SPDX-License-Identifier: GPL-3.0-or-later
//
// Building a pipeline: the data directory, the config, the lexicons, the
// plugins in the order the config gives them. (Running documents through
// it: run.cc.)
#include "hstag/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "lexicon/check.h"
#include "lexicon/loader.h"
#include "pipeline/check_lexicons.h"
#include "pipeline/config.h"
#include "pipeline/pipeline_impl.h"

#ifndef HSTAG_INSTALL_DATA_DIR
#define HSTAG_INSTALL_DATA_DIR "/usr/local/share/hstag"
#endif

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag {

Result<std::string> FindDataDir() {
  auto usable = [](const fs::path& p) {
    std::error_code ec;
    return fs::exists(p / "lexicons" / "pipeline.yaml", ec);
  };
  if (const char* env = std::getenv("HSTAG_DATA_DIR"); env && *env) {
    if (usable(env)) return std::string(env);
    return Status::Error(std::string("HSTAG_DATA_DIR=") + env +
                         " holds no lexicons/pipeline.yaml");
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = exe.parent_path().parent_path() / "share" / "hstag";
    if (usable(beside)) return beside.lexically_normal().string();
  }
  if (usable(HSTAG_INSTALL_DATA_DIR)) return std::string(HSTAG_INSTALL_DATA_DIR);
  return Status::Error(
      "cannot find hstag's data directory (lexicons/pipeline.yaml) beside the program or in " +
      std::string(HSTAG_INSTALL_DATA_DIR) + "; set HSTAG_DATA_DIR");
}

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  if (!options.data_dir.empty()) {
    impl->data_dir = options.data_dir;
  } else {
    auto d = FindDataDir();
    if (!d.ok()) return d.status();
    impl->data_dir = *d;
  }
  auto analyzer = Analyzer::Create();
  if (!analyzer.ok()) return analyzer.status();
  impl->analyzer = std::move(analyzer).value();
  impl->plugins = std::make_unique<PluginHost>(*impl->analyzer, impl->limits);
  PluginHost& host = *impl->plugins;

  const std::string config_path = options.config_path.empty()
                                      ? impl->data_dir + "/lexicons/pipeline.yaml"
                                      : options.config_path;
  auto cfg = LoadConfig(config_path);
  if (!cfg.ok()) return cfg.status();
  impl->limits = cfg->limits;
  if (options.max_bytes) impl->limits.max_bytes = *options.max_bytes;
  if (options.max_segments) impl->limits.max_segments = *options.max_segments;
  if (options.max_annotations) impl->limits.max_annotations = *options.max_annotations;
  if (options.max_members) impl->limits.max_members = *options.max_members;
  if (options.max_unpacked_bytes) impl->limits.max_unpacked_bytes = *options.max_unpacked_bytes;
  if (options.max_ratio) impl->limits.max_ratio = *options.max_ratio;

  // Lexicons: from the command line (relative to the working directory) or
  // the config (relative to the config's folder), then those added to them.
  std::vector<std::pair<std::string, std::string>> lexicon_files;  // path, display
  const std::string data_prefix = fs::path(impl->data_dir).lexically_normal().string() + "/";
  auto display_of = [&](const std::string& abs, const std::string& given) {
    return abs.rfind(data_prefix, 0) == 0 ? "hstag:" + abs.substr(data_prefix.size()) : given;
  };
  if (!options.lexicons.empty()) {
    for (const auto& l : options.lexicons) {
      const std::string abs = fs::absolute(l).lexically_normal().string();
      lexicon_files.emplace_back(abs, display_of(abs, l));
    }
  } else {
    for (const auto& l : cfg->lexicons) {
      const std::string abs = (fs::path(cfg->dir) / l).lexically_normal().string();
      lexicon_files.emplace_back(abs, display_of(abs, l));
    }
  }
  const size_t first_added = lexicon_files.size();
  for (const auto& l : options.added_lexicons) {
    const std::string abs = fs::absolute(l).lexically_normal().string();
    lexicon_files.emplace_back(abs, display_of(abs, l));
  }
  if (options.extract_only) lexicon_files.clear();
  for (const auto& [path, display] : lexicon_files) {
    auto lex = LoadLexicon(path, display);
    if (!lex.ok()) return lex.status();
    impl->lexicons.push_back(std::move(lex).value());
  }
  if (Status s = LinkLexicons(&impl->lexicons); !s.ok()) return s;
  // An added lexicon adds concepts; one that would redefine a concept of the
  // lexicons before it is refused (which definition counts would be unclear).
  // A lexicon that extends another adds cues to its concepts.
  for (size_t i = 0; i < impl->lexicons.size(); ++i) {
    const Lexicon& lex = impl->lexicons[i];
    if (!lex.extends.empty()) continue;
    for (const auto& c : lex.concepts) {
      auto [it, inserted] = impl->concept_index.emplace(c.id, &c);
      if (inserted) {
        impl->concepts.push_back(&c);
      } else if (i >= first_added) {
        const Concept& first = *it->second;
        std::string where, owner;
        for (const auto& l : impl->lexicons) {
          if (!l.concepts.empty() && &first >= &l.concepts.front() && &first <= &l.concepts.back()) {
            where = l.display + ":" + std::to_string(first.line);
            owner = l.name;
          }
        }
        return Status::Error(lex.display + ":" + std::to_string(c.line) + ": concept " + c.id +
                             " is already defined (" + where +
                             "); an added lexicon may add concepts, not redefine them: give it "
                             "another ID, add cues to it in a lexicon that says `extends: " +
                             owner + "`, or pass the whole set with --lexicon");
      }
    }
  }
  // Parsed once, here, and handed to every plugin as the ABI's C data.
  std::span<const hstag_lexicon_v2> lexicon_views;
  if (!impl->lexicons.empty()) {
    auto views = LexiconViews::Build(impl->lexicons, *impl->analyzer);
    if (!views.ok()) return views.status();
    impl->lexicon_views = std::move(views).value();
    lexicon_views = impl->lexicon_views->lexicons();
  }

  for (auto query : options.builtins) {
    if (Status s = host.Register(query, "builtin"); !s.ok()) return s;
  }
  for (const auto& dir : options.plugin_dirs) {
    if (Status s = host.LoadDirectory(dir); !s.ok()) return s;
  }

  // Taggers run in the config's order; external taggers the config does not
  // name run after them, in the order they were loaded.
  std::vector<LoadedPlugin> ordered;
  auto take = [&](const std::string& id) -> LoadedPlugin* {
    auto it = std::find_if(host.taggers.begin(), host.taggers.end(),
                           [&](const LoadedPlugin& p) { return p.info.id == id; });
    if (it == host.taggers.end()) return nullptr;
    ordered.push_back(std::move(*it));
    host.taggers.erase(it);
    return &ordered.back();
  };
  for (const auto& tc : cfg->taggers) {
    LoadedPlugin* p = take(tc.id);
    if (!p) {
      return Status::Error(config_path + ": no tagger plugin '" + tc.id + "' is available");
    }
    p->options = tc.options;
  }
  for (auto& p : host.taggers) {
    if (p.info.origin != "builtin") ordered.push_back(std::move(p));
  }
  host.taggers.clear();
  for (auto& p : ordered) {
    if (!cfg->disabled.count(p.info.id) && !options.extract_only) {
      host.taggers.push_back(std::move(p));
    }
  }
  std::erase_if(host.extractors,
                [&](const LoadedPlugin& p) { return cfg->disabled.count(p.info.id) > 0; });
  for (auto& p : host.extractors) {
    if (auto it = cfg->extractor_options.find(p.info.id); it != cfg->extractor_options.end()) {
      p.options = it->second;
    }
  }
  // Options from the command line win over the config's.
  for (const auto& [id, text] : options.plugin_options) {
    json extra = json::parse(text, nullptr, false);
    if (!extra.is_object()) return Status::Error("options for plugin '" + id + "' are not a JSON object");
    for (auto* list : {&host.taggers, &host.extractors}) {
      for (auto& p : *list) {
        if (p.info.id == id) p.options.update(extra);
      }
    }
  }
  // Only what runs is listed in the output.
  for (auto* list : {&host.extractors, &host.taggers}) {
    for (auto& p : *list) {
      if (Status s = host.CreateInstance(p, cfg->dir, impl->data_dir, lexicon_views); !s.ok()) {
        return s;
      }
      impl->infos.push_back(p.info);
    }
  }
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

const std::vector<Lexicon>& Pipeline::lexicons() const { return impl_->lexicons; }
const std::vector<PluginInfo>& Pipeline::plugins() const { return impl_->infos; }
const Limits& Pipeline::limits() const { return impl_->limits; }
const std::string& Pipeline::data_dir() const { return impl_->data_dir; }
const std::vector<const Concept*>& Pipeline::concepts() const { return impl_->concepts; }
const Concept* Pipeline::FindConcept(const std::string& id) const {
  auto it = impl_->concept_index.find(id);
  return it == impl_->concept_index.end() ? nullptr : it->second;
}

std::vector<LexiconProblem> CheckLexicons(const Pipeline& pipeline,
                                          const std::vector<Lexicon>& lexicons) {
  return CheckLexicons(lexicons, *ImplOf(pipeline).analyzer);
}

}  // namespace hstag
