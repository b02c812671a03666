// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers of the XML extractor's tests: a pipeline with the built-in plugins
// and a fixed test lexicon (tests/plugins/xml/data/test_lexicon.yaml), so that the
// expected annotations do not depend on the shipped lexicons.
#ifndef HSTAG_TESTS_XML_XML_TEST_SUPPORT_H_
#define HSTAG_TESTS_XML_XML_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace hstag::testing {

inline std::unique_ptr<Pipeline> MakeXmlPipeline(
    std::vector<std::pair<std::string, std::string>> plugin_options = {}) {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.lexicons = {SourceDir() + "/tests/plugins/xml/data/test_lexicon.yaml"};
  o.plugin_options = std::move(plugin_options);
  auto r = Pipeline::Create(o);
  if (!r.ok()) {
    ADD_FAILURE() << r.error();
    return nullptr;
  }
  return std::move(r).value();
}

inline const Pipeline& XmlPipeline() {
  static const std::unique_ptr<Pipeline> p = [] {
    auto made = MakeXmlPipeline();
    if (!made) std::abort();
    return made;
  }();
  return *p;
}

inline std::string Sample(const std::string& name) {
  return SourceDir() + "/samples/xml/" + name;
}

// A file of the hostile-input set (tests/data/hostile): not a sample to show.
inline std::string Hostile(const std::string& name) {
  return std::string(HSTAG_SOURCE_DIR) + "/tests/data/hostile/" + name;
}

}  // namespace hstag::testing

#endif  // HSTAG_TESTS_XML_XML_TEST_SUPPORT_H_
