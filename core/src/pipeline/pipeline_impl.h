// SPDX-License-Identifier: GPL-3.0-or-later
//
// Pipeline::Impl: what a pipeline holds, shared by the code that builds it
// (pipeline.cc) and the code that runs documents through it (run.cc).
//
// Thread safety: written by Pipeline::Create only, then read by any number
// of threads at once.
#ifndef HSTAG_PIPELINE_PIPELINE_IMPL_H_
#define HSTAG_PIPELINE_PIPELINE_IMPL_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hstag/lexicon.h"
#include "hstag/pipeline.h"
#include "lexicon/lexicon_views.h"
#include "pipeline/plugin_host.h"
#include "text/analyzer.h"

namespace hstag {

struct Pipeline::Impl {
  std::string data_dir;
  Limits limits;
  std::unique_ptr<Analyzer> analyzer;
  std::vector<Lexicon> lexicons;
  std::vector<const Concept*> concepts;
  std::map<std::string, const Concept*, std::less<>> concept_index;
  // The lexicons as plugins are given them (null when there are none).
  std::unique_ptr<const LexiconViews> lexicon_views;
  // Last, so that it is destroyed first: the plugins go before the
  // analyzer and the lexicons they were given.
  std::unique_ptr<PluginHost> plugins;
  std::vector<PluginInfo> infos;  // of the plugins that run, extractors first
};

// A pipeline's parts, for the library's own code (the public header keeps
// them private and names none of their types).
inline const Pipeline::Impl& ImplOf(const Pipeline& pipeline) { return *pipeline.impl_; }

}  // namespace hstag

#endif  // HSTAG_PIPELINE_PIPELINE_IMPL_H_
