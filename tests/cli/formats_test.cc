// SPDX-License-Identifier: GPL-3.0-or-later
//
// One document in every format hstag reads gives the same counts: the note
// of samples/note as plain text, a web page, DOCX, ODT and PDF, and a scan
// of the PDF made here (samples/pdf/make_scan.sh: 300 dpi, seeded noise,
// turned by 1 degree, an image-only PDF), in one batch run. ctest label
// `ocr`: the scan is OCR'd.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag::testing {
namespace {

const char* const kTargets[] = {"hs.concept", "pillar.freedom_from_fear",
                                "pillar.freedom_from_want", "pillar.freedom_to_live_in_dignity"};

TEST(Formats, OneNoteInEveryFormatGivesTheSameCounts) {
  const fs::path dir = fs::path(::testing::TempDir()) / "hstag_formats";
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  const std::string note = SourceDir() + "/samples/note/human_security_note.";
  for (const char* ext : {"txt", "html", "docx", "odt", "pdf"}) {
    fs::copy_file(note + ext, dir / "in" / (std::string("note.") + ext));
  }
  const auto scan = RunCommand("sh " + Quote(SourceDir() + "/samples/pdf/make_scan.sh") + " " +
                               Quote((dir / "in" / "note.pdf").string()) + " " +
                               Quote((dir / "in" / "note_scan.pdf").string()) + " 300 1 png 2>&1");
  ASSERT_EQ(scan.status, 0) << "making the scan (scripts/setup.sh installs poppler-utils, "
                               "imagemagick and img2pdf): "
                            << scan.out;
  const std::string out = (dir / "out").string();
  const auto run = RunCommand(Binary() + " analyze " + Quote((dir / "in").string()) + " --out " +
                              Quote(out) + " --quiet 2>&1");
  ASSERT_EQ(run.status, 0) << run.out;

  std::map<std::string, json> docs;
  for (const char* name : {"note.txt", "note.html", "note.docx", "note.odt", "note.pdf",
                           "note_scan.pdf"}) {
    docs[name] = json::parse(ReadAll(out + "/docs/" + name + ".json"));
  }
  EXPECT_EQ(docs["note.txt"]["source"]["format"], "text");
  EXPECT_EQ(docs["note.html"]["source"]["format"], "html");
  EXPECT_EQ(docs["note.docx"]["source"]["format"], "docx");
  EXPECT_EQ(docs["note.odt"]["source"]["format"], "odt");
  EXPECT_EQ(docs["note.pdf"]["source"]["format"], "pdf");
  EXPECT_EQ(docs["note_scan.pdf"]["source"]["text_origin"], "ocr");

  auto count = [&](const std::string& name, const char* id) -> int64_t {
    const json& c = docs[name]["summary"]["concepts"];
    return c.contains(id) ? c[id]["total"].get<int64_t>() : 0;
  };
  for (const char* id : kTargets) {
    const int64_t text = count("note.txt", id);
    EXPECT_GT(text, 0) << id;
    for (const char* name : {"note.html", "note.docx", "note.odt", "note.pdf"}) {
      EXPECT_EQ(count(name, id), text) << id << " in " << name;
    }
    // The scan: within 3% of the text (with these counts, the same).
    const int64_t scanned = count("note_scan.pdf", id);
    EXPECT_LE(std::abs(scanned - text) * 100, 3 * text) << id << ": " << scanned << " vs " << text;
  }
}

}  // namespace
}  // namespace hstag::testing
