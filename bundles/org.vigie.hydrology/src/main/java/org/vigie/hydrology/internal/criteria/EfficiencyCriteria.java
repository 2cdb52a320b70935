package org.vigie.hydrology.internal.criteria;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vigie.hydrology.internal.numeric.CompensatedSum;
import org.vigie.hydrology.internal.numeric.RArithmetic;

/**
 * airGR's efficiency criteria ({@code ErrorCrit_NSE}, {@code ErrorCrit_KGE}, {@code ErrorCrit_KGE2},
 * {@code ErrorCrit_RMSE} with the data preparation of {@code .ErrorCrit}), reimplemented from their equations.
 *
 * <p>Observed and simulated series are index-aligned (same time steps). Missing values are NaN. A step is excluded
 * when its transformed observed or simulated value is not finite, or when it is not selected; statistics are then
 * computed on the remaining pairs. Standard deviations use n − 1 like R's {@code sd()}. Sums are compensated, so
 * results agree with R's long-double accumulations to the last bit or two.
 */
public final class EfficiencyCriteria {

    private static final int WARNING_MIN_STEPS = 10;
    private static final double LOG_SIM_FLOOR = -1e100;
    private static final double INVERSE_SIM_CEILING = 1e100;
    private static final double BOX_COX_LAMBDA = 0.25;
    private static final double BOX_COX_SCALE = 0.01;
    /** airGR's stand-in coefficient of variation when a mean is zero but the deviation is not (KGE'). */
    private static final double UNDEFINED_CV = 99999;

    private EfficiencyCriteria() {
    }

    public static CriterionResult nse(double[] observed, double[] simulated) {
        return compute(Criterion.NSE, observed, simulated, CriterionSettings.defaults());
    }

    public static CriterionResult nse(double[] observed, double[] simulated, CriterionSettings settings) {
        return compute(Criterion.NSE, observed, simulated, settings);
    }

    public static CriterionResult kge(double[] observed, double[] simulated) {
        return compute(Criterion.KGE, observed, simulated, CriterionSettings.defaults());
    }

    public static CriterionResult kge(double[] observed, double[] simulated, CriterionSettings settings) {
        return compute(Criterion.KGE, observed, simulated, settings);
    }

    public static CriterionResult kge2(double[] observed, double[] simulated) {
        return compute(Criterion.KGE2, observed, simulated, CriterionSettings.defaults());
    }

    public static CriterionResult kge2(double[] observed, double[] simulated, CriterionSettings settings) {
        return compute(Criterion.KGE2, observed, simulated, settings);
    }

    public static CriterionResult rmse(double[] observed, double[] simulated) {
        return compute(Criterion.RMSE, observed, simulated, CriterionSettings.defaults());
    }

    public static CriterionResult rmse(double[] observed, double[] simulated, CriterionSettings settings) {
        return compute(Criterion.RMSE, observed, simulated, settings);
    }

    public static CriterionResult compute(Criterion criterion, double[] observed, double[] simulated,
                                          CriterionSettings settings) {
        if (observed.length != simulated.length) {
            throw new IllegalArgumentException("observed and simulated series differ in length: "
                    + observed.length + " vs " + simulated.length);
        }
        boolean[] selection = settings.selection();
        if (selection != null && selection.length != observed.length) {
            throw new IllegalArgumentException("selection length " + selection.length
                    + " differs from the series length " + observed.length);
        }
        List<String> warnings = new ArrayList<>();
        Prepared prepared = prepare(criterion, observed, simulated, settings, warnings);
        String name = settings.transformation().criterionName(criterion.airGrName(), settings.variableName());

        int used = prepared.usedObserved.length;
        boolean computable = used > 0 && !(used == 1 && (criterion == Criterion.KGE || criterion == Criterion.KGE2));
        if (used < WARNING_MIN_STEPS) {
            warnings.add("criterion computed on less than " + WARNING_MIN_STEPS + " time-steps");
        }
        double value = Double.NaN;
        List<SubCriterion> subCriteria = List.of();
        switch (criterion) {
            case NSE:
                if (computable) {
                    value = nashSutcliffe(prepared.usedObserved, prepared.usedSimulated);
                }
                break;
            case KGE:
            case KGE2:
                subCriteria = computable
                        ? klingGuptaComponents(criterion, prepared.usedObserved, prepared.usedSimulated)
                        : nanComponents(criterion);
                if (subCriteria.stream().noneMatch(s -> Double.isNaN(s.value()))) {
                    value = 1 - Math.sqrt(square(subCriteria.get(0).value() - 1)
                            + square(subCriteria.get(1).value() - 1)
                            + square(subCriteria.get(2).value() - 1));
                }
                break;
            case RMSE:
                if (computable) {
                    value = rootMeanSquareError(prepared.transformedObserved, prepared.transformedSimulated);
                }
                break;
            default:
                throw new IllegalStateException("unhandled criterion " + criterion);
        }
        return new CriterionResult(criterion, name, value, subCriteria, prepared.ignoredSteps, used, warnings);
    }

    private static double nashSutcliffe(double[] obs, double[] sim) {
        double meanObs = CompensatedSum.mean(obs, 0, obs.length);
        CompensatedSum modelError = new CompensatedSum();
        CompensatedSum referenceError = new CompensatedSum();
        for (int i = 0; i < obs.length; i++) {
            modelError.add(square(sim[i] - obs[i]));
            referenceError.add(square(obs[i] - meanObs));
        }
        double emod = modelError.value();
        double eref = referenceError.value();
        double nse = (emod == 0 && eref == 0) ? 0 : 1 - emod / eref;
        return Double.isFinite(nse) ? nse : Double.NaN;
    }

    private static List<SubCriterion> klingGuptaComponents(Criterion criterion, double[] obs, double[] sim) {
        double meanObs = CompensatedSum.mean(obs, 0, obs.length);
        double meanSim = CompensatedSum.mean(sim, 0, sim.length);

        CompensatedSum covariance = new CompensatedSum();
        CompensatedSum obsSquares = new CompensatedSum();
        CompensatedSum simSquares = new CompensatedSum();
        for (int i = 0; i < obs.length; i++) {
            double obsDeviation = obs[i] - meanObs;
            double simDeviation = sim[i] - meanSim;
            covariance.add(obsDeviation * simDeviation);
            obsSquares.add(square(obsDeviation));
            simSquares.add(square(simDeviation));
        }
        double numerator = covariance.value();
        double obsNorm = Math.sqrt(obsSquares.value());
        double simNorm = Math.sqrt(simSquares.value());
        double correlation;
        if (numerator == 0) {
            correlation = (obsNorm == 0 && simNorm == 0) ? 1 : 0;
        } else {
            correlation = numerator / (obsNorm * simNorm);
        }

        double sdObs = sampleStandardDeviation(obs);
        double sdSim = sampleStandardDeviation(sim);
        double variability;
        String variabilityName;
        if (criterion == Criterion.KGE) {
            variabilityName = "alpha";
            variability = (sdSim == 0 && sdObs == 0) ? 1 : sdSim / sdObs;
        } else {
            variabilityName = "gamma";
            double cvSim = meanSim == 0 ? (sdSim == 0 ? 1 : UNDEFINED_CV) : sdSim / meanSim;
            double cvObs = meanObs == 0 ? (sdObs == 0 ? 1 : UNDEFINED_CV) : sdObs / meanObs;
            variability = (cvSim == 0 && cvObs == 0) ? 1 : cvSim / cvObs;
        }
        double bias = (meanSim == 0 && meanObs == 0) ? 1 : meanSim / meanObs;
        return List.of(new SubCriterion("r", finiteOrNaN(correlation)),
                new SubCriterion(variabilityName, finiteOrNaN(variability)),
                new SubCriterion("beta", finiteOrNaN(bias)));
    }

    private static List<SubCriterion> nanComponents(Criterion criterion) {
        return List.of(new SubCriterion("r", Double.NaN),
                new SubCriterion(criterion == Criterion.KGE ? "alpha" : "gamma", Double.NaN),
                new SubCriterion("beta", Double.NaN));
    }

    /**
     * airGR's RMSE sums squared differences over every pair that is not missing (infinite values included) but
     * divides by the number of non-missing observations, even where the simulation is missing.
     */
    private static double rootMeanSquareError(double[] obs, double[] sim) {
        CompensatedSum squaredErrors = new CompensatedSum();
        int observedCount = 0;
        for (int i = 0; i < obs.length; i++) {
            double squaredError = square(sim[i] - obs[i]);
            if (!Double.isNaN(squaredError)) {
                squaredErrors.add(squaredError);
            }
            if (!Double.isNaN(obs[i])) {
                observedCount++;
            }
        }
        double numerator = squaredErrors.value();
        double rmse = numerator == 0 ? 0 : Math.sqrt(numerator / observedCount);
        return Double.isFinite(rmse) ? rmse : Double.NaN;
    }

    /** R's {@code sd()}: square root of the sum of squared deviations divided by n − 1; NaN below two values. */
    static double sampleStandardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = CompensatedSum.mean(values, 0, values.length);
        CompensatedSum squares = new CompensatedSum();
        for (double value : values) {
            squares.add(square(value - mean));
        }
        return Math.sqrt(squares.dividedBy(values.length - 1));
    }

    private static Prepared prepare(Criterion criterion, double[] observed, double[] simulated,
                                    CriterionSettings settings, List<String> warnings) {
        int n = observed.length;
        FlowTransformation transformation = settings.transformation();
        double[] obs = new double[n];
        double[] sim = new double[n];
        boolean[] selected = new boolean[n];
        for (int i = 0; i < n; i++) {
            selected[i] = settings.isSelected(i);
            obs[i] = selected[i] ? observed[i] : Double.NaN;
            sim[i] = selected[i] ? simulated[i] : Double.NaN;
        }
        if (transformation.breaksOnZero() && settings.epsilon().isEmpty()) {
            if (containsZero(obs)) {
                warnings.add("zeroes detected in 'Qobs': the corresponding time-steps will be excluded from the "
                        + "criteria computation if the epsilon argument of 'CreateInputsCrit' = NULL");
            }
            if (containsZero(sim)) {
                warnings.add("zeroes detected in 'Qsim': the corresponding time-steps will be excluded from the "
                        + "criteria computation if the epsilon argument of 'CreateInputsCrit' = NULL");
            }
        }
        if (transformation.kind() == FlowTransformation.Kind.LOG
                && (criterion == Criterion.KGE || criterion == Criterion.KGE2)) {
            warnings.add("we do not advise using the " + (criterion == Criterion.KGE ? "KGE" : "KGE'")
                    + " with a log transformation on Obs (see the details section in the 'CreateInputsCrit' help)");
        }
        if (settings.epsilon().isPresent() && transformation.kind() != FlowTransformation.Kind.BOX_COX) {
            double epsilon = settings.epsilon().getAsDouble();
            for (int i = 0; i < n; i++) {
                obs[i] += epsilon;
                sim[i] += epsilon;
            }
        }
        switch (transformation.kind()) {
            case NONE:
                break;
            case SQRT:
                for (int i = 0; i < n; i++) {
                    obs[i] = Math.sqrt(obs[i]);
                    sim[i] = Math.sqrt(sim[i]);
                }
                break;
            case LOG:
                for (int i = 0; i < n; i++) {
                    obs[i] = StrictMath.log(obs[i]);
                    sim[i] = StrictMath.log(sim[i]);
                    if (sim[i] < LOG_SIM_FLOOR) {
                        sim[i] = Double.NaN;
                    }
                }
                break;
            case INVERSE:
                for (int i = 0; i < n; i++) {
                    obs[i] = 1 / obs[i];
                    sim[i] = 1 / sim[i];
                    if (Math.abs(sim[i]) > INVERSE_SIM_CEILING) {
                        sim[i] = Double.NaN;
                    }
                }
                break;
            case SORT:
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(obs[i])) {
                        sim[i] = Double.NaN;
                    }
                }
                // Arrays.sort orders NaN last, as R's sort(na.last = TRUE) does.
                Arrays.sort(obs);
                Arrays.sort(sim);
                int selectedCount = 0;
                for (boolean s : selected) {
                    selectedCount += s ? 1 : 0;
                }
                for (int i = 0; i < n; i++) {
                    selected[i] = i < selectedCount;
                }
                break;
            case BOX_COX:
                double meanObs = meanIgnoringNaN(obs);
                double mu = RArithmetic.power(BOX_COX_SCALE * meanObs, BOX_COX_LAMBDA);
                for (int i = 0; i < n; i++) {
                    sim[i] = (RArithmetic.power(sim[i], BOX_COX_LAMBDA) - mu) / BOX_COX_LAMBDA;
                    obs[i] = (RArithmetic.power(obs[i], BOX_COX_LAMBDA) - mu) / BOX_COX_LAMBDA;
                }
                break;
            case POWER:
                double exponent = transformation.exponent();
                for (int i = 0; i < n; i++) {
                    obs[i] = RArithmetic.power(obs[i], exponent);
                    sim[i] = RArithmetic.power(sim[i], exponent);
                }
                break;
            default:
                throw new IllegalStateException("unhandled transformation " + transformation);
        }

        int usedCount = 0;
        boolean[] ignored = new boolean[n];
        for (int i = 0; i < n; i++) {
            ignored[i] = !Double.isFinite(obs[i]) || !Double.isFinite(sim[i]) || !selected[i];
            usedCount += ignored[i] ? 0 : 1;
        }
        double[] usedObs = new double[usedCount];
        double[] usedSim = new double[usedCount];
        int[] ignoredSteps = new int[n - usedCount];
        for (int i = 0, u = 0, g = 0; i < n; i++) {
            if (ignored[i]) {
                ignoredSteps[g++] = i;
            } else {
                usedObs[u] = obs[i];
                usedSim[u++] = sim[i];
            }
        }
        return new Prepared(obs, sim, usedObs, usedSim, ignoredSteps);
    }

    private static double meanIgnoringNaN(double[] values) {
        CompensatedSum sum = new CompensatedSum();
        for (double value : values) {
            if (!Double.isNaN(value)) {
                sum.add(value);
            }
        }
        return sum.count() == 0 ? Double.NaN : sum.dividedBy(sum.count());
    }

    private static boolean containsZero(double[] values) {
        for (double value : values) {
            if (value == 0) {
                return true;
            }
        }
        return false;
    }

    private static double square(double x) {
        return x * x;
    }

    private static double finiteOrNaN(double x) {
        return Double.isFinite(x) ? x : Double.NaN;
    }

    /** Transformed series in full (RMSE needs them) and restricted to the pairs the statistics use. */
    private record Prepared(double[] transformedObserved, double[] transformedSimulated, double[] usedObserved,
                            double[] usedSimulated, int[] ignoredSteps) {
    }
}
