// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hostile-input suite: one batch over bad files mixed with good ones
// (make_hostile.py builds it) must finish, report every bad file with its
// reason, keep every good file's full results, exit with 2 and print nothing
// on stderr that nobody asked for. What cannot be part of one batch (a broken
// lexicon, rules that backtrack, plugins that throw) has a test of its own
// with the same checks. The per-document limits are tested last.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag {
namespace {

using testing::AsNobody;
using testing::Binary;
using testing::Quote;
using testing::ReadAll;
using testing::Unprivileged;
using testing::RunCommand;
using testing::SourceDir;

// Each test has its own folder under the build tree's tests/hostile (ctest
// runs tests in parallel).
fs::path TestDir(const std::string& name) {
  const fs::path dir = fs::path(HSTAG_HOSTILE_DIR) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// make_hostile.py's files in `dir`: dir/batch, dir/backtracking.txt.
void Generate(const fs::path& dir) {
  auto made = RunCommand(std::string(HSTAG_PYTHON) + " " +
                         Quote(SourceDir() + "/tests/hostile/make_hostile.py") + " " +
                         Quote(SourceDir()) + " " + Quote(dir) + " 2>&1");
  ASSERT_EQ(made.status, 0) << made.out;
}

// Where Tesseract's language data is installed (as plugins/pdf/ocr.cc finds it).
fs::path InstalledTessdata() {
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) return env;
  for (const char* d :
       {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata", "/usr/local/share/tessdata"}) {
    if (fs::exists(d)) return d;
  }
  return "/usr/share/tesseract-ocr/5/tessdata";
}

const std::vector<std::string> kGood = {"good/akn_act.xml",           "good/docbook_article.xml",
                                        "good/running_heads.pdf",     "good/running_heads.html",
                                        "good/html5_named.xml",       "good/typography.txt",
                                        "good/ungdc_JPN_75_2020.txt", "good/ungdc_THA_69_2014.txt"};

// Runs a command; its stdout in .out, its stderr in *err.
testing::CommandResult RunWithStderr(const std::string& command, std::string* err) {
  // The folder exists whichever test runs first (one that works in a scratch
  // folder of the unprivileged user makes no TestDir).
  fs::create_directories(HSTAG_HOSTILE_DIR);
  const std::string err_file =
      std::string(HSTAG_HOSTILE_DIR) + "/stderr." + std::to_string(::getpid());
  auto r = RunCommand(command + " 2>" + Quote(err_file));
  *err = ReadAll(err_file);
  return r;
}

// The documents of an output folder by their path relative to `root`.
std::map<std::string, json> Docs(const fs::path& out, const fs::path& root) {
  std::map<std::string, json> docs;
  for (const auto& e : fs::recursive_directory_iterator(out / "docs")) {
    if (e.path().extension() != ".json") continue;
    json d = json::parse(ReadAll(e.path()));
    const std::string path = d["source"]["path"];
    docs[fs::path(path).lexically_relative(root).string()] = std::move(d);
  }
  return docs;
}

// The annotations of documents analysed by themselves (no --out, no other
// file), by path relative to `root`.
std::map<std::string, json> AloneAnnotations(const fs::path& root,
                                             const std::vector<std::string>& relative) {
  std::string args;
  for (const auto& r : relative) args += " " + Quote(root / r);
  auto r = RunCommand(Binary() + " analyze --format jsonl -q" + args + " 2>/dev/null");
  std::map<std::string, json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json d = json::parse(line);
    out[fs::path(d["source"]["path"].get<std::string>()).lexically_relative(root).string()] =
        d["annotations"];
  }
  return out;
}

std::string Messages(const json& list) {
  std::string s;
  for (const auto& m : list) {
    s += m["stage"].get<std::string>() + ": " + m["message"].get<std::string>() + "\n";
  }
  return s;
}

bool HasConcept(const json& doc, const std::string& concept_id) {
  for (const auto& a : doc["annotations"]) {
    if (a["concept"] == concept_id) return true;
  }
  return false;
}

// The documents of one batch, and the checks on one of them.
class BatchDocs {
 public:
  explicit BatchDocs(std::map<std::string, json> docs) : docs_(std::move(docs)) {}
  const std::map<std::string, json>& all() const { return docs_; }
  const json& Doc(const std::string& relative) const {
    static const json none = json::parse(R"({"errors": [], "warnings": [], "annotations": []})");
    auto it = docs_.find(relative);
    EXPECT_NE(it, docs_.end()) << relative << " has no document";
    return it == docs_.end() ? none : it->second;
  }
  // The document failed, and its first error says `reason`.
  void ExpectError(const std::string& relative, const std::string& stage,
                   const std::string& reason) const {
    const json& d = Doc(relative);
    ASSERT_FALSE(d["errors"].empty()) << relative << " did not fail";
    EXPECT_EQ(d["errors"][0]["stage"], stage) << relative;
    EXPECT_EQ(d["errors"][0]["message"], reason) << relative;
    EXPECT_TRUE(d["annotations"].empty()) << relative;
  }
  // The document did not fail, and one of its warnings says `reason`.
  void ExpectWarning(const std::string& relative, const std::string& reason) const {
    const json& d = Doc(relative);
    EXPECT_TRUE(d["errors"].empty()) << relative << ": " << Messages(d["errors"]);
    bool found = false;
    for (const auto& w : d["warnings"]) found = found || w["message"] == reason;
    EXPECT_TRUE(found) << relative << " lacks the warning \"" << reason << "\"; its warnings:\n"
                       << Messages(d["warnings"]);
  }

 private:
  std::map<std::string, json> docs_;
};

// One batch over every hostile file and the good ones, in two workers.
TEST(HostileInput, OneBatchOverHostileAndGoodFiles) {
  // Root reads everything: the batch runs as nobody, so that a file of mode
  // 000 is unreadable; its files lie where nobody can reach them.
  const Unprivileged& nobody = AsNobody();
  ASSERT_TRUE(nobody.ok) << nobody.why;
  const fs::path dir = nobody.prefix.empty() ? TestDir("batch") : nobody.Scratch("batch");
  ASSERT_NO_FATAL_FAILURE(Generate(dir));
  const fs::path batch = dir / "batch", out = dir / "out";
  fs::create_directories(out);
  fs::permissions(out, fs::perms::all);  // nobody writes it
  // OCR in English and French where only English is installed: the scans
  // fail, naming the language and its package (Tesseract never starts).
  const fs::path tessdata = dir / "tessdata";
  fs::create_directories(tessdata);
  fs::create_symlink(InstalledTessdata() / "eng.traineddata", tessdata / "eng.traineddata");
  std::string err;
  auto r = RunWithStderr("cd " + Quote(dir) + " && TESSDATA_PREFIX=" + Quote(tessdata) + " " +
                             nobody.prefix + nobody.binary + " analyze " + Quote(batch) +
                             " --out " + Quote(out) + " --jobs 2 --quiet --ocr-lang en+fr",
                         &err);
  const BatchDocs docs(Docs(out, batch));

  // The run: exit code 2, nothing on stderr or stdout (--quiet), a record for
  // each failed document.
  EXPECT_EQ(r.status, 2) << err;
  EXPECT_EQ(err, "");
  EXPECT_EQ(r.out, "");
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["counts"]["documents"].get<size_t>(), docs.all().size());
  EXPECT_EQ(run["counts"]["not_started"], 0);
  size_t failed = 0;
  for (const auto& [rel, d] : docs.all()) failed += !d["errors"].empty();
  EXPECT_EQ(run["counts"]["failed"].get<size_t>(), failed);
  const std::string errors = ReadAll(out / "errors.jsonl");
  EXPECT_EQ(static_cast<size_t>(std::count(errors.begin(), errors.end(), '\n')), failed);

  // Every input has its document (nothing lost, the link loop left), and
  // every bad one an error or a warning.
  size_t inputs = 0;
  for (auto it = fs::recursive_directory_iterator(batch); it != fs::end(it); ++it) {
    std::error_code ec;  // a link to itself is no directory, but an input
    const bool is_dir = fs::is_directory(it->path(), ec);
    if (is_dir && it->is_symlink()) it.disable_recursion_pending();
    if (!is_dir) ++inputs;
  }
  EXPECT_EQ(docs.all().size(), inputs);
  for (const auto& [rel, d] : docs.all()) {
    EXPECT_EQ(rel.find("/up/"), std::string::npos) << rel << ": a link loop was followed";
    // A 16 MiB attribute is no fault of the page: it must only be read.
    if (rel.rfind("good/", 0) == 0 || rel == "links/dir/inside.txt" ||
        rel == "html/huge_attribute.html") {
      continue;
    }
    EXPECT_FALSE(d["errors"].empty() && d["warnings"].empty())
        << rel << " is a bad file without an error or a warning";
  }

  // Good files: the same annotations as when analysed by themselves.
  const auto alone = AloneAnnotations(batch, kGood);
  ASSERT_EQ(alone.size(), kGood.size());
  for (const auto& g : kGood) {
    const json& d = docs.Doc(g);
    EXPECT_TRUE(d["errors"].empty()) << g << ": " << Messages(d["errors"]);
    EXPECT_GT(d["annotations"].size(), 0u) << g;
    EXPECT_EQ(d["annotations"], alone.at(g)) << g;
  }

  // PDF.
  docs.ExpectError("pdf/truncated.pdf", "extract",
                   "damaged PDF: cannot open: Couldn't read xref table; Couldn't find trailer "
                   "dictionary");
  docs.ExpectError("pdf/encrypted.pdf", "extract",
                   "encrypted PDF: a password is needed (--pdf-password)");
  const std::string no_french = "OCR language fr is not installed: fra.traineddata is not in " +
                                tessdata.string() +
                                " (install the Debian package tesseract-ocr-fra, or choose "
                                "another language with --ocr-lang)";
  docs.ExpectError("pdf/image_only.pdf", "extract", no_french);
  docs.ExpectError("pdf/scan_in_french.pdf", "extract", no_french);
  docs.ExpectError("pdf/pages_10000.pdf", "extract",
                   "PDF has 10000 pages, over the limit of 5000 pages per document (--max-pages "
                   "or extractors.pdf.options.max_pages raises it)");
  // A wrong xref table is rebuilt: the text is the intact PDF's.
  const json& xref = docs.Doc("pdf/broken_xref.pdf");
  EXPECT_TRUE(xref["errors"].empty()) << Messages(xref["errors"]);
  docs.ExpectWarning(
      "pdf/broken_xref.pdf",
      "PDF problem (recovered): xref num 1 not found but needed, try to reconstruct (once)");
  EXPECT_EQ(xref["annotations"], docs.Doc("good/running_heads.pdf")["annotations"]);

  // XML: entities of a DOCTYPE are neither expanded nor read.
  docs.ExpectWarning("xml/billion_laughs.xml",
                     "unresolved entity reference &lol9; left out of the text (entities declared "
                     "in a DOCTYPE are never expanded)");
  EXPECT_TRUE(HasConcept(docs.Doc("xml/billion_laughs.xml"), "hs.concept"));
  docs.ExpectWarning("xml/external_entity.xml",
                     "unresolved entity reference &xxe; left out of the text (entities declared "
                     "in a DOCTYPE are never expanded)");
  EXPECT_TRUE(HasConcept(docs.Doc("xml/external_entity.xml"), "hs.concept"));
  const std::string passwd = ReadAll("/etc/passwd");
  ASSERT_NE(passwd.find("root:"), std::string::npos);
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    const std::string content = ReadAll(e.path());
    EXPECT_EQ(content.find(passwd.substr(0, passwd.find('\n'))), std::string::npos) << e.path();
    EXPECT_EQ(content.find("/bin/sh"), std::string::npos) << e.path();
  }
  docs.ExpectError("xml/malformed.xml", "extract",
                   "malformed XML at line 5, column 20: Start-end tags mismatch");
  // Paragraphs nested 100,000 deep: their paths would take 35 GB.
  docs.ExpectError("xml/deep_100000.xml", "extract",
                   "element paths of more than 29977352 bytes in all (elements nested 2927 "
                   "deep): a hostile or broken document");

  // HTML5 named .xml is HTML.
  EXPECT_EQ(docs.Doc("good/html5_named.xml")["source"]["format"], "html");

  // HTML: nesting that would take gumbo minutes is refused before parsing;
  // the rest is read, with a warning where something is wrong.
  docs.ExpectError("html/deep_100000.html", "extract",
                   "elements nested more than 4096 deep (at byte 20506 of the page as UTF-8): "
                   "a hostile or broken document");
  const json& huge_attribute = docs.Doc("html/huge_attribute.html");
  EXPECT_TRUE(huge_attribute["errors"].empty()) << Messages(huge_attribute["errors"]);
  EXPECT_TRUE(HasConcept(huge_attribute, "hs.concept"));
  docs.ExpectWarning("html/truncated.html",
                     "the page ends inside a tag or a comment: the file may be cut short");
  EXPECT_TRUE(HasConcept(docs.Doc("html/truncated.html"), "pillar.freedom_from_fear"));
  docs.ExpectWarning("html/nul_bytes.html", "3 NUL byte(s) in the page, left out of the text");
  EXPECT_TRUE(HasConcept(docs.Doc("html/nul_bytes.html"), "hs.concept"));
  docs.ExpectWarning("html/invalid_utf8.html",
                     "invalid UTF-8: 2 ill-formed sequence(s) replaced by U+FFFD");
  EXPECT_EQ(docs.Doc("html/invalid_utf8.html")["source"]["text_origin"], "repaired");
  EXPECT_TRUE(HasConcept(docs.Doc("html/invalid_utf8.html"), "pillar.freedom_from_fear"));

  // Text.
  docs.ExpectWarning("text/utf16le_no_bom.txt",
                     "no byte order mark; read as UTF-16LE from the pattern of zero bytes");
  EXPECT_TRUE(HasConcept(docs.Doc("text/utf16le_no_bom.txt"), "pillar.freedom_from_want"));
  docs.ExpectWarning("text/windows1252.txt", "encoding detected as windows-1252 (confidence 53%)");
  EXPECT_EQ(docs.Doc("text/windows1252.txt")["source"]["text_origin"], "transcoded:windows-1252");
  EXPECT_TRUE(HasConcept(docs.Doc("text/windows1252.txt"), "hs.concept"));
  docs.ExpectWarning("text/invalid_utf8.txt",
                     "invalid UTF-8: 3 ill-formed sequence(s) replaced by U+FFFD");
  EXPECT_TRUE(HasConcept(docs.Doc("text/invalid_utf8.txt"), "pillar.freedom_from_fear"));
  docs.ExpectWarning("text/empty.txt", "empty file");
  docs.ExpectError("text/huge_1g.txt", "limit",
                   "over the limit of 134217728 bytes per document (--max-bytes raises it): the "
                   "file has 1073741824 bytes");
  docs.ExpectError("text/nul_bytes.txt", "extract",
                   "unsupported format: binary data that no extractor recognizes");
  const std::string odd_name = "text/name\nwith\nnewlines\xEF\xBF\xBD.txt";
  docs.ExpectWarning(odd_name,
                     "the file name is not valid UTF-8: written with U+FFFD for its bad bytes");
  EXPECT_TRUE(HasConcept(docs.Doc(odd_name), "hs.concept"));
  docs.ExpectError("text/unreadable.txt", "read", "Permission denied");
  docs.ExpectError("links/loop.txt", "read", "Too many levels of symbolic links");
}

// Office files and archives: a DOCX with broken XML, zip bombs (a DOCX and a
// zip), a password-protected zip, member names that climb out of the
// folder; beside a good DOCX.
TEST(HostileInput, OfficeFilesAndArchives) {
  const fs::path dir = TestDir("archives");
  ASSERT_NO_FATAL_FAILURE(Generate(dir));
  const fs::path in = dir / "archives", out = dir / "out";
  std::string err;
  auto r = RunWithStderr(
      Binary() + " analyze " + Quote(in) + " --out " + Quote(out) + " --jobs 2 --quiet", &err);
  EXPECT_EQ(r.status, 2) << err;
  EXPECT_EQ(err, "");
  std::map<std::string, json> by_path;  // by source.path below `in`
  for (const auto& e : fs::recursive_directory_iterator(out / "docs")) {
    if (e.path().extension() != ".json") continue;
    json d = json::parse(ReadAll(e.path()));
    const std::string path = d["source"]["path"];
    ASSERT_EQ(path.rfind(in.string() + "/", 0), 0u) << path;
    by_path[path.substr(in.string().size() + 1)] = std::move(d);
  }
  const BatchDocs docs(std::move(by_path));
  EXPECT_EQ(docs.all().size(), 8u);

  EXPECT_TRUE(docs.Doc("good.docx")["errors"].empty());
  EXPECT_TRUE(HasConcept(docs.Doc("good.docx"), "hs.concept"));
  const json& broken = docs.Doc("broken.docx");
  ASSERT_FALSE(broken["errors"].empty());
  EXPECT_EQ(broken["errors"][0]["stage"], "extract");
  EXPECT_EQ(broken["errors"][0]["message"],
            "word/document.xml: malformed XML at line 1, column 123: Start-end tags mismatch");
  const json& bomb_docx = docs.Doc("bomb.docx");
  ASSERT_FALSE(bomb_docx["errors"].empty());
  const std::string bomb_docx_error = bomb_docx["errors"][0]["message"];
  EXPECT_EQ(bomb_docx_error.rfind("over the limit of 100 unpacked bytes per packed byte "
                                  "(--max-ratio raises it): the zip (",
                                  0),
            0u)
      << bomb_docx_error;
  EXPECT_NE(bomb_docx_error.find("(at member word/document.xml): a zip bomb?"), std::string::npos)
      << bomb_docx_error;
  // The zip bomb's member fails when it is read: the walk reads no data.
  const json& bomb = docs.Doc("bomb.zip!/zeros.txt");
  ASSERT_FALSE(bomb["errors"].empty());
  EXPECT_EQ(bomb["errors"][0]["stage"], "limit");
  const std::string bomb_error = bomb["errors"][0]["message"];
  EXPECT_NE(bomb_error.find("(--max-ratio raises it): " + (in / "bomb.zip").string()),
            std::string::npos)
      << bomb_error;
  EXPECT_NE(bomb_error.find("(at member zeros.txt)"), std::string::npos) << bomb_error;
  docs.ExpectError("locked.zip!/secret.txt", "read",
                   "password-protected zip: member secret.txt is encrypted, and hstag reads no "
                   "encrypted member (unpack it with its password first)");
  EXPECT_TRUE(HasConcept(docs.Doc("locked.zip!/open.txt"), "pillar.freedom_from_want"));
  // Names that climb out are labels in source.path, percent-encoded under
  // OUT/docs; nothing is written outside it.
  EXPECT_TRUE(HasConcept(docs.Doc("traversal.zip!/../../etc/x.txt"), "hs.concept"));
  EXPECT_TRUE(HasConcept(docs.Doc("traversal.zip!//abs/y.txt"), "pillar.freedom_from_fear"));
  EXPECT_TRUE(fs::exists(out / "docs/traversal.zip!/%2E%2E/%2E%2E/etc/x.txt.json"));
  EXPECT_TRUE(fs::exists(out / "docs/traversal.zip!/%2F/abs/y.txt.json"));
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    const std::string p = e.path().string();
    if (e.is_regular_file() && e.path().extension() == ".json" && p != (out / "run.json").string() &&
        p.rfind((out / "docs").string() + "/", 0) != 0) {
      ADD_FAILURE() << p << " written outside OUT/docs";
    }
  }
  EXPECT_FALSE(fs::exists(dir / "etc"));
  EXPECT_FALSE(fs::exists(out / "etc"));
}

// 10,000 empty pages within a raised page limit: read, in bounded time.
TEST(HostileInput, TenThousandPagesWithinARaisedLimit) {
  const fs::path dir = TestDir("pages");
  ASSERT_NO_FATAL_FAILURE(Generate(dir));
  std::string err;
  auto r = RunWithStderr("timeout 60 " + Binary() + " extract --format json --max-pages 10000 " +
                             "--ocr off " + Quote(dir / "batch/pdf/pages_10000.pdf"),
                         &err);
  ASSERT_EQ(r.status, 0) << err;
  EXPECT_EQ(err, "");
  const json d = json::parse(r.out);
  EXPECT_EQ(d["pages"], 10000);
  EXPECT_EQ(Messages(d["warnings"]),
            "extract:pdf: no extractable text on any of the 10000 pages; a scanned document needs "
            "OCR first (--ocr auto)\n");
}

// A lexicon with a broken line: the run stops before any document, naming
// the file and the line.
TEST(HostileInput, LexiconWithABrokenYamlLine) {
  const std::string lexicon = SourceDir() + "/tests/data/hostile/broken_line.yaml";
  const fs::path out = TestDir("lexicon") / "out";
  std::string err;
  auto r = RunWithStderr(Binary() + " analyze " + Quote(SourceDir() + "/samples/txt") + " --out " +
                             Quote(out) + " --quiet --lexicon " + Quote(lexicon),
                         &err);
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(err, "hstag: " + lexicon + ":9:4: illegal block entry\n");
  EXPECT_FALSE(fs::exists(out / "run.json"));
}

// Patterns that backtrack exponentially in PCRE take linear time in RE2: the
// document is done well inside its time limit, and the rule that can match
// does.
TEST(HostileInput, RegexRulesThatBacktrackInPcre) {
  const fs::path dir = TestDir("regex");
  ASSERT_NO_FATAL_FAILURE(Generate(dir));
  const fs::path out = dir / "out", doc = dir / "backtracking.txt";
  std::string err;
  auto r = RunWithStderr(Binary() + " analyze " + Quote(doc) + " --out " + Quote(out) +
                             " --quiet --doc-timeout 20 --config " +
                             Quote(SourceDir() + "/tests/data/hostile/backtracking_pipeline.yaml"),
                         &err);
  EXPECT_EQ(r.status, 0) << err;
  EXPECT_EQ(err, "");
  const json d = json::parse(ReadAll(out / "docs" / "backtracking.txt.json"));
  EXPECT_TRUE(d["errors"].empty()) << Messages(d["errors"]);
  std::vector<std::string> rules;
  for (const auto& a : d["annotations"]) {
    if (a["plugin"] == "regex")
      rules.push_back(a["rule"].get<std::string>() + " " + a["text"].get<std::string>());
  }
  EXPECT_EQ(rules, std::vector<std::string>{"hostile.nested_plus aaaa"});
  EXPECT_TRUE(HasConcept(d, "hs.concept"));
}

// A plugin that throws while it is created: a fatal error (3) naming it,
// before any document.
TEST(HostileInput, PluginThatThrowsWhenCreated) {
  const fs::path out = TestDir("create") / "out";
  std::string err;
  auto r = RunWithStderr(Binary() + " analyze " + Quote(SourceDir() + "/samples/txt") + " --out " +
                             Quote(out) + " --quiet --plugin-dir " +
                             Quote(std::string(HSTAG_TEST_MODULES_DIR) + "/throws_on_create"),
                         &err);
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(err,
            "hstag: plugin 'throws-on-create' could not be created: cannot open my model file\n");
  EXPECT_FALSE(fs::exists(out / "run.json"));
}

// A plugin that throws on every document: each document fails with the
// plugin's reason, the other plugins' annotations stay.
TEST(HostileInput, PluginThatThrowsOnEveryDocument) {
  const fs::path in = SourceDir() + "/samples/txt";
  const fs::path out = TestDir("throws") / "out";
  std::string err;
  auto r = RunWithStderr(Binary() + " analyze " + Quote(in) + " --out " + Quote(out) +
                             " --quiet --jobs 2 --plugin-dir " +
                             Quote(std::string(HSTAG_TEST_MODULES_DIR) + "/throws"),
                         &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(err, "");
  auto alone = RunCommand(Binary() + " analyze --format jsonl -q " + Quote(in) + " 2>/dev/null");
  std::map<std::string, json> expected;
  std::istringstream lines(alone.out);
  for (std::string line; std::getline(lines, line);) {
    const json d = json::parse(line);
    expected[d["source"]["path"]] = d["annotations"];
  }
  const auto docs = Docs(out, "/");
  ASSERT_EQ(docs.size(), 3u);
  for (const auto& [path, d] : docs) {
    EXPECT_EQ(Messages(d["errors"]),
              "tag:throws: plugin 'throws' failed: out of coffee; its annotations for this "
              "document are dropped\n")
        << path;
    EXPECT_EQ(d["annotations"], expected["/" + path]) << path;
  }
}

// Per-document limits: a document over one fails with the limit, its value
// and the option; the next document is analysed as usual.
TEST(HostileInput, LimitsStopADocumentAndTheRunGoesOn) {
  const fs::path in = TestDir("limits") / "in", out = in.parent_path() / "out";
  fs::create_directories(in);
  fs::copy_file(SourceDir() + "/samples/txt/ungdc_THA_69_2014.txt", in / "a_bytes.txt");
  fs::copy_file(SourceDir() + "/samples/pdf/running_heads.pdf", in / "b_pages.pdf");
  fs::copy_file(SourceDir() + "/samples/xml/akn_act.xml", in / "c_segments.xml");
  std::ofstream(in / "d_annotations.txt")
      << "Human security, human security, human security, human security.\n";
  std::ofstream(in / "e_small.txt") << "Human security.\n";
  std::string err;
  auto r = RunWithStderr(Binary() + " analyze " + Quote(in) + " --out " + Quote(out) +
                             " --quiet --jobs 2 --max-bytes 8000 --max-pages 4 --max-segments 3 "
                             "--max-annotations 3",
                         &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(err, "");
  const auto docs = Docs(out, in);
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(Messages(docs.at("a_bytes.txt")["errors"]),
            "limit: over the limit of 8000 bytes per document (--max-bytes raises it): the file "
            "has 8159 bytes\n");
  EXPECT_EQ(Messages(docs.at("b_pages.pdf")["errors"]),
            "extract: PDF has 5 pages, over the limit of 4 pages per document (--max-pages or "
            "extractors.pdf.options.max_pages raises it)\n");
  EXPECT_EQ(Messages(docs.at("c_segments.xml")["errors"]),
            "limit: over the limit of 3 segments per document (--max-segments raises it): "
            "extractor 'xml' gave more\n");
  EXPECT_EQ(Messages(docs.at("d_annotations.txt")["errors"]),
            "limit: over the limit of 3 annotations per document (--max-annotations raises it): "
            "plugin 'lexicon' went past it; the document's annotations are dropped\n");
  EXPECT_TRUE(docs.at("d_annotations.txt")["annotations"].empty());
  EXPECT_TRUE(docs.at("e_small.txt")["errors"].empty())
      << Messages(docs.at("e_small.txt")["errors"]);
  EXPECT_EQ(docs.at("e_small.txt")["annotations"].size(), 1u);
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["options"]["limits"],
            json::parse(R"({"max_bytes": 8000, "max_pages": 4, "max_segments": 3,
                            "max_annotations": 3, "max_members": 10000,
                            "max_unpacked_bytes": 1073741824, "max_ratio": 100})"));
  // A limit must be a positive number.
  EXPECT_EQ(
      RunCommand(Binary() + " analyze " + Quote(in) + " --max-bytes 0 >/dev/null 2>&1").status, 1);
}

}  // namespace
}  // namespace hstag
