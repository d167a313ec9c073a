package org.clausecam.extract;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.clausecam.capture.BrowserTakenBackException;
import org.clausecam.capture.CaptureException;
import org.clausecam.capture.Chromium;

/**
 * The PDF reader of a run: reads PDFs with pdf.js in the agent's one Chromium, on its owner
 * thread, as filters run ({@link SharedBrowserFilterRunner}). The browser starts only when a PDF
 * is read. A PDF still being read after {@link #DEADLINE} gets the browser restarted and fails
 * as an extraction error; the run goes on.
 */
public final class SharedBrowserPdfTextReader implements PdfTextReader {

    /**
     * How long reading one PDF may take: the largest dev report (3.3 MB, 76 pages) takes 2–8 s on
     * a busy 2-core machine and a 36 MB report of 350 pages about 6 s ({@code scripts/bench/pdf}),
     * so reports many times larger stay within it, and the pages waiting for the browser do not
     * wait longer behind a PDF that pdf.js never finishes.
     */
    public static final Duration DEADLINE = Duration.ofMinutes(2);

    private final Chromium chromium;
    private final int maxBytes;

    public SharedBrowserPdfTextReader(Chromium chromium) {
        this(chromium, BrowserPdfTextReader.MAX_BYTES);
    }

    /** A reader that refuses PDFs over {@code maxBytes} (the default is {@link BrowserPdfTextReader#MAX_BYTES}). */
    public SharedBrowserPdfTextReader(Chromium chromium, int maxBytes) {
        this.chromium = chromium;
        this.maxBytes = maxBytes;
    }

    @Override
    public List<List<String>> paragraphs(byte[] pdf, URI location) throws ExtractionException {
        BrowserPdfTextReader.checkSize(pdf, maxBytes, location);
        String what = "reading the PDF file at " + location;
        try {
            return chromium.withBrowser(what, browser -> new BrowserPdfTextReader(browser, maxBytes).paragraphs(pdf, location), DEADLINE);
        } catch (BrowserTakenBackException e) {
            throw new ExtractionException("Reading the PDF file at " + location + " did not finish within "
                    + DEADLINE.toSeconds() + " s; the browser was restarted", e);
        } catch (CaptureException e) {
            if (e.getCause() instanceof ExtractionException extraction) throw extraction;
            throw new ExtractionException("The PDF file at " + location + " could not be read: " + e.getMessage(), e);
        }
    }
}
