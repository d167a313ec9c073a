package org.clausecam.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EmbeddedImageDataTest {

    @Test
    void anImageCarriedInTheHtmlKeepsItsPlaceDescriptionAndTypeButNotItsBytes() {
        String markdown = "Our terms change.\n\n![Company logo](data:image/png;base64," + "iVBORw0KGgo".repeat(2000) + ")\n\nThanks.";

        assertEquals("Our terms change.\n\n![Company logo](data:image/png;base64,…)\n\nThanks.", EmbeddedImageData.abbreviated(markdown));
    }

    @Test
    void linksToTheWebAndTextThatMentionsDataUrlsStayAsTheyAre() {
        String markdown = "[Read the terms](https://example.com/terms) and write data:image/png,abc in prose.";

        assertEquals(markdown, EmbeddedImageData.abbreviated(markdown));
    }
}
