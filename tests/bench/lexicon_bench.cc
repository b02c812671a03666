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
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/analyzer.h"
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

// Both pipelines document by document, in turn: the time of each summed
// apart, so that the ratio compares them at the same moment of a machine
// whose speed drifts (a shared host can change pace between two
// benchmarks of a second each). Reported as counters: segment_ms, tag_ms
// (the whole time with the lexicon tagger) and their ratio.
void TagOverSegmentInTurn(benchmark::State& state) {
  if (Speeches().empty()) return state.SkipWithError("shared corpus absent");
  static const std::string config = Config("no_taggers", "");
  const auto segment = MakePipeline(config, {});
  const auto tag = LexiconPipeline({});
  using Clock = std::chrono::steady_clock;
  Clock::duration segment_time{}, tag_time{};
  for (auto _ : state) {
    for (const auto& d : Speeches()) {
      const auto t0 = Clock::now();
      benchmark::DoNotOptimize(segment->RunBytes(d, "x.txt"));
      const auto t1 = Clock::now();
      benchmark::DoNotOptimize(tag->RunBytes(d, "x.txt"));
      segment_time += t1 - t0;
      tag_time += Clock::now() - t1;
    }
  }
  auto ms = [&](Clock::duration t) {
    return std::chrono::duration<double, std::milli>(t).count() / state.iterations();
  };
  state.counters["segment_ms"] = ms(segment_time);
  state.counters["tag_ms"] = ms(tag_time);
  state.counters["ratio"] = ms(tag_time) / ms(segment_time);
}

BENCHMARK(Segment)->Unit(benchmark::kMillisecond)->MinTime(1);
BENCHMARK(TagFull)->Unit(benchmark::kMillisecond)->MinTime(1);
BENCHMARK(TagSynthetic)->Unit(benchmark::kMillisecond)->MinTime(1);
BENCHMARK(TagOverSegmentInTurn)->Unit(benchmark::kMillisecond)->MinTime(2);

}  // namespace

BENCHMARK_MAIN();
