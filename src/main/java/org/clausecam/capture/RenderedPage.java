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
 * @param settling         how the page settled after {@code load} before it was read and pictured
 * @param changedWhilePictured whether the page's DOM changed while it was pictured (read again
 *                         after the screenshot; a settled page is pictured once more first):
 *                         the screenshot may then show another moment than the document
 */
public record RenderedPage(FetchedDocument document, Screenshot screenshot, boolean loadTimedOut,
                           List<String> missingSelectors, BudgetOverrun overrun, Settling settling,
                           boolean changedWhilePictured, List<PageResource> resources) {

    public RenderedPage {
        resources = List.copyOf(resources);
        missingSelectors = List.copyOf(missingSelectors);
        settling = settling == null ? Settling.NOT_WAITED : settling;
    }

    /** A page without kept resources. */
    public RenderedPage(FetchedDocument document, Screenshot screenshot, boolean loadTimedOut, List<String> missingSelectors,
                        BudgetOverrun overrun, Settling settling, boolean changedWhilePictured) {
        this(document, screenshot, loadTimedOut, missingSelectors, overrun, settling, changedWhilePictured, List.of());
    }

    public Optional<BudgetOverrun> optionalOverrun() {
        return Optional.ofNullable(overrun);
    }

    public Optional<Screenshot> optionalScreenshot() {
        return Optional.ofNullable(screenshot);
    }
}
