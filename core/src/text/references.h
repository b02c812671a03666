// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reference lists: a document's bibliography, list of references or notes
// section, whatever its format. MarkReferences flags their segments
// (Segment::references), so that the summary counts their matches apart and
// taggers see HSTAG_SEGMENT_REFERENCES (codebook §10.1: a publication title
// or series name in a reference list is not a mention by the document).
// Extractors flag the lists their format marks (TEI <listBibl>, JATS
// <ref-list>, ...); this finds the others from the text, in every format.
//
// Title. A section starts at a line on its own (a whole segment, or one line
// of a segment: a plain text is one segment, a PDF page's body another) that
// is, after an optional number ("7", "7.", "7.2", "VII.", "A.") and an
// optional colon, exactly one of
//   References, Reference list, References cited, List of references,
//   Bibliography, Select(ed) bibliography, Works cited, Literature,
//   Literature cited, Sources, Further reading(s), Suggested reading(s),
//   Recommended reading(s), Notes and references;
//   fr Références (bibliographiques), Bibliographie; es Referencias
//   (bibliográficas), Bibliografía; de Literatur, Literaturverzeichnis,
//   Quellen, Quellenverzeichnis
// or, for notes, Notes, Endnotes, Footnotes; es Notas; de Anmerkungen;
// capitalized or in capitals, at most 60 bytes, after a Markdown heading's
// marks or not ("## Notes"). "Notes:" and "Sources:" with
// a colon label a table's or a figure's notes, and do not count. "References
// to human security are frequent." or "Notes on methodology" are no title.
//
// Test. A title starts a section only when what follows reads as a list of
// references: of its first 12 lines of content (blank lines, page numbers,
// boilerplate and running titles left out), one of the first three starts
// an entry, and either at least 3 start one and a third carry a reference
// signal (under a references title, a label alone counts as one: a column
// of labels read before their entries'), or (a short list) a quarter start one and half carry a
// signal. An entry starts with a capitalized word (an author, an organization), an opening quote or
// a dash for the same author again ("———. 2011b."), after an optional label ("[3]", "3.", "3",
// a Markdown footnote's "[^3]:"), and
// has a year in reference form in its first 160 bytes: "(2003)", or after a comma or full stop and
// before a full stop, colon, comma or parenthesis (", 2003:", ". 2003."), or before ";" and a
// volume (". 2010;303(3)"); "Forthcoming", "n.d." and "in press" stand for a year. Or it has a
// label and a signal, or (the notes-and-bibliography style, whose year
// comes lines later) it is an author or organization of capitalized words,
// initials and connectors, at most 80 bytes, then ". " and the title in
// quotes ("Abbott, Kenneth W., and Duncan Snidal. “The Governance ...").
// A line of citations in a row
// ("Savelieva et al., 2000; Peterson et al., 2002", a table's cell) starts
// none. A label alone on its line ("12)") starts an entry too. Signals: a
// year, a DOI or URL, "pp.", "p. 5", "vol. 3", "no. 3", "12(3)", "37:60-68",
// a page range after a comma or colon (", 51-67."), two initials ("M., and
// L. Bydekerke"; not "U.S."), "et al", "(ed.)", "eds", "In:", "edited by",
// "Press", "Journal", "Paper", "Proceedings", "ISBN", "ISSN", "Retrieved",
// "accessed", "available at", "Ibid", "op. cit". A table of contents
// ("References" over page numbers) and a table's column headed "References"
// fail the test.
//
// Extent. A section holds its title and runs
//   - under a heading level (DOCX, ODT; h1-h6 in HTML and XHTML, from the
//     segment's element path) until the next heading of the same or a
//     higher level;
//   - otherwise to the end of the document (a reference list at the end of
//     a PDF), or, for a title that is the first segment of an element (TEI
//     <div><head>, JATS <sec><title>, HTML <section><h2>), to the end of that
//     element, whichever comes first, unless before:
//       * a line on its own that starts back matter (Annex(es), Appendix,
//         Appendices, Acknowledg(e)ments, About the author(s), Index,
//         Glossary, Abbreviations, Acronyms, optionally numbered), or that
//         looks like a heading (at most 60 bytes, a capital first, no comma,
//         no final punctuation, after a blank line, at the top of a page or
//         after a sentence), when what follows it does not read as
//         references (at least two entries in its first 12 lines, or one
//         and half of them with a signal): "List of Participants" ends the
//         list, "Official documents" over more entries does not;
//       * prose: 400 bytes of content in a row without an entry start or a
//         signal end the section at its first line (or at the first
//         paragraph that starts in it); in a notes section, the lines of a
//         numbered note ("44 See IOM, ...", and its next 40 lines at most)
//         are no prose.
//   A further title inside a section continues it (a running "References"
//   on each page of a long list).
// A section's boilerplate segments (running headers, page numbers) stay
// boilerplate only. A segment that a section starts or ends inside is split
// there into two segments with the same provenance, so that a document may
// have a few more segments than its extractor gave.
//
// Notes. Notes, Endnotes and Footnotes sections hold citations and running
// prose. They count as reference lists when they pass the same test as any
// other: when their notes mostly are citations ("12 UNDP, Human Development
// Report 1994, New York: OUP, p. 22."), as in most policy documents; a notes
// section of commentary fails it and stays body text. A notes section
// that fails the test line by line passes it note by note, when of its
// first 8 notes (each from its number, alone on its line or not, to the
// next one's) at least 3, and half, cite like a reference (see Page notes):
// a citation that runs over lines without a signal of their own ("Robbie
// Gramer, “UNESCO Fights Back ...,” Foreign Policy, April 12," then "2017,
// https://..."). Back matter and a Markdown heading end a note. A section that
// passes is flagged as any list: a short note of prose among the citations
// with it (a note's comment cannot be told from its citation reliably, and
// its matches are still written and shown, only counted apart); 400 bytes of
// prose end it, as they end any list.
//
// Page notes. A page of a PDF (a segment with a page number) often ends
// with its footnotes, without a title. Read up from the page's last line,
// the page ends with notes when its last lines are notes numbered in
// sequence, each note's number one less than the next one's: a line that
// starts a note is a number (1 to 999, no leading zero, no full stop after
// it: "25. Decides" numbers a paragraph) then a space and a capital or an
// opening quote ("25 IOM, Flow Monitoring Points ..."), or, set against it
// as a superscript's number comes out of a PDF, an opening quote or a
// capitalized word ("69“UK to Host ...", "71Altman, ..."; not "25IOM"),
// but no month ("13
// November 2024 (S/2024/817)" is a date); the lines below it
// up to the next note (40 at most) are its own. The notes read so far are
// a block when at least one of them, and at least half, cite like a
// reference: a signal besides a bare year, a year in reference form, or a
// date in parentheses ("(March 2023)", "(Nairobi, 2023)"). A page's only
// note must be short (8 lines at most). The block, from its first note to
// the page's end, is flagged like a notes section; notes of prose among
// citations with it. A numbered table (numbers with no citation) and a
// page's paragraphs numbered with full stops are no notes.
//
// Lists of instruments. A UN programme budget's legislative mandates (and
// lists like them) give, for each instrument, a line of symbols (SymbolsOf:
// "62/134", "57/300; 58/269", "1325 (2000)", "538 B (VI)", "S-23/2"; in a
// list, a year alone, "1996", for agreed conclusions) and its title on the
// lines after it, up to a blank line or a paragraph's end (or on the same
// line: "70/98; 79/98 Question of Western Sahara"), at most 8 lines of
// 320 bytes, its first line capitalized, its last not ending with a full
// stop. Entries follow each other directly or across one line on its own
// (a heading: "Security Council resolutions"). A run of at least three
// entries, two of them with titles, is flagged from its first symbols to
// its last title: the titles are names (codebook §10.1). A title that reads
// as prose ends the run before it.
//
// A run of entries without a title is not flagged otherwise: body text can
// hold such runs (a list of sources in a paragraph), and a greyed body
// paragraph is worse than an entry counted.
//
// Citations. Matches in flagged segments carry the flag; the summary counts
// them apart, but for citations (codebook::CountedApartInReferences): a
// reference list's and a note's citations are the document's own.
//
// Thread safety: pure functions.
#ifndef HSTAG_TEXT_REFERENCES_H_
#define HSTAG_TEXT_REFERENCES_H_

#include <string_view>

#include "hstag/document.h"

namespace hstag {

// Flags the segments of `doc`'s reference sections, splitting segments where
// a section starts or ends inside one. Segments already flagged stay so.
void MarkReferences(Document* doc);

namespace references {

enum class Title { kNone, kReferences, kNotes };

// What title `line` is (surrounding white space ignored).
Title TitleOf(std::string_view line);
// Whether `line` starts a reference entry.
bool StartsEntry(std::string_view line);
// Whether `line` carries a reference signal (entry starts do not always).
bool HasSignal(std::string_view line);
// Whether `line` is a list of UN document symbols or resolution numbers
// ("61/230; 76/298", "S-23/2", "1325 (2000)", "538 B (VI)"), alone
// (kOnly) or before a title on the same line (kLeading: "70/98; 79/98
// Question of Western Sahara").
enum class Symbols { kNone, kOnly, kLeading };
Symbols SymbolsOf(std::string_view line);
// Whether `line` is a short line that starts back matter (an annex, ...).
bool StartsBackMatter(std::string_view line);
// The number of the note that `line` starts ("25 IOM, Flow Monitoring
// Points ..."): 1 to 999, without a leading zero, then a space and a capital
// or an opening quote, not a month; -1 for none ("25. Decides", "15 per
// cent", "2023 saw", "13 November 2024").
int NoteNumber(std::string_view line);
// Whether the text of a note reads as a reference: a reference signal other
// than a bare year, a year in reference form, or a date in parentheses
// ("(March 2023)", "(Nairobi, 2023)").
bool CitesLikeANote(std::string_view note);

}  // namespace references
}  // namespace hstag

#endif  // HSTAG_TEXT_REFERENCES_H_
