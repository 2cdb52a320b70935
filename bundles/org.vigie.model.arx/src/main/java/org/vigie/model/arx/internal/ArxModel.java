package org.vigie.model.arx.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.vigie.model.arx.internal.core.ArxCoefficients;
import org.vigie.model.arx.internal.core.ArxFit;
import org.vigie.model.arx.internal.core.ArxOrders;
import org.vigie.model.arx.internal.core.ArxPredictor;
import org.vigie.model.arx.internal.core.BoxCox;
import org.vigie.model.support.internal.SeriesGrid;

/**
 * The ARX statistical model as a forecast-cycle model. The target (H or Q) is predicted from its own past and from
 * up to {@value #SLOTS} exogenous inputs {@code x1…x4} (rainfall, upstream levels or flows), with the orders and
 * delays of the forecast point's parameters.
 *
 * <p>Coefficients live in the model state: a run uses the stored ones when they were fitted for the same
 * structure (and are younger than {@code refitHours} when that is set); otherwise it fits them by least squares on
 * the request's history window and stores them with the state. Forecasts are recursive; beyond the issue time a
 * rainfall input is its stored scenario or zero, any other input its stored value or its last value held.
 */
@Component(service = RiverModel.class)
public class ArxModel implements RiverModel {

    static final String ID = "arx";
    static final int SLOTS = 4;
    static final String NA = "na";
    static final String LAMBDA = "lambda";
    static final String REFIT_HOURS = "refitHours";
    static final int STATE_FORMAT = 1;
    static final String STATE_STRUCTURE = "structure";
    static final String STATE_COEFFICIENTS = "coefficients";
    static final String STATE_FITTED_AT = "fittedAt";
    static final String STATE_FIT = "fit";

    private static final ModelDescriptor DESCRIPTOR = buildDescriptor();

    private static ModelDescriptor buildDescriptor() {
        List<String> inputs = new ArrayList<>();
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(new ParameterSpec(NA, "steps", 2, 0, ArxOrders.MAX_ORDER,
                "autoregressive order: past values of the target used"));
        for (int j = 1; j <= SLOTS; j++) {
            inputs.add("x" + j);
            specs.add(new ParameterSpec("nb" + j, "steps", 0, 0, ArxOrders.MAX_ORDER,
                    "lagged values of input x" + j + " used; 0 when the input is not used"));
            specs.add(new ParameterSpec("nk" + j, "steps", 1, 0, ArxOrders.MAX_ORDER,
                    "delay of the first lagged value of input x" + j + " (0: x(t) acts on y(t))"));
        }
        specs.add(new ParameterSpec(LAMBDA, "-", 1, 0, 1,
                "Box-Cox exponent of the target and of the inputs of the same quantity: 1 none, 0.5 square root, 0 log"));
        specs.add(new ParameterSpec(REFIT_HOURS, "h", 0, 0, 1e6,
                "refit the stored coefficients once they are older than this; 0 keeps them"));
        return new ModelDescriptor(inputs, specs, STATE_FORMAT,
                "ARX: the target from its own lags and lagged inputs x1..x4, least squares, recursive forecasts");
    }

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
        int[] nb = new int[SLOTS];
        int[] nk = new int[SLOTS];
        for (int j = 0; j < SLOTS; j++) {
            nb[j] = integer(p, "nb" + (j + 1));
            nk[j] = integer(p, "nk" + (j + 1));
        }
        ArxOrders orders = new ArxOrders(integer(p, NA), nb, nk);
        BoxCox transform = new BoxCox(p.get(LAMBDA));
        Duration step = request.step();
        Instant issue = SeriesGrid.aligned(request.issueTime(), step);

        TimeSeries target = request.input(ModelRequest.TARGET);
        Instant start = SeriesGrid.firstGridTime(target, step);
        if (start == null || start.isAfter(issue)) {
            throw new IllegalArgumentException(ID + ": no observed " + target.quantity()
                    + " at or before the issue time " + issue);
        }
        int past = (int) (Duration.between(start, issue).toNanos() / step.toNanos());
        int total = past + request.horizonSteps() + 1;
        double[] y = SeriesGrid.sample(target, start, step, past + 1);
        SeriesGrid.fillFromLatest(y, target, start, step, past);
        y = transformed(transform, y, ModelRequest.TARGET, start, step);

        double[][] x = new double[SLOTS][];
        double[] transformedInputs = new double[SLOTS];
        for (int j = 0; j < SLOTS; j++) {
            String name = "x" + (j + 1);
            TimeSeries input = request.inputs().get(name);
            if (nb[j] == 0) {
                if (input != null) {
                    throw new IllegalArgumentException(ID + ": input " + name + " is given but nb" + (j + 1)
                            + " = 0; set its order or remove the input");
                }
                continue;
            }
            if (input == null) {
                throw new IllegalArgumentException(ID + ": nb" + (j + 1) + " = " + nb[j] + " but input " + name
                        + " is missing; given " + request.inputs().keySet());
            }
            x[j] = SeriesGrid.sample(input, start, step, total);
            SeriesGrid.fillFromLatest(x[j], input, start, step, past);
            if (input.quantity() == Quantity.P) {
                SeriesGrid.zeroBeyond(x[j], past);
            } else {
                SeriesGrid.holdLast(x[j], past);
            }
            if (input.quantity() == target.quantity()) {
                x[j] = transformed(transform, x[j], name, start, step);
                transformedInputs[j] = 1;
            }
        }

        double[] structure = structure(orders, transform, transformedInputs);
        ArxCoefficients coefficients = stored(request.initialState(), orders, structure, issue, p.get(REFIT_HOURS));
        Instant fittedAt;
        if (coefficients == null) {
            coefficients = ArxFit.fit(orders, y, x, 0, past + 1);
            fittedAt = issue;
        } else {
            fittedAt = Instant.ofEpochSecond((long) request.initialState().variable(STATE_FITTED_AT)[0]);
        }
        double[] z;
        try {
            z = ArxPredictor.forecast(coefficients, y, x, past, request.horizonSteps());
        } catch (ArxPredictor.MissingValue missing) {
            String name = missing.series().equals("target") ? "the observed " + target.quantity() : "input "
                    + missing.series();
            throw new IllegalArgumentException(ID + ": " + name + " has no value at "
                    + start.plus(step.multipliedBy(missing.step())) + ", which the forecast issued at " + issue
                    + " needs");
        }
        double[] forecast = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            forecast[i] = transform.invert(z[i]);
        }
        ModelState next = new ModelState(ID, STATE_FORMAT, issue, Map.of(
                STATE_STRUCTURE, structure,
                STATE_COEFFICIENTS, coefficients.values(),
                STATE_FITTED_AT, new double[] {fittedAt.getEpochSecond()},
                STATE_FIT, new double[] {coefficients.rows(), coefficients.residualStd()}));
        return new ModelResult(new RegularTimeSeries(target.quantity(), issue.plus(step), step, forecast), next,
                Map.of());
    }

    /**
     * @return the stored coefficients when they belong to the same structure and are not due for a refit, else
     * {@code null}
     */
    private static ArxCoefficients stored(ModelState state, ArxOrders orders, double[] structure, Instant issue,
                                          double refitHours) {
        if (state == null || !state.modelId().equals(ID) || state.formatVersion() != STATE_FORMAT
                || !java.util.Arrays.equals(state.variable(STATE_STRUCTURE), structure)) {
            return null;
        }
        double[] values = state.variable(STATE_COEFFICIENTS);
        double[] fittedAt = state.variable(STATE_FITTED_AT);
        double[] fit = state.variable(STATE_FIT);
        if (values.length != orders.coefficientCount() || fittedAt.length != 1 || fit.length != 2) {
            return null;
        }
        if (refitHours > 0 && issue.getEpochSecond() - fittedAt[0] >= refitHours * 3600) {
            return null;
        }
        return new ArxCoefficients(orders, values, (int) fit[0], fit[1]);
    }

    /** na, (nb, nk, transformed) per input, λ: what stored coefficients must have been fitted for. */
    private static double[] structure(ArxOrders orders, BoxCox transform, double[] transformedInputs) {
        double[] s = new double[2 + 3 * SLOTS];
        s[0] = orders.na();
        for (int j = 0; j < SLOTS; j++) {
            s[1 + 3 * j] = orders.nb(j);
            s[2 + 3 * j] = orders.nk(j);
            s[3 + 3 * j] = transformedInputs[j];
        }
        s[s.length - 1] = transform.lambda();
        return s;
    }

    private static double[] transformed(BoxCox transform, double[] values, String name, Instant start, Duration step) {
        double[] z = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                z[i] = transform.apply(values[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ID + ": " + name + " at " + start.plus(step.multipliedBy(i)) + ": "
                        + e.getMessage());
            }
        }
        return z;
    }

    private static int integer(Map<String, Double> parameters, String name) {
        double v = parameters.get(name);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(ID + ": parameter " + name + " must be a whole number of steps, got "
                    + v);
        }
        return (int) v;
    }
}
