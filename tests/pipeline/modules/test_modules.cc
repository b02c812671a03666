// SPDX-License-Identifier: GPL-3.0-or-later
//
// Plugin modules that misbehave on purpose, for the loader's tests. One
// source, built several times with a different HSTAG_TEST_MODULE each.
// Module 5 stands for a module built against an older hstag, for ABI 1.
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include "hstag/plugin.h"

#if HSTAG_TEST_MODULE != 5
namespace {

class Misbehaving : public hstag::sdk::Tagger {
 public:
  explicit Misbehaving(const hstag::sdk::CreateArgs&) {
#if HSTAG_TEST_MODULE == 3
    throw std::runtime_error("cannot open my model file");
#endif
  }
  void Tag(const hstag::sdk::TextView& text, const hstag::sdk::Sink& sink) const override {
#if HSTAG_TEST_MODULE == 4
    // Stands for a library that crashes or hangs on some documents.
    if (text.text().find("CRASH-ME") != std::string_view::npos) ::raise(SIGSEGV);
    if (text.text().find("HANG-ME") != std::string_view::npos) {
      for (;;) ::pause();
    }
    (void)sink;
#elif HSTAG_TEST_MODULE == 2
    (void)sink;
    (void)text;
    throw std::runtime_error("out of coffee");
#else
    (void)text;
    sink.Warn("misbehaving module ran");
#endif
  }
};

}  // namespace
#endif

#if HSTAG_TEST_MODULE == 1
#define HSTAG_TEST_ID "wrong-abi"
#elif HSTAG_TEST_MODULE == 2
#define HSTAG_TEST_ID "throws"
#elif HSTAG_TEST_MODULE == 3
#define HSTAG_TEST_ID "throws-on-create"
#elif HSTAG_TEST_MODULE == 4
#define HSTAG_TEST_ID "crashes"
#endif

#if HSTAG_TEST_MODULE == 5
// The descriptor as ABI 1's header laid it out: the same members, but
// create() took hstag_create_args_v1, whose lexicons were the files' paths.
// The host must refuse it from its abi_version, before calling anything.
namespace {

struct PluginV1 {
  uint32_t abi_version, struct_size, kind;
  const char* id;
  const char* version;
  const char* description;
  const char* libraries;
  const char* formats;
  void* (*create)(const void* args_v1, const hstag_error_v1* err);
  void (*destroy)(void* self);
  int32_t (*sniff)(const uint8_t* head, size_t size, hstag_str extension);
  int32_t (*extract)(void* self, const hstag_extract_in_v1* in, const hstag_extract_out_v1* out,
                     const hstag_error_v1* err);
  int32_t (*tag)(void* self, const hstag_text_v1* text, const hstag_sink_v1* sink,
                 const hstag_error_v1* err);
};

void* CreateV1(const void*, const hstag_error_v1*) { std::abort(); }
void DestroyV1(void*) { std::abort(); }
int32_t TagV1(void*, const hstag_text_v1*, const hstag_sink_v1*, const hstag_error_v1*) {
  std::abort();
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const PluginV1* hstag_plugin_query(uint32_t) {
  static const PluginV1 d = {
      1,         sizeof(PluginV1), HSTAG_KIND_TAGGER, "abi-one", "0.0.1", "built for ABI 1", "", "",
      &CreateV1, &DestroyV1,       nullptr,           nullptr,   &TagV1};
  return &d;
}
#else
HSTAG_TAGGER_PLUGIN(Misbehaving, HSTAG_TEST_ID, "0.0.1", "a test module", "")
#endif
