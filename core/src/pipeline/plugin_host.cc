// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/plugin_host.h"

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <type_traits>

#include "archive/archive.h"
#include "hstag/plugin.h"
#include "hstag/utf8.h"
#include "text/analyzer.h"

namespace hstag {
namespace {

using sdk::Str;

// A plugin descriptor checked against the host's ABI.
Status CheckDescriptor(const hstag_plugin_v2* d, const std::string& where) {
  if (!d) return Status::Error(where + ": hstag_plugin_query returned no descriptor");
  // abi_version, struct_size, kind and id have the same place in every
  // version's descriptor: they can be read before the version is known.
  if (d->abi_version != HSTAG_PLUGIN_ABI_VERSION) {
    return Status::Error(where + ": plugin " + (d->id ? std::string("'") + d->id + "' " : "") +
                         "was built for plugin ABI " + std::to_string(d->abi_version) +
                         ", this hstag speaks ABI " + std::to_string(HSTAG_PLUGIN_ABI_VERSION) +
                         ": rebuild it against this version of hstag");
  }
  if (d->struct_size < sizeof(hstag_plugin_v2)) {
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

// A short text analyzed for a plugin; standard-layout with the view first,
// so that release_text can recover it from the view's address.
struct OwnedText {
  hstag_text_v1 view;
  std::string* text;
  AnalyzedText* analyzed;
};
static_assert(std::is_standard_layout_v<OwnedText>);

const hstag_text_v1* HostAnalyze(void* ctx, hstag_str text) {
  const Analyzer* analyzer = static_cast<const HostServices*>(ctx)->analyzer;
  auto owned_text = std::make_unique<std::string>(text.data, text.size);
  if (!IsValidUtf8(*owned_text)) return nullptr;
  auto a = analyzer->Analyze(*owned_text, {}, "");
  if (!a.ok()) return nullptr;
  auto* owned = new OwnedText{a.value()->View(), owned_text.release(), a.value().release()};
  return &owned->view;
}
void HostRelease(void*, const hstag_text_v1* t) {
  if (!t) return;
  const auto* owned = reinterpret_cast<const OwnedText*>(t);
  delete owned->analyzed;
  delete owned->text;
  delete owned;
}

std::atomic<OcrListener> ocr_listener{nullptr};

void HostAnnounceOcr(void*, uint32_t pages) {
  if (const OcrListener l = ocr_listener.load(std::memory_order_relaxed)) l(pages);
}

int32_t HostUnpackZip(void* ctx, const uint8_t* data, size_t size, const hstag_unpack_v1* cb,
                      const hstag_error_v1* err) {
  const Limits& limits = *static_cast<const HostServices*>(ctx)->limits;
  const archive::ArchiveLimits archive_limits{limits.max_members, limits.max_unpacked_bytes,
                                              limits.max_ratio, limits.max_bytes};
  std::string member_error;
  const Status s = archive::Unpack(
      archive::Source::Memory({reinterpret_cast<const char*>(data), size}), "the zip",
      archive::Formats::kZip, archive_limits,
      [&](const archive::Member& m) {
        if (!m.regular) return archive::Action::kSkip;
        return cb->want(cb->ctx, Str(m.name)) ? archive::Action::kRead : archive::Action::kSkip;
      },
      [&](const archive::Member& m, Result<std::string>&& bytes) {
        if (!bytes.ok()) {
          member_error = bytes.error();
          return archive::Action::kStop;
        }
        const std::string& b = *bytes;
        return cb->member(cb->ctx, Str(m.name), reinterpret_cast<const uint8_t*>(b.data()),
                          b.size())
                   ? archive::Action::kStop
                   : archive::Action::kSkip;
      });
  const std::string& message = !s.ok() ? s.message() : member_error;
  if (message.empty()) return HSTAG_OK;
  if (err && err->set) err->set(err->ctx, Str(message));
  return HSTAG_FAILED;
}

}  // namespace

void SetOcrListener(OcrListener listener) { ocr_listener.store(listener); }

PluginHost::PluginHost(const Analyzer& analyzer, const Limits& limits)
    : services_{&analyzer, &limits} {
  host_ = {sizeof(hstag_host_v1), HSTAG_PLUGIN_ABI_VERSION, &services_, &HostAnalyze,
           &HostRelease,          &HostAnnounceOcr,         &HostUnpackZip};
}

PluginHost::~PluginHost() {
  for (auto* list : {&taggers, &extractors}) {
    for (auto& p : *list) {
      if (p.self) p.desc->destroy(p.self);
    }
    list->clear();
  }
  for (void* m : modules_) dlclose(m);
}

Status PluginHost::Register(hstag_plugin_query_fn query, const std::string& origin) {
  const hstag_plugin_v2* d = query(HSTAG_PLUGIN_ABI_VERSION);
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

Status PluginHost::LoadModule(const std::string& path) {
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
  modules_.push_back(h);
  return Status();
}

Status PluginHost::LoadDirectory(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> modules;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".so") modules.push_back(e.path().string());
  }
  if (ec) return Status::Error(dir + ": cannot read plugin directory: " + ec.message());
  std::sort(modules.begin(), modules.end());
  for (const auto& m : modules) {
    if (Status s = LoadModule(m); !s.ok()) return s;
  }
  return Status();
}

Status PluginHost::CreateInstance(LoadedPlugin& p, const std::string& config_dir,
                                  const std::string& data_dir,
                                  std::span<const hstag_lexicon_v2> lexicons) {
  const std::string options = p.options.dump();
  hstag_create_args_v2 args{};
  args.struct_size = sizeof args;
  args.host = &host_;
  args.options_json = Str(options);
  args.config_dir = Str(config_dir);
  args.data_dir = Str(data_dir);
  args.lexicons = lexicons.data();
  args.n_lexicons = lexicons.size();
  ErrorBox err;
  p.self = p.desc->create(&args, &err.c);
  if (!p.self) {
    return Status::Error("plugin '" + p.info.id +
                         "' could not be created: " + err.Take("no reason given"));
  }
  return Status();
}

}  // namespace hstag
