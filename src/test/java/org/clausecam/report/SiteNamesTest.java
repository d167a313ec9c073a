package org.clausecam.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class SiteNamesTest {

    @Test
    void namesBecomeLowerCaseAsciiSlugsEndingWithAHashOfTheExactName() {
        assertTrue(SiteNames.slug("Claude.ai").matches("claude-ai-[0-9a-f]{8}"), SiteNames.slug("Claude.ai"));
        assertTrue(SiteNames.slug("Ünïcode Sérvice 東京 v2.0").matches("unicode-service-v2-0-[0-9a-f]{8}"));
        assertTrue(SiteNames.slug("東京").matches("[0-9a-f]{8}"));
    }

    @Test
    void namesThatSlugAlikeStillGetTheirOwnFolders() {
        List<String> names = List.of("Le Chat", "le-chat", "LE CHAT", "Le Chat.", "Lé Chat");
        Set<String> slugs = names.stream().map(SiteNames::slug).collect(Collectors.toSet());
        assertEquals(names.size(), slugs.size(), slugs.toString());
    }

    @Test
    void aNameKeepsItsFolderFromOneRunToTheNext() {
        assertEquals(SiteNames.slug("Privacy Policy"), SiteNames.slug("Privacy Policy"));
    }

    @Test
    void namesCannotClimbOutOfTheTermsFolder() {
        String folder = SiteNames.termsFolder("../../etc", "..");
        assertTrue(folder.matches("terms/[a-z0-9-]+/[a-z0-9-]+"), folder);
    }

    @Test
    void plainRecordIdsAreKeptAndOthersSlugged() {
        assertEquals("change-42.html", SiteNames.changePage("42"));
        assertTrue(SiteNames.changePage("2026-09-25T06:00:00Z/x").matches("change-[a-z0-9-]+\\.html"));
    }

    @Test
    void onlyRealSha256HashesBecomeFileNames() {
        assertTrue(SiteNames.isSha256("a".repeat(64)));
        assertFalse(SiteNames.isSha256("../" + "a".repeat(61)));
        assertFalse(SiteNames.isSha256("A".repeat(64)));
        assertFalse(SiteNames.isSha256(null));
    }
}
