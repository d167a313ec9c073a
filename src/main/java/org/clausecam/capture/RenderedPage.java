package org.clausecam.capture;

import java.util.List;
import java.util.Optional;
import org.clausecam.fetch.FetchedDocument;

/**
 * A page as Chromium rendered it.
 *
 * @param document         the rendered HTML ({@code page.content()}, UTF-8 whatever the page's charset)
 *                         with the main response's status line and headers; fetcher BROWSER
 * @param screenshot       the full-page screenshot, or null when none was asked for
 * @param loadTimedOut     whether {@code load} did not come in time and the page was taken as it was
 * @param missingSelectors awaited selectors that never appeared, each with why
 * @param overrun          how the page went over its byte budget, or null when it did not
 */
public record RenderedPage(FetchedDocument document, Screenshot screenshot, boolean loadTimedOut,
                           List<String> missingSelectors, BudgetOverrun overrun) {

    public RenderedPage {
        missingSelectors = List.copyOf(missingSelectors);
    }

    public Optional<BudgetOverrun> optionalOverrun() {
        return Optional.ofNullable(overrun);
    }

    public Optional<Screenshot> optionalScreenshot() {
        return Optional.ofNullable(screenshot);
    }
}
