package org.vigie.connector.sandre.internal;

import java.util.List;
import java.util.Optional;

import org.vigie.api.Forecast;
import org.vigie.api.Observation;

/**
 * What one file yielded.
 *
 * @param observations   the values read, in file order, in Vigie's units
 * @param forecasts      the forecasts read, in file order, in Vigie's units
 * @param errors         what was not imported, in file order
 * @param otherStations  values and forecasts skipped because their entity is not in the station filter
 * @param fileError      why the whole file was refused (not well-formed XML, a DOCTYPE, not a Sandre 1.1 file), in
 *                       which case nothing at all is imported
 */
record SandreParseResult(List<Observation> observations, List<Forecast> forecasts, List<ValueError> errors,
                         int otherStations, Optional<String> fileError) {

    SandreParseResult {
        observations = List.copyOf(observations);
        forecasts = List.copyOf(forecasts);
        errors = List.copyOf(errors);
    }

    static SandreParseResult rejectedFile(String why) {
        return new SandreParseResult(List.of(), List.of(), List.of(), 0, Optional.of(why));
    }

    /** @return true when everything in the file was imported: it goes to {@code processed/}, else {@code rejected/} */
    boolean isClean() {
        return fileError.isEmpty() && errors.isEmpty();
    }
}
