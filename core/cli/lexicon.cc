// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag lexicon list` (every concept ID with its section and label) and
// `hstag lexicon check` (problems as file:line).
#include <iostream>
#include <memory>

#include "command.h"
#include "lexicon/check.h"
#include "lexicon/loader.h"
#include "text/analyzer.h"

namespace hstag::cli {
namespace {

int LexiconList(const CommonOptions& common) {
  auto pipeline = MakePipeline(common);
  if (!pipeline) return kExitFatal;
  std::string out;
  for (const Concept* c : pipeline->concepts()) {
    out += c->id + "\t" + c->section + "\t" + c->label + "\n";
  }
  WriteStdout(out);
  return kExitOk;
}

int LexiconCheck(const std::vector<std::string>& files, const CommonOptions& common) {
  auto analyzer = Analyzer::Create();
  if (!analyzer.ok()) {
    std::cerr << "hstag: " << analyzer.error() << "\n";
    return kExitFatal;
  }
  std::vector<Lexicon> lexicons;
  int problems = 0;
  if (files.empty()) {
    auto pipeline = MakePipeline(common);
    if (!pipeline) return kExitDocuments;
    lexicons = pipeline->lexicons();
  }
  for (const auto& f : files) {
    auto lex = LoadLexicon(f, f);
    if (!lex.ok()) {
      std::cout << lex.error() << "\n";
      ++problems;
      continue;
    }
    lexicons.push_back(std::move(lex).value());
  }
  if (Status s = LinkLexicons(&lexicons); !s.ok()) {
    std::cout << s.message() << "\n";
    ++problems;
  }
  for (const auto& p : CheckLexicons(lexicons, **analyzer)) {
    std::cout << p.file << ":" << p.line << ": " << p.message << "\n";
    ++problems;
  }
  size_t concepts = 0, cues = 0;
  for (const auto& l : lexicons) {
    if (l.extends.empty()) concepts += l.concepts.size();  // not the concepts it adds cues to
    for (const auto& c : l.concepts) cues += c.cues.size();
  }
  std::cerr << "hstag: " << lexicons.size() << " lexicon(s), " << concepts << " concepts, " << cues
            << " cues, " << problems << " problem(s)\n";
  return problems ? kExitDocuments : kExitOk;
}

}  // namespace

Command AddLexicon(CLI::App& app) {
  struct Options {
    CommonOptions common;
    std::vector<std::string> files;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("lexicon", "Inspect lexicons");
  cmd->require_subcommand(1);
  CLI::App* list = cmd->add_subcommand("list", "Every concept ID with its section and label");
  AddCommonOptions(list, &o->common);
  CLI::App* check = cmd->add_subcommand("check", "Check lexicon files; problems as file:line");
  check->add_option("files", o->files, "Lexicon files (default: the pipeline's)")
      ->check(CLI::ExistingFile);
  AddCommonOptions(check, &o->common);
  return {cmd, [o, list] {
            return list->parsed() ? LexiconList(o->common) : LexiconCheck(o->files, o->common);
          }};
}

}  // namespace hstag::cli
