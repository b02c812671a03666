// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/pipeline.h"
#include "hstag/plugin.h"
#include "lexicon/loader.h"
#include "text/analyzer.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <type_traits>

#include "text/language.h"
#include "hstag/utf8.h"
#include "text/sniff.h"
#include "util/util.h"

#ifndef HSTAG_INSTALL_DATA_DIR
#define HSTAG_INSTALL_DATA_DIR "/usr/local/share/hstag"
#endif

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag {
namespace {

using sdk::Str;
using sdk::View;

// Collects the message a plugin reports through hstag_error_v1.
struct ErrorBox {
  std::string message;
  hstag_error_v1 c{this, [](void* ctx, hstag_str m) {
                     static_cast<ErrorBox*>(ctx)->message.assign(m.data, m.size);
                   }};
  std::string Take(const char* fallback) {
    return message.empty() ? std::string(fallback) : std::move(message);
  }
};

json YamlToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json o = json::object();
      for (const auto& kv : n) o[kv.first.Scalar()] = YamlToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Sequence: {
      json a = json::array();
      for (const auto& item : n) a.push_back(YamlToJson(item));
      return a;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted: a string
      if (s == "true") return true;
      if (s == "false") return false;
      if (s == "null" || s == "~") return nullptr;
      char* end = nullptr;
      const long long i = std::strtoll(s.c_str(), &end, 10);
      if (!s.empty() && *end == '\0') return i;
      const double d = std::strtod(s.c_str(), &end);
      if (!s.empty() && *end == '\0') return d;
      return s;
    }
    default:
      return nullptr;
  }
}

struct TaggerConfig {
  std::string id;
  json options = json::object();
};

struct Config {
  std::string dir;  // base of relative paths
  std::vector<std::string> lexicons;
  std::vector<TaggerConfig> taggers;
  std::map<std::string, json> extractor_options;
  std::set<std::string> disabled;
  Limits limits;
};

Result<Config> LoadConfig(const std::string& path) {
  auto bytes = ReadFile(path, 16u << 20);
  if (!bytes.ok()) return Status::Error(path + ": " + bytes.error());
  Config cfg;
  cfg.dir = fs::absolute(fs::path(path)).parent_path().string();
  try {
    const YAML::Node root = YAML::Load(*bytes);
    if (!root.IsMap()) return Status::Error(path + ": a pipeline config must be a YAML mapping");
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      if (key != "lexicons" && key != "taggers" && key != "extractors" && key != "limits" &&
          key != "pipeline") {
        return Status::Error(path + ":" + std::to_string(kv.first.Mark().line + 1) +
                             ": unknown key `" + key + "`");
      }
    }
    for (const auto& l : root["lexicons"]) cfg.lexicons.push_back(l.as<std::string>());
    for (const auto& t : root["taggers"]) {
      TaggerConfig tc;
      if (t.IsScalar()) {
        tc.id = t.Scalar();
      } else {
        tc.id = t["plugin"].as<std::string>();
        if (t["enabled"] && !t["enabled"].as<bool>()) cfg.disabled.insert(tc.id);
        if (t["options"]) tc.options = YamlToJson(t["options"]);
      }
      cfg.taggers.push_back(std::move(tc));
    }
    for (const auto& kv : root["extractors"]) {
      const std::string id = kv.first.Scalar();
      if (kv.second["enabled"] && !kv.second["enabled"].as<bool>()) cfg.disabled.insert(id);
      cfg.extractor_options[id] = kv.second["options"] ? YamlToJson(kv.second["options"])
                                                         : json::object();
    }
    for (const auto& kv : root["limits"]) {
      const std::string key = kv.first.Scalar();
      uint64_t* limit = key == "max_bytes"         ? &cfg.limits.max_bytes
                        : key == "max_segments"    ? &cfg.limits.max_segments
                        : key == "max_annotations" ? &cfg.limits.max_annotations
                                                   : nullptr;
      if (!limit) {
        return Status::Error(path + ":" + std::to_string(kv.first.Mark().line + 1) +
                             ": unknown limit `" + key +
                             "` (known: max_bytes, max_segments, max_annotations)");
      }
      *limit = kv.second.as<uint64_t>();
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                         std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return cfg;
}

// A plugin descriptor checked against the host's ABI.
Status CheckDescriptor(const hstag_plugin_v1* d, const std::string& where) {
  if (!d) return Status::Error(where + ": hstag_plugin_query returned no descriptor");
  if (d->abi_version != HSTAG_PLUGIN_ABI_VERSION) {
    return Status::Error(where + ": plugin " + (d->id ? std::string("'") + d->id + "' " : "") +
                         "was built for plugin ABI " + std::to_string(d->abi_version) +
                         ", this hstag speaks ABI " + std::to_string(HSTAG_PLUGIN_ABI_VERSION) +
                         ": rebuild it against this version of hstag");
  }
  if (d->struct_size < sizeof(hstag_plugin_v1)) {
    return Status::Error(where + ": plugin descriptor too small (" +
                         std::to_string(d->struct_size) + " bytes)");
  }
  if (!d->id || !*d->id || !d->version || !d->create || !d->destroy) {
    return Status::Error(where + ": plugin descriptor lacks an id, a version or create/destroy");
  }
  if (d->kind == HSTAG_KIND_TAGGER && !d->tag) {
    return Status::Error(where + ": tagger plugin '" + d->id + "' has no tag function");
  }
  if (d->kind == HSTAG_KIND_EXTRACTOR && (!d->extract || !d->sniff)) {
    return Status::Error(where + ": extractor plugin '" + d->id + "' lacks sniff or extract");
  }
  if (d->kind != HSTAG_KIND_TAGGER && d->kind != HSTAG_KIND_EXTRACTOR) {
    return Status::Error(where + ": plugin '" + d->id + "' has unknown kind " +
                         std::to_string(d->kind));
  }
  return Status();
}

struct LoadedPlugin {
  const hstag_plugin_v1* desc = nullptr;
  void* self = nullptr;
  PluginInfo info;
  json options = json::object();
};

// The error of a document over a limit: the limit, its value, the option.
std::string OverLimit(uint64_t value, const char* unit, const char* option,
                      const std::string& what) {
  return "over the limit of " + std::to_string(value) + " " + unit + " per document (" + option +
         " raises it): " + what;
}

// The path written to the output: valid UTF-8, as JSON and CSV need; a file
// name that is not gets U+FFFD for its bad bytes, and a warning.
void SetPath(Document* doc, const std::string& display_path) {
  if (IsValidUtf8(display_path)) {
    doc->path = display_path;
    return;
  }
  doc->path.clear();
  RepairUtf8(display_path, &doc->path);
  doc->Warn("read", "the file name is not valid UTF-8: written with U+FFFD for its bad bytes");
}

std::string ExtensionOf(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

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

struct Pipeline::Impl {
  std::string data_dir;
  Limits limits;
  std::unique_ptr<Analyzer> analyzer;
  std::vector<Lexicon> lexicons;
  std::vector<const Concept*> concepts;
  std::map<std::string, const Concept*, std::less<>> concept_index;
  std::vector<void*> modules;  // dlopen handles, closed last
  std::vector<LoadedPlugin> extractors, taggers;
  std::vector<PluginInfo> infos;
  hstag_host_v1 host{};

  // An input file's bytes, or nothing and `doc` failed. A file over the byte
  // limit is refused from its size, before a byte is read.
  std::optional<std::string> Read(const std::string& path, Document* doc) const {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<uint64_t>(st.st_size) > limits.max_bytes) {
      doc->bytes = static_cast<uint64_t>(st.st_size);
      doc->Fail("limit", OverLimit(limits.max_bytes, "bytes", "--max-bytes",
                                   "the file has " + std::to_string(st.st_size) + " bytes"));
      return std::nullopt;
    }
    auto bytes = ReadFile(path, limits.max_bytes);
    if (!bytes.ok()) {
      doc->Fail("read", bytes.error());
      return std::nullopt;
    }
    return std::move(bytes).value();
  }

  ~Impl() {
    for (auto* list : {&taggers, &extractors}) {
      for (auto& p : *list) {
        if (p.self) p.desc->destroy(p.self);
      }
      list->clear();
    }
    for (void* m : modules) dlclose(m);
  }

  // A short text analyzed for a plugin; standard-layout with the view first,
  // so that release_text can recover it from the view's address.
  struct OwnedText {
    hstag_text_v1 view;
    std::string* text;
    AnalyzedText* analyzed;
  };
  static_assert(std::is_standard_layout_v<OwnedText>);

  static const hstag_text_v1* HostAnalyze(void* ctx, hstag_str text) {
    auto* impl = static_cast<Impl*>(ctx);
    auto owned_text = std::make_unique<std::string>(text.data, text.size);
    if (!IsValidUtf8(*owned_text)) return nullptr;
    auto a = impl->analyzer->Analyze(*owned_text, {}, "");
    if (!a.ok()) return nullptr;
    auto* owned = new OwnedText{a.value()->View(), owned_text.release(), a.value().release()};
    return &owned->view;
  }
  static void HostRelease(void*, const hstag_text_v1* t) {
    if (!t) return;
    const auto* owned = reinterpret_cast<const OwnedText*>(t);
    delete owned->analyzed;
    delete owned->text;
    delete owned;
  }

  Status Register(hstag_plugin_query_fn query, const std::string& origin) {
    const hstag_plugin_v1* d = query(HSTAG_PLUGIN_ABI_VERSION);
    if (Status s = CheckDescriptor(d, origin); !s.ok()) return s;
    for (const auto& i : infos) {
      if (i.id == d->id) {
        return Status::Error(origin + ": plugin id '" + d->id + "' is already provided by " +
                             i.origin);
      }
    }
    LoadedPlugin p;
    p.desc = d;
    p.info = {d->id,
              d->version,
              d->kind == HSTAG_KIND_TAGGER ? "tagger" : "extractor",
              d->description ? d->description : "",
              d->libraries ? d->libraries : "",
              d->formats ? d->formats : "",
              origin};
    infos.push_back(p.info);
    (d->kind == HSTAG_KIND_TAGGER ? taggers : extractors).push_back(std::move(p));
    return Status();
  }

  Status LoadModule(const std::string& path) {
    dlerror();
    void* h = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) return Status::Error(path + ": cannot load plugin: " + dlerror());
    auto query = reinterpret_cast<hstag_plugin_query_fn>(dlsym(h, "hstag_plugin_query"));
    if (!query) {
      dlclose(h);
      return Status::Error(path + ": not an hstag plugin (no hstag_plugin_query symbol)");
    }
    if (Status s = Register(query, path); !s.ok()) {
      dlclose(h);
      return s;
    }
    modules.push_back(h);
    return Status();
  }

  Status CreateInstance(LoadedPlugin& p, const std::string& config_dir,
                        const std::vector<std::string>& lexicon_paths) {
    const std::string options = p.options.dump();
    std::vector<hstag_str> lex;
    for (const auto& l : lexicon_paths) lex.push_back(Str(l));
    hstag_create_args_v1 args{};
    args.struct_size = sizeof args;
    args.host = &host;
    args.options_json = Str(options);
    args.config_dir = Str(config_dir);
    args.data_dir = Str(data_dir);
    args.lexicons = lex.data();
    args.n_lexicons = lex.size();
    ErrorBox err;
    p.self = p.desc->create(&args, &err.c);
    if (!p.self) {
      return Status::Error("plugin '" + p.info.id + "' could not be created: " +
                           err.Take("no reason given"));
    }
    return Status();
  }
};

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
  impl->host = {sizeof(hstag_host_v1), HSTAG_PLUGIN_ABI_VERSION, impl.get(), &Impl::HostAnalyze,
                &Impl::HostRelease};

  const std::string config_path = options.config_path.empty()
                                      ? impl->data_dir + "/lexicons/pipeline.yaml"
                                      : options.config_path;
  auto cfg = LoadConfig(config_path);
  if (!cfg.ok()) return cfg.status();
  impl->limits = cfg->limits;
  if (options.max_bytes) impl->limits.max_bytes = *options.max_bytes;
  if (options.max_segments) impl->limits.max_segments = *options.max_segments;
  if (options.max_annotations) impl->limits.max_annotations = *options.max_annotations;

  // Lexicons: from the command line (relative to the working directory) or
  // the config (relative to the config's folder).
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
  if (options.extract_only) lexicon_files.clear();
  std::vector<std::string> lexicon_paths;
  for (const auto& [path, display] : lexicon_files) {
    auto lex = LoadLexicon(path, display);
    if (!lex.ok()) return lex.status();
    impl->lexicons.push_back(std::move(lex).value());
    lexicon_paths.push_back(path);
  }
  for (const auto& lex : impl->lexicons) {
    for (const auto& c : lex.concepts) {
      if (impl->concept_index.emplace(c.id, &c).second) impl->concepts.push_back(&c);
    }
  }

  for (auto query : options.builtins) {
    if (Status s = impl->Register(query, "builtin"); !s.ok()) return s;
  }
  for (const auto& dir : options.plugin_dirs) {
    std::error_code ec;
    std::vector<std::string> modules;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".so") modules.push_back(e.path().string());
    }
    if (ec) return Status::Error(dir + ": cannot read plugin directory: " + ec.message());
    std::sort(modules.begin(), modules.end());
    for (const auto& m : modules) {
      if (Status s = impl->LoadModule(m); !s.ok()) return s;
    }
  }

  // Taggers run in the config's order; external taggers the config does not
  // name run after them, in the order they were loaded.
  std::vector<LoadedPlugin> ordered;
  auto take = [&](const std::string& id) -> LoadedPlugin* {
    auto it = std::find_if(impl->taggers.begin(), impl->taggers.end(),
                           [&](const LoadedPlugin& p) { return p.info.id == id; });
    if (it == impl->taggers.end()) return nullptr;
    ordered.push_back(std::move(*it));
    impl->taggers.erase(it);
    return &ordered.back();
  };
  for (const auto& tc : cfg->taggers) {
    LoadedPlugin* p = take(tc.id);
    if (!p) {
      return Status::Error(config_path + ": no tagger plugin '" + tc.id + "' is available");
    }
    p->options = tc.options;
  }
  for (auto& p : impl->taggers) {
    if (p.info.origin != "builtin") ordered.push_back(std::move(p));
  }
  impl->taggers.clear();
  for (auto& p : ordered) {
    if (!cfg->disabled.count(p.info.id) && !options.extract_only) {
      impl->taggers.push_back(std::move(p));
    }
  }
  std::erase_if(impl->extractors,
                [&](const LoadedPlugin& p) { return cfg->disabled.count(p.info.id) > 0; });
  for (auto& p : impl->extractors) {
    if (auto it = cfg->extractor_options.find(p.info.id); it != cfg->extractor_options.end()) {
      p.options = it->second;
    }
  }
  // Options from the command line win over the config's.
  for (const auto& [id, text] : options.plugin_options) {
    json extra = json::parse(text, nullptr, false);
    if (!extra.is_object()) return Status::Error("options for plugin '" + id + "' are not a JSON object");
    for (auto* list : {&impl->taggers, &impl->extractors}) {
      for (auto& p : *list) {
        if (p.info.id == id) p.options.update(extra);
      }
    }
  }
  // Only what runs is listed in the output.
  impl->infos.clear();
  for (auto* list : {&impl->extractors, &impl->taggers}) {
    for (auto& p : *list) {
      if (Status s = impl->CreateInstance(p, cfg->dir, lexicon_paths); !s.ok()) return s;
      impl->infos.push_back(p.info);
    }
  }
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

const std::vector<Lexicon>& Pipeline::lexicons() const { return impl_->lexicons; }
const std::vector<PluginInfo>& Pipeline::plugins() const { return impl_->infos; }
const Analyzer& Pipeline::analyzer() const { return *impl_->analyzer; }
const Limits& Pipeline::limits() const { return impl_->limits; }
const std::string& Pipeline::data_dir() const { return impl_->data_dir; }
const std::vector<const Concept*>& Pipeline::concepts() const { return impl_->concepts; }
const Concept* Pipeline::FindConcept(const std::string& id) const {
  auto it = impl_->concept_index.find(id);
  return it == impl_->concept_index.end() ? nullptr : it->second;
}

namespace {

// The extractor's output, assembled into a Document.
// Segments past a limit are dropped (`over` says which limit): the number
// of segments, and the bytes of their text and provenance, which an
// extractor can make much larger than the file (XML nested 100,000 deep
// gives each paragraph a path of 500 KB).
struct DocumentBuilder {
  Document* doc;
  std::string stage;
  const Limits* limits;
  uint64_t size = 0;  // bytes of the segments' text, paths and labels
  bool any = false;
  enum class Over { kNone, kSegments, kBytes } over = Over::kNone;

  static DocumentBuilder* Self(void* ctx) { return static_cast<DocumentBuilder*>(ctx); }
  static void AddSegment(void* ctx, const hstag_segment_v1* s) {
    DocumentBuilder* b = Self(ctx);
    Document& d = *b->doc;
    if (b->over != Over::kNone) return;
    b->size += s->text.size + s->xpath.size + s->page_label.size + s->lang.size + 2;
    if (d.segments.size() >= b->limits->max_segments || b->size > b->limits->max_bytes) {
      b->over = d.segments.size() >= b->limits->max_segments ? Over::kSegments : Over::kBytes;
      return;
    }
    if (b->any) d.text += (s->page != d.segments.back().page) ? "\f" : "\n\n";
    Segment seg;
    seg.start = static_cast<uint32_t>(d.text.size());
    const std::string_view text = View(s->text);
    if (IsValidUtf8(text)) {
      d.text.append(text);
    } else {
      std::string repaired;
      const size_t bad = RepairUtf8(text, &repaired);
      d.text += repaired;
      d.Warn(b->stage, std::to_string(bad) + " ill-formed UTF-8 sequence(s) replaced by U+FFFD");
    }
    seg.end = static_cast<uint32_t>(d.text.size());
    seg.page = s->page;
    seg.page_label = View(s->page_label);
    seg.xpath = View(s->xpath);
    seg.lang = View(s->lang);
    seg.boilerplate = (s->flags & HSTAG_SEGMENT_BOILERPLATE) != 0;
    d.segments.push_back(std::move(seg));
    b->any = true;
  }
  static void SetMetadata(void* ctx, hstag_str k, hstag_str v) {
    std::string value(View(v));
    if (!IsValidUtf8(value)) {
      std::string repaired;
      RepairUtf8(value, &repaired);
      value = std::move(repaired);
    }
    Self(ctx)->doc->metadata[std::string(View(k))] = std::move(value);
  }
  static void SetLanguage(void* ctx, hstag_str l) { Self(ctx)->doc->language = View(l); }
  static void SetOrigin(void* ctx, hstag_str o) { Self(ctx)->doc->text_origin = View(o); }
  static void SetPages(void* ctx, uint32_t n) { Self(ctx)->doc->pages = n; }
  static void Warn(void* ctx, hstag_str m) { Self(ctx)->doc->Warn(Self(ctx)->stage, std::string(View(m))); }
};

// Collects one tagger's annotations, checking them.
struct AnnotationSink {
  const std::string* text;
  const std::string* plugin;
  Document* doc;
  uint64_t room;  // annotations this tagger may still give (the limit)
  std::vector<Annotation> out;
  size_t rejected = 0;
  bool over = false;

  static void Emit(void* ctx, const hstag_annotation_v1* a) {
    auto* s = static_cast<AnnotationSink*>(ctx);
    if (s->out.size() >= s->room) {
      s->over = true;
      return;
    }
    const std::string& t = *s->text;
    auto boundary = [&](uint32_t o) {
      return o == t.size() || (o < t.size() && (static_cast<unsigned char>(t[o]) & 0xC0) != 0x80);
    };
    if (a->concept_id.size == 0 || a->start >= a->end || a->end > t.size() || !boundary(a->start) ||
        !boundary(a->end) || (a->strength != HSTAG_EXPLICIT && a->strength != HSTAG_INDICATOR)) {
      ++s->rejected;
      return;
    }
    const sdk::Annotation v = sdk::FromC(*a);
    Annotation x;
    x.concept_id = v.concept_id;
    x.strength = v.strength;
    x.start = v.start;
    x.end = v.end;
    x.plugin = *s->plugin;
    x.rule = v.rule;
    x.value = v.value;
    x.via = v.via;
    x.score = v.score;
    s->out.push_back(std::move(x));
  }
  static void Warn(void* ctx, hstag_str m) {
    auto* s = static_cast<AnnotationSink*>(ctx);
    s->doc->Warn("tag:" + *s->plugin, std::string(View(m)));
  }
};

}  // namespace

Document Pipeline::Extract(const std::string& path, const std::string& display_path) const {
  Document doc;
  SetPath(&doc, display_path);
  auto bytes = impl_->Read(path, &doc);
  if (!bytes) return doc;
  return ExtractBytes(std::move(*bytes), display_path);
}

AnalysisResult Pipeline::Run(const std::string& path, const std::string& display_path) const {
  AnalysisResult r;
  SetPath(&r.doc, display_path);
  auto bytes = impl_->Read(path, &r.doc);
  if (!bytes) return r;
  return RunBytes(std::move(*bytes), display_path);
}

Document Pipeline::ExtractBytes(std::string bytes, const std::string& display_path) const {
  Document doc;
  SetPath(&doc, display_path);
  doc.bytes = bytes.size();
  if (bytes.size() > impl_->limits.max_bytes) {
    doc.Fail("limit", OverLimit(impl_->limits.max_bytes, "bytes", "--max-bytes",
                                "the document has " + std::to_string(bytes.size()) + " bytes"));
    return doc;
  }
  doc.sha256 = Sha256Hex(bytes);

  // Choose the extractor by content.
  const std::string_view head(bytes.data(), std::min<size_t>(bytes.size(), 4096));
  const std::string ext = ExtensionOf(display_path);
  const LoadedPlugin* best = nullptr;
  int32_t best_score = 0;
  for (const auto& p : impl_->extractors) {
    const int32_t score =
        p.desc->sniff(reinterpret_cast<const uint8_t*>(head.data()), head.size(), Str(ext));
    if (score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  if (bytes.empty()) {
    doc.format = "text";
    doc.Warn("read", "empty file");
    return doc;
  }
  if (const std::string what = DescribeFormat(head); !what.empty() && best_score < 50) {
    doc.Fail("extract", "unsupported format: " + what);
    return doc;
  }
  if (!best) {
    doc.Fail("extract", "unsupported format: binary data that no extractor recognizes");
    return doc;
  }
  doc.format = best->info.formats.substr(0, best->info.formats.find(','));
  DocumentBuilder builder{&doc, "extract:" + best->info.id, &impl_->limits};
  const hstag_extract_out_v1 out{&builder,
                                 &DocumentBuilder::AddSegment,
                                 &DocumentBuilder::SetMetadata,
                                 &DocumentBuilder::SetLanguage,
                                 &DocumentBuilder::SetOrigin,
                                 &DocumentBuilder::SetPages,
                                 &DocumentBuilder::Warn};
  hstag_extract_in_v1 in{};
  in.struct_size = sizeof in;
  in.path = Str(display_path);
  in.data = reinterpret_cast<const uint8_t*>(bytes.data());
  in.size = bytes.size();
  ErrorBox err;
  if (best->desc->extract(best->self, &in, &out, &err.c) != HSTAG_OK) {
    doc.Fail("extract", err.Take("the extractor failed without a reason"));
    return doc;
  }
  if (builder.over != DocumentBuilder::Over::kNone) {
    const std::string what = "extractor '" + best->info.id + "' gave more";
    doc.Fail("limit",
             builder.over == DocumentBuilder::Over::kSegments
                 ? OverLimit(impl_->limits.max_segments, "segments", "--max-segments", what)
                 : OverLimit(impl_->limits.max_bytes, "bytes", "--max-bytes",
                             what + " (text, element paths and page labels)"));
    doc.text.clear();
    doc.segments.clear();
    return doc;
  }
  bytes.clear();
  bytes.shrink_to_fit();
  if (doc.pages == 0) {
    for (const auto& s : doc.segments) doc.pages = std::max(doc.pages, s.page);
  }
  if (doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos && doc.warnings.empty()) {
    doc.Warn("extract", "no text");  // unless the extractor said why already
  }
  if (!doc.language.empty()) {
    doc.language_origin = "declared";
  } else if (std::string guess = GuessLanguage(doc.text); !guess.empty()) {
    doc.language = std::move(guess);
    doc.language_origin = "detected";
  }
  return doc;
}

AnalysisResult Pipeline::RunBytes(std::string bytes, const std::string& display_path) const {
  AnalysisResult r;
  r.doc = ExtractBytes(std::move(bytes), display_path);
  Document& doc = r.doc;
  if (!doc.errors.empty()) return r;
  r.stats.pages = doc.pages;
  r.stats.segments = doc.segments.size();
  if (doc.text.empty()) return r;
  // Code points: the bytes that do not continue a UTF-8 sequence (a count
  // into a local, which the compiler vectorizes).
  r.stats.characters =
      static_cast<uint64_t>(std::count_if(doc.text.begin(), doc.text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));

  auto analyzed = impl_->analyzer->Analyze(doc.text, doc.segments, doc.language);
  if (!analyzed.ok()) {
    doc.Fail("analyze", analyzed.error());
    return r;
  }
  const AnalyzedText& a = **analyzed;
  r.stats.sentences = a.sentences.size();
  r.sentences.reserve(a.sentences.size());
  for (const auto& s : a.sentences) r.sentences.emplace_back(s.start, s.end);
  r.sentence_words.assign(a.sentences.size(), 0);
  for (const auto& t : a.tokens) {
    if (t.sentence < r.sentence_words.size()) ++r.sentence_words[t.sentence];
    if (t.segment >= a.segments.size() ||
        !(a.segments[t.segment].flags & HSTAG_SEGMENT_BOILERPLATE)) {
      ++r.stats.words;
    }
  }

  // Taggers, each seeing what the ones before it found.
  hstag_text_v1 view = a.View();
  std::vector<hstag_annotation_v1> prior;  // by start; views into r.annotations
  for (size_t k = 0; k < impl_->taggers.size(); ++k) {
    const auto& p = impl_->taggers[k];
    view.prior = prior.data();
    view.n_prior = prior.size();
    AnnotationSink sink{&doc.text, &p.info.id, &doc,
                        impl_->limits.max_annotations - r.annotations.size()};
    const hstag_sink_v1 csink{&sink, &AnnotationSink::Emit, &AnnotationSink::Warn};
    ErrorBox err;
    const bool ok = p.desc->tag(p.self, &view, &csink, &err.c) == HSTAG_OK;
    if (sink.over) {
      doc.Fail("limit", OverLimit(impl_->limits.max_annotations, "annotations", "--max-annotations",
                                  "plugin '" + p.info.id +
                                      "' went past it; the document's annotations are dropped"));
      r.annotations.clear();
      return r;
    }
    if (!ok) {
      doc.Fail("tag:" + p.info.id, "plugin '" + p.info.id + "' failed: " +
                                       err.Take("no reason given") +
                                       "; its annotations for this document are dropped");
      continue;
    }
    if (sink.rejected) {
      doc.Warn("tag:" + p.info.id, std::to_string(sink.rejected) +
                                       " annotation(s) with an empty concept or bad offsets dropped");
    }
    // The views of the annotations before stay valid unless their vector
    // moves (a short string lives inside its object): then all are made
    // anew. The new ones, sorted, are merged in (a stable sort of the whole).
    const bool moves = r.annotations.size() + sink.out.size() > r.annotations.capacity();
    const size_t first_new = moves ? 0 : r.annotations.size();
    if (r.annotations.empty()) {
      r.annotations = std::move(sink.out);  // (no view to keep: prior is empty)
    } else {
      for (auto& x : sink.out) r.annotations.push_back(std::move(x));
    }
    if (k + 1 == impl_->taggers.size()) break;  // no tagger left to see them
    if (moves) prior.clear();
    const size_t merge_at = prior.size();
    for (size_t i = first_new; i < r.annotations.size(); ++i) {
      const Annotation& x = r.annotations[i];
      prior.push_back(sdk::ToC({x.concept_id, x.strength, x.start, x.end, x.rule, x.value, x.via,
                                x.score, x.plugin}));
    }
    auto by_start = [](const auto& x, const auto& y) { return x.start < y.start; };
    const auto mid = prior.begin() + static_cast<std::ptrdiff_t>(merge_at);
    std::stable_sort(mid, prior.end(), by_start);
    std::inplace_merge(prior.begin(), mid, prior.end(), by_start);
  }

  // Resolver: one annotation per concept and span, explicit first, then the
  // earliest plugin.
  // (Sorted as numbers, then moved once: an Annotation is large to move.)
  {
    std::vector<Annotation>& all = r.annotations;
    std::vector<uint32_t> order(all.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
      const Annotation &x = all[i], &y = all[j];
      return std::tie(x.start, x.end, x.concept_id, x.strength) <
             std::tie(y.start, y.end, y.concept_id, y.strength);
    });
    std::vector<Annotation> kept;
    kept.reserve(all.size());
    for (uint32_t i : order) {
      Annotation& x = all[i];
      if (!kept.empty() && kept.back().start == x.start && kept.back().end == x.end &&
          kept.back().concept_id == x.concept_id) {
        continue;
      }
      kept.push_back(std::move(x));
    }
    all = std::move(kept);
  }
  for (auto& x : r.annotations) {
    x.sentence = a.SentenceAt(x.start);
    x.segment = doc.segments.empty() ? 0 : static_cast<uint32_t>(doc.SegmentAt(x.start));
  }
  return r;
}

}  // namespace hstag
