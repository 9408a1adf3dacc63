#!/usr/bin/env python3
"""Checks that PDFs hold nothing a printed handout has no use for.

    .venv/bin/python policy.py FILE.pdf...   (./setup makes the venv)

Walks every object reachable from the trailer (and any left unreferenced)
and reports, per file:
  - actions that run code, open other files, or submit or change things;
  - links whose scheme is not http, https, mailto or tel;
  - scripts, forms, attachments, rich media and encryption;
  - JPEG images that still carry EXIF or XMP metadata;
  - streams whose data lives in another file;
  - Info or XMP metadata that reveals a local path;
  - anything qpdf's syntax check complains about.
Exits 1 if any file has a finding.
"""

import re
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

BAD_ACTIONS = {
    "/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/ResetForm",
    "/GoToR", "/GoToE", "/Rendition", "/Movie", "/Sound", "/Hide",
    "/SetOCGState", "/RichMediaExecute",
}
# /JavaScript is the name tree of document-level scripts.
BAD_KEYS = {
    "/JS", "/JavaScript", "/AA", "/AcroForm", "/XFA", "/EmbeddedFiles",
    "/EF", "/Encrypt", "/RichMedia",
}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
LOCAL_PATH = re.compile(r"/home/|/tmp/|/root/|/Users/|\b[A-Za-z]:\\|file:", re.IGNORECASE)


def text(obj):
    """A PDF string as text, whatever its encoding."""
    try:
        return str(obj)
    except Exception:
        return bytes(obj).decode("latin-1")


def link_scheme(uri):
    # Viewers skip leading blanks and control characters before the scheme.
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", uri.lstrip("\x00\t\n\r\f "))
    return m.group(1).lower() if m else None


def filters(stream):
    f = stream.get("/Filter")
    return [str(x) for x in f] if isinstance(f, Array) else [str(f)] if f else []


def jpeg_data(pdf, stream):
    """The JPEG file inside a DCTDecode stream."""
    chain = filters(stream)
    last = chain.index("/DCTDecode")
    if last == 0:
        return stream.read_raw_bytes()
    # qpdf will not stop half way through a chain of filters, so undo the
    # ones before DCTDecode on a copy that has only those.
    outer = pikepdf.Stream(pdf, stream.read_raw_bytes())
    outer.Filter = Array([Name(f) for f in chain[:last]])
    parms = stream.get("/DecodeParms")
    if isinstance(parms, Array):
        outer.DecodeParms = Array(list(parms)[:last])
    return outer.read_bytes()


def check_stream(pdf, stream, where, found):
    if "/F" in stream:
        found.append(f"{where}: stream takes its data from an external file (/F)")
    if "/DCTDecode" in filters(stream):
        try:
            data = jpeg_data(pdf, stream)
        except pikepdf.PdfError as e:
            found.append(f"{where}: cannot read JPEG data: {e}")
            return
        if b"Exif\0\0" in data:
            found.append(f"{where}: JPEG image still holds EXIF metadata")
        if b"ns.adobe.com/xap" in data:
            found.append(f"{where}: JPEG image still holds XMP metadata")
    if stream.get("/Type") == Name.Metadata:
        try:
            xmp = stream.read_bytes().decode("utf-8", "replace")
        except pikepdf.PdfError as e:
            found.append(f"{where}: cannot read XMP metadata: {e}")
            return
        if m := LOCAL_PATH.search(xmp):
            found.append(f"{where}: XMP metadata names a local path ({m.group(0)!r})")


def check_dict(d, where, found):
    for key in d.keys():
        if key in BAD_KEYS:
            found.append(f"{where}: forbidden key {key}")
    action = d.get("/S")
    if isinstance(action, Name) and str(action) in BAD_ACTIONS:
        found.append(f"{where}: forbidden action /S {action}")
    uri = d.get("/URI")
    if isinstance(uri, String):
        link = text(uri)
        if link_scheme(link) not in LINK_SCHEMES:
            found.append(f"{where}: link with a disallowed scheme: {link!r}")


def walk(pdf, found):
    """Visits every object once, depth first, from the trailer."""
    seen = set()
    stack = [(pdf.trailer, "trailer")]
    # Objects nothing points to can still be read by a careless tool.
    stack += [(obj, None) for obj in pdf.objects]
    while stack:
        obj, where = stack.pop()
        if not isinstance(obj, pikepdf.Object):  # numbers and booleans come as Python values
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
            where = "object {} {}".format(*obj.objgen)
        if isinstance(obj, Stream):
            check_dict(obj.stream_dict, where, found)
            check_stream(pdf, obj, where, found)
            children = obj.stream_dict.values()
        elif isinstance(obj, Dictionary):
            check_dict(obj, where, found)
            children = obj.values()
        elif isinstance(obj, Array):
            children = list(obj)
        else:
            continue
        stack += [(child, where) for child in children]


def check_info(pdf, found):
    if "/Info" not in pdf.trailer:
        return
    for key, value in pdf.trailer.Info.items():
        if isinstance(value, String) and (m := LOCAL_PATH.search(text(value))):
            found.append(f"Info {key} names a local path ({m.group(0)!r})")


def check_file(path):
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, pikepdf.PasswordError) as e:
        return [f"cannot open: {e}"]
    with pdf:
        found = []
        # pikepdf 10 names it check_pdf_syntax; later releases name it check.
        syntax = getattr(pdf, "check_pdf_syntax", None) or pdf.check
        found += [f"syntax: {problem}" for problem in syntax()]
        if pdf.is_encrypted:
            found.append("file is encrypted")
        walk(pdf, found)
        check_info(pdf, found)
        return found


def main(paths):
    if not paths:
        sys.exit(f"usage: {sys.argv[0]} FILE.pdf...")
    failed = False
    for path in paths:
        found = check_file(path)
        for finding in found:
            print(f"{path}: {finding}")
        if not found:
            print(f"{path}: ok")
        failed |= bool(found)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
