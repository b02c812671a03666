// SPDX-License-Identifier: GPL-3.0-or-later
//
// hstag: the command line over the library. Each subcommand is a file of its
// own (command.h lists them); this file builds the parser and dispatches.
#ifdef HSTAG_MIMALLOC
#include <mimalloc.h>
#endif

#include <CLI/CLI.hpp>
#include <cstring>
#include <iostream>
#include <vector>

#include "command.h"
#include "hstag/version.h"

namespace {

#ifdef HSTAG_MIMALLOC
// mimalloc maps memory with large OS pages (transparent huge pages where the
// system allows them), which then fault in 2 MiB at a time instead of 4 KiB.
// Start-up (building the pipeline) makes 800 page faults instead of 3,300,
// and a document of 28 MB 60,000 instead of 220,000: mimalloc gives each
// block over 16 MiB a mapping of its own and returns it when freed, so a
// large document's text, tokens and JSON fault in again and again. Set from
// .preinit_array, which runs before any library's constructor, so that the
// first memory the libraries allocate is mapped so too.
void LargeOsPages(int, char**, char**) { mi_option_enable(mi_option_large_os_pages); }
[[gnu::section(".preinit_array"), gnu::used]] void (*large_os_pages)(int, char**,
                                                                     char**) = &LargeOsPages;
#endif

}  // namespace

int main(int argc, char** argv) {
  using namespace hstag::cli;
#ifdef HSTAG_MIMALLOC
  // The allocator's rare warnings go to stderr as ours do, named. (Its
  // output buffered until now, flushed here, is empty or a bare newline.)
  mi_register_output(
      [](const char* message, void*) {
        if (std::strspn(message, " \n") < std::strlen(message)) std::cerr << "hstag: " << message;
      },
      nullptr);
#endif
  CLI::App app{"hstag: tags how policy documents speak about Human Security"};
  app.set_version_flag("--version", std::string("hstag ") + HSTAG_VERSION);
  app.require_subcommand(1);
  const std::vector<Command> commands = {AddAnalyze(app), AddExtract(app), AddLexicon(app),
                                         AddEval(app),    AddSample(app),  AddMerge(app),
                                         AddCompare(app), AddReport(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (const Command& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return kExitUsage;
}
