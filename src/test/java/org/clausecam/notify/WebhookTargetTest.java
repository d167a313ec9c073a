package org.clausecam.notify;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which webhook URLs are accepted, and what of them may be printed. */
@Tag("unit")
class WebhookTargetTest {

    @Test
    void aUrlWithCredentialsIsRefusedAndTheMessageDoesNotRepeatThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookTarget.parse("https://bob:hunter2@hooks.example.org/in"));
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void onlyAbsoluteHttpUrlsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> WebhookTarget.parse("ftp://hooks.example.org/in"));
        assertThrows(IllegalArgumentException.class, () -> WebhookTarget.parse("/relative"));
    }

    @Test
    void thePrintableFormHidesThePathAndQueryWhereReceiversKeepTheirTokens() {
        assertEquals("https://hooks.example.org/…", WebhookTarget.parse("https://hooks.example.org/T000/B000/XXXX?token=1").printable());
    }
}
