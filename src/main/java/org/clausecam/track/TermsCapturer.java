package org.clausecam.track;

import org.clausecam.capture.CaptureException;
import org.clausecam.capture.CapturedSource;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
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

    /** The per-host politeness its fetches go through, which a run's order of work follows. */
    public FetchPolicySettings politeness() {
        return capturer.politeness();
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
            versions.add(extractor.extract(document, job.filtersSource(), fetched));
            captured.add(source);
        }
        return new CapturedTerms(captured, Extractor.combine(versions));
    }

    /**
     * The version of the terms with each document fetched as {@code fetchers} says ({@code http}:
     * plain HTTP only, {@code browser}: rendered), whatever its declaration asks: to tell a change
     * of fetcher from a change of the terms ({@link Recorder}).
     */
    public String versionWith(TermsJob job, List<String> fetchers) throws FetchException, CaptureException, ExtractionException {
        List<SourceDocument> documents = job.terms().sourceDocuments();
        List<SourceDocument> forced = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            SourceDocument d = documents.get(i);
            forced.add(new SourceDocument(d.id(), d.location(), d.select(), d.remove(), d.filters(), "browser".equals(fetchers.get(i))));
        }
        Terms terms = new Terms(job.terms().service(), job.terms().type(), forced, job.terms().combined());
        return capture(new TermsJob(terms, job.filtersSource(), job.filtersFile())).version();
    }
}
