package org.clausecam.fetch;

/** How a document was fetched: plain HTTP, or rendered in Chromium. */
public enum FetcherKind { HTTP, BROWSER }
