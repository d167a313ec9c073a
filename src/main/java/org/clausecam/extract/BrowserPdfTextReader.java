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
import java.util.List;

/**
 * Reads PDFs with the pdf.js Open Terms Archive uses (2.13.216, the npm registry's prebuilt
 * legacy build, bundled under {@code pdfjs/}; see PROVENANCE.md there), in Chromium through
 * Playwright: pdf.js cannot be ported without changing which characters form a text item, and
 * Open Terms Archive's versions depend on exactly that. Each PDF is read in a fresh context on
 * an empty page that makes no request; pdf.js runs without a worker (its worker code is loaded
 * into the page), and the grouping into paragraphs is markdown-pdf's ({@code pdf-paragraphs.js}).
 */
public final class BrowserPdfTextReader implements PdfTextReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_URL = "https://pdf.clausecam.invalid/";
    private static final String PDFJS = Resources.text("pdfjs/pdf.min.js");
    private static final String PDFJS_WORKER = Resources.text("pdfjs/pdf.worker.min.js");
    private static final String PARAGRAPHS_SCRIPT = Resources.text("pdf-paragraphs.js");

    private final Browser browser;

    /** A reader on a browser someone else owns; use it from the thread that drives that browser. */
    public BrowserPdfTextReader(Browser browser) {
        this.browser = browser;
    }

    @Override
    public List<List<String>> paragraphs(byte[] pdf, URI location) throws ExtractionException {
        String outcome;
        try (BrowserContext context = browser.newContext()) {
            context.route("**/*", BrowserPdfTextReader::serveEmptyPage);
            Page page = context.newPage();
            page.navigate(PAGE_URL, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED).setTimeout(10_000));
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(PDFJS));
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(PDFJS_WORKER));
            outcome = String.valueOf(page.evaluate(PARAGRAPHS_SCRIPT, Base64.getEncoder().encodeToString(pdf)));
        } catch (PlaywrightException e) {
            throw new ExtractionException("Reading the PDF file at " + location + " with pdf.js failed: " + firstLine(e.getMessage()), e);
        }
        return parse(outcome, location);
    }

    private static List<List<String>> parse(String outcome, URI location) throws ExtractionException {
        JsonNode result;
        try {
            result = JSON.readTree(outcome);
        } catch (JsonProcessingException e) {
            throw new ExtractionException("pdf.js gave an unreadable result for the PDF file at " + location, e);
        }
        if (result.has("error")) {
            throw new ExtractionException("Can't parse the PDF file at " + location + ": " + result.get("error").asText());
        }
        List<List<String>> paragraphs = new ArrayList<>();
        for (JsonNode paragraph : result.get("paragraphs")) {
            List<String> texts = new ArrayList<>(paragraph.size());
            for (JsonNode text : paragraph) texts.add(text.asText());
            paragraphs.add(texts);
        }
        return paragraphs;
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
