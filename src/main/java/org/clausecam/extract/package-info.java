/**
 * From a snapshot (HTML or PDF) and its source-document declaration to the Markdown version,
 * byte-compatible with Open Terms Archive: filters (in Chromium), clean-up, remove, select,
 * turndown-style Markdown; PDFs read with Open Terms Archive's pdf.js, in Chromium too. See
 * {@code docs/extraction.md}.
 */
package org.clausecam.extract;
