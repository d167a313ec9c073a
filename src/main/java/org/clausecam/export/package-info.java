/**
 * Export: what leaves the store for other tools. WARC 1.1 ({@link org.clausecam.export.WarcExport}) and
 * WACZ 1.1 ({@link org.clausecam.export.WaczExport}) for web archives and replay. Reads the store, never writes it.
 */
package org.clausecam.export;
