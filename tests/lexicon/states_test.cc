// SPDX-License-Identifier: GPL-3.0-or-later
//
// The 195 states (actor.state.XX), programmatically: each state's label in an
// English sentence is that state, and so is its bare adjective.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lexicon_test_support.h"
#include "test_support.h"

namespace hstag::testing {
namespace {

struct StateRow {
  std::vector<std::string> names;       // column 2, without the '=' case marks
  std::vector<std::string> adjectives;  // column 3
  bool no_bare_forms = false;           // column 6 is "-"
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) out.push_back(part);
  return out;
}

// lexicons/src/states.tsv by ISO code.
std::map<std::string, StateRow> ReadStatesTable() {
  std::map<std::string, StateRow> out;
  std::ifstream in(SourceDir() + "/lexicons/src/states.tsv");
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // the column names
      header = false;
      continue;
    }
    const auto cols = Split(line, '\t');
    if (cols.size() < 2) continue;
    StateRow row;
    for (auto n : Split(cols[1], '|')) {
      if (!n.empty() && n[0] == '=') n.erase(0, 1);
      row.names.push_back(n);
    }
    if (cols.size() > 2) row.adjectives = Split(cols[2], '|');
    row.no_bare_forms = cols.size() > 5 && cols[5] == "-";
    out[cols[0]] = row;
  }
  return out;
}

TEST(StatesTest, ThereAre195AndTheTableHasThemAll) {
  const auto states = States();
  EXPECT_EQ(states.size(), 195u);
  const auto table = ReadStatesTable();
  EXPECT_EQ(table.size(), 195u);
  for (const Concept* c : states) {
    EXPECT_TRUE(table.count(c->id.substr(12))) << c->id << " is not in lexicons/src/states.tsv";
  }
}

// "The delegation of <label> spoke first ...": the label is the state.
// A match ends with the label's last word, so a label's closing bracket is
// not part of the matched text ("Bolivia (Plurinational State of"); the
// expected text drops it.
TEST(StatesTest, EachLabelInASentenceIsThatState) {
  std::vector<std::string> failures;
  for (const Concept* c : States()) {
    const std::string text = "The delegation of " + c->label +
                             " spoke first, and the statement was made on behalf of the people "
                             "of that country with the support of all.";
    std::string expected = c->label;
    while (!expected.empty() && (expected.back() == ')' || expected.back() == '.')) {
      expected.pop_back();
    }
    const Tagged t = Tag(text);
    if (t.language != "en" || !HasMatch(t, c->id, expected)) {
      failures.push_back(c->id + " (" + c->label + "): " + Describe(t));
    }
  }
  EXPECT_TRUE(failures.empty()) << failures.size() << " state(s) not found by their label:\n  "
                                << ::testing::PrintToString(failures);
}

// "<Adjective> farmers and writers ...": a bare adjective names the state
// (codebook 10.10). States without an adjective in the table, or whose
// adjective has no bare form (column `en` "-": shared or ambiguous ones), are
// left out here; states_adjectives_test.cc tries every generated form.
TEST(StatesTest, TheBareAdjectiveIsTheState) {
  const auto table = ReadStatesTable();
  std::vector<std::string> failures;
  size_t checked = 0;
  for (const Concept* c : States()) {
    const auto it = table.find(c->id.substr(12));
    if (it == table.end() || it->second.no_bare_forms) continue;
    for (const auto& adj : it->second.adjectives) {
      const std::string text = adj +
                               " farmers and writers met in the capital for the first time in "
                               "years, and they spoke of the arts and of the history of the region.";
      const Tagged t = Tag(text);
      ++checked;
      if (t.language != "en" || !HasMatch(t, c->id, adj)) {
        failures.push_back(c->id + " (" + adj + "): " + Describe(t));
      }
    }
  }
  EXPECT_GT(checked, 160u);
  EXPECT_TRUE(failures.empty()) << failures.size() << " bare adjective(s) not taken for the state:\n  "
                                << ::testing::PrintToString(failures);
}

}  // namespace
}  // namespace hstag::testing
