// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "hstag/builtins.h"
#include "hstag/plugin.h"
#include "hstag/utf8.h"

namespace hstag::fuzz {
namespace {

namespace fs = std::filesystem;
using sdk::Str;
using sdk::View;

struct ErrorText {
  std::string message;
  static void Set(void* ctx, hstag_str m) { static_cast<ErrorText*>(ctx)->message = View(m); }
};

const hstag_text_v1* NoAnalyze(void*, hstag_str) { return nullptr; }
void NoRelease(void*, const hstag_text_v1*) {}
const hstag_host_v1 kHost{sizeof(hstag_host_v1), HSTAG_PLUGIN_ABI_VERSION, nullptr, &NoAnalyze,
                          &NoRelease};

struct Collector {
  Extracted* out;
  static Extracted& Of(void* ctx) { return *static_cast<Collector*>(ctx)->out; }
  static void AddSegment(void* ctx, const hstag_segment_v1* s) {
    // Copy every field: a pointer the plugin no longer owns is caught here.
    std::string text(View(s->text));
    const std::string label(View(s->page_label)), xpath(View(s->xpath)), lang(View(s->lang));
    Of(ctx).segments.push_back(text + label + xpath + lang);
  }
  static void SetMetadata(void* ctx, hstag_str k, hstag_str v) {
    Of(ctx).metadata[std::string(View(k))] = View(v);
  }
  static void SetLanguage(void* ctx, hstag_str l) { Of(ctx).metadata["@language"] = View(l); }
  static void SetOrigin(void* ctx, hstag_str o) { Of(ctx).metadata["@origin"] = View(o); }
  static void SetPages(void* ctx, uint32_t n) { Of(ctx).pages = n; }
  static void Warn(void* ctx, hstag_str m) { Of(ctx).warnings.emplace_back(View(m)); }
};

const std::string& ScratchDir() {
  // Never destroyed: the exit handler that removes the directory reads it.
  static const std::string* dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    const fs::path d = fs::path(tmp && *tmp ? tmp : "/tmp") /
                       ("hstag-fuzz-" + std::to_string(static_cast<long>(getpid())));
    fs::create_directories(d);
    auto* s = new std::string(d.string());
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(ScratchDir(), ec);
    });
    return s;
  }();
  return *dir;
}

}  // namespace

const char kSampleDocument[] =
    "Human security and the freedom from fear and want: S/RES/1325 (2000), A/RES/66/290.\n\n"
    "The United Nations Development Programme (UNDP) and the Office of the UN High "
    "Commissioner for Refugees (UNHCR) work on food security, health security and "
    "\"human security\" means the protection of the vital core of all human lives.\n\n"
    "Terrorism, climate change, \u00e7, \u4eba\u9593\u306e\u5b89\u5168\u4fdd\u969c, "
    "\u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646.\n";

void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

std::string TryCreateBuiltin(std::string_view id, const std::string& options_json, Plugin* out) {
  for (hstag_plugin_query_fn q : BuiltinPlugins()) {
    const hstag_plugin_v2* d = q(HSTAG_PLUGIN_ABI_VERSION);
    if (!d || View(Str(d->id)) != id) continue;
    static const std::string data_dir = [] {
      auto r = FindDataDir();
      if (!r.ok()) Fail(r.error());
      return r.value();
    }();
    hstag_create_args_v2 args{};
    args.struct_size = sizeof args;
    args.host = &kHost;
    args.options_json = Str(options_json);
    args.config_dir = Str(ScratchDir());
    args.data_dir = Str(data_dir);
    ErrorText err;
    const hstag_error_v1 cerr{&err, &ErrorText::Set};
    out->desc = d;
    out->self = d->create(&args, &cerr);
    if (!out->self) return err.message.empty() ? "failed without a reason" : err.message;
    return "";
  }
  return "no built-in plugin '" + std::string(id) + "'";
}

Plugin CreateBuiltin(std::string_view id, const std::string& options_json) {
  Plugin p;
  if (std::string e = TryCreateBuiltin(id, options_json, &p); !e.empty()) {
    Fail("plugin " + std::string(id) + ": " + e);
  }
  return p;
}

Extracted Extract(const Plugin& p, const uint8_t* data, size_t size, std::string_view path) {
  Extracted x;
  Collector c{&x};
  const hstag_extract_out_v1 out{&c,
                                 &Collector::AddSegment,
                                 &Collector::SetMetadata,
                                 &Collector::SetLanguage,
                                 &Collector::SetOrigin,
                                 &Collector::SetPages,
                                 &Collector::Warn};
  hstag_extract_in_v1 in{};
  in.struct_size = sizeof in;
  in.path = Str(path);
  in.data = data;
  in.size = size;
  ErrorText err;
  const hstag_error_v1 cerr{&err, &ErrorText::Set};
  x.ok = p.desc->extract(p.self, &in, &out, &cerr) == HSTAG_OK;
  if (!x.ok && err.message.empty()) Fail("an extractor failed without a reason");
  x.error = err.message;
  return x;
}

const Pipeline& PipelineFromConfig(const std::string& yaml) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Pipeline>> made;
  std::lock_guard lock(mu);
  auto& slot = made[yaml];
  if (!slot) {
    auto data_dir = FindDataDir();
    if (!data_dir.ok()) Fail(data_dir.error());
    std::string text = yaml;
    for (size_t at; (at = text.find("@DATA@")) != std::string::npos;) {
      text.replace(at, 6, *data_dir);
    }
    const std::string path = ScratchPath("pipeline-" + std::to_string(made.size()) + ".yaml");
    WriteScratch(path, reinterpret_cast<const uint8_t*>(text.data()), text.size());
    PipelineOptions o;
    o.config_path = path;
    o.builtins = BuiltinPlugins();
    auto p = Pipeline::Create(o);
    if (!p.ok()) Fail(p.error());
    slot = std::move(p).value();
  }
  return *slot;
}

void CheckResult(const AnalysisResult& r) {
  const std::string& t = r.doc.text;
  if (!IsValidUtf8(t)) Fail("extracted text is not valid UTF-8");
  for (const auto& m : r.doc.errors) {
    if (m.message.empty()) Fail("an error without a reason at stage " + m.stage);
  }
  auto boundary = [&](uint32_t o) {
    return o == t.size() || (o < t.size() && (static_cast<unsigned char>(t[o]) & 0xC0) != 0x80);
  };
  for (const auto& s : r.doc.segments) {
    if (s.start > s.end || s.end > t.size()) Fail("segment outside the text");
  }
  for (const auto& [start, end] : r.sentences) {
    if (start > end || end > t.size() || !boundary(start) || !boundary(end)) {
      Fail("sentence span outside the text or inside a character");
    }
  }
  for (const auto& a : r.annotations) {
    if (a.start >= a.end || a.end > t.size() || a.concept_id.empty()) {
      Fail("annotation outside the text");
    }
  }
}

std::string ScratchPath(const std::string& name) { return ScratchDir() + "/" + name; }

void WriteScratch(const std::string& path, const uint8_t* data, size_t size) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!f) Fail("cannot write " + path);
}

}  // namespace hstag::fuzz
