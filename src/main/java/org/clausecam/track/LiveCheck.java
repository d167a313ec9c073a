package org.clausecam.track;

import org.clausecam.capture.CaptureException;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.ExtractionException;
import org.clausecam.extract.Extractor;
import org.clausecam.extract.FilterException;
import org.clausecam.extract.SelectorMatches;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code validate} checks on the live pages, as Open Terms Archive's {@code validate} does: each
 * declared document is fetched through the agent's fetchers (guard and politeness applying), each
 * {@code select}/{@code remove} selector must match in it, the filters must run and the version
 * must not be empty. Nothing is recorded.
 */
public final class LiveCheck {

    private final SourceCapturer capturer;
    private final Extractor extractor;

    public LiveCheck(SourceCapturer capturer, Extractor extractor) {
        this.capturer = capturer;
        this.extractor = extractor;
    }

    /** One thing wrong with a declared document: which document, and what. */
    public record Problem(String service, String termsType, String location, String message) {
        @Override
        public String toString() {
            return service + " / " + termsType + ": " + location + ": " + message;
        }
    }

    /** The problems of one terms; empty when a run would record it. */
    public List<Problem> check(Terms terms, String filtersSource) throws InterruptedException {
        List<Problem> problems = new ArrayList<>();
        for (SourceDocument document : terms.sourceDocuments()) {
            String where = document.location().toString();
            FetchedDocument fetched;
            try {
                fetched = capturer.capture(document).document();
            } catch (FetchException | CaptureException e) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException("validation stopped");
                problems.add(new Problem(terms.service(), terms.type(), where, "cannot be fetched: " + e.getMessage()));
                continue;
            }
            if (!fetched.isPdf()) {
                List<Selector> selectors = new ArrayList<>(document.select());
                selectors.addAll(document.remove());
                try {
                    for (String css : SelectorMatches.unmatched(fetched, selectors)) {
                        problems.add(new Problem(terms.service(), terms.type(), where, "selector \"" + css + "\" matches nothing"));
                    }
                } catch (ExtractionException e) {
                    problems.add(new Problem(terms.service(), terms.type(), where, e.getMessage()));
                }
            }
            try {
                String version = extractor.extract(document, filtersSource, fetched.content(), fetched.mimeType(), fetched.location());
                if (version.isBlank()) problems.add(new Problem(terms.service(), terms.type(), where, "the extracted version is empty"));
            } catch (FilterException e) {
                problems.add(new Problem(terms.service(), terms.type(), where, "the filters failed: " + e.getMessage()));
            } catch (ExtractionException e) {
                problems.add(new Problem(terms.service(), terms.type(), where, "extraction failed: " + e.getMessage()));
            }
        }
        return problems;
    }
}
