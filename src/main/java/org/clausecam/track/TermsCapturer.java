package org.clausecam.track;

import org.clausecam.capture.CaptureException;
import org.clausecam.capture.CapturedSource;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.extract.ExtractionException;
import org.clausecam.extract.Extractor;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;

import java.util.ArrayList;
import java.util.List;

/** Captures every source document of a terms and extracts its version; stores nothing. */
public final class TermsCapturer {

    private final SourceCapturer capturer;
    private final Extractor extractor;

    public TermsCapturer(SourceCapturer capturer, Extractor extractor) {
        this.capturer = capturer;
        this.extractor = extractor;
    }

    /**
     * @throws FetchException      a document could not be fetched (its kind says why)
     * @throws CaptureException    the browser failed
     * @throws ExtractionException nothing to extract, or the filters failed ({@link org.clausecam.extract.FilterException})
     */
    public CapturedTerms capture(TermsJob job) throws FetchException, CaptureException, ExtractionException {
        List<String> versions = new ArrayList<>();
        List<CapturedSource> captured = new ArrayList<>();
        for (SourceDocument document : job.terms().sourceDocuments()) {
            CapturedSource source = capturer.capture(document);
            FetchedDocument fetched = source.document();
            versions.add(extractor.extract(document, job.filtersSource(), fetched.content(), fetched.mimeType(), fetched.location()));
            captured.add(source);
        }
        return new CapturedTerms(captured, Extractor.combine(versions));
    }
}
