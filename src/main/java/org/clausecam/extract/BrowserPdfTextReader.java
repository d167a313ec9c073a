package org.clausecam.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;

/**
 * Reads PDFs with the pdf.js Open Terms Archive uses (2.13.216, the npm registry's prebuilt
 * legacy build, bundled under {@code pdfjs/}; see PROVENANCE.md there), in Chromium through
 * Playwright: pdf.js cannot be ported without changing which characters form a text item, and
 * Open Terms Archive's versions depend on exactly that. Each PDF is read in a fresh context on
 * an empty page that makes no request; pdf.js runs without a worker (its worker code is loaded
 * into the page), and the grouping into paragraphs is markdown-pdf's ({@code pdf-paragraphs.js}).
 * The bytes go to the page in pieces of {@value #BYTES_PER_CALL} bytes and the paragraphs come
 * back {@value #PAGES_PER_CALL} pages at a time, so reading a report of tens of MB builds no
 * string of its size on either side; PDFs over {@link #MAX_BYTES} are refused.
 */
public final class BrowserPdfTextReader implements PdfTextReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_URL = "https://pdf.clausecam.invalid/";
    private static final String PDFJS = Resources.text("pdfjs/pdf.min.js");
    private static final String PDFJS_WORKER = Resources.text("pdfjs/pdf.worker.min.js");
    private static final String PARAGRAPHS_SCRIPT = Resources.text("pdf-paragraphs.js");

    /**
     * The largest PDF read: twice what plain HTTP accepts for a PDF (128 MiB, fetch.HttpFetcher)
     * and several times the largest systemic-risk reports (60 MB), while the page holding it (the
     * bytes once, pdf.js's parsed objects; 397 MB resident for a 36 MB report) stays well under the
     * watchdog's ceiling for a renderer.
     */
    public static final int MAX_BYTES = 256 * 1024 * 1024;
    /** Bytes per message to the page (a third more as base64). */
    private static final int BYTES_PER_CALL = 4 * 1024 * 1024;
    /** Pages whose paragraphs come back in one message. */
    private static final int PAGES_PER_CALL = 20;

    private final Browser browser;
    private final int maxBytes;

    /** A reader on a browser someone else owns; use it from the thread that drives that browser. */
    public BrowserPdfTextReader(Browser browser) {
        this(browser, MAX_BYTES);
    }

    /** A reader that refuses PDFs over {@code maxBytes}. */
    public BrowserPdfTextReader(Browser browser, int maxBytes) {
        this.browser = browser;
        this.maxBytes = maxBytes;
    }

    /** Refuses a PDF over the limit, before any work is done for it. */
    static void checkSize(byte[] pdf, int maxBytes, URI location) throws ExtractionException {
        if (pdf.length > maxBytes) {
            throw new ExtractionException("The PDF file at " + location + " is " + pdf.length + " bytes, over the limit of "
                    + maxBytes + " bytes for reading a PDF");
        }
    }

    @Override
    public List<List<String>> paragraphs(byte[] pdf, URI location) throws ExtractionException {
        checkSize(pdf, maxBytes, location);
        try (BrowserContext context = browser.newContext()) {
            context.route("**/*", BrowserPdfTextReader::serveEmptyPage);
            Page page = context.newPage();
            page.navigate(PAGE_URL, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED).setTimeout(10_000));
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(PDFJS));
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(PDFJS_WORKER));
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(PARAGRAPHS_SCRIPT));
            send(page, pdf);
            int pages = answer(page.evaluate("() => clausecamPdf.open()"), location).get("pages").asInt();
            List<List<String>> paragraphs = new ArrayList<>();
            for (int first = 1; first <= pages; first += PAGES_PER_CALL) {
                int last = Math.min(pages, first + PAGES_PER_CALL - 1);
                JsonNode batch = answer(page.evaluate("range => clausecamPdf.paragraphs(range)", List.of(first, last)), location);
                for (JsonNode paragraph : batch.get("paragraphs")) {
                    List<String> texts = new ArrayList<>(paragraph.size());
                    for (JsonNode text : paragraph) texts.add(text.asText());
                    paragraphs.add(texts);
                }
            }
            page.evaluate("() => clausecamPdf.close()");
            return paragraphs;
        } catch (PlaywrightException e) {
            throw new ExtractionException("Reading the PDF file at " + location + " with pdf.js failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** The bytes into the page's buffer, a piece per call: no message or string holds the whole PDF. */
    private static void send(Page page, byte[] pdf) {
        page.evaluate("length => clausecamPdf.allocate(length)", pdf.length);
        Base64.Encoder base64 = Base64.getEncoder();
        for (int offset = 0; offset < pdf.length; offset += BYTES_PER_CALL) {
            int length = Math.min(BYTES_PER_CALL, pdf.length - offset);
            String piece = base64.encodeToString(Arrays.copyOfRange(pdf, offset, offset + length));
            page.evaluate("offsetAndPiece => clausecamPdf.receive(offsetAndPiece)", List.of(offset, piece));
        }
    }

    private static JsonNode answer(Object outcome, URI location) throws ExtractionException {
        JsonNode result;
        try {
            result = JSON.readTree(String.valueOf(outcome));
        } catch (JsonProcessingException e) {
            throw new ExtractionException("pdf.js gave an unreadable result for the PDF file at " + location, e);
        }
        if (result.has("error")) {
            throw new ExtractionException("Can't parse the PDF file at " + location + ": " + result.get("error").asText());
        }
        return result;
    }

    private static void serveEmptyPage(Route route) {
        if (route.request().isNavigationRequest()) {
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8")
                    .setBody("<!DOCTYPE html><html><head></head><body></body></html>"));
        } else {
            route.abort();
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Scripts bundled beside this class. */
    private static final class Resources {
        static String text(String name) {
            try (InputStream in = BrowserPdfTextReader.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("missing resource " + name + " beside " + BrowserPdfTextReader.class.getName());
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read resource " + name, e);
            }
        }
    }
}
