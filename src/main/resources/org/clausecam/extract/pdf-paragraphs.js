// Added by BrowserPdfTextReader to an empty page where pdf.js 2.13.216 (pdfjs/) is loaded: the
// PDF's text items grouped into paragraphs exactly as Open Terms Archive's PDF converter,
// @accordproject/markdown-pdf 0.16.25 (ToCiceroMark), groups them. The Markdown is written in
// Java (CiceroMarkdown).
//
// The bytes come in pieces and the paragraphs go out a batch of pages at a time, so that a report
// of tens of MB never travels as one message (nor one string) in either direction. Every call
// answers JSON: {"error": "..."} when pdf.js cannot read the PDF.
window.clausecamPdf = (() => {
  let bytes = null;
  let doc = null;
  const failure = (e) => JSON.stringify({ error: String(e && e.message || e) });

  return {
    // The buffer is allocated once, at the PDF's size, and filled in place.
    allocate(length) {
      bytes = new Uint8Array(length);
    },

    receive([offset, base64]) {
      const binary = atob(base64);
      for (let i = 0; i < binary.length; i++) bytes[offset + i] = binary.charCodeAt(i);
    },

    async open() {
      try {
        // pdf.js picks some defaults by runtime; Open Terms Archive runs it in Node, so these
        // are Node's (font handling decides which glyphs map to which text).
        doc = await pdfjsLib.getDocument({
          data: bytes,
          disableFontFace: true,
          useSystemFonts: false,
          useWorkerFetch: false,
          isEvalSupported: true,
        }).promise;
        bytes = null;
        // markdown-pdf reads the metadata first (and would fail on metadata pdf.js cannot read);
        // the embedded-Markdown shortcut it guards is off in the options PdfTransformer passes.
        await doc.getMetadata();
        return JSON.stringify({ pages: doc.numPages });
      } catch (e) {
        return failure(e);
      }
    },

    // Pages first..last (1-based, inclusive). ToCiceroMark starts every page afresh (no paragraph
    // goes on across a page break), so batches of pages join into the same list of paragraphs.
    async paragraphs([first, last]) {
      try {
        const paragraphVerticalOffset = 2;
        const paragraphs = [];
        for (let n = first; n <= last; n++) {
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
          page.cleanup();
        }
        return JSON.stringify({ paragraphs });
      } catch (e) {
        return failure(e);
      }
    },

    async close() {
      bytes = null;
      if (doc) await doc.destroy();
      doc = null;
    },
  };
})();
