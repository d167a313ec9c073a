// Evaluated by BrowserPdfTextReader in an empty page where pdf.js 2.13.216 (pdfjs/) is loaded:
// the PDF's text items grouped into paragraphs exactly as Open Terms Archive's PDF converter,
// @accordproject/markdown-pdf 0.16.25 (ToCiceroMark), groups them. Returns the paragraphs as
// arrays of text runs, as JSON ({"paragraphs": [[...]]}, or {"error": "..."} for a PDF that
// pdf.js cannot read); the Markdown is written in Java (CiceroMarkdown).
async (base64) => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);

  // pdf.js picks some defaults by runtime; Open Terms Archive runs it in Node, so these are
  // Node's (font handling decides which glyphs map to which text).
  let doc;
  try {
    doc = await pdfjsLib.getDocument({
      data: bytes,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      isEvalSupported: true,
    }).promise;
  } catch (e) {
    return JSON.stringify({ error: String(e && e.message || e) });
  }
  try {
    // markdown-pdf reads the metadata first (and would fail on metadata pdf.js cannot read);
    // the embedded-Markdown shortcut it guards is off in the options PdfTransformer passes.
    await doc.getMetadata();
    const paragraphVerticalOffset = 2;
    const paragraphs = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ normalizeWhitespace: true, disableCombineTextItems: false });
      let currentPara = null;
      let lastY = 0;
      for (const text of content.items) {
        const textY = text.transform[5];
        const newPara = Math.abs(lastY - textY) > text.height * paragraphVerticalOffset;
        if (!currentPara || newPara) {
          currentPara = [];
          paragraphs.push(currentPara);
        }
        currentPara.push(text.str.replace(/(?:\r\n|\r|\n)/g, ' '));
        if (text.str.trim().length > 0) lastY = textY;
      }
    }
    return JSON.stringify({ paragraphs });
  } catch (e) {
    return JSON.stringify({ error: String(e && e.message || e) });
  } finally {
    await doc.destroy();
  }
}
