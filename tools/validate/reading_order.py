"""The work of ./reading-order: read one PDF with five extractors, look for phrases."""
import re
import subprocess
import sys


def pypdf_text(pdf):
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


def pdfminer_text(pdf):
    from pdfminer.high_level import extract_text

    return extract_text(pdf)


def command_text(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main():
    here, pdf, phrases = sys.argv[1], sys.argv[2], sys.argv[3:]
    readers = {
        "pdf.js": lambda: command_text("node", "--no-warnings", f"{here}/pdfjs-text.mjs", pdf),
        "pypdf": lambda: pypdf_text(pdf),
        "pdfminer.six": lambda: pdfminer_text(pdf),
        "txtwrite": lambda: command_text(
            "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite",
            "-sOutputFile=-", pdf),
        "pdftotext -raw": lambda: command_text("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"),
    }
    status = 0
    for name, read in readers.items():
        try:
            text = read()
        except Exception as error:  # a reader that fails is a failure to report
            print(f"FAIL {name}: cannot read {pdf}: {error}")
            status = 1
            continue
        flat = re.sub(r"\s+", " ", text.replace("\u00a0", " "))
        for phrase in phrases:
            if phrase not in flat:
                around = flat[: 200]
                print(f"FAIL {name}: {pdf} does not read {phrase!r} (it begins {around!r})")
                status = 1
    sys.exit(status)


main()
