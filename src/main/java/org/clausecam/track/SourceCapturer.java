package org.clausecam.track;

import org.clausecam.declarations.SourceDocument;
import org.clausecam.fetch.FetchException;

/** Fetches or renders one source document, as its declaration asks, and screenshots it. */
public interface SourceCapturer {
    CapturedSource capture(SourceDocument document) throws FetchException;
}
