// SPDX-License-Identifier: GPL-3.0-or-later
//
// The same text as HTML, as plain text and as PDF gives the same counts:
// samples/html holds web pages of two samples (samples/SOURCES.md says how
// they were made); their hs.concept and freedom counts (outside
// boilerplate) are those of the other versions.
#include <gtest/gtest.h>

#include <string>

#include "hstag/summary.h"
#include "html_test_support.h"

namespace hstag::testing {
namespace {

struct Counts {
  uint64_t hs_concept = 0, fear = 0, want = 0, dignity = 0;
  size_t annotations = 0;
  bool operator==(const Counts&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Counts& c) {
  return os << "{hs.concept " << c.hs_concept << ", fear " << c.fear << ", want " << c.want
            << ", dignity " << c.dignity << ", annotations " << c.annotations << "}";
}

Counts CountsOf(const std::string& sample, std::string* format) {
  const AnalysisResult r = DefaultPipeline().Run(SourceDir() + "/samples/" + sample, sample);
  EXPECT_TRUE(r.doc.errors.empty()) << sample << ": " << Messages(r.doc.errors);
  *format = r.doc.format;
  const Summary s = Summarize(r, DefaultPipeline());
  Counts c;
  if (const Summary::Concept* hs = s.FindConcept("hs.concept")) c.hs_concept = hs->total;
  c.fear = s.profile.freedoms[0].count;
  c.want = s.profile.freedoms[1].count;
  c.dignity = s.profile.freedoms[2].count;
  for (const auto& a : r.annotations) {
    c.annotations += !r.doc.segments.at(a.segment).boilerplate;
  }
  return c;
}

TEST(HtmlSamples, SameCountsAsThePdf) {
  std::string html_format, pdf_format;
  const Counts html = CountsOf("html/running_heads.html", &html_format);
  const Counts pdf = CountsOf("pdf/running_heads.pdf", &pdf_format);
  EXPECT_EQ(html_format, "html");
  EXPECT_EQ(pdf_format, "pdf");
  EXPECT_GT(html.hs_concept, 0u);
  EXPECT_GT(html.fear + html.want, 0u);
  EXPECT_EQ(html, pdf);
}

TEST(HtmlSamples, PandocPageHasTheCountsOfTheText) {
  std::string html_format, text_format;
  const Counts html = CountsOf("html/ungdc_THA_69_2014.html", &html_format);
  const Counts text = CountsOf("txt/ungdc_THA_69_2014.txt", &text_format);
  EXPECT_EQ(html_format, "html");
  EXPECT_EQ(text_format, "text");
  EXPECT_GT(html.hs_concept, 0u);
  EXPECT_EQ(html, text);
}

TEST(HtmlSamples, PandocStandalonePage) {
  const Document d = DefaultPipeline().Extract(SourceDir() + "/samples/html/ungdc_THA_69_2014.html",
                                               "ungdc_THA_69_2014.html");
  ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.metadata.at("generator"), "pandoc");
  EXPECT_EQ(d.language, "en");
  // Its style sheet is no text; every paragraph is a segment.
  EXPECT_EQ(d.text.find("line-height"), std::string::npos);
  EXPECT_GT(d.segments.size(), 10u);
  EXPECT_EQ(d.segments[0].xpath, "/html/body[1]/p[1]");
}

TEST(HtmlSamples, WebPageAsBrowsersWriteIt) {
  const Document d = DefaultPipeline().Extract(SourceDir() + "/samples/html/running_heads.html",
                                               "running_heads.html");
  ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
  EXPECT_EQ(d.metadata.at("title"), "On Sampling Policy Texts \u2014 Human Security Sampler");
  EXPECT_EQ(d.metadata.at("author"), "A. N. Author");
  EXPECT_EQ(d.segments.front().xpath, "/html/body[1]/header[1]/p[1]");
  EXPECT_TRUE(d.segments.front().boilerplate);
  EXPECT_EQ(Texts(d).front(), "Human Security Sampler Working Paper 7");
  EXPECT_EQ(d.text.find("needs no script"), std::string::npos);  // <noscript>
}

// The well-formed HTML5 page of samples/xml, which the XML extractor read
// before there was an HTML extractor, gives the same segments here.
TEST(HtmlSamples, WellFormedHtml5) {
  const Document d =
      DefaultPipeline().Extract(SourceDir() + "/samples/xml/html5_udhr.html", "html5_udhr.html");
  ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(Xpaths(d),
            (std::vector<std::string>{"/html/body[1]/h1[1]", "/html/body[1]/header[1]/h2[1]",
                                      "/html/body[1]/header[1]/p[1]"}));
  EXPECT_NE(d.text.find("freedom from fear"), std::string::npos);
}

}  // namespace
}  // namespace hstag::testing
