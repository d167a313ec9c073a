/**
 * Feeding downstream archives from a store: {@link org.clausecam.export.OtaExport} writes Open
 * Terms Archive's snapshots and versions git repositories; {@link org.clausecam.export.WarcExport}
 * and {@link org.clausecam.export.WaczExport} write WARC 1.1 and WACZ 1.1 for web archives and
 * replay. Reads the store, never writes it; uses {@code store} and nothing below it.
 */
package org.clausecam.export;
