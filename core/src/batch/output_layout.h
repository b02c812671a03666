// SPDX-License-Identifier: GPL-3.0-or-later
//
// The names under a batch run's output folder OUT, and only here:
//
//   OUT/docs/<relative path>.json     each document (hstag.document/1)
//   OUT/reports/<relative path>.html  its HTML report (--format html)
//   OUT/index.html                    the run's index (--format html)
//   OUT/corpus.jsonl                  one line per document
//   OUT/matrix.csv                    document x concept
//   OUT/annotations.csv               one row per annotation
//   OUT/errors.jsonl                  one line per failed document
//   OUT/run.json                      the manifest (batch/manifest.h)
//   OUT/state.jsonl                   what --resume knows (batch/state.h)
//   OUT/state.journal.jsonl           the same, as a run goes
//
// <relative path> is the input's path relative to its root (Input::relative).
// An archive member's is the archive's, "!/", and the member's name with
// every part that could leave the folder or meet another name
// percent-encoded (MemberRelative): OUT/docs/a.zip!/inner/x.pdf.json.
// A file being written has a temporary name beside its final one until it is
// complete (TemporaryPath in util/util.h).
//
// Thread safety: an immutable value.
#ifndef HSTAG_BATCH_OUTPUT_LAYOUT_H_
#define HSTAG_BATCH_OUTPUT_LAYOUT_H_

#include <string>
#include <string_view>

namespace hstag {

class OutputLayout {
 public:
  // `root`: OUT as given (a trailing slash is dropped).
  explicit OutputLayout(std::string root) : root_(std::move(root)) {
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  }

  const std::string& root() const { return root_; }

  // The relative path of an archive member: `archive_relative`, "!/", and
  // the member's name part by part, each ".." written %2E%2E, "." %2E, an
  // empty part (a leading, doubled or trailing "/") %2F, and "%" %25 in
  // every part, so that no name leaves OUT/docs and no two names meet.
  static std::string MemberRelative(std::string_view archive_relative, std::string_view member) {
    std::string out(archive_relative);
    out += "!/";
    size_t i = 0;
    for (;;) {
      const size_t j = member.find('/', i);
      const std::string_view part =
          member.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i);
      if (part.empty()) {
        out += "%2F";
      } else if (part == ".") {
        out += "%2E";
      } else if (part == "..") {
        out += "%2E%2E";
      } else {
        for (char c : part) {
          if (c == '%') {
            out += "%25";
          } else {
            out += c;
          }
        }
      }
      if (j == std::string_view::npos) break;
      out += '/';
      i = j + 1;
    }
    return out;
  }
  std::string Docs() const { return In("docs"); }
  std::string DocJson(std::string_view relative) const {
    return Docs() + "/" + std::string(relative) + ".json";
  }
  // A document's report, and the same as a link from the index.
  std::string Report(std::string_view relative) const { return In(ReportHref(relative)); }
  static std::string ReportHref(std::string_view relative) {
    return "reports/" + std::string(relative) + ".html";
  }
  std::string Index() const { return In("index.html"); }
  std::string Corpus() const { return In("corpus.jsonl"); }
  std::string Matrix() const { return In("matrix.csv"); }
  std::string Annotations() const { return In("annotations.csv"); }
  std::string Errors() const { return In("errors.jsonl"); }
  std::string Run() const { return In("run.json"); }
  std::string State() const { return In("state.jsonl"); }
  std::string StateJournal() const { return In("state.journal.jsonl"); }

 private:
  std::string In(std::string_view name) const { return root_ + "/" + std::string(name); }
  std::string root_;
};

}  // namespace hstag

#endif  // HSTAG_BATCH_OUTPUT_LAYOUT_H_
