// SPDX-License-Identifier: GPL-3.0-or-later
#include "xml_profiles.h"

#include <array>
#include <cctype>
#include <unordered_set>

#include "xml_text.h"

namespace hstag::xml {
namespace {

class Names {
 public:
  Names(std::initializer_list<std::string_view> names) : set_(names) {}
  bool has(std::string_view n) const { return set_.count(n) > 0; }

 private:
  std::unordered_set<std::string_view> set_;
};

using Classified = std::optional<Kind>;

// Shared by the profiles: empty elements that separate words. A TEI
// <lb break="no"/> (a line break inside a word) does not.
Classified Breaks(const pugi::xml_node& n, std::string_view local) {
  static const Names breaks{"br", "lb", "pb", "cb", "eol", "eop", "hr", "sbr"};
  if (!breaks.has(local)) return std::nullopt;
  const std::string_view b = n.attribute("break").value();
  return b == "no" ? Kind::kInline : Kind::kBreak;
}

Classified Lookup(std::string_view local, const Names& skip, const Names& block,
                  const Names& detached, const Names& inl, const Names& container) {
  if (skip.has(local)) return Kind::kSkip;
  if (block.has(local)) return Kind::kBlock;
  if (detached.has(local)) return Kind::kDetached;
  if (inl.has(local)) return Kind::kInline;
  if (container.has(local)) return Kind::kContainer;
  return std::nullopt;
}

// Whether the space-separated list `list` holds `token`.
bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    if (list.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

// ---- Akoma Ntoso -----------------------------------------------------------

Classified AknClassify(const pugi::xml_node& n, std::string_view local, const pugi::xml_node&) {
  static const Names skip{"meta", "componentRef", "documentRef", "noteRef", "img"};
  static const Names block{"p", "heading", "subheading", "td", "th", "li", "caption",
                           "block", "longTitle", "tocItem", "signature"};
  static const Names detached{"authorialNote", "note"};
  static const Names inl{
      "i", "b", "u", "sup", "sub", "ref", "mref", "rref", "span", "a", "abbr", "term", "def",
      "docType", "docNumber", "docTitle", "docDate", "docProponent", "docStage", "docStatus",
      "docPurpose", "docCommittee", "docIntroducer", "docJurisdiction", "docAuthority", "date",
      "time", "person", "organization", "location", "role", "concept", "object", "event",
      "quantity", "entity", "inline", "mark", "shortTitle", "affectedDocument",
      "relatedDocument", "legislature", "session", "omissis", "marker", "placeholder", "fillIn",
      "decoration", "vote", "outcome", "courtType", "judge", "party", "lawyer", "argument",
      "remark", "recordedTime", "neutralCitation", "opinion", "embeddedText", "ins", "del",
      "sub", "judge"};
  static const Names container{"list", "blockList", "item", "table", "tr", "ol", "ul",
                               "intro", "wrapUp", "content", "container", "formula"};
  if (local == "num") return Kind::kLabel;
  if (auto b = Breaks(n, local)) return b;
  return Lookup(local, skip, block, detached, inl, container);
}

// The showAs of the TLC element an href (#id) points at, else the href.
std::string AknResolve(const pugi::xml_node& meta, std::string_view href) {
  if (href.empty()) return "";
  const std::string_view id = href[0] == '#' ? href.substr(1) : href;
  if (const pugi::xml_node refs = Child(meta, "references")) {
    for (pugi::xml_node t = refs.first_child(); t; t = t.next_sibling()) {
      if (t.type() == pugi::node_element && Attr(t, "eId") == id) {
        const std::string show = Attr(t, "showAs");
        if (!show.empty()) return show;
      }
    }
  }
  return std::string(href);
}

void AknMetadata(const pugi::xml_node& root, Metadata* out) {
  pugi::xml_node doc;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) {
      doc = c;
      break;
    }
  }
  if (!doc) return;
  out->Set("akn_document_type", std::string(LocalName(doc)));
  const pugi::xml_node meta = Child(doc, "meta");
  const pugi::xml_node ident = Child(meta, "identification");
  const pugi::xml_node work = Child(ident, "FRBRWork");
  const pugi::xml_node expr = Child(ident, "FRBRExpression");
  std::string uri = Attr(Child(work, "FRBRuri"), "value");
  if (uri.empty()) uri = Attr(Child(work, "FRBRthis"), "value");
  out->Set("frbr_work", uri);
  out->Set("frbr_expression", Attr(Child(expr, "FRBRthis"), "value"));
  out->Set("date", Attr(Child(work, "FRBRdate"), "date"));
  out->Set("author", AknResolve(meta, Attr(Child(work, "FRBRauthor"), "href")));
  out->Set("country", Attr(Child(work, "FRBRcountry"), "value"));
  out->Set("number", Attr(Child(work, "FRBRnumber"), "value"));
  const std::string lang = Attr(Child(expr, "FRBRlanguage"), "language");
  out->language = NormalizeLanguage(lang);
  // The title: the preface's docTitle or longTitle, else the FRBRalias or
  // the FRBRnumber's showAs.
  std::string title;
  for (const char* front : {"preface", "coverPage"}) {
    const pugi::xml_node pre = Child(doc, front);
    if (!pre || !title.empty()) continue;
    // docTitle may sit at any depth of the preface: walk it without recursion.
    for (pugi::xml_node n = pre.first_child(); n && title.empty();) {
      if (n.type() == pugi::node_element && LocalName(n) == "docTitle") title = TextOf(n);
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n && n != pre && !n.next_sibling()) n = n.parent();
      if (!n || n == pre) break;
      n = n.next_sibling();
    }
    if (title.empty()) title = TextOf(Child(pre, "longTitle"));
  }
  if (title.empty()) title = Attr(Child(work, "FRBRalias"), "value");
  if (title.empty()) title = Attr(Child(work, "FRBRnumber"), "showAs");
  out->Set("title", title);
}

// ---- TEI ------------------------------------------------------------------

Classified TeiClassify(const pugi::xml_node& n, std::string_view local, const pugi::xml_node&) {
  static const Names skip{"teiHeader", "note", "kinesic", "vocal", "incident", "gap", "fw",
                          "rdg", "interp", "interpGrp", "link", "linkGrp", "spanGrp", "standOff",
                          "facsimile", "figDesc", "anchor", "ptr", "index", "certainty",
                          "respons", "metamark", "graphic", "formula"};
  static const Names block{"p", "head", "l", "seg", "ab", "item", "label", "cell", "speaker",
                           "stage", "trailer", "byline", "dateline", "salute", "signed",
                           "docTitle", "titlePart", "docAuthor", "docImprint", "docDate",
                           "castItem", "bibl", "biblStruct", "biblFull", "caption"};
  static const Names detached{};
  static const Names inl{"hi", "emph", "ref", "name", "persName", "placeName", "orgName",
                         "geogName", "date", "time", "term", "foreign", "q", "quote", "title",
                         "abbr", "expan", "choice", "sic", "corr", "reg", "orig", "num",
                         "measure", "rs", "soCalled", "mentioned", "gloss", "distinct", "add",
                         "del", "unclear", "supplied", "damage", "c", "g", "ex", "am",
                         "roleName", "forename", "surname", "addName", "genName", "nameLink",
                         "email", "lem", "app", "said", "subst", "mod", "restore"};
  static const Names container{"text", "front", "body", "back", "group", "div", "div1", "div2",
                               "div3", "div4", "div5", "u", "sp", "lg", "list", "table", "row",
                               "w", "pc", "s", "opener", "closer", "epigraph", "argument",
                               "listBibl", "castList", "figure", "floatingText"};
  if (auto b = Breaks(n, local)) return b;
  return Lookup(local, skip, block, detached, inl, container);
}

// A list of bibliographic entries, or a division that holds the
// bibliography (<div type="bibliography">).
bool TeiReferences(const pugi::xml_node& n, std::string_view local) {
  if (local == "listBibl") return true;
  if (!local.starts_with("div")) return false;
  const std::string_view type = n.attribute("type").value();
  return type == "bibliography" || type == "references" || type == "works-cited";
}

void TeiMetadata(const pugi::xml_node& root, Metadata* out) {
  pugi::xml_node tei = root;
  if (LocalName(root) == "teiCorpus") tei = Child(root, "TEI");
  const pugi::xml_node header = Child(tei, "teiHeader");
  const pugi::xml_node file = Child(header, "fileDesc");
  const pugi::xml_node title_stmt = Child(file, "titleStmt");
  const std::string root_lang = NormalizeLanguage(Attr(tei, "xml:lang"));
  std::string title;
  std::vector<std::string> authors;
  for (pugi::xml_node c = title_stmt.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c) == "title") {
      const std::string lang = NormalizeLanguage(Attr(c, "xml:lang"));
      if (title.empty() || (!root_lang.empty() && lang == root_lang &&
                            Attr(c, "type") != "sub")) {
        if (title.empty() || lang == root_lang) title = TextOf(c);
      }
    } else if (LocalName(c) == "author") {
      authors.push_back(TextOf(c));
    }
  }
  out->Set("title", title);
  out->Set("author", Join(authors));
  const pugi::xml_node pub = Child(file, "publicationStmt");
  out->Set("publisher", TextOf(Child(pub, "publisher")));
  out->Set("idno", TextOf(Child(pub, "idno")));
  // The date of the text: the setting's, else the source's, else the
  // publication's.
  const pugi::xml_node profile = Child(header, "profileDesc");
  std::string date;
  for (const pugi::xml_node d :
       {Child(Child(Child(profile, "settingDesc"), "setting"), "date"),
        Child(Child(Child(file, "sourceDesc"), "bibl"), "date"), Child(pub, "date")}) {
    if (!d || !date.empty()) continue;
    date = Attr(d, "when");
    if (date.empty()) date = TextOf(d);
  }
  out->Set("date", date);
  std::string lang = root_lang;
  if (lang.empty()) {
    lang = NormalizeLanguage(Attr(Child(Child(profile, "langUsage"), "language"), "ident"));
  }
  out->language = lang;
}

// ---- JATS -----------------------------------------------------------------

Classified JatsClassify(const pugi::xml_node& n, std::string_view local,
                        const pugi::xml_node& parent) {
  const std::string_view up = parent ? LocalName(parent) : std::string_view();
  // Of the front matter only the title and the abstracts are prose.
  if (up == "front" || up == "front-stub") {
    return local == "article-meta" ? Kind::kContainer : Kind::kSkip;
  }
  if (up == "article-meta") {
    return local == "title-group" || local == "abstract" || local == "trans-abstract"
               ? Kind::kContainer
               : Kind::kSkip;
  }
  if (up == "title-group" && local != "article-title" && local != "subtitle" &&
      local != "trans-title-group") {
    return Kind::kSkip;
  }
  if (local == "front-stub") return Kind::kContainer;
  static const Names skip{"journal-meta", "math", "tex-math", "graphic",
                          "inline-graphic", "media", "object-id", "processing-meta",
                          "alternatives", "disp-formula", "permissions", "counts",
                          "custom-meta-group"};
  static const Names block{"p", "title", "article-title", "subtitle", "trans-title", "td", "th",
                           "def", "term", "verse-line", "attrib", "license-p",
                           "mixed-citation", "element-citation", "nlm-citation", "citation"};
  static const Names detached{"fn"};
  static const Names inl{"italic", "bold", "sup", "sub", "sc", "monospace", "underline",
                         "overline", "roman", "sans-serif", "xref", "ext-link", "uri",
                         "named-content", "styled-content", "abbrev", "inline-formula", "email",
                         "strike", "ruby", "target", "inline-supplementary-material",
                         "private-char", "glyph-ref", "hr"};
  static const Names container{"body", "back", "sec", "abstract", "trans-abstract", "list",
                               "list-item", "fig", "table-wrap", "table", "thead", "tbody",
                               "tfoot", "tr", "caption", "disp-quote", "boxed-text", "ack",
                               "app", "app-group", "glossary", "def-list", "def-item",
                               "fn-group", "notes", "statement", "verse-group", "title-group",
                               "trans-title-group", "sub-article", "response", "floats-group",
                               "ref-list", "ref"};
  if (local == "break") return Kind::kBreak;
  if (local == "label") return Kind::kLabel;
  if (auto b = Breaks(n, local)) return b;
  return Lookup(local, skip, block, detached, inl, container);
}

bool JatsReferences(const pugi::xml_node&, std::string_view local) { return local == "ref-list"; }

void JatsMetadata(const pugi::xml_node& root, Metadata* out) {
  const pugi::xml_node front = Child(root, "front");
  const pugi::xml_node journal = Child(front, "journal-meta");
  const pugi::xml_node art = Child(front, "article-meta");
  out->Set("title", TextOf(Child(Child(art, "title-group"), "article-title")));
  std::string jt = TextOf(Child(Child(journal, "journal-title-group"), "journal-title"));
  if (jt.empty()) jt = TextOf(Child(journal, "journal-title"));
  out->Set("journal", jt);
  out->Set("publisher", TextOf(Child(Child(journal, "publisher"), "publisher-name")));
  for (pugi::xml_node c = art.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || LocalName(c) != "article-id") continue;
    const std::string type = Attr(c, "pub-id-type");
    if (type == "doi") out->Set("doi", TextOf(c));
    if (type == "pmid") out->Set("pmid", TextOf(c));
    if (type == "pmc") out->Set("pmcid", TextOf(c));
  }
  // The date: the electronic publication's, else the first pub-date.
  pugi::xml_node date;
  for (pugi::xml_node c = art.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || LocalName(c) != "pub-date") continue;
    if (!date) date = c;
    const std::string t = Attr(c, "pub-type") + Attr(c, "date-type");
    if (t == "epub" || t == "pub") {
      date = c;
      break;
    }
  }
  if (date) {
    std::string d = TextOf(Child(date, "year"));
    for (const char* part : {"month", "day"}) {
      std::string v = TextOf(Child(date, part));
      if (v.empty()) break;
      if (v.size() == 1) v = "0" + v;
      d += "-" + v;
    }
    out->Set("date", d);
  }
  std::vector<std::string> authors;
  for (pugi::xml_node g = art.first_child(); g; g = g.next_sibling()) {
    if (g.type() != pugi::node_element || LocalName(g) != "contrib-group") continue;
    for (pugi::xml_node c = g.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || LocalName(c) != "contrib") continue;
      const std::string type = Attr(c, "contrib-type");
      if (!type.empty() && type != "author") continue;
      const pugi::xml_node name = Child(c, "name");
      std::string who = TextOf(Child(name, "given-names"));
      const std::string surname = TextOf(Child(name, "surname"));
      who += (who.empty() || surname.empty() ? "" : " ") + surname;
      if (who.empty()) who = TextOf(Child(c, "collab"));
      authors.push_back(who);
    }
  }
  out->Set("author", Join(authors));
  out->language = NormalizeLanguage(Attr(root, "xml:lang"));
}

// ---- Formex ---------------------------------------------------------------

Classified FormexClassify(const pugi::xml_node& n, std::string_view local,
                          const pugi::xml_node&) {
  static const Names skip{"BIB.INSTANCE", "PAGE.FIRST", "PAGE.LAST", "PAGE.SEQ", "PAGE.TOTAL",
                          "INCL.ELEMENT", "FORMULA", "IMG", "REF.PHYS"};
  static const Names block{"NP", "TI", "STI", "TI.ART", "STI.ART", "TI.CJT", "P", "VISA",
                           "PL.DATE", "TI.GR.SEQ", "TI.DIVISION", "STI.DIVISION", "CELL"};
  static const Names detached{"NOTE"};
  static const Names inl{"HT", "DATE", "REF.DOC.OJ", "REF.DOC", "REF.DOC.ECR", "REF.DOC.SEAT",
                         "FT", "IE", "EXPONENT", "INDEX", "LINK", "URL", "ADDR.S", "QUOT.S",
                         "NO.DOC.C", "ACRONYM"};
  static const Names container{"ACT", "CONS.ACT", "CONS.DOC", "GENERAL", "TITLE", "PREAMBLE",
                               "PREAMBLE.INIT", "PREAMBLE.FINAL", "GR.VISA", "GR.CONSID",
                               "GR.CONSID.INIT", "CONSID", "ENACTING.TERMS", "DIVISION",
                               "ARTICLE", "PARAG", "ALINEA", "LIST", "ITEM", "NO.P",
                               "TXT", "FINAL", "SIGNATURE", "SIGNATORY", "ANNEX", "CONTENTS",
                               "GR.SEQ", "TBL", "CORPUS", "ROW", "QUOT.START", "QUOT.END"};
  if (local == "QUOT.START" || local == "QUOT.END") return Kind::kQuote;
  if (local == "NO.PARAG") return Kind::kLabel;
  if (auto b = Breaks(n, local)) return b;
  return Lookup(local, skip, block, detached, inl, container);
}

void FormexMetadata(const pugi::xml_node& root, Metadata* out) {
  out->Set("title", TextOf(Child(root, "TITLE")));
  const pugi::xml_node bib = Child(root, "BIB.INSTANCE");
  std::string date = Attr(Child(bib, "DATE"), "ISO");
  if (date.size() == 8 && date.find_first_not_of("0123456789") == std::string::npos) {
    date = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
  }
  out->Set("date", date);
  const pugi::xml_node ref = Child(bib, "DOCUMENT.REF");
  out->Set("formex_file", Attr(ref, "FILE"));
  const std::string coll = TextOf(Child(ref, "COLL"));
  const pugi::xml_node no = Child(ref, "NO.DOC");
  const std::string num = TextOf(Child(no, "NO.CURRENT"));
  const std::string year = TextOf(Child(no, "YEAR"));
  if (!num.empty() && !year.empty()) out->Set("number", year + "/" + num);
  if (!coll.empty()) out->Set("oj_collection", coll);
  out->Set("author", Attr(Child(bib, "AUTHOR"), "NAME"));
  out->language = NormalizeLanguage(TextOf(Child(bib, "LG.DOC")));
}

// ---- XHTML ----------------------------------------------------------------

Classified XhtmlClassify(const pugi::xml_node& n, std::string_view local,
                         const pugi::xml_node&) {
  static const Names skip{"head", "script", "style", "noscript", "template", "svg", "math",
                          "iframe", "object", "embed", "select", "textarea", "button", "rp",
                          "map", "canvas", "audio", "video"};
  static const Names block{"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th",
                           "caption", "pre", "figcaption", "address", "summary", "legend"};
  static const Names detached{};
  static const Names inl{"a", "span", "b", "i", "em", "strong", "sub", "sup", "abbr",
                         "acronym", "cite", "code", "q", "small", "big", "u", "s", "strike",
                         "font", "mark", "time", "var", "kbd", "samp", "dfn", "bdi", "bdo", "tt",
                         "del", "ins", "label", "img", "wbr", "nobr", "ruby", "rb", "rt",
                         "data", "output", "meter", "progress"};
  static const Names container{"html", "body", "div", "section", "article", "header", "footer",
                               "nav", "aside", "main", "ul", "ol", "dl", "menu", "table",
                               "thead", "tbody", "tfoot", "tr", "colgroup", "col", "figure",
                               "form", "fieldset", "details", "blockquote", "center", "hgroup"};
  if (auto b = Breaks(n, local)) return b;
  // Word-processor output (EUR-Lex CONVEX) sets a heading's number in a
  // <span class="num"> that the style sheet sets apart.
  if (local == "span") {
    const std::string cls = " " + Attr(n, "class") + " ";
    if (cls.find(" num ") != std::string::npos) return Kind::kContainer;
  }
  return Lookup(local, skip, block, detached, inl, container);
}

// DPUB-ARIA's bibliography and endnotes roles, and EPUB's types.
bool XhtmlReferences(const pugi::xml_node& n, std::string_view) {
  const std::string_view role = n.attribute("role").value();
  const std::string_view type = n.attribute("epub:type").value();
  return HasToken(role, "doc-bibliography") || HasToken(role, "doc-endnotes") ||
         HasToken(type, "bibliography") || HasToken(type, "endnotes") ||
         HasToken(type, "rearnotes");
}

void XhtmlMetadata(const pugi::xml_node& root, Metadata* out) {
  const pugi::xml_node head = Child(root, "head");
  out->Set("title", TextOf(Child(head, "title"), true));
  for (pugi::xml_node m = head.first_child(); m; m = m.next_sibling()) {
    if (m.type() != pugi::node_element || LocalName(m) != "meta") continue;
    std::string name = Attr(m, "name");
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string content = Decoded(m.attribute("content").value(), true);
    if (name == "author" || name == "dc.creator" || name == "dcterms.creator") {
      out->Set("author", content);
    } else if (name == "date" || name == "dc.date" || name == "dcterms.date" ||
               name == "dcterms.issued") {
      out->Set("date", content);
    } else if (name == "description" || name == "dc.description") {
      out->Set("description", content);
    }
  }
  std::string lang = Attr(root, "xml:lang");
  if (lang.empty()) lang = Attr(root, "lang");
  out->language = NormalizeLanguage(lang);
}

// ---- UDHR-in-XML (http://efele.net/udhr) ------------------------------------

Classified UdhrClassify(const pugi::xml_node& n, std::string_view local, const pugi::xml_node&) {
  static const Names skip{};
  static const Names block{"title", "para"};
  static const Names detached{};
  static const Names inl{};
  static const Names container{"udhr", "preamble", "article", "orderedlist", "listitem", "note"};
  if (auto b = Breaks(n, local)) return b;
  return Lookup(local, skip, block, detached, inl, container);
}

void UdhrMetadata(const pugi::xml_node& root, Metadata* out) {
  out->Set("title", TextOf(Child(root, "title")));
  out->Set("udhr_key", Attr(root, "key"));
  out->Set("language_name", Attr(root, "n"));
  out->Set("script", Attr(root, "iso15924"));
  std::string lang = Attr(root, "xml:lang");
  if (lang.empty()) lang = Attr(root, "iso639-3");
  out->language = NormalizeLanguage(lang);
}

// ---- DocBook --------------------------------------------------------------

Classified DocbookClassify(const pugi::xml_node& n, std::string_view local,
                           const pugi::xml_node&) {
  static const Names skip{"info", "articleinfo", "bookinfo", "chapterinfo", "sectioninfo",
                          "sect1info", "sect2info", "sect3info", "prefaceinfo", "appendixinfo",
                          "partinfo", "refentryinfo", "indexterm", "remark", "annotation",
                          "titleabbrev", "imagedata", "imageobject", "alt", "index", "toc",
                          "lot"};
  static const Names block{"para", "simpara", "title", "subtitle", "term", "entry",
                           "literallayout", "programlisting", "screen", "address",
                           "attribution", "bridgehead", "member", "refpurpose", "refname",
                           "biblioentry", "bibliomixed"};
  static const Names detached{"footnote"};
  static const Names inl{"emphasis", "link", "ulink", "olink", "xref", "citetitle", "quote",
                         "phrase", "acronym", "abbrev", "foreignphrase", "firstterm",
                         "glossterm", "literal", "code", "filename", "command", "productname",
                         "orgname", "personname", "superscript", "subscript", "footnoteref",
                         "trademark", "wordasword", "application", "citation", "email", "uri",
                         "replaceable", "option", "envar", "systemitem", "keycap", "guilabel",
                         "guimenu", "date", "inlinemediaobject", "anchor"};
  static const Names container{"book", "article", "chapter", "section", "sect1", "sect2",
                               "sect3", "sect4", "sect5", "part", "preface", "appendix",
                               "abstract", "itemizedlist", "orderedlist", "variablelist",
                               "varlistentry", "listitem", "blockquote", "note", "tip",
                               "warning", "important", "caution", "sidebar", "formalpara",
                               "table", "informaltable", "tgroup", "thead", "tbody", "row",
                               "figure", "example", "glossary", "glossentry", "glossdef",
                               "qandaset", "qandaentry", "question", "answer", "refentry",
                               "refsection", "simplelist", "epigraph", "mediaobject",
                               "textobject", "caption", "dedication", "colophon",
                               "bibliography", "bibliodiv", "bibliolist"};
  if (auto b = Breaks(n, local)) return b;
  return Lookup(local, skip, block, detached, inl, container);
}

bool DocbookReferences(const pugi::xml_node&, std::string_view local) {
  return local == "bibliography" || local == "bibliolist";
}

void DocbookMetadata(const pugi::xml_node& root, Metadata* out) {
  pugi::xml_node info;
  for (const char* name : {"info", "articleinfo", "bookinfo", "chapterinfo"}) {
    if (!info) info = Child(root, name);
  }
  std::string title = TextOf(Child(info, "title"));
  if (title.empty()) title = TextOf(Child(root, "title"));
  out->Set("title", title);
  std::vector<std::string> authors;
  for (pugi::xml_node c = info.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    pugi::xml_node a = c;
    if (LocalName(c) == "authorgroup") a = Child(c, "author");
    for (; a; a = a.next_sibling()) {
      if (a.type() != pugi::node_element || LocalName(a) != "author") {
        if (a == c) break;
        continue;
      }
      pugi::xml_node name = Child(a, "personname");
      if (!name) name = a;
      std::string who = TextOf(Child(name, "firstname"));
      const std::string surname = TextOf(Child(name, "surname"));
      who += (who.empty() || surname.empty() ? "" : " ") + surname;
      if (who.empty()) who = TextOf(name);
      authors.push_back(who);
      if (a == c) break;
    }
  }
  out->Set("author", Join(authors));
  std::string date = TextOf(Child(info, "pubdate"));
  if (date.empty()) date = TextOf(Child(info, "date"));
  out->Set("date", date);
  out->Set("publisher", TextOf(Child(Child(info, "publisher"), "publishername")));
  std::string lang = Attr(root, "xml:lang");
  if (lang.empty()) lang = Attr(root, "lang");
  out->language = NormalizeLanguage(lang);
}

// ---- Generic --------------------------------------------------------------

Classified GenericClassify(const pugi::xml_node& n, std::string_view local,
                           const pugi::xml_node&) {
  static const Names skip{"script", "style"};
  static const Names block{"p", "para", "li", "td", "th", "title", "head", "heading"};
  static const Names detached{"footnote"};
  static const Names inl{"i", "b", "u", "em", "strong", "emph", "emphasis", "hi", "ref", "span",
                         "a", "sup", "sub", "italic", "bold", "underline", "small", "big",
                         "abbr", "q", "code", "tt", "font", "mark", "term", "link", "xref"};
  static const Names container{};
  if (auto b = Breaks(n, local)) return b;
  return Lookup(local, skip, block, detached, inl, container);
}

void GenericMetadata(const pugi::xml_node& root, Metadata* out) {
  const pugi::xml_node title = Child(root, "title");
  if (title) out->Set("title", TextOf(title));
  out->language = NormalizeLanguage(Attr(root, "xml:lang"));
}

constexpr std::array<Profile, 8> kProfiles = {{
    {"akn", false, true, &AknClassify, &AknMetadata, nullptr},
    {"tei", false, false, &TeiClassify, &TeiMetadata, &TeiReferences},
    {"jats", false, false, &JatsClassify, &JatsMetadata, &JatsReferences},
    {"formex", false, false, &FormexClassify, &FormexMetadata, nullptr},
    {"xhtml", true, false, &XhtmlClassify, &XhtmlMetadata, &XhtmlReferences},
    {"udhr", false, false, &UdhrClassify, &UdhrMetadata, nullptr},
    {"docbook", false, false, &DocbookClassify, &DocbookMetadata, &DocbookReferences},
    {"generic", false, false, &GenericClassify, &GenericMetadata, nullptr},
}};

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

}  // namespace

const Profile* FindProfile(std::string_view name) {
  for (const auto& p : kProfiles) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string ProfileNames() {
  std::string out;
  for (const auto& p : kProfiles) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

const Profile& DetectProfile(const pugi::xml_node& root) {
  const std::string_view local = LocalName(root);
  const std::string_view ns = NamespaceOf(root);
  auto by = [](std::string_view name) -> const Profile& { return *FindProfile(name); };
  if (local == "akomaNtoso" || Contains(ns, "akn") || Contains(ns, "akomantoso")) {
    return by("akn");
  }
  if (local == "TEI" || local == "teiCorpus" || Contains(ns, "tei-c.org")) return by("tei");
  if (local == "udhr" || Contains(ns, "efele.net/udhr")) return by("udhr");
  if (Contains(ns, "docbook.org")) return by("docbook");
  if (local == "html" || Contains(ns, "www.w3.org/1999/xhtml")) return by("xhtml");
  if (local == "article" && ns.empty() && (Child(root, "front") || Child(root, "body"))) {
    return by("jats");
  }
  if (Contains(Attr(root, "xsi:noNamespaceSchemaLocation"), "formex") ||
      Child(root, "BIB.INSTANCE")) {
    return by("formex");
  }
  static const Names docbook_roots{"book", "article", "chapter", "part", "set", "refentry",
                                   "section", "sect1"};
  if (docbook_roots.has(local)) {
    for (const char* c : {"info", "articleinfo", "bookinfo", "para", "sect1", "section",
                          "chapter", "simpara"}) {
      if (Child(root, c)) return by("docbook");
    }
  }
  return by("generic");
}

}  // namespace hstag::xml
