// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PDF extractor on the committed samples (samples/pdf and the broken
// PDFs of tests/plugins/pdf/data/broken, made by samples/pdf/make_samples.sh):
// pages, labels, running heads, metadata, encryption, damage, limits,
// sniffing, and nothing from Poppler on stderr.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "hstag/writer.h"
#include "hstag/plugin_abi.h"
#include "hstag/summary.h"
#include "pdf_test_util.h"

extern "C" const hstag_plugin_v2* hstag_builtin_pdf_query(uint32_t);

namespace hstag::testing {
namespace {

std::string SegmentText(const Document& d, const Segment& s) {
  return d.text.substr(s.start, s.end - s.start);
}

// running_heads.pdf: five pages, each with the running header "Human
// Security Sampler / Working Paper 7" and the footer "Sample Institute /
// Page <label>"; page labels i, 1, 2, 3, 4; "human security" in the body of
// pages 2 and 4.
TEST(PdfSamples, PagesLabelsAndRunningHeads) {
  const Document d = SamplePipeline().Extract(PdfSample("running_heads.pdf"), "running_heads.pdf");
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  EXPECT_TRUE(d.warnings.empty()) << Messages(d);
  EXPECT_EQ(d.format, "pdf");
  EXPECT_EQ(d.pages, 5u);
  EXPECT_EQ(std::count(d.text.begin(), d.text.end(), '\f'), 4);
  ASSERT_EQ(d.segments.size(), 15u);
  const std::vector<std::string> labels = {"i", "1", "2", "3", "4"};
  const std::vector<std::string> bodies = {
      "This first page introduces the sampler.", "The second page names human security",
      "The third page describes", "The fourth page finds that human security",
      "The fifth page lists the texts."};
  for (uint32_t p = 1; p <= 5; ++p) {
    const Segment& head = d.segments[(p - 1) * 3];
    const Segment& body = d.segments[(p - 1) * 3 + 1];
    const Segment& foot = d.segments[(p - 1) * 3 + 2];
    for (const Segment* s : {&head, &body, &foot}) {
      EXPECT_EQ(s->page, p);
      EXPECT_EQ(s->page_label, labels[p - 1]);
    }
    EXPECT_TRUE(head.boilerplate);
    EXPECT_FALSE(body.boilerplate);
    EXPECT_TRUE(foot.boilerplate);
    EXPECT_EQ(SegmentText(d, head), "Human Security Sampler\n\nWorking Paper 7") << p;
    EXPECT_NE(SegmentText(d, body).find(bodies[p - 1]), std::string::npos) << p;
    EXPECT_EQ(SegmentText(d, foot), "Sample Institute\n\nPage " + labels[p - 1]) << p;
    // Only this page's text is in this page's segments.
    for (uint32_t q = 1; q <= 5; ++q) {
      if (q != p) EXPECT_EQ(SegmentText(d, body).find(bodies[q - 1]), std::string::npos);
    }
  }
}

TEST(PdfSamples, Metadata) {
  const Document d = SamplePipeline().Extract(PdfSample("running_heads.pdf"), "running_heads.pdf");
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  const std::map<std::string, std::string> want = {{"title", "On Sampling Policy Texts"},
                                                   {"author", "A. N. Author"},
                                                   {"subject", "PDF extractor test sample"},
                                                   {"keywords", "human security, sampling"},
                                                   {"creator", "groff -ms"},
                                                   {"creation_date", "2024-01-02T03:04:05Z"},
                                                   {"modification_date", "2024-02-03T04:05:06Z"},
                                                   {"page_count", "5"},
                                                   {"pdf_version", "1.7"}};
  for (const auto& [k, v] : want) {
    auto it = d.metadata.find(k);
    ASSERT_NE(it, d.metadata.end()) << k;
    EXPECT_EQ(it->second, v) << k;
  }
  ASSERT_TRUE(d.metadata.count("producer"));
  EXPECT_EQ(d.metadata.at("producer").rfind("GPL Ghostscript", 0), 0u);
}

TEST(PdfSamples, AnnotationPagesAndBoilerplate) {
  const AnalysisResult r =
      SamplePipeline().Run(PdfSample("running_heads.pdf"), "running_heads.pdf");
  ASSERT_FALSE(r.failed()) << Messages(r.doc);
  std::vector<uint32_t> body_pages, boiler_pages;
  for (const auto& a : r.annotations) {
    ASSERT_EQ(a.concept_id, "hs.concept");
    const Segment& s = r.doc.segments[a.segment];
    (s.boilerplate ? boiler_pages : body_pages).push_back(s.page);
  }
  EXPECT_EQ(body_pages, (std::vector<uint32_t>{2, 4}));
  EXPECT_EQ(boiler_pages, (std::vector<uint32_t>{1, 2, 3, 4, 5}));

  // The summary counts the header matches apart.
  const auto summary = SummaryJson(Summarize(r, SamplePipeline()));
  EXPECT_EQ(summary["concepts"]["hs.concept"]["explicit"], 2);
  EXPECT_EQ(summary["concepts"]["hs.concept"]["boilerplate"], 5);
  // Words of headers and footers are not counted.
  size_t boiler_words = 0, all_words = 0;
  for (const auto& s : r.doc.segments) {
    std::istringstream in(SegmentText(r.doc, s));
    size_t n = 0;
    for (std::string w; in >> w;) ++n;
    all_words += n;
    if (s.boilerplate) boiler_words += n;
  }
  EXPECT_GT(boiler_words, 0u);
  EXPECT_LE(r.stats.words, all_words - boiler_words);
  EXPECT_GT(r.stats.words, 40u);

  // The output JSON carries the page and the flag.
  const auto j = DocumentJson(r, SamplePipeline(), ToolJson(SamplePipeline()), {});
  size_t flagged = 0;
  for (const auto& a : j["annotations"]) {
    EXPECT_TRUE(a.contains("page"));
    if (a.value("boilerplate", false)) ++flagged;
  }
  EXPECT_EQ(flagged, 5u);
}

TEST(PdfSamples, EncryptedNeedsAPassword) {
  const Document d = SamplePipeline().Extract(EncryptedPdf(), "e.pdf");
  ASSERT_EQ(d.errors.size(), 1u) << Messages(d);
  EXPECT_EQ(d.errors[0].message, "encrypted PDF: a password is needed (--pdf-password)");
}

TEST(PdfSamples, EncryptedWithThePassword) {
  auto p = PdfPipeline(R"({"password": "user"})");
  ASSERT_TRUE(p);
  const Document d = p->Extract(EncryptedPdf(), "e.pdf");
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  EXPECT_EQ(d.pages, 5u);
  EXPECT_NE(d.text.find("The fourth page finds that human security"), std::string::npos);
  // The owner password opens it too.
  auto owner = PdfPipeline(R"({"password": "owner"})");
  ASSERT_TRUE(owner);
  EXPECT_TRUE(owner->Extract(EncryptedPdf(), "e.pdf").errors.empty());
}

TEST(PdfSamples, EncryptedWithAWrongPassword) {
  auto p = PdfPipeline(R"({"password": "wrong"})");
  ASSERT_TRUE(p);
  const Document d = p->Extract(EncryptedPdf(), "e.pdf");
  ASSERT_EQ(d.errors.size(), 1u) << Messages(d);
  EXPECT_EQ(d.errors[0].message,
            "encrypted PDF: the password given (--pdf-password) does not open it");
}

TEST(PdfSamples, EncryptedWithAnEmptyUserPasswordOpens) {
  const Document d = SamplePipeline().Extract(PdfSample("encrypted_owner_only.pdf"), "o.pdf");
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  EXPECT_EQ(d.pages, 5u);
}

TEST(PdfSamples, TruncatedAndGarbageCannotBeOpened) {
  for (const char* name : {"truncated.pdf", "garbage.pdf"}) {
    const Document d = SamplePipeline().Extract(BrokenPdf(name), name);
    ASSERT_EQ(d.errors.size(), 1u) << name << "\n" << Messages(d);
    const std::string& m = d.errors[0].message;
    EXPECT_EQ(m.rfind("damaged PDF: cannot open: ", 0), 0u) << m;
    // Poppler's reason follows.
    EXPECT_GT(m.size(), std::string("damaged PDF: cannot open: ").size() + 5) << m;
    EXPECT_EQ(m.find("no reason given"), std::string::npos) << m;
  }
}

TEST(PdfSamples, DamagedStreamIsRecoveredWithWarnings) {
  const Document d = SamplePipeline().Extract(BrokenPdf("damaged_stream.pdf"), "d.pdf");
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  EXPECT_EQ(d.pages, 5u);
  bool problem_on_page_2 = false;
  for (const auto& w : d.warnings) {
    if (w.message.rfind("PDF problem (recovered): ", 0) == 0 &&
        w.message.find("page 2)") != std::string::npos) {
      problem_on_page_2 = true;
    }
  }
  EXPECT_TRUE(problem_on_page_2) << Messages(d);
  EXPECT_TRUE(HasWarning(d, "no extractable text on page 2;")) << Messages(d);
  // The other pages are intact.
  EXPECT_NE(d.text.find("The fourth page finds"), std::string::npos);
}

TEST(PdfSamples, BlankPageWarning) {
  const Document d = SamplePipeline().Extract(PdfSample("blank_pages.pdf"), "b.pdf");
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  ASSERT_EQ(d.warnings.size(), 1u) << Messages(d);
  EXPECT_EQ(d.warnings[0].message,
            "no extractable text on page 2; a scanned document needs OCR first (--ocr auto)");
  ASSERT_EQ(d.segments.size(), 3u);
  EXPECT_EQ(d.segments[1].page, 2u);
  EXPECT_EQ(d.segments[1].start, d.segments[1].end);
  EXPECT_EQ(d.segments[2].page, 3u);
  EXPECT_EQ(SegmentText(d, d.segments[2]), "The third page has text again.");
}

TEST(PdfSamples, NoTextAtAllIsAWarningNotAnError) {
  const AnalysisResult r = SamplePipeline().Run(PdfSample("no_text.pdf"), "n.pdf");
  EXPECT_FALSE(r.failed()) << Messages(r.doc);
  EXPECT_TRUE(HasWarning(r.doc,
                         "no extractable text on any of the 2 pages; a scanned document "
                         "needs OCR first"))
      << Messages(r.doc);
  EXPECT_EQ(r.doc.pages, 2u);
  EXPECT_TRUE(r.annotations.empty());
}

TEST(PdfSamples, SniffedByContentNotByName) {
  const Document d = SamplePipeline().Extract(PdfSample("pdf_named.txt"), "pdf_named.txt");
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  EXPECT_EQ(d.format, "pdf");
  EXPECT_EQ(d.pages, 5u);

  const hstag_plugin_v2* pdf = hstag_builtin_pdf_query(HSTAG_PLUGIN_ABI_VERSION);
  ASSERT_NE(pdf, nullptr);
  auto sniff = [&](const std::string& head, const char* ext) {
    return pdf->sniff(reinterpret_cast<const uint8_t*>(head.data()), head.size(),
                      {ext, std::char_traits<char>::length(ext)});
  };
  EXPECT_EQ(sniff("%PDF-1.7\n", "txt"), 100);
  EXPECT_EQ(sniff(std::string(500, ' ') + "%PDF-1.4", ""), 100);  // junk before the header
  EXPECT_EQ(sniff(std::string(1100, ' ') + "%PDF-1.4", "pdf"), 0);
  EXPECT_EQ(sniff("Plain text named .pdf", "pdf"), 0);
  EXPECT_EQ(std::string(pdf->libraries).rfind("poppler-cpp 22.", 0), 0u) << pdf->libraries;
}

TEST(PdfSamples, PageLimit) {
  auto p = PdfPipeline(R"({"max_pages": 3})");
  ASSERT_TRUE(p);
  const Document d = p->Extract(PdfSample("running_heads.pdf"), "r.pdf");
  ASSERT_EQ(d.errors.size(), 1u) << Messages(d);
  EXPECT_EQ(d.errors[0].message,
            "PDF has 5 pages, over the limit of 3 pages per document (--max-pages or "
            "extractors.pdf.options.max_pages raises it)");
  auto ok = PdfPipeline(R"({"max_pages": 5})");
  ASSERT_TRUE(ok);
  EXPECT_TRUE(ok->Extract(PdfSample("running_heads.pdf"), "r.pdf").errors.empty());
}

TEST(PdfSamples, SizeLimit) {
  auto p = PdfPipeline(R"({"max_bytes": 1000})");
  ASSERT_TRUE(p);
  const Document d = p->Extract(PdfSample("running_heads.pdf"), "r.pdf");
  ASSERT_EQ(d.errors.size(), 1u) << Messages(d);
  const std::string& m = d.errors[0].message;
  EXPECT_EQ(m.rfind("PDF is ", 0), 0u) << m;
  EXPECT_NE(m.find("over the limit of 1000 bytes per PDF"), std::string::npos) << m;
  EXPECT_NE(m.find("(--max-bytes or extractors.pdf.options.max_bytes raises it)"),
            std::string::npos)
      << m;
}

TEST(PdfSamples, BadOptionsFailThePipeline) {
  for (const char* options : {R"({"max_pages": -1})", R"({"max_pages": "ten"})",
                              R"({"password": 12})", R"({"pasword": "x"})"}) {
    PipelineOptions o;
    o.builtins = BuiltinPlugins();
    o.lexicons = {SourceDir() + "/tests/plugins/pdf/data/pdf_test.yaml"};
    o.plugin_options.emplace_back("pdf", options);
    auto r = Pipeline::Create(o);
    ASSERT_FALSE(r.ok()) << options;
    EXPECT_NE(r.error().find("pdf option"), std::string::npos) << r.error();
  }
}

TEST(PdfSamples, NothingFromPopplerOnStderr) {
  StderrCapture capture;
  for (const char* name : {"running_heads.pdf", "blank_pages.pdf"}) {
    (void)SamplePipeline().Run(PdfSample(name), name);
  }
  (void)SamplePipeline().Run(EncryptedPdf(), "encrypted_user.pdf");
  for (const char* name : {"damaged_stream.pdf", "truncated.pdf", "garbage.pdf"}) {
    (void)SamplePipeline().Run(BrokenPdf(name), name);
  }
  EXPECT_EQ(capture.Take(), "");
}

// Documents extracted at the same time on several threads keep their own
// Poppler messages.
TEST(PdfSamples, MessagesStayWithTheirDocument) {
  const Pipeline& p = SamplePipeline();
  std::atomic<int> bad{0};
  auto work = [&](int seed) {
    for (int i = 0; i < 6; ++i) {
      if ((i + seed) % 2) {
        const Document d = p.Extract(PdfSample("running_heads.pdf"), "r.pdf");
        if (!d.warnings.empty() || !d.errors.empty()) ++bad;
      } else {
        const Document d = p.Extract(BrokenPdf("damaged_stream.pdf"), "d.pdf");
        if (d.warnings.size() != 2 || !d.errors.empty()) ++bad;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(work, t);
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
}

// The command line: `extract` prints the text, `--format json` the segments
// with their provenance, and stderr has only hstag's own lines.
TEST(PdfCli, ExtractTextAndJson) {
  const std::string lex = " --lexicon=" + SourceDir() + "/tests/plugins/pdf/data/pdf_test.yaml ";
  const std::string err = ::testing::TempDir() + "pdf_cli_stderr.txt";
  auto text =
      RunCommand(Binary() + " extract" + lex + PdfSample("running_heads.pdf") + " 2>" + err);
  EXPECT_EQ(text.status, 0);
  EXPECT_EQ(std::count(text.out.begin(), text.out.end(), '\f'), 4);
  EXPECT_NE(text.out.find("The second page names human security"), std::string::npos);

  auto json = RunCommand(Binary() + " extract --format json" + lex +
                         PdfSample("running_heads.pdf") + " 2>>" + err);
  EXPECT_EQ(json.status, 0);
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["format"], "pdf");
  EXPECT_EQ(j["pages"], 5);
  EXPECT_EQ(j["metadata"]["title"], "On Sampling Policy Texts");
  ASSERT_EQ(j["segments"].size(), 15u);
  EXPECT_EQ(j["segments"][4]["page"], 2);
  EXPECT_EQ(j["segments"][4]["page_label"], "1");
  EXPECT_FALSE(j["segments"][4].contains("boilerplate"));
  EXPECT_EQ(j["segments"][3]["boilerplate"], true);

  auto pw = RunCommand(Binary() + " extract --pdf-password user" + lex +
                       EncryptedPdf() + " 2>>" + err);
  EXPECT_EQ(pw.status, 0);
  EXPECT_NE(pw.out.find("The fifth page lists the texts."), std::string::npos);

  std::ifstream in(err);
  std::stringstream all;
  all << in.rdbuf();
  EXPECT_EQ(all.str(), "");
}

TEST(PdfCli, AnalyzeStderrHasOnlyHstagLines) {
  const std::string lex = " --lexicon=" + SourceDir() + "/tests/plugins/pdf/data/pdf_test.yaml ";
  const std::string err = ::testing::TempDir() + "pdf_analyze_stderr.txt";
  const std::string out = ::testing::TempDir() + "pdf_analyze_out";
  auto r = RunCommand(Binary() + " analyze " + SourceDir() + "/samples/pdf " + SourceDir() +
                      "/tests/plugins/pdf/data/broken " + EncryptedPdf() + lex +
                      "--ocr off --out " + out + " >/dev/null 2>" + err);
  EXPECT_EQ(r.status, 2);  // some documents failed
  std::ifstream in(err);
  std::set<std::string> failed;
  for (std::string line; std::getline(in, line);) {
    ASSERT_EQ(line.rfind("hstag: ", 0), 0u) << line;
    for (const char* name : {"truncated.pdf", "garbage.pdf", "encrypted_user.pdf"}) {
      if (line.find(name) != std::string::npos) failed.insert(name);
    }
  }
  EXPECT_EQ(failed.size(), 3u);
}

}  // namespace
}  // namespace hstag::testing
