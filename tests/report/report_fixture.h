// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the report tests share: a scratch folder per test, a hostile
// document, running `hstag report`.
#ifndef HSTAG_TESTS_REPORT_REPORT_FIXTURE_H_
#define HSTAG_TESTS_REPORT_REPORT_FIXTURE_H_

#include <filesystem>
#include <string>

namespace hstag::testing {

// An empty folder of its own for the running test (under the gtest temp dir).
std::filesystem::path Scratch();

// A text document, in `dir`, with a file name that is markup, whose text
// holds <script> (setting document.title to "pwned" and adding an element
// with id "pwned"), </style>, a javascript: URL, broken UTF-8 and a NUL,
// besides a few concepts to highlight.
std::filesystem::path WriteHostileDocument(const std::filesystem::path& dir);

// Runs `hstag report <inputs> -o <out>`; returns its exit status.
int RunReport(const std::string& inputs, const std::filesystem::path& out);

// Elements in an HTML text: its start tags.
size_t CountStartTags(const std::string& html);

}  // namespace hstag::testing

#endif  // HSTAG_TESTS_REPORT_REPORT_FIXTURE_H_
