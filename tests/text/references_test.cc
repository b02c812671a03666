// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reference lists (text/references.h): titles, entries, the test a section
// must pass, its extent in plain text, in pages, under heading levels and
// in XML elements, and the segments split where a section starts or ends.
#include "text/references.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hstag {
namespace {

using references::Title;
using references::TitleOf;

// A segment as an extractor gives it.
struct Part {
  std::string text;
  uint32_t page = 0;
  uint32_t heading = 0;
  std::string xpath;
  bool boilerplate = false;
};

// The document the pipeline makes of `parts` (a blank line between the
// segments of a page, a form feed between pages), reference lists marked.
Document Marked(const std::vector<Part>& parts) {
  Document d;
  for (const Part& p : parts) {
    if (!d.segments.empty()) d.text += p.page != d.segments.back().page ? "\f" : "\n\n";
    Segment s;
    s.start = static_cast<uint32_t>(d.text.size());
    d.text += p.text;
    s.end = static_cast<uint32_t>(d.text.size());
    s.page = p.page;
    s.heading = p.heading;
    s.xpath = p.xpath;
    s.boilerplate = p.boilerplate;
    d.segments.push_back(s);
  }
  MarkReferences(&d);
  return d;
}

Document Marked(const std::string& text) { return Marked(std::vector<Part>{{text}}); }

std::string TextOf(const Document& d, const Segment& s) {
  return d.text.substr(s.start, s.end - s.start);
}

// The text of the segments flagged (or not), each trimmed, joined by " | ".
std::string Segments(const Document& d, bool references) {
  std::string out;
  for (const Segment& s : d.segments) {
    if (s.references != references || s.boilerplate) continue;
    std::string t = TextOf(d, s);
    t.erase(0, t.find_first_not_of(" \n\f"));
    t.erase(t.find_last_not_of(" \n\f") + 1);
    out += (out.empty() ? "" : " | ") + t;
  }
  return out;
}
std::string Flagged(const Document& d) { return Segments(d, true); }
std::string Unflagged(const Document& d) { return Segments(d, false); }

// The segments cover the text as before: in order, each after the last.
void ExpectCovering(const Document& d) {
  uint32_t at = 0;
  for (const Segment& s : d.segments) {
    EXPECT_GE(s.start, at);
    EXPECT_LE(s.start, s.end);
    at = s.end;
  }
  EXPECT_LE(at, d.text.size());
}

const char kEntries[] =
    "Axworthy, L. (2001). Human security and global governance. Global Governance, 7(1), 19-23.\n"
    "Human Security Network. (2003). Graz Declaration on Principles of Human Rights Education.\n"
    "Commission on Human Security. 2003. Human Security Now. New York: CHS.\n"
    "Paris, R. (2001). Human security: Paradigm shift or hot air? International Security,\n"
    "26(2), 87-102.";

const char kBody[] =
    "Human security in practice\n\n"
    "The Human Security Network met in 2003 and agreed on a common agenda. Its members\n"
    "stressed freedom from fear and freedom from want.";

TEST(ReferenceTitles, TheTitlesInEveryCaseAndNumbered) {
  for (const char* t : {"References",
                        "REFERENCES",
                        "  References  ",
                        "7. References",
                        "7 References",
                        "7.2 References",
                        "VII. References",
                        "A. Bibliography",
                        "Bibliography:",
                        "Works Cited",
                        "Select Bibliography",
                        "Further reading",
                        "Literature",
                        "Sources",
                        "R\xC3\xA9"
                        "f\xC3\xA9rences",
                        "R\xC3\x89"
                        "F\xC3\x89RENCES",
                        "Bibliographie",
                        "Referencias",
                        "BIBLIOGRAF\xC3\x8D"
                        "A",
                        "Literaturverzeichnis",
                        "Quellen"}) {
    EXPECT_EQ(TitleOf(t), Title::kReferences) << t;
  }
  for (const char* t : {"Notes", "ENDNOTES", "3. Footnotes", "Notas", "Anmerkungen"}) {
    EXPECT_EQ(TitleOf(t), Title::kNotes) << t;
  }
  // Markdown headings.
  EXPECT_EQ(TitleOf("## Notes"), Title::kNotes);
  EXPECT_EQ(TitleOf("### References ###"), Title::kReferences);
  EXPECT_EQ(TitleOf("## Suggested Readings"), Title::kReferences);
  EXPECT_EQ(TitleOf("#Notes"), Title::kNone);  // no heading: a hashtag
  EXPECT_EQ(TitleOf("## Notes on the method"), Title::kNone);
}

TEST(ReferenceTitles, NearMissesAreNoTitles) {
  for (const char* t :
       {"References to human security are frequent.", "Notes on methodology", "references",
        "Notes:",          // a table's notes
        "Sources:",        // a figure's sources
        "120 References",  // a page number and a running title
        "7.References", "The References", "References and further thoughts on the matter", ""}) {
    EXPECT_EQ(TitleOf(t), Title::kNone) << t;
  }
}

TEST(ReferenceEntries, AuthorYearAndNumberedStyles) {
  for (const char* e : {
           "Axworthy, L. (2001). Human security and global governance.",
           "ABI, 2005: Financial Risks of Climate Change, Summary Report.",
           "Alam, M. S., K. K. Islam, and A. M. Z. Huq. 2000. Simulation of Rural Household",
           "[3] UNDP, Human Development Report 1994, New York: Oxford University Press.",
           "12. Ibid., p. 22.",
           "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94. 2011b. Energy for All. Paris: OECD.",
           "Himanshu. Forthcoming. Poverty and Food Security in India.",
           "Baruch, Y. & Holtom, B. C. (2008, August). Survey response rate levels and trends",
           // notes and bibliography: the year comes lines later
           "Abbott, Kenneth W., and Duncan Snidal. \xE2\x80\x9CThe Governance Triangle: Regulatory",
           "ABP News Bureau. \xE2\x80\x9C"
           "BRICS Nations Call For Effective Global Framework On AI,",
           "Siegmann, Charlotte, and Markus Anderljung. \"The Brussels Effect and Artificial",
       }) {
    EXPECT_TRUE(references::StartsEntry(e)) << e;
  }
  for (const char* e : {
           "The Human Security Network met in 2003 and agreed on a common agenda.",
           "Savelieva et al., 2000; Peterson et al., 2002; Gruza and Rankova, 2004",
           "stressed freedom from fear (2003) and freedom from want.",
           "1. The term is used here as the Commission used it.",
           "2015 was the year the goals were adopted.",
           "The Council met (2008, after the elections in Kenya and the violence that followed).",
           "The Council met in Geneva. \xE2\x80\x9CWe must act,\xE2\x80\x9D the President said.",
           "He said it twice. \xE2\x80\x9CNo.\xE2\x80\x9D",
           "UN. \xE2\x80\x9CReport\xE2\x80\x9D",
       }) {
    EXPECT_FALSE(references::StartsEntry(e)) << e;
  }
}

TEST(ReferenceEntries, Signals) {
  for (const char* s :
       {"International Security, 26(2), 87-102.", "doi:10.1017/cbo978",
        "https://www.un.org/humansecurity", "pp. 13-27", "Vol. 3", "Cambridge University Press",
        "Smith, J., et al.", "SCN News, 37:60-68.", "Lim S. S., T. Vos, A. D. Flaxman",
        "accessed on 20.06.05", "in the year 1994"}) {
    EXPECT_TRUE(references::HasSignal(s)) << s;
  }
  for (const char* s : {"The network widened its agenda to the protection of children.",
                        "The U.S. and the U.N. agreed.", "Washington"}) {
    EXPECT_FALSE(references::HasSignal(s)) << s;
  }
}

TEST(ReferenceEntries, BackMatter) {
  for (const char* s : {"Annex", "Annex 1: Members of the network", "APPENDIX A",
                        "Acknowledgements", "About the authors", "3. Glossary"}) {
    EXPECT_TRUE(references::StartsBackMatter(s)) << s;
  }
  for (const char* s : {"Annexation of territory was condemned by the Council in its resolution.",
                        "Indexes of prices", "annex"}) {
    EXPECT_FALSE(references::StartsBackMatter(s)) << s;
  }
}

TEST(MarkReferences, APlainTextsListIsSplitOffItsBody) {
  const Document d = Marked(std::string(kBody) + "\n\nReferences\n\n" + kEntries + "\n");
  ExpectCovering(d);
  ASSERT_EQ(d.segments.size(), 2u);
  EXPECT_EQ(Flagged(d), std::string("References\n\n") + kEntries);
  EXPECT_EQ(Unflagged(d), kBody);
  // The two pieces keep the segment's bytes between them.
  EXPECT_EQ(d.segments[0].start, 0u);
  EXPECT_EQ(d.segments[0].end, d.segments[1].start);
  EXPECT_EQ(d.segments[1].end, d.text.size());
}

TEST(MarkReferences, ANumberedTitle) {
  const Document d = Marked(std::string(kBody) + "\n\n7. References\n" + kEntries);
  EXPECT_EQ(Flagged(d), std::string("7. References\n") + kEntries);
}

TEST(MarkReferences, NearMissesFlagNothing) {
  // A sentence that starts with "References", a title that is not one, the
  // entries alone: no list is flagged without its title.
  for (const std::string& text : {
           std::string(kBody) + "\n\nReferences to human security are frequent.\n" + kEntries,
           std::string(kBody) + "\n\nNotes on methodology\n\n" + kEntries,
           std::string(kBody) + "\n\n" + kEntries,
       }) {
    const Document d = Marked(text);
    EXPECT_EQ(Flagged(d), "") << text;
    EXPECT_EQ(d.segments.size(), 1u);
  }
}

TEST(MarkReferences, ATableOfContentsFailsTheTest) {
  const Document d = Marked(
      "Contents\n1. Introduction\n2. Human security in 2003\nReferences\nAnnex\n\n"
      "1. Introduction\n\nThe Human Security Network (2003) met in Graz.\n\n"
      "2. Human security in 2003\n\nIts members stressed freedom from fear.");
  EXPECT_EQ(Flagged(d), "");
}

TEST(MarkReferences, ATablesColumnOfCitationsFailsTheTest) {
  const Document d = Marked(
      "Country\nChange in temperature\nReferences\n"
      "Russia\n2 to 3 C rise in past 90 years, more\npronounced in spring and winter\n"
      "Savelieva et al., 2000; Peterson et al.,\n2002; Gruza and Rankova, 2004\n"
      "Mongolia\n1.8 C rise in last 60 years\nBatima et al., 2005; Natsagdorj, 2003\n\n"
      "The Human Security Network met in 2003.");
  EXPECT_EQ(Flagged(d), "");
}

TEST(MarkReferences, NotesOfCitationsCountNotesOfProseDoNot) {
  const std::string citations =
      "Notes\n\n"
      "1. UNDP, Human Development Report 1994 (New York: Oxford University Press, 1994), p. 22.\n"
      "2. Commission on Human Security, Human Security Now (New York, 2003), pp. 4-5.\n"
      "3. Ibid., p. 12.";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + citations)), citations);
  const std::string prose =
      "Notes\n\n"
      "1. The term is used here as the Commission used it: the protection of people.\n"
      "2. The survey was run by the ministry in every province of the country.\n"
      "3. The figures are rounded to the nearest thousand.";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + prose)), "");
}

TEST(ReferenceNotes, NoteNumbersAndTheirNearMisses) {
  using references::NoteNumber;
  EXPECT_EQ(NoteNumber("25 IOM, Flow Monitoring Points"), 25);
  EXPECT_EQ(NoteNumber("  3 See A/66/763, para. 4."), 3);
  EXPECT_EQ(NoteNumber("108 \xE2\x80\x9C"
                       "Satellite maps\xE2\x80\x9D."),
            108);
  // A superscript's number set against its note, as PDFs of papers give it.
  EXPECT_EQ(NoteNumber("69\xE2\x80\x9CUK to Host First Global Summit\xE2\x80\x9D"), 69);
  EXPECT_EQ(NoteNumber("71Altman, Brockman, and Sutskever"), 71);
  // A Markdown footnote's label, whatever its text starts with.
  EXPECT_EQ(NoteNumber("[^23]: Lizzie Porter, \xE2\x80\x9CWhy an Iran-Backed ...\xE2\x80\x9D"), 23);
  EXPECT_EQ(NoteNumber("[^9]: *Irish Times*, 12 March 2001"), 9);
  EXPECT_EQ(NoteNumber("[^note]: See above."), 0);
  for (const char* t : {"[^23] Lizzie Porter", "[23]: Porter", "[^]: Porter"}) {
    EXPECT_EQ(NoteNumber(t), -1) << t;
  }
  for (const char* t :
       {"25. Decides to remain seized of the matter", "15 per cent of the people",
        "2023 saw more floods", "13 November 2024 (S/2024/817).", "12 March 2025",
        "3 M\xC3\xA4rz 2020", "0 Introduction", "1234 Main Street", "25IOM", "IOM 25", "25"}) {
    EXPECT_EQ(NoteNumber(t), -1) << t;
  }
}

TEST(ReferenceNotes, WhatCitesLikeANote) {
  using references::CitesLikeANote;
  EXPECT_TRUE(CitesLikeANote("26 Ravenstone Consult, Captive commodities,\n(March 2023)."));
  EXPECT_TRUE(CitesLikeANote("28 IOM, The Southern Dream (Nairobi, 2023)."));
  EXPECT_TRUE(CitesLikeANote("27 Ibid."));
  EXPECT_TRUE(CitesLikeANote("4 See https://www.unodc.org/report."));
  EXPECT_FALSE(CitesLikeANote("3 The term refers to a short-term gambling programme."));
  EXPECT_FALSE(CitesLikeANote("2 Afghanistan 2019 2020 14 23"));  // a bare year
}

// A page that ends with its footnotes, without a title (a PDF page).
const char kPageBody[] =
    "Migrants on the Eastern Route are exposed to abuse and to forced labour, and\n"
    "many are held for ransom on the way.12 Most of them travel with smugglers.13";
const char kPageNotes[] =
    "12 IOM, Flow Monitoring Points: Migrant Arrivals and Yemeni\n"
    "Returns from Saudi Arabia in December 2019, (January 2020).\n"
    "13 Ravenstone Consult, Captive commodities: Commodification,\n"
    "exploitation and missingness of Ethiopian irregular migrants,\n"
    "(March 2023).\n"
    "14 The term refers to the route through Djibouti and Yemen.";

TEST(MarkReferences, APagesNotesAreFlagged) {
  const Document d = Marked(std::vector<Part>{
      {std::string(kPageBody) + "\n" + kPageNotes, 7},
      {"105", 7, 0, "", true},
      {kPageBody, 8},
  });
  ExpectCovering(d);
  EXPECT_EQ(Flagged(d), kPageNotes);  // the note of prose among them too
  EXPECT_EQ(Unflagged(d), std::string(kPageBody) + " | " + kPageBody);
  // Page notes are a PDF's: the same lines in a plain text are not.
  EXPECT_EQ(Flagged(Marked(std::string(kPageBody) + "\n" + kPageNotes)), "");
}

TEST(MarkReferences, WhatEndsAPageButIsNoNotes) {
  const std::vector<std::string> near_misses = {
      // paragraphs numbered with full stops (a resolution's)
      "12. Recalls its resolution 1325 (2000) of 31 October 2000;\n"
      "13. Requests the Secretary-General to report (S/2024/384);",
      // a numbered table: no citation
      "1 Afghanistan 2019 14 23\n2 Albania 2019 12 45\n3 Algeria 2020 9 31",
      // notes of prose only
      "3 The term is used as the Commission used it.\n4 The figures are rounded.",
      // dates at the starts of lines, in sequence
      "12 March 2025\nOriginal: English\nof resolution 1701 (2006) since the report of\n"
      "13 November 2024 (S/2024/817). Exchanges of fire continued.",
      // a page's only note, too long for one
      "9 See IOM (Geneva, 2023): the\nroute\nruns\nfrom\nthe\nHorn\nof\nAfrica\nto\nYemen",
  };
  for (const std::string& notes : near_misses) {
    const Document d = Marked(std::vector<Part>{{std::string(kPageBody) + "\n" + notes, 3}});
    EXPECT_EQ(Flagged(d), "") << notes;
  }
}

TEST(MarkReferences, APagesNotesAreNumberedInSequence) {
  // Read up from the page's end: note 9, then "5 ...", out of sequence, is
  // a line of the page's body.
  const Document d = Marked(std::vector<Part>{
      {std::string(kPageBody) + "\n5 UNDP reported on it (New York, 1994).\n9 Ibid.", 3}});
  EXPECT_EQ(Flagged(d), "9 Ibid.");
}

TEST(MarkReferences, ANotesSectionRunsOnThroughALongNoteOfProse) {
  std::string prose =
      "44 See IOM, ILO and Walk Free, \xE2\x80\x9CNo Escape\xE2\x80\x9D. In detail,";
  for (int k = 0; k < 12; ++k) prose += "\nthose who had lived in a village that had been attacked";
  const std::string notes =
      "Endnotes\n\n"
      "38 UNODC, Global Report on Trafficking in Persons 2018, p. 31.\n"
      "39 Ibid., p. 34.\n"
      "40 OHCHR, Desperate and Dangerous (Geneva, 2018).\n"
      "41 IOM, The Southern Dream (Nairobi, 2023).\n"
      "42 Ibid., p. 12.\n"
      "43 UNODC, Global Report on Trafficking in Persons 2020, p. 31.\n" +
      prose +
      ".\n45 OHCHR, Desperate and Dangerous (Geneva, 2018).\n"
      "46 Ibid.";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + notes)), notes);
  // Out of a notes section, the same lines of prose end a list.
  std::string list =
      "References\n\n"
      "UNODC (2018). Global Report on Trafficking in Persons. Vienna: UNODC.\n"
      "OHCHR (2018). Desperate and Dangerous. Geneva: OHCHR.\n"
      "IOM (2023). The Southern Dream. Nairobi: IOM.\n"
      "UNODC (2020). Global Report on Trafficking in Persons. Vienna: UNODC.\n"
      "ILO (2022). Global Estimates of Modern Slavery. Geneva: ILO.\n"
      "UNHCR (2021). Global Trends. Geneva: UNHCR.";
  const Document d = Marked(std::string(kBody) + "\n\n" + list + "\n\n" + prose);
  EXPECT_EQ(Flagged(d), list);
}

TEST(MarkReferences, LabelsAloneInAColumnBeforeTheirEntries) {
  // Two columns read one after the other: the labels, then the entries.
  const std::string list =
      "References\n\n1.\n\n2.\n\n3.\n\n4.\n\n5.\n\n6.\n\n7.\n\n8.\n\n9.\n\n"
      "Core components for infection prevention and control programmes. Geneva:\n"
      "World Health Organization; 2009 (http://www.who.int/csr/resources/, accessed 2016).\n"
      "Zingg W, Holmes A, Dettenkofer M. Hospital organisation, management, and structure\n"
      "for prevention of health-care-associated infection. Lancet Infect Dis. 2015;15(2):212-24.";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + list)), list);
  // Under a notes title, labels alone over notes of prose are no citations.
  const std::string notes =
      "Notes\n\n8.\n\nThe RPF contingent in Kigali also rescued threatened civilians.\n\n9.\n\n"
      "For instance, when the plane was shot down, WFP had 9,000 tonnes of food.\n\n10.\n\n"
      "In Ngara, some 2,000 were accommodated in Burigi camp.\n\n11.\n\n"
      "The Russian emergency response organization.\n\n12.\n\n"
      "A small pontoon ferry operated across the Ruhuhu River.";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + notes)), "");
}

TEST(MarkReferences, ANotesSectionIsReadNoteByNote) {
  // Each citation runs over lines of which few carry a signal of their own:
  // read line by line, the list fails the test; read note by note, every
  // note cites.
  const std::string notes =
      "NOTES\n\n1.\n\n"
      "\xE2\x80\x9C#Unite4Heritage campaign launched by UNESCO Director-General in Baghdad,"
      "\xE2\x80\x9D UNESCO World\nHeritage Centre, March 28, 2015, https://whc.unesco.org/1254.\n\n"
      "2.\n\nRobbie Gramer, \xE2\x80\x9CUNESCO Fights Back as ISIS Tries to Stamp Out Culture,"
      "\xE2\x80\x9D Foreign Policy, April 12,\n2017, https://foreignpolicy.com/2017/04/12/unesco\n"
      "-antiquities-trade-irina-bokova-refugees-heritage/.\n\n"
      "3.\n\nUNESCO Constitution, November 16, 1945 (came into force November 4, 1946), "
      "http://portal\n.unesco.org/en/ev.php-URL_ID=15244.html.\n\n"
      "4.\n\nNations Encyclopedia, \xE2\x80\x9CThe United Nations Educational, Scientific and "
      "Cultural Organization\n(UNESCO)\xE2\x80\x94"
      "Creation,\xE2\x80\x9D "
      "https://www.nationsencyclopedia.com/unesco\n#ixzz6iaaYugbY.";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + notes)), notes);
  // Notes of a Markdown text, under a Markdown heading, up to the next one.
  const std::string md =
      "## Notes\n\n"
      "[^1]: Alex J. Bellamy and Edward C. Luck, *The Responsibility to Protect: From Promise to "
      "Practice* (Medford, MA: Polity Press, 2018), 32\xE2\x80\x93"
      "36.\n\n"
      "[^2]: Conversation with the author, 12 June 2021.\n\n"
      "[^3]: *Irish Times*, \xE2\x80\x9CUN Condemns Destruction of Afghan Buddhas,\xE2\x80\x9D "
      "12 March 2001, https://www.irishtimes.com/news/un-condemns.\n\n"
      "[^4]: Leloup, \xE2\x80\x9CHeritage Protection as Stabilisation,\xE2\x80\x9D 419.";
  const std::string after =
      "## About the Author\n\nShe worked for the protection of civilians in South Sudan, where she"
      " led a team of advisers on the protection of women and children for three years, and then"
      " on the return of refugees to their homes in the north of the country.";
  const Document d = Marked(std::string(kBody) + "\n\n" + md + "\n\n" + after);
  EXPECT_EQ(Flagged(d), md);
  ExpectCovering(d);
  // Notes of prose, read note by note, still fail.
  const std::string prose =
      "Notes\n\n1.\n\nThe RPF contingent in Kigali also rescued threatened civilians.\n\n2.\n\n"
      "For instance, when the plane was shot down, WFP had 9,000 tonnes of food.\n\n3.\n\n"
      "In Ngara, some 2,000 were accommodated in Burigi camp, as the Government had asked.\n\n"
      "4.\n\nSee the report of 1996 on the camps.";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + prose)), "");
}

TEST(MarkReferences, ALabelAloneOnItsLineStartsAnEntry) {
  const std::string list =
      "REFERENCES\n1)\nEnvironmentally Sound Technologies for Wastewater Management. An\n"
      "international Source Book. Compiled by UNEP, 2002\n2)\n"
      "State of the Environment in Asia and the Pacific 2000, ESCAP and ADB\n3)\n"
      "United Nations Conference on Environment and Development Agenda 21, 1992\n4)\n"
      "Malaysian Environmental Quality Report 2001";
  EXPECT_EQ(Flagged(Marked(std::string(kBody) + "\n\n" + list)), list);
}

TEST(MarkReferences, BackMatterEndsTheList) {
  const std::string annex =
      "Annex 1: Members of the Human Security Network\n\n"
      "Austria, Canada, Chile, Greece, Ireland, Jordan, Mali, the Netherlands, Norway and\n"
      "Thailand formed the network.";
  const Document d = Marked(std::string(kBody) + "\n\nReferences\n" + kEntries + "\n\n" + annex);
  ExpectCovering(d);
  ASSERT_EQ(d.segments.size(), 3u);
  EXPECT_EQ(Flagged(d), std::string("References\n") + kEntries);
  EXPECT_EQ(Unflagged(d), std::string(kBody) + " | " + annex);
}

TEST(MarkReferences, ProseEndsTheList) {
  const std::string prose =
      "The network has since widened its agenda to take in the protection of children in armed\n"
      "conflict, the control of small arms and the ban on anti-personnel mines, and it meets\n"
      "every year at the level of ministers, in the country that chairs it, to agree on what its\n"
      "members will press for together in the General Assembly and in the Human Rights Council\n"
      "during the year that follows the meeting of its ministers.";
  const Document d = Marked(std::string(kBody) + "\n\nReferences\n" + kEntries + "\n\n" + prose);
  EXPECT_EQ(Flagged(d), std::string("References\n") + kEntries);
  EXPECT_EQ(Unflagged(d), std::string(kBody) + " | " + prose);
}

TEST(MarkReferences, AHeadingOverSomethingElseEndsTheList) {
  const std::string after =
      "List of Participants\n\nName\nPramod Aggarwal\nRoslina Ali\nSiwan Anderson\n"
      "Werner Antweiler";
  const Document d = Marked(std::string(kBody) + "\n\nReferences\n" + kEntries + "\n\n" + after);
  EXPECT_EQ(Flagged(d), std::string("References\n") + kEntries);
}

TEST(MarkReferences, PagesARunningTitleAndBoilerplate) {
  // A PDF: the list starts inside page 5's body and runs to the end; page 6
  // has a running header (boilerplate) and the list's running title.
  const Document d = Marked(std::vector<Part>{
      {std::string(kBody) + "\nReferences\nAxworthy, L. (2001). Human security and global "
                            "governance.\nGlobal Governance, 7(1), 19-23.",
       5},
      {"Human Security Report", 6, 0, "", true},
      {"References\n" + std::string(kEntries), 6},
  });
  ExpectCovering(d);
  ASSERT_EQ(d.segments.size(), 4u);  // page 5's body split in two
  EXPECT_FALSE(d.segments[0].references);
  EXPECT_TRUE(d.segments[1].references);
  EXPECT_EQ(d.segments[1].page, 5u);
  EXPECT_TRUE(d.segments[2].boilerplate);
  EXPECT_FALSE(d.segments[2].references);  // boilerplate stays boilerplate only
  EXPECT_TRUE(d.segments[3].references);
  EXPECT_EQ(Unflagged(d), kBody);
}

TEST(MarkReferences, UnderAHeadingLevel) {
  const Document d = Marked(std::vector<Part>{
      {"1. Introduction", 0, 1},
      {"The Human Security Network met in 2003 and agreed on a common agenda.", 0, 0},
      {"References", 0, 1},
      {"Axworthy, L. (2001). Human security and global governance. Global Governance.", 0, 0},
      {"Official documents", 0, 2},
      {"Human Security Network. (2003). Graz Declaration. Graz.", 0, 0},
      {"Appendix", 0, 1},
      {"The Human Security Network was formed in 1999 by thirteen states.", 0, 0},
  });
  EXPECT_EQ(Flagged(d),
            "References | Axworthy, L. (2001). Human security and global governance. Global "
            "Governance. | Official documents | Human Security Network. (2003). Graz "
            "Declaration. Graz.");
  EXPECT_EQ(d.segments.size(), 8u);  // nothing split
}

TEST(MarkReferences, AnHtmlHeadingsLevelFromItsPath) {
  const Document d = Marked(std::vector<Part>{
      {"The Human Security Network met in 2003.", 0, 0, "/html/body[1]/p[1]"},
      {"References", 0, 0, "/html/body[1]/h2[1]"},
      {"Axworthy, L. (2001). Human security. Global Governance, 7(1).", 0, 0,
       "/html/body[1]/ul[1]/li[1]"},
      {"Paris, R. (2001). Human security. International Security, 26(2).", 0, 0,
       "/html/body[1]/ul[1]/li[2]"},
      {"Contact", 0, 0, "/html/body[1]/h2[2]"},
      {"Write to the Human Security Unit (2024).", 0, 0, "/html/body[1]/p[2]"},
  });
  EXPECT_EQ(Flagged(d),
            "References | Axworthy, L. (2001). Human security. Global Governance, 7(1). | "
            "Paris, R. (2001). Human security. International Security, 26(2).");
}

TEST(MarkReferences, InTheElementTheTitleHeads) {
  const Document d = Marked(std::vector<Part>{
      {"The Human Security Network met in 2003.", 0, 0, "/TEI/text[1]/body[1]/div[1]/p[1]"},
      {"Bibliography", 0, 0, "/TEI/text[1]/back[1]/div[1]/head[1]"},
      {"Axworthy, L. (2001). Human security. Global Governance, 7(1).", 0, 0,
       "/TEI/text[1]/back[1]/div[1]/p[1]"},
      {"Paris, R. (2001). Human security. International Security, 26(2).", 0, 0,
       "/TEI/text[1]/back[1]/div[1]/p[2]"},
      {"Thanks", 0, 0, "/TEI/text[1]/back[1]/div[2]/head[1]"},
      {"We thank the Human Security Network (2003) for its support.", 0, 0,
       "/TEI/text[1]/back[1]/div[2]/p[1]"},
  });
  EXPECT_EQ(Flagged(d),
            "Bibliography | Axworthy, L. (2001). Human security. Global Governance, 7(1). | "
            "Paris, R. (2001). Human security. International Security, 26(2).");
}

TEST(MarkReferences, SegmentsAnExtractorFlaggedStaySo) {
  Document d;
  d.text = "Axworthy, L. (2001). Human security.";
  Segment s;
  s.end = static_cast<uint32_t>(d.text.size());
  s.references = true;
  d.segments.push_back(s);
  MarkReferences(&d);
  ASSERT_EQ(d.segments.size(), 1u);
  EXPECT_TRUE(d.segments[0].references);
}

TEST(ReferenceSymbols, SymbolsAndTheirNearMisses) {
  using references::Symbols;
  using references::SymbolsOf;
  for (const char* only :
       {"46/232", "61/230; 76/298", "68/15; 72/14;", "S-23/2", "ES-10/17", "1992/19", "A/RES/70/1",
        "76 (V)", "538 B (VI)", "1325 (2000)", "77/211 and 79/175", "  2024/3  "}) {
    EXPECT_EQ(SymbolsOf(only), Symbols::kOnly) << only;
  }
  for (const char* leading : {"70/98; 78/85; 79/98 Question of Western Sahara",
                              "62/134 Eliminating rape and other forms of sexual violence"}) {
    EXPECT_EQ(SymbolsOf(leading), Symbols::kLeading) << leading;
  }
  for (const char* none :
       {"24.3\tThe programme falls under the leadership of the High Commissioner", "1996", "76",
        "HIV/AIDS", "A/80/6 (Sect. 24)", "2030 Agenda", "46/232x", "1/ see the annex",
        "Articles 33 and 99", "61/230; the Assembly decided", "COVID-19 response"}) {
    EXPECT_EQ(SymbolsOf(none), Symbols::kNone) << none;
  }
}

// A programme budget's legislative mandates, as a DOCX gives them (one
// paragraph a segment).
const std::vector<Part> kMandates = {
    {"Legislative mandates", 0, 2},
    {"24.11\tThe list below provides all mandates entrusted to the programme."},
    {"General Assembly resolutions"},
    {"48/141"},
    {"High Commissioner for the promotion and protection of all human rights"},
    {"57/300; 58/269"},
    {"Strengthening of the United Nations: an agenda for further change"},
    {"62/134"},
    {"Eliminating rape and other forms of sexual violence in all their manifestations"},
    {"Security Council resolutions"},
    {"1325 (2000)"},
    {"1820 (2008)"},
    {"Agreed conclusions of the Commission on the Status of Women"},
    {"1996"},
    {"Women and the media"},
    {"Deliverables"},
    {"24.12\tThe table below lists all deliverables of the programme."},
};

TEST(MarkReferences, AListOfInstrumentsIsFlagged) {
  const Document d = Marked(kMandates);
  ExpectCovering(d);
  EXPECT_EQ(Flagged(d),
            "48/141 | High Commissioner for the promotion and protection of all human rights | "
            "57/300; 58/269 | Strengthening of the United Nations: an agenda for further change | "
            "62/134 | Eliminating rape and other forms of sexual violence in all their "
            "manifestations | Security Council resolutions | 1325 (2000) | 1820 (2008) | "
            "Agreed conclusions of the Commission on the Status of Women | 1996 | "
            "Women and the media");
  // Its title and the prose around it are the body's.
  EXPECT_EQ(Unflagged(d),
            "Legislative mandates | 24.11\tThe list below provides all mandates entrusted to the "
            "programme. | General Assembly resolutions | Deliverables | 24.12\tThe table below "
            "lists all deliverables of the programme.");
}

TEST(MarkReferences, AListOfInstrumentsAsAPdfPageHasIt) {
  // Titles broken over lines, a title on its symbols' line, symbols over two lines.
  const std::string page =
      "General Assembly resolutions\n46/232\n\nRevitalization of the United Nations\n"
      "Secretariat\n\n57/296\n\nCauses of conflict and the promotion of\ndurable peace and "
      "sustainable development\nin Africa\n\n68/15; 72/14;\n75/22; 79/81\n\n"
      "70/98; 78/85; 79/98 Question of Western Sahara\n\n"
      "Deliverables\nThe table below lists all deliverables, by category.";
  const Document d = Marked(std::vector<Part>{{page, 4}});
  const std::string flagged = Flagged(d);
  EXPECT_TRUE(flagged.starts_with("46/232")) << flagged;
  EXPECT_TRUE(flagged.ends_with("Question of Western Sahara")) << flagged;
  EXPECT_EQ(Unflagged(d).find("Revitalization"), std::string::npos);
}

TEST(MarkReferences, WhatIsNoListOfInstruments) {
  const std::vector<std::vector<Part>> near_misses = {
      // two entries only
      {{"48/141"},
       {"High Commissioner for the promotion of human rights"},
       {"62/134"},
       {"Eliminating rape and other forms of sexual violence"}},
      // symbols before prose: sentences end with a full stop
      {{"48/141"},
       {"The Assembly created the post of High Commissioner in 1993."},
       {"62/134"},
       {"It condemned rape and other forms of sexual violence."},
       {"64/289"},
       {"It created UN-Women."}},
      // a page's running symbols over its number ("2/4") and one heading
      {{"A/79/847\nS/2025/204\n\n2/4\n\nAnnex to the letter dated 1 April 2025"},
       {"I would like to draw your attention to the strikes."}},
      // a paragraph that starts with a symbol and runs on
      {{"61/230; 76/298 The Assembly asked for more, and then"}, {"it asked again"}},
  };
  for (const auto& parts : near_misses) {
    EXPECT_EQ(Flagged(Marked(parts)), "") << parts[0].text;
  }
}

TEST(MarkReferences, NoSegmentsNoText) {
  Document d;
  MarkReferences(&d);
  EXPECT_TRUE(d.segments.empty());
  const Document e = Marked(std::vector<Part>{{"", 1}, {"References", 2}, {"", 3}});
  EXPECT_EQ(Flagged(e), "");
}

}  // namespace
}  // namespace hstag
