// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers of the HTML extractor's tests: a document extracted by the
// pipeline with the built-in plugins and the shipped config, and views of
// its segments.
#ifndef HSTAG_TESTS_PLUGINS_HTML_HTML_TEST_SUPPORT_H_
#define HSTAG_TESTS_PLUGINS_HTML_HTML_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "test_support.h"

namespace hstag::testing {

inline Document ExtractHtml(const std::string& bytes, const std::string& name = "page.html") {
  return DefaultPipeline().ExtractBytes(bytes, name);
}

inline std::vector<std::string> Xpaths(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.segments) out.push_back(s.xpath);
  return out;
}

inline std::vector<std::string> Texts(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.segments) out.push_back(d.text.substr(s.start, s.end - s.start));
  return out;
}

inline std::string Messages(const std::vector<Message>& list) {
  std::string out;
  for (const auto& m : list) out += m.message + "\n";
  return out;
}

}  // namespace hstag::testing

#endif  // HSTAG_TESTS_PLUGINS_HTML_HTML_TEST_SUPPORT_H_
