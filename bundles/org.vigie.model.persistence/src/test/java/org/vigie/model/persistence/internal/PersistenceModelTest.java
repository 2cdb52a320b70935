package org.vigie.model.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;
import org.vigie.api.RegularTimeSeries;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;

class PersistenceModelTest {

    private final PersistenceModel model = new PersistenceModel();
    private final Instant issue = Instant.parse("2024-10-18T12:00:00Z");

    private ModelRequest request(IrregularTimeSeries target) {
        return new ModelRequest(issue, Duration.ofHours(1), 3, Map.of(), null, Map.of(ModelRequest.TARGET, target));
    }

    @Test
    void repeatsTheLastValueAtOrBeforeIssueTimeIgnoringLaterAndMissingValues() {
        IrregularTimeSeries target = new IrregularTimeSeries(Quantity.H,
                List.of(issue.minusSeconds(7200), issue.minusSeconds(3600), issue, issue.plusSeconds(60)),
                new double[] {1.2, 1.4, Double.NaN, 9.9});
        ModelResult result = model.run(request(target));
        RegularTimeSeries forecast = result.forecast();
        assertArrayEquals(new double[] {1.4, 1.4, 1.4}, forecast.values());
        assertEquals(issue.plusSeconds(3600), forecast.start());
        assertEquals(Quantity.H, forecast.quantity());
        assertNull(result.finalState());
    }

    @Test
    void refusesToForecastWithoutAnyObservation() {
        IrregularTimeSeries empty = new IrregularTimeSeries(Quantity.Q, List.of(), new double[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.run(request(empty)));
        assertEquals("no observed Q at or before the issue time 2024-10-18T12:00:00Z", e.getMessage());
    }

    @Test
    void namesTheMissingInput() {
        ModelRequest noTarget = new ModelRequest(issue, Duration.ofHours(1), 3, Map.of(), null, Map.of());
        assertThrows(IllegalArgumentException.class, () -> model.run(noTarget));
    }
}
