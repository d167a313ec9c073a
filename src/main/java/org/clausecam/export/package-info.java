/**
 * Feeding downstream archives from a store: {@link org.clausecam.export.OtaExport} writes Open
 * Terms Archive's snapshots and versions git repositories. Reads the store, writes files; uses
 * {@code store} and nothing below it.
 */
package org.clausecam.export;
