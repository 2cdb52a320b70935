package org.vigie.model.persistence.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.RegularTimeSeries;
import org.vigie.api.TimeSeries;
import org.vigie.api.spi.ModelDescriptor;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.RiverModel;

/**
 * The naive baseline every forecast must beat: tomorrow looks like the last observation. Stateless.
 */
@Component(service = RiverModel.class)
public class PersistenceModel implements RiverModel {

    static final String ID = "persistence";

    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(List.of(ModelRequest.TARGET), List.of(), 0,
            "forecast = last observed value of the target at or before the issue time, at every lead time");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModelResult run(ModelRequest request) {
        TimeSeries target = request.input(ModelRequest.TARGET);
        double last = Double.NaN;
        for (int i = target.size() - 1; i >= 0; i--) {
            if (!target.time(i).isAfter(request.issueTime()) && !Double.isNaN(target.value(i))) {
                last = target.value(i);
                break;
            }
        }
        if (Double.isNaN(last)) {
            throw new IllegalArgumentException("no observed " + target.quantity() + " at or before the issue time "
                    + request.issueTime());
        }
        double[] values = new double[request.horizonSteps()];
        Arrays.fill(values, last);
        Instant first = request.issueTime().plus(request.step());
        return new ModelResult(new RegularTimeSeries(target.quantity(), first, request.step(), values), null, Map.of());
    }
}
