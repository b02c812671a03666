// SPDX-License-Identifier: GPL-3.0-or-later
//
// The plain-text extractor, through the pipeline as a user's file would go.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace hstag {
namespace {

using testing::DefaultPipeline;

Document Extract(const std::string& bytes, const std::string& name = "x.txt") {
  return DefaultPipeline().ExtractBytes(bytes, name);
}

bool HasWarning(const Document& d, const std::string& needle) {
  for (const auto& w : d.warnings) {
    if (w.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(TextExtractorTest, Utf8IsTheFileItself) {
  const std::string s = "human security \xE2\x80\x94 caf\xC3\xA9\n";
  Document d = Extract(s);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.format, "text");
  EXPECT_EQ(d.text_origin, "utf8");
  EXPECT_EQ(d.text, s);
  EXPECT_TRUE(d.warnings.empty());
}

TEST(TextExtractorTest, Utf8BomIsRemoved) {
  Document d = Extract("\xEF\xBB\xBFhuman security");
  EXPECT_EQ(d.text_origin, "utf8-bom");
  EXPECT_EQ(d.text, "human security");
}

TEST(TextExtractorTest, Utf16WithBom) {
  // "hé" in UTF-16LE and UTF-16BE with BOM.
  Document le = Extract(std::string("\xFF\xFEh\0\xE9\0", 6));
  EXPECT_EQ(le.text_origin, "transcoded:UTF-16LE");
  EXPECT_EQ(le.text, "h\xC3\xA9");
  Document be = Extract(std::string("\xFE\xFF\0h\0\xE9", 6));
  EXPECT_EQ(be.text_origin, "transcoded:UTF-16BE");
  EXPECT_EQ(be.text, "h\xC3\xA9");
}

TEST(TextExtractorTest, Utf16WithoutBomIsRecognisedByItsZeros) {
  std::string le;
  for (char c : std::string("human security in UTF-16")) le += std::string{c, '\0'};
  Document d = Extract(le);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.text_origin, "transcoded:UTF-16LE");
  EXPECT_EQ(d.text, "human security in UTF-16");
  EXPECT_TRUE(HasWarning(d, "no byte order mark"));
}

TEST(TextExtractorTest, Windows1252IsDetectedAndTranscoded) {
  // French with accented letters and typographic quotes in Windows-1252.
  const std::string s =
      "La s\xE9" "curit\xE9 humaine place l'\xEAtre humain au c\x9C" "ur des politiques. "
      "Le \x93" "droit de vivre \xE0 l'abri de la peur\x94 est reconnu par l'Assembl\xE9" "e "
      "g\xE9n\xE9rale; la s\xE9" "curit\xE9 alimentaire et la s\xE9" "curit\xE9 sanitaire "
      "en font partie. Les \xE9tats membres coop\xE8rent.";
  Document d = Extract(s);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.text_origin.rfind("transcoded:", 0), 0u) << d.text_origin;
  EXPECT_NE(d.text.find("s\xC3\xA9" "curit\xC3\xA9 humaine"), std::string::npos) << d.text;
  EXPECT_TRUE(HasWarning(d, "encoding detected as"));
}

TEST(TextExtractorTest, InvalidUtf8IsRepairedAndReported) {
  Document d = Extract("caf\xC3\xA9 and na\xC3\xAFve, then a bad byte \xFF here");
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.text_origin, "repaired");
  EXPECT_EQ(d.text, "caf\xC3\xA9 and na\xC3\xAFve, then a bad byte \xEF\xBF\xBD here");
  EXPECT_TRUE(HasWarning(d, "invalid UTF-8: 1 ill-formed"));
}

TEST(TextExtractorTest, BinaryDataIsRefused) {
  Document d = Extract(std::string("\x01\x02\x03\0\0\0\x04\x05garbage\0\x7F", 17), "blob.txt");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("unsupported format"), std::string::npos)
      << d.errors[0].message;
}

TEST(TextExtractorTest, KnownBinaryFormatsAreNamed) {
  Document d = Extract(std::string("PK\x03\x04\x14\0\0\0xl/workbook.xml", 23), "a.txt");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message, "unsupported format: XLSX (Office Open XML spreadsheet)");
  // A DOCX goes to the office extractor, whatever its name: this one is cut
  // short.
  Document docx = Extract(std::string("PK\x03\x04\x14\0\0\0word/document.xml", 25), "a.txt");
  ASSERT_EQ(docx.errors.size(), 1u);
  EXPECT_EQ(docx.errors[0].message.rfind("the zip: damaged or not an archive", 0), 0u)
      << docx.errors[0].message;
  Document png = Extract("\x89PNG\r\n\x1A\n rest", "b.txt");
  ASSERT_EQ(png.errors.size(), 1u);
  EXPECT_EQ(png.errors[0].message, "unsupported format: PNG image");
}

TEST(TextExtractorTest, EmptyFileIsAWarningNotAnError) {
  Document d = Extract("");
  EXPECT_TRUE(d.errors.empty());
  EXPECT_TRUE(HasWarning(d, "empty file"));
}

}  // namespace
}  // namespace hstag
