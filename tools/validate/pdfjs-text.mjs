// Prints a PDF's text as pdf.js (Firefox's viewer) reads it, page by page, in the order
// its text items come: the order a reader that ignores the structure tree follows.
//
//   node --no-warnings pdfjs-text.mjs file.pdf
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(await readFile(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  process.stdout.write(text + '\n\f');
}
