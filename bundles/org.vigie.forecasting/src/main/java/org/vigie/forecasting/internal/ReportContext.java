package org.vigie.forecasting.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How to present a hindcast: its title, the time axis, the flow unit shown to readers and the factor from the
 * model's unit (mm per step) to it, and free lines describing the input.
 *
 * @param title      report title
 * @param times      time stamps of the input series (UTC)
 * @param flowUnit   unit label of the shown flows, e.g. "m³/s" or "mm/h"
 * @param flowFactor shown flow = model flow × flowFactor
 * @param leadUnit   unit of the lead times, e.g. "h"
 * @param notes      lines about the input and the command, shown first
 */
public record ReportContext(String title, Instant[] times, String flowUnit, double flowFactor, String leadUnit,
                            List<String> notes) {

    public ReportContext {
        Objects.requireNonNull(times, "times");
        notes = List.copyOf(notes);
        if (!(flowFactor > 0)) {
            throw new IllegalArgumentException("the flow factor must be > 0, got " + flowFactor);
        }
    }
}
