package org.vigie.connector.csv.internal;

import java.util.List;
import java.util.Optional;

import org.vigie.api.Observation;

/**
 * What one file yielded.
 *
 * @param observations the values of the good rows, in file order
 * @param lineErrors   the rows that were refused, in file order
 * @param fileError    why the whole file was refused (no usable header), in which case nothing else was read
 */
record CsvParseResult(List<Observation> observations, List<LineError> lineErrors, Optional<String> fileError) {

    CsvParseResult {
        observations = List.copyOf(observations);
        lineErrors = List.copyOf(lineErrors);
    }

    static CsvParseResult rejectedFile(String why) {
        return new CsvParseResult(List.of(), List.of(), Optional.of(why));
    }

    /** @return true when every line was read: the file goes to {@code processed/}, otherwise to {@code rejected/} */
    boolean isClean() {
        return fileError.isEmpty() && lineErrors.isEmpty();
    }
}
