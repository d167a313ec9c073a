// Open Terms Archive's PDF extraction, as its engine 9.x runs it (src/archivist/extract/markdown.js):
// markdown-pdf's PdfTransformer.toCiceroMark (pdf.js 2.13.216 text items grouped into paragraphs),
// then markdown-cicero's CiceroMarkTransformer.toMarkdown.
//
//   node reference.js FILE.pdf [EXPECTED.md]
//
// Prints the Markdown, or with EXPECTED.md one JSON line: whether it is byte-identical, time, peak RSS.
'use strict';
const fs = require('fs');
const { PdfTransformer } = require('@accordproject/markdown-pdf');
const { CiceroMarkTransformer } = require('@accordproject/markdown-cicero');

// pdf.js reports font warnings through console.log; keep stdout for the result.
console.log = (...args) => process.stderr.write(args.join(' ') + '\n');

async function transformFromPDF(pdfBuffer) {
  const ciceroMarkdown = await PdfTransformer.toCiceroMark(pdfBuffer);
  return new CiceroMarkTransformer().toMarkdown(ciceroMarkdown);
}

(async () => {
  const [pdf, expected] = process.argv.slice(2);
  const started = process.hrtime.bigint();
  const markdown = await transformFromPDF(fs.readFileSync(pdf));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!expected) {
    process.stdout.write(markdown);
    return;
  }
  const identical = markdown === fs.readFileSync(expected, 'utf8');
  process.stdout.write(JSON.stringify({ identical, ms: Math.round(ms), bytes: fs.statSync(pdf).size,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
  process.exitCode = identical ? 0 : 1;
})().catch(e => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exitCode = 2; });
