// SPDX-License-Identifier: GPL-3.0-or-later
//
// gumbo against libxml2's HTML parser, the two HTML parsers Debian ships,
// for the HTML extractor (plugins/html/README.md has the figures):
//   --compare   the trees each builds for HTML5's error-recovery cases,
//               beside the tree of HTML5's algorithm (what browsers build);
//   otherwise   Google Benchmark: parse (and free) each page named on the
//               command line, with each parser; bytes per second.
// scripts/bench_html_parsers.sh makes the pages and runs both.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

void Silent(void*, const char*, ...) {}
void SilentStructured(void*, xmlErrorPtr) {}

constexpr int kXmlOptions =
    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The body as an outline: elements as name(children), text collapsed.
void GumboOutline(const GumboNode* n, std::string* out) {
  if (n->type == GUMBO_NODE_TEXT) {
    if (!out->empty() && out->back() != '(') *out += ' ';
    *out += Collapse(n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  if (!out->empty() && out->back() != '(') *out += ' ';
  *out += gumbo_normalized_tagname(n->v.element.tag);
  *out += '(';
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    GumboOutline(static_cast<const GumboNode*>(n->v.element.children.data[i]), out);
  }
  *out += ')';
}

void XmlOutline(const xmlNode* n, std::string* out) {
  if (n->type == XML_TEXT_NODE) {
    const std::string t = Collapse(reinterpret_cast<const char*>(n->content));
    if (t.empty()) return;
    if (!out->empty() && out->back() != '(') *out += ' ';
    *out += t;
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  if (!out->empty() && out->back() != '(') *out += ' ';
  *out += reinterpret_cast<const char*>(n->name);
  *out += '(';
  for (const xmlNode* c = n->children; c; c = c->next) XmlOutline(c, out);
  *out += ')';
}

std::string GumboBody(const std::string& html) {
  GumboOutput* o = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string out;
  for (unsigned i = 0; i < o->root->v.element.children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(o->root->v.element.children.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) GumboOutline(c, &out);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, o);
  return out;
}

std::string XmlBody(const std::string& html) {
  htmlDocPtr doc =
      htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8", kXmlOptions);
  std::string out;
  const xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr;
  for (const xmlNode* c = root ? root->children : nullptr; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE &&
        std::strcmp(reinterpret_cast<const char*>(c->name), "body") == 0) {
      XmlOutline(c, &out);
    }
  }
  if (doc) xmlFreeDoc(doc);
  return out;
}

int Compare() {
  struct Case {
    const char* what;
    const char* html;
    const char* html5;  // the tree of HTML5's algorithm
  };
  const Case cases[] = {
      {"misnested b/i", "<p><b>1<i>2</b>3</i>4", "body(p(b(1 i(2)) i(3) 4))"},
      {"unclosed p before div", "<p>a<p>b<div>c</div>", "body(p(a) p(b) div(c))"},
      {"p closed by ul", "<p>a<ul><li>x<li>y</ul>", "body(p(a) ul(li(x) li(y)))"},
      {"table without tbody", "<table><tr><td>a<td>b</table>",
       "body(table(tbody(tr(td(a) td(b)))))"},
      {"</br>", "<p>a</br>b", "body(p(a br() b))"},
      {"text in a table (foster parenting)", "<table>t<tr><td>x</table>",
       "body(t table(tbody(tr(td(x)))))"},
      {"heading in a heading", "<h1>a<h2>b</h2>", "body(h1(a) h2(b))"},
      {"stray end tag", "<div>a</span>b</div>", "body(div(ab))"},
      {"&notit; and &amp without ;", "<p>&notit; &amp x", "body(p(\xC2\xACit; & x))"},
      {"li in li", "<ul><li>a<ul><li>b</ul><li>c</ul>", "body(ul(li(a ul(li(b))) li(c)))"},
      {"form in a table", "<table><form><tr><td>x</table>", "body(table(form() tbody(tr(td(x)))))"},
  };
  int gumbo_right = 0, xml_right = 0;
  for (const Case& c : cases) {
    const std::string html = std::string("<!DOCTYPE html><body>") + c.html;
    const std::string g = GumboBody(html), x = XmlBody(html);
    gumbo_right += g == c.html5;
    xml_right += x == c.html5;
    std::printf("| %s | `%s` | `%s` | %s `%s` | %s `%s` |\n", c.what, c.html, c.html5,
                g == c.html5 ? "same" : "**differs**", g.c_str(),
                x == c.html5 ? "same" : "**differs**", x.c_str());
  }
  std::printf("\nHTML5's tree: gumbo %d of %zu, libxml2 %d of %zu\n", gumbo_right, std::size(cases),
              xml_right, std::size(cases));
  return 0;
}

std::vector<std::pair<std::string, std::string>>& Pages() {
  static std::vector<std::pair<std::string, std::string>> pages;
  return pages;
}

void BM_Gumbo(benchmark::State& state, const std::string* page) {
  for (auto _ : state) {
    GumboOutput* o = gumbo_parse_with_options(&kGumboDefaultOptions, page->data(), page->size());
    benchmark::DoNotOptimize(o->root);
    gumbo_destroy_output(&kGumboDefaultOptions, o);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page->size()));
}

void BM_Libxml2(benchmark::State& state, const std::string* page) {
  for (auto _ : state) {
    htmlDocPtr doc = htmlReadMemory(page->data(), static_cast<int>(page->size()), "page.html",
                                    "UTF-8", kXmlOptions);
    benchmark::DoNotOptimize(doc);
    if (doc) xmlFreeDoc(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page->size()));
}

}  // namespace

int main(int argc, char** argv) {
  xmlSetGenericErrorFunc(nullptr, &Silent);
  xmlSetStructuredErrorFunc(nullptr, &SilentStructured);
  std::vector<char*> args;
  bool compare = false;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--compare") {
      compare = true;
    } else if (i > 0 && a.rfind("--", 0) != 0) {
      std::ifstream in(a, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      Pages().emplace_back(a.substr(a.find_last_of('/') + 1), s.str());
    } else {
      args.push_back(argv[i]);
    }
  }
  if (compare) return Compare();
  for (const auto& [name, page] : Pages()) {
    benchmark::RegisterBenchmark(("gumbo/" + name).c_str(), BM_Gumbo, &page);
    benchmark::RegisterBenchmark(("libxml2/" + name).c_str(), BM_Libxml2, &page);
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
