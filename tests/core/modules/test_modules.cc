// SPDX-License-Identifier: GPL-3.0-or-later
//
// Plugin modules that misbehave on purpose, for the loader's tests. One
// source, built several times with a different HSTAG_TEST_MODULE each.
#include <signal.h>
#include <unistd.h>

#include <stdexcept>

#include "hstag/plugin.h"

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

#if HSTAG_TEST_MODULE == 1
#define HSTAG_TEST_ID "wrong-abi"
#elif HSTAG_TEST_MODULE == 2
#define HSTAG_TEST_ID "throws"
#elif HSTAG_TEST_MODULE == 3
#define HSTAG_TEST_ID "throws-on-create"
#else
#define HSTAG_TEST_ID "crashes"
#endif

HSTAG_TAGGER_PLUGIN(Misbehaving, HSTAG_TEST_ID, "0.0.1", "a test module", "")
