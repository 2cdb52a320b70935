package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AlertMessagesTest {

    @Test
    void theTrendIgnoresSensorNoise() {
        assertEquals("en hausse", AlertMessages.trend(2.10, 2.35));
        assertEquals("en baisse", AlertMessages.trend(2.35, 2.10));
        assertEquals("stable", AlertMessages.trend(2.350, 2.355), "half a centimetre is noise");
        assertEquals("stable", AlertMessages.trend(400, 403), "under one percent of a discharge");
        assertEquals("en hausse", AlertMessages.trend(400, 410));
        assertNull(AlertMessages.trend(Double.NaN, 1));
    }
}
