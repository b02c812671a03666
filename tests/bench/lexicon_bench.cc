// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lexicon matcher's cost, on the UN General Debate speeches (about 20 MB)
// with one thread:
//   Segment      a pipeline without taggers: reading the bytes (charset,
//                language), then the analyzer (normalization, sentences,
//                words);
//   TagFull      the same pipeline with the lexicon tagger and the shipped
//                lexicons, so that TagFull - Segment is the tagging alone;
//   TagSynthetic the same with a 10,000-entry lexicon made of the corpus's
//                own words (so that look-ups hit);
// scripts/bench_lexicon.sh turns the times into the ratios the project
// tracks (TagFull/Segment, TagSynthetic/TagFull).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "hstag/analyzer.h"
#include "hstag/builtins.h"
#include "hstag/pipeline.h"

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& Speeches() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    const fs::path dir = fs::path(HSTAG_CORPUS_DIR) / "txt" / "ungdc";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
    return out;
  }();
  return docs;
}

size_t TotalBytes() {
  size_t n = 0;
  for (const auto& d : Speeches()) n += d.size();
  return n;
}

// A pipeline config with the shipped lexicons and the given taggers.
std::string Config(const std::string& name, const std::string& taggers) {
  const std::string lex = std::string(HSTAG_SOURCE_DIR) + "/lexicons/";
  const std::string p = (fs::temp_directory_path() / ("hstag_bench_" + name + ".yaml")).string();
  std::ofstream(p) << "lexicons: [" << lex << "hs.yaml, " << lex << "actors.yaml, " << lex
                   << "states.yaml]\ntaggers: [" << taggers << "]\n";
  return p;
}

std::unique_ptr<hstag::Pipeline> MakePipeline(const std::string& config,
                                              const std::vector<std::string>& lexicons) {
  hstag::PipelineOptions o;
  o.builtins = hstag::BuiltinPlugins();
  o.config_path = config;
  o.lexicons = lexicons;
  auto p = hstag::Pipeline::Create(o);
  if (!p.ok()) {
    std::fprintf(stderr, "%s\n", p.error().c_str());
    std::abort();
  }
  return std::move(p).value();
}

// Only the lexicon tagger: the matcher alone.
std::unique_ptr<hstag::Pipeline> LexiconPipeline(const std::vector<std::string>& lexicons) {
  static const std::string config = Config("lexicon_only", "lexicon");
  return MakePipeline(config, lexicons);
}

// 10,000 cues of one to three words drawn from the corpus's vocabulary.
std::string SyntheticLexicon() {
  static const std::string path = [] {
    std::map<std::string, size_t> freq;
    for (const auto& d : Speeches()) {
      std::string w;
      for (char c : d) {
        if (std::isalpha(static_cast<unsigned char>(c))) {
          w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        } else if (!w.empty()) {
          if (w.size() > 3) ++freq[w];
          w.clear();
        }
      }
    }
    // Words seen 3 to 30 times: the synthetic cues hit about as often as
    // the real ones, so that the comparison is of matching, not of output.
    std::vector<std::string> vocab;
    for (const auto& [w, n] : freq) {
      if (n >= 3 && n <= 30) vocab.push_back(w);
    }
    std::mt19937 rng(42);
    std::string yaml = "lexicon: synthetic\nversion: 0.0.0\nconcepts:\n";
    for (int i = 0; i < 10000; ++i) {
      std::string term;
      const int words = 1 + i % 3;
      for (int k = 0; k < words; ++k) term += (k ? " " : "") + vocab[rng() % vocab.size()];
      yaml += "  - id: user.synthetic.c" + std::to_string(i) + "\n    explicit: [\"" + term +
              "\"]\n";
    }
    const std::string p = (fs::temp_directory_path() / "hstag_synthetic_10k.yaml").string();
    std::ofstream(p) << yaml;
    return p;
  }();
  return path;
}

void Run(benchmark::State& state, const hstag::Pipeline& pipeline) {
  if (Speeches().empty()) return state.SkipWithError("shared corpus absent");
  size_t annotations = 0;
  for (auto _ : state) {
    for (const auto& d : Speeches())
      annotations += pipeline.RunBytes(d, "x.txt").annotations.size();
  }
  state.counters["annotations"] = static_cast<double>(annotations) / state.iterations();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}

void Segment(benchmark::State& state) {
  static const std::string config = Config("no_taggers", "");
  Run(state, *MakePipeline(config, {}));
}

void TagFull(benchmark::State& state) { Run(state, *LexiconPipeline({})); }
void TagSynthetic(benchmark::State& state) { Run(state, *LexiconPipeline({SyntheticLexicon()})); }

BENCHMARK(Segment)->Unit(benchmark::kMillisecond)->MinTime(1);
BENCHMARK(TagFull)->Unit(benchmark::kMillisecond)->MinTime(1);
BENCHMARK(TagSynthetic)->Unit(benchmark::kMillisecond)->MinTime(1);

}  // namespace

BENCHMARK_MAIN();
