#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the hostile-input batch of tests/hostile at test time.

    make_hostile.py SOURCE_DIR OUT_DIR

OUT_DIR/batch gets good documents (copies from samples/), the small bad
files committed in tests/data/hostile and tests/plugins/pdf/data, and the bad files
that are large or cannot live in git, generated here:

    pdf/pages_10000.pdf       a valid PDF of 10,000 empty pages (~0.9 MB)
    xml/deep_100000.xml       100,000 nested elements, each with a paragraph
    html/deep_100000.html     100,000 nested <div>s
    html/huge_attribute.html  a paragraph with a 16 MiB attribute
    html/truncated.html       samples/html/running_heads.html cut inside a tag
    html/nul_bytes.html       a page with NUL bytes in its text
    html/invalid_utf8.html    a page that says UTF-8 in a <meta> and has stray bytes
    text/huge_1g.txt          1 GiB, sparse: a few bytes of text, then a hole
    text/empty.txt            zero bytes
    text/nul_bytes.txt        text with NUL bytes in it
    text/name<LF>with<LF>newlines<FF>.txt   a file name with newlines and a
                              byte that is not UTF-8
    text/unreadable.txt       mode 000
    links/loop.txt            a symbolic link to itself
    links/dir/up              a symbolic link to its parent's parent (a loop)

and OUT_DIR/backtracking.txt, the document of the backtracking rules. Every
file is written anew (OUT_DIR is emptied first); the whole takes well under
a second.
"""
import io
import os
import shutil
import stat
import subprocess
import sys
import zipfile


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def pdf_of_empty_pages(n):
    """A PDF of n empty US-letter pages: one flat page tree, a correct xref."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objects.append(b"<< /Type /Pages /Count %d /Kids [%s] >>" % (n, kids))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
    objects.extend([page] * n)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def docx_of(document_xml):
    """A DOCX (a zip) whose word/document.xml is `document_xml` (bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def make_archives(src, folder):
    """Office files and archives, hostile and good: a batch of their own."""
    os.makedirs(folder)
    shutil.copyfile(os.path.join(src, "samples/note/human_security_note.docx"),
                    os.path.join(folder, "good.docx"))
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    write(os.path.join(folder, "broken.docx"),
          docx_of(b"<w:document " + w + b"><w:body><w:p><w:r><w:t>Human security"
                  b"</w:r></w:p></w:body></w:document>"))
    # 100 MB of spaces in the document: about 100 KB zipped.
    write(os.path.join(folder, "bomb.docx"),
          docx_of(b"<w:document " + w + b"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>" +
                  b" " * (100 << 20) + b"</w:body></w:document>"))
    # 200 MB of zeros: about 200 KB zipped.
    with zipfile.ZipFile(os.path.join(folder, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("zeros.txt", bytes(200 << 20))
    with zipfile.ZipFile(os.path.join(folder, "traversal.zip"), "w") as z:
        z.writestr("../../etc/x.txt", "Human security, from a member named to climb out.\n")
        z.writestr("/abs/y.txt", "Freedom from fear, from an absolute member name.\n")
    # zip -P: Python's zipfile cannot encrypt.
    tmp = os.path.join(folder, "tmp")
    os.makedirs(tmp)
    write(os.path.join(tmp, "secret.txt"), b"Human security, behind a password.\n")
    write(os.path.join(tmp, "open.txt"), b"Freedom from want, in the open.\n")
    subprocess.run(["zip", "-q", "-P", "secret", "../locked.zip", "secret.txt"], cwd=tmp,
                   check=True)
    subprocess.run(["zip", "-q", "../locked.zip", "open.txt"], cwd=tmp, check=True)
    shutil.rmtree(tmp)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_hostile.py SOURCE_DIR OUT_DIR")
    src, out = sys.argv[1], sys.argv[2]
    if os.path.isdir(out):
        for root, dirs, _ in os.walk(out):  # mode 000 files are removable anyway
            for d in dirs:
                p = os.path.join(root, d)
                if not os.path.islink(p):
                    os.chmod(p, 0o755)
        shutil.rmtree(out)
    batch = os.path.join(out, "batch")

    # Good documents: their results must be those of a run on their own.
    good = {
        "samples/txt/typography.txt": "good/typography.txt",
        "samples/txt/ungdc_THA_69_2014.txt": "good/ungdc_THA_69_2014.txt",
        "samples/txt/ungdc_JPN_75_2020.txt": "good/ungdc_JPN_75_2020.txt",
        "samples/xml/akn_act.xml": "good/akn_act.xml",
        "samples/xml/docbook_article.xml": "good/docbook_article.xml",
        "samples/pdf/running_heads.pdf": "good/running_heads.pdf",
        "samples/html/running_heads.html": "good/running_heads.html",
        # HTML5 that is not XML, named .xml: the HTML extractor reads it.
        "tests/data/hostile/html5_not_xml.html": "good/html5_named.xml",
    }
    # Small bad files, committed.
    committed = {
        "tests/plugins/pdf/data/broken/truncated.pdf": "pdf/truncated.pdf",
        "tests/data/hostile/broken_xref.pdf": "pdf/broken_xref.pdf",
        "tests/plugins/pdf/data/encrypted_user.pdf": "pdf/encrypted.pdf",
        "tests/data/hostile/image_only.pdf": "pdf/image_only.pdf",
        "samples/pdf/scanned.pdf": "pdf/scan_in_french.pdf",
        "tests/data/hostile/billion_laughs.xml": "xml/billion_laughs.xml",
        "tests/data/hostile/external_entity.xml": "xml/external_entity.xml",
        "tests/data/hostile/malformed.xml": "xml/malformed.xml",
        "tests/data/hostile/utf16le_no_bom.txt": "text/utf16le_no_bom.txt",
        "tests/data/hostile/windows1252.txt": "text/windows1252.txt",
        "tests/data/hostile/invalid_utf8.txt": "text/invalid_utf8.txt",
    }
    for table in (good, committed):
        for frm, to in table.items():
            os.makedirs(os.path.dirname(os.path.join(batch, to)), exist_ok=True)
            shutil.copyfile(os.path.join(src, frm), os.path.join(batch, to))

    write(os.path.join(batch, "pdf/pages_10000.pdf"), pdf_of_empty_pages(10000))
    depth = 100000
    write(os.path.join(batch, "xml/deep_100000.xml"),
          b"<?xml version=\"1.0\"?>\n<doc>" + b"<div><p>Human security.</p>" * depth +
          b"</div>" * depth + b"</doc>\n")

    write(os.path.join(batch, "html/deep_100000.html"),
          b"<!DOCTYPE html><body>" + b"<div>" * depth + b"Human security.\n")
    write(os.path.join(batch, "html/huge_attribute.html"),
          b"<!DOCTYPE html>\n<p title=\"" + b"x" * (16 << 20) + b"\">Human security.</p>\n")
    with open(os.path.join(src, "samples/html/running_heads.html"), "rb") as f:
        page = f.read()
    cut = page.index(b"<p>The fourth page") + len(b"<p>The fourth page")
    cut = page.index(b"<section", cut) + len(b"<section i")
    write(os.path.join(batch, "html/truncated.html"), page[:cut])
    write(os.path.join(batch, "html/nul_bytes.html"),
          b"<!DOCTYPE html>\n<p>Human security\x00 and\x00\x00 NUL bytes.</p>\n")
    write(os.path.join(batch, "html/invalid_utf8.html"),
          b"<!DOCTYPE html>\n<meta charset=\"utf-8\">\n<p>Human security \xff\xfe is "
          b"freedom from fear.</p>\n")

    huge = os.path.join(batch, "text/huge_1g.txt")
    write(huge, b"Human security, then a hole of zero bytes.\n")
    os.truncate(huge, 1 << 30)  # sparse: nothing more is written
    write(os.path.join(batch, "text/empty.txt"), b"")
    write(os.path.join(batch, "text/nul_bytes.txt"),
          b"Human security\x00 with NUL bytes\x00\x00 inside a text file.\n")
    write(os.path.join(batch, "text").encode() + b"/name\nwith\nnewlines\xff.txt",
          b"Human security is freedom from fear.\n")
    unreadable = os.path.join(batch, "text/unreadable.txt")
    write(unreadable, b"Human security, which nobody may read here.\n")
    os.chmod(unreadable, 0)

    os.makedirs(os.path.join(batch, "links/dir"))
    os.symlink("loop.txt", os.path.join(batch, "links/loop.txt"))
    os.symlink("..", os.path.join(batch, "links/dir/up"))
    write(os.path.join(batch, "links/dir/inside.txt"), b"Freedom from want.\n")

    # Everyone may read the batch (the test runs it as nobody when it is root).
    for root, dirs, files in os.walk(out):
        os.chmod(root, 0o755)
        for f in files:
            p = os.path.join(root, f)
            if not os.path.islink(p) and p != unreadable:
                os.chmod(p, 0o644)

    make_archives(src, os.path.join(out, "archives"))

    write(os.path.join(out, "backtracking.txt"),
          b"Human security.\n\n" + b"a" * 100000 + b"b\n\n" + b"x" * 50000 +
          b"\n\naaaa\n\nThe end.\n")


if __name__ == "__main__":
    main()
