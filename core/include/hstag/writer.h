// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writers: the document JSON ("hstag.document/1", core/schema/), which
// carries the summary of hstag/summary.h, and the JSON events (JsonSink) that
// a writer or a tree builder receives. The tagger side knows nothing of
// these.
//
// Thread safety: free functions; the Pipeline is only read.
#ifndef HSTAG_OUTPUT_H_
#define HSTAG_OUTPUT_H_

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hstag/pipeline.h"
#include "hstag/status.h"

namespace hstag {

using ordered_json = nlohmann::ordered_json;

struct OutputOptions {
  bool emit_text = false;  // add the extracted text and its segments
};

// The `tool` block: versions of hstag and its libraries, lexicons with their
// hashes, plugins with their versions. The same for every document of a run.
ordered_json ToolJson(const Pipeline& pipeline);

// A JSON value as a sequence of events, the way a SAX parser reports one: a
// renderer writes each value once, for a JsonWriter (text, no tree built)
// or a JsonBuilder (a tree, for the code that reads it back). Members and
// elements come in the order they are given; a key is followed by its value.
class JsonSink {
 public:
  virtual ~JsonSink() = default;
  virtual void BeginObject() = 0;
  virtual void EndObject() = 0;
  virtual void BeginArray() = 0;
  virtual void EndArray() = 0;
  virtual void Key(std::string_view key) = 0;
  virtual void String(std::string_view s) = 0;
  virtual void Uint(uint64_t n) = 0;
  virtual void Int(int64_t n) = 0;
  virtual void Double(double x) = 0;  // not finite: written as null, as nlohmann does
  virtual void Bool(bool b) = 0;
  virtual void Null() = 0;
  virtual void Value(const ordered_json& j) = 0;  // a whole tree

  // Key(key) then the value (a sink may write the two at once).
  virtual void Member(std::string_view key, std::string_view s) { Key(key), String(s); }
  virtual void Member(std::string_view key, uint64_t n) { Key(key), Uint(n); }
  void Member(std::string_view key, const char* s) { Member(key, std::string_view(s)); }
  void Member(std::string_view key, const std::string& s) { Member(key, std::string_view(s)); }
  void Member(std::string_view key, uint32_t n) { Member(key, uint64_t{n}); }
  void Member(std::string_view key, int64_t n) { Key(key), Int(n); }
  void Member(std::string_view key, double x) { Key(key), Double(x); }
  void Member(std::string_view key, bool b) { Key(key), Bool(b); }
  void Member(std::string_view key, std::nullptr_t) { Key(key), Null(); }
};

// A tree's events, as a renderer would give them, into `sink`.
void Replay(const ordered_json& j, JsonSink& sink);

// Gives every event to each of its sinks, in order: a document written once
// to its text and to what reads it as it goes.
class TeeSink final : public JsonSink {
 public:
  explicit TeeSink(std::vector<JsonSink*> sinks) : sinks_(std::move(sinks)) {}
  void BeginObject() override { Each([](JsonSink& s) { s.BeginObject(); }); }
  void EndObject() override { Each([](JsonSink& s) { s.EndObject(); }); }
  void BeginArray() override { Each([](JsonSink& s) { s.BeginArray(); }); }
  void EndArray() override { Each([](JsonSink& s) { s.EndArray(); }); }
  void Key(std::string_view key) override { Each([&](JsonSink& s) { s.Key(key); }); }
  void String(std::string_view v) override { Each([&](JsonSink& s) { s.String(v); }); }
  void Uint(uint64_t n) override { Each([&](JsonSink& s) { s.Uint(n); }); }
  void Int(int64_t n) override { Each([&](JsonSink& s) { s.Int(n); }); }
  void Double(double x) override { Each([&](JsonSink& s) { s.Double(x); }); }
  void Bool(bool b) override { Each([&](JsonSink& s) { s.Bool(b); }); }
  void Null() override { Each([](JsonSink& s) { s.Null(); }); }
  void Value(const ordered_json& j) override { Each([&](JsonSink& s) { s.Value(j); }); }
  void Member(std::string_view key, std::string_view v) override {
    Each([&](JsonSink& s) { s.Member(key, v); });
  }
  void Member(std::string_view key, uint64_t n) override {
    Each([&](JsonSink& s) { s.Member(key, n); });
  }

 private:
  template <typename F>
  void Each(F&& f) {
    for (JsonSink* s : sinks_) f(*s);
  }
  std::vector<JsonSink*> sinks_;
};

// Appends the text of the values it is given to `out`, in nlohmann's layout:
// compact without `indent`, else one member or element a line, indented by
// `indent` spaces a level, and "key": value. UTF-8 is written as it is;
// ill-formed UTF-8 (never expected) is replaced, not thrown.
class JsonWriter final : public JsonSink {
 public:
  explicit JsonWriter(std::string* out, int indent = -1) : out_(*out), indent_(indent) {}
  void BeginObject() override { Open('{'); }
  void EndObject() override { Close('}'); }
  void BeginArray() override { Open('['); }
  void EndArray() override { Close(']'); }
  void Key(std::string_view key) override;
  void String(std::string_view s) override;
  void Uint(uint64_t n) override;
  void Int(int64_t n) override;
  void Double(double x) override;
  void Bool(bool b) override;
  void Null() override;
  void Value(const ordered_json& j) override;
  // A member whose key and value are short and need no escape (most of
  // them) in one append.
  using JsonSink::Member;
  void Member(std::string_view key, std::string_view s) override;
  void Member(std::string_view key, uint64_t n) override;

 private:
  void Open(char bracket);
  void Close(char bracket);
  // What goes before a member or element: in the compact layout a comma at
  // most, put into `buf` (its length returned); in the other the comma and
  // the line break, written at once (0 returned).
  size_t Separator(char* buf);
  void Separate();  // the same, written
  // After the separator, `s` as a string literal then `tail`: in one append
  // when `s` is short and needs no escape, as keys and IDs are.
  void Quoted(std::string_view s, std::string_view tail);
  // The separator, then `key` (short, needing no escape) quoted and its
  // colon, into `buf`; returns the end of what it put there.
  char* MemberStart(char* buf, std::string_view key);
  static constexpr size_t kShortString = 64;
  std::string& out_;
  int indent_;
  std::vector<char> has_items_;  // per open container: has it a member yet
  bool after_key_ = false;
};

// Builds the tree of the values it is given (the types as given: Uint makes
// an unsigned number, Int a signed one).
class JsonBuilder final : public JsonSink {
 public:
  void BeginObject() override { Open(ordered_json::object()); }
  void EndObject() override;
  void BeginArray() override { Open(ordered_json::array()); }
  void EndArray() override { open_.pop_back(); }
  void Key(std::string_view key) override { key_ = key; }
  void String(std::string_view s) override { Add(ordered_json(std::string(s))); }
  void Uint(uint64_t n) override { Add(ordered_json(n)); }
  void Int(int64_t n) override { Add(ordered_json(n)); }
  void Double(double x) override { Add(ordered_json(x)); }
  void Bool(bool b) override { Add(ordered_json(b)); }
  void Null() override { Add(ordered_json(nullptr)); }
  void Value(const ordered_json& j) override { Add(ordered_json(j)); }
  ordered_json Take() { return std::move(root_); }

 private:
  // An open object or array. An object's members wait in `members` until it
  // closes: an object is a vector of (const key, value) pairs, which copies
  // its values, trees and all, each time it grows, where these pairs move.
  struct Container {
    ordered_json* value;  // inside the one before, which does not grow meanwhile
    std::vector<std::pair<std::string, ordered_json>> members;
  };
  ordered_json* Add(ordered_json&& v);
  void Open(ordered_json&& v) { open_.push_back({Add(std::move(v)), {}}); }
  ordered_json root_;
  std::vector<Container> open_;
  std::string key_;
};

// The whole document, into `sink`. `tool` is ToolJson(pipeline), computed
// once per run.
void WriteDocument(JsonSink& sink, const AnalysisResult& result, const Pipeline& pipeline,
                   const ordered_json& tool, const OutputOptions& options);

// The same as a tree.
ordered_json DocumentJson(const AnalysisResult& result, const Pipeline& pipeline,
                          const ordered_json& tool, const OutputOptions& options);

// A document's segments with their provenance (and their text when asked),
// and a list of warnings or errors: as in the document JSON.
ordered_json SegmentsJson(const Document& doc, bool with_text);
ordered_json MessagesJson(const std::vector<Message>& messages);

// Serializes by JsonWriter: compactly without `indent`.
std::string Dump(const ordered_json& j, int indent = -1);

// A document's JSON ("hstag.document/1"), for the commands that read either
// a document or the JSON `hstag analyze` wrote for it: a .json file whose
// top-level "schema" is "hstag.document/1" is read as it is (any other JSON
// file is a document like any other); otherwise the input is analysed with
// `pipeline` (its text and segments kept when `with_text`). Fails, naming the
// input, when it cannot be read, its analysis fails, or its JSON is that of
// a failed document.
Result<ordered_json> LoadDocument(const std::string& input, const Pipeline& pipeline,
                                  bool with_text);

}  // namespace hstag

#endif  // HSTAG_OUTPUT_H_
