package org.clausecam.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class ChangedBandsTest {

    @Test
    void aRegionFarDownATallPageIsShownWithAMarginAboveAndBelow() {
        ChangedBands.Bands bands = ChangedBands.of(List.of(new Rectangle(40, 60_000, 900, 40)), 119_000);

        assertEquals(List.of(new ChangedBands.Band(59_800, 60_240, 60_000, 60_040)), bands.bands());
        assertFalse(bands.bands().get(0).cut());
    }

    @Test
    void regionsWhoseMarginsOverlapReadAsOnePlaceAndDistantOnesApart() {
        ChangedBands.Bands bands = ChangedBands.of(List.of(new Rectangle(0, 1_000, 10, 10), new Rectangle(0, 1_300, 10, 10),
                new Rectangle(0, 5_000, 10, 10)), 10_000);

        assertEquals(List.of(new ChangedBands.Band(800, 1_510, 1_000, 1_310), new ChangedBands.Band(4_800, 5_210, 5_000, 5_010)),
                bands.bands());
    }

    @Test
    void aChangeThatRunsToTheBottomIsCroppedAtItsStartAndSaysSo() {
        ChangedBands.Band band = ChangedBands.of(List.of(new Rectangle(0, 60_000, 1280, 59_000)), 119_000).bands().get(0);

        assertEquals(59_800, band.top());
        assertEquals(59_800 + ChangedBands.MAX_ROWS, band.bottom());
        assertTrue(band.cut());
    }

    @Test
    void placesBeyondTheCapAreCountedNotCropped() {
        List<Rectangle> regions = new ArrayList<>();
        for (int i = 0; i < 20; i++) regions.add(new Rectangle(0, i * 2_000, 10, 10));

        ChangedBands.Bands bands = ChangedBands.of(regions, 40_000);

        assertEquals(ChangedBands.MAX_BANDS, bands.bands().size());
        assertEquals(20 - ChangedBands.MAX_BANDS, bands.omitted());
    }

    @Test
    void bandsStayInsideThePicture() {
        ChangedBands.Band band = ChangedBands.of(List.of(new Rectangle(0, 50, 10, 10)), 100).bands().get(0);

        assertEquals(new ChangedBands.Band(0, 100, 50, 60), band);
    }
}
