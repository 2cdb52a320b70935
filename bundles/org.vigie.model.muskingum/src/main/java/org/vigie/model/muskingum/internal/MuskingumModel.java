package org.vigie.model.muskingum.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.Quantity;
import org.vigie.api.RegularTimeSeries;
import org.vigie.api.TimeSeries;
import org.vigie.api.spi.ModelDescriptor;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.api.spi.ParameterSpec;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.muskingum.internal.core.MuskingumParameters;
import org.vigie.model.muskingum.internal.core.MuskingumRouting;
import org.vigie.model.support.internal.SeriesGrid;

/**
 * Muskingum routing from one or more upstream gauges ({@code upstream}, {@code upstream2}, …: every input whose
 * name starts with {@value #UPSTREAM}, summed) to the forecast point, with an optional lateral inflow: a named
 * series {@value #LATERAL} and/or a constant fraction of the upstream discharge. Inflow and outflow in m³/s.
 *
 * <p>Each run resumes from the outflow saved at the previous issue time when it lies in the current window of
 * complete upstream data; otherwise it starts cold after the last gap in the upstream data, from the observed
 * discharge at the forecast point there (or from the inflow when that is missing). Beyond the issue time the
 * upstream discharge is the stored value where there is one (an upstream forecast stored ahead of time), else the
 * last known value held constant.
 */
@Component(service = RiverModel.class)
public class MuskingumModel implements RiverModel {

    static final String ID = "muskingum";
    static final String UPSTREAM = "upstream";
    static final String LATERAL = "lateral";
    static final String K = "K";
    static final String X = "X";
    static final String LATERAL_FRACTION = "lateralFraction";
    static final int STATE_FORMAT = 1;
    static final String STATE_INFLOW = "inflow";
    static final String STATE_OUTFLOW = "outflow";

    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(List.of(UPSTREAM, LATERAL),
            List.of(new ParameterSpec(K, "h", 12, 0, MuskingumParameters.MAX_K_HOURS,
                            "travel time of the reach; 0 passes the inflow through unchanged"),
                    new ParameterSpec(X, "-", 0.2, 0, 0.5,
                            "weighting of inflow vs outflow in the storage: 0 reservoir-like, 0.5 pure translation"),
                    new ParameterSpec(LATERAL_FRACTION, "-", 0, -0.99, 100,
                            "lateral inflow as a fraction of the upstream discharge, e.g. A_down/A_up - 1")),
            STATE_FORMAT,
            "Muskingum routing of the upstream discharge(s) ('upstream', 'upstream2'…, m3/s) plus an optional "
                    + "'lateral' inflow series to the forecast point; forecasts Q in m3/s");

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
        Map<String, Double> p = DESCRIPTOR.resolve(request.parameters());
        MuskingumParameters reach = new MuskingumParameters(p.get(K), p.get(X));
        double fraction = p.get(LATERAL_FRACTION);
        Duration step = request.step();
        double stepHours = step.toNanos() / 3.6e12;
        Instant issue = SeriesGrid.aligned(request.issueTime(), step);

        TimeSeries target = request.input(ModelRequest.TARGET);
        requireDischarge(ModelRequest.TARGET, target);
        List<TimeSeries> upstream = new ArrayList<>();
        request.input(UPSTREAM); // names the missing input
        new TreeMap<>(request.inputs()).forEach((name, series) -> {
            if (name.startsWith(UPSTREAM)) {
                requireDischarge(name, series);
                upstream.add(series);
            }
        });
        TimeSeries lateral = request.inputs().get(LATERAL);
        if (lateral != null) {
            requireDischarge(LATERAL, lateral);
        }

        Instant start = null;
        for (TimeSeries u : upstream) {
            Instant first = SeriesGrid.firstGridTime(u, step);
            if (first != null && (start == null || first.isBefore(start))) {
                start = first;
            }
        }
        if (start == null || start.isAfter(issue)) {
            throw new IllegalArgumentException(ID + ": no upstream discharge at or before the issue time " + issue);
        }
        int past = (int) (Duration.between(start, issue).toNanos() / step.toNanos());
        int total = past + request.horizonSteps() + 1;
        double[][] up = new double[upstream.size()][];
        for (int j = 0; j < up.length; j++) {
            up[j] = SeriesGrid.sample(upstream.get(j), start, step, total);
            SeriesGrid.fillFromLatest(up[j], upstream.get(j), start, step, past);
            SeriesGrid.holdLast(up[j], past);
        }
        double[] lat = null;
        if (lateral != null) {
            lat = SeriesGrid.sample(lateral, start, step, total);
            SeriesGrid.fillFromLatest(lat, lateral, start, step, past);
            SeriesGrid.holdLast(lat, past);
        }
        double[] inflow = MuskingumRouting.inflow(up, fraction, lat);

        int from = past;
        while (from > 0 && Double.isFinite(inflow[from - 1])) {
            from--;
        }
        if (!Double.isFinite(inflow[past])) {
            throw new IllegalArgumentException(ID + ": no upstream" + (lat == null ? "" : " or lateral")
                    + " discharge at the issue time " + issue + "; every upstream input must reach it");
        }
        double outflowAtFrom = Double.NaN;
        ModelState saved = request.initialState();
        if (saved != null && saved.modelId().equals(ID) && saved.formatVersion() == STATE_FORMAT
                && saved.variable(STATE_OUTFLOW).length == 1) {
            long offset = Duration.between(start, saved.validAt()).toNanos();
            if (offset >= 0 && offset % step.toNanos() == 0 && offset / step.toNanos() >= from
                    && offset / step.toNanos() <= past) {
                from = (int) (offset / step.toNanos());
                outflowAtFrom = saved.variable(STATE_OUTFLOW)[0];
            }
        }
        if (Double.isNaN(outflowAtFrom)) {
            double observed = SeriesGrid.sample(target, start.plus(step.multipliedBy(from)), step, 1)[0];
            outflowAtFrom = Double.isFinite(observed) ? observed : inflow[from];
        }
        double[] outflow = MuskingumRouting.route(reach, stepHours, inflow, from, outflowAtFrom);

        double[] forecast = java.util.Arrays.copyOfRange(outflow, past + 1, total);
        ModelState next = new ModelState(ID, STATE_FORMAT, issue,
                Map.of(STATE_INFLOW, new double[] {inflow[past]}, STATE_OUTFLOW, new double[] {outflow[past]}));
        return new ModelResult(new RegularTimeSeries(Quantity.Q, issue.plus(step), step, forecast), next,
                Map.of(STATE_INFLOW, java.util.Arrays.copyOfRange(inflow, past + 1, total)));
    }

    private static void requireDischarge(String name, TimeSeries series) {
        if (series.quantity() != Quantity.Q) {
            throw new IllegalArgumentException(ID + " routes discharge: input '" + name + "' is "
                    + series.quantity() + ", expected Q in m3/s" + (name.equals(ModelRequest.TARGET)
                    ? " (forecast Q at the point; a rating curve turns it into H)" : ""));
        }
    }
}
