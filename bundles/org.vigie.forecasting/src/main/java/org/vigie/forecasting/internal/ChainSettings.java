package org.vigie.forecasting.internal;

import java.util.Objects;

import org.vigie.hydrology.internal.criteria.Criterion;
import org.vigie.model.gr.internal.core.GrModel;

/**
 * How a forecasting chain is set up and verified by {@link HindcastExperiment}. Indices refer to the input series;
 * flows (thresholds) are in the model's unit, mm per step. Immutable; {@code with…} return modified copies.
 *
 * @param model              the GR model
 * @param calibrateFrom      first step of the calibration period (also the learning period of the updating and
 *                           of the uncertainty)
 * @param calibrateTo        end of the calibration period, exclusive
 * @param hindcastFrom       first issue step of the hindcast
 * @param hindcastTo         end of the issue steps, exclusive
 * @param leads              forecast horizon in steps
 * @param scenario           future rainfall, for learning and hindcast alike
 * @param parameters         fixed model parameters (X1…), or null to calibrate them
 * @param criterion          calibration criterion on the discharge
 * @param boxCoxLambda       λ of the Box-Cox transform of the output errors (0 = log)
 * @param errorOrder         p, the number of past one-step errors in the output correction (0 = no correction)
 * @param resetPolicy        how the routing store is reset
 * @param classProbabilities forecast-flow quantiles separating the uncertainty classes
 * @param lowerProbability   lower bound of the verified band (e.g. 0.1)
 * @param upperProbability   upper bound of the verified band (e.g. 0.9)
 * @param thresholds         discharge thresholds for POD/FAR/CSI and exceedance probabilities (mm per step)
 * @param events             how many of the largest observed events to examine
 */
public record ChainSettings(GrModel model, int calibrateFrom, int calibrateTo, int hindcastFrom, int hindcastTo,
                            int leads, RainfallScenario scenario, double[] parameters, Criterion criterion,
                            double boxCoxLambda, int errorOrder, ResetPolicy resetPolicy,
                            double[] classProbabilities, double lowerProbability, double upperProbability,
                            double[] thresholds, int events) {

    /** Default Box-Cox λ of the output errors: 0.5, between log (λ = 0) and plain flows (λ = 1). */
    public static final double DEFAULT_BOX_COX_LAMBDA = 0.5;
    /** Default number of past errors in the output correction. */
    public static final int DEFAULT_ERROR_ORDER = 2;
    /** Default class limits: forecast-flow quantiles 50 %, 80 % and 95 %, four classes. */
    static final double[] DEFAULT_CLASS_PROBABILITIES = {0.5, 0.8, 0.95};

    public ChainSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(resetPolicy, "resetPolicy");
        if (calibrateFrom < 0 || calibrateFrom >= calibrateTo) {
            throw new IllegalArgumentException("empty calibration period [" + calibrateFrom + ", " + calibrateTo
                    + ")");
        }
        if (hindcastFrom < 0 || hindcastFrom >= hindcastTo) {
            throw new IllegalArgumentException("empty hindcast period [" + hindcastFrom + ", " + hindcastTo + ")");
        }
        if (leads < 1) {
            throw new IllegalArgumentException("need at least one lead, got " + leads);
        }
        if (calibrateTo - calibrateFrom <= leads) {
            throw new IllegalArgumentException("the calibration period must be longer than the horizon of "
                    + leads + " steps");
        }
        if (errorOrder < 0) {
            throw new IllegalArgumentException("the error order must be ≥ 0, got " + errorOrder);
        }
        if (!(lowerProbability > 0 && lowerProbability < upperProbability && upperProbability < 1)) {
            throw new IllegalArgumentException("need 0 < lower < upper < 1 band probabilities, got "
                    + lowerProbability + ", " + upperProbability);
        }
        if (events < 0) {
            throw new IllegalArgumentException("the number of events must be ≥ 0");
        }
        parameters = parameters == null ? null : parameters.clone();
        classProbabilities = classProbabilities.clone();
        thresholds = thresholds.clone();
    }

    /**
     * The chain's defaults: observed rainfall scenario, calibration on NSE, Box-Cox λ = 0.5, two past errors,
     * {@link ResetPolicy#MATCH_TOTAL}, classes at the 50/80/95 % forecast-flow quantiles, band 10–90 %, no
     * threshold, the five largest events.
     */
    public static ChainSettings defaults(GrModel model, int calibrateFrom, int calibrateTo, int hindcastFrom,
                                         int hindcastTo, int leads) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads,
                RainfallScenario.OBSERVED, null, Criterion.NSE, DEFAULT_BOX_COX_LAMBDA, DEFAULT_ERROR_ORDER,
                ResetPolicy.MATCH_TOTAL, DEFAULT_CLASS_PROBABILITIES, 0.1, 0.9, new double[0], 5);
    }

    @Override
    public double[] parameters() {
        return parameters == null ? null : parameters.clone();
    }

    @Override
    public double[] classProbabilities() {
        return classProbabilities.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    public ChainSettings withScenario(RainfallScenario value) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, value,
                parameters, criterion, boxCoxLambda, errorOrder, resetPolicy, classProbabilities, lowerProbability,
                upperProbability, thresholds, events);
    }

    public ChainSettings withParameters(double[] value) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                value, criterion, boxCoxLambda, errorOrder, resetPolicy, classProbabilities, lowerProbability,
                upperProbability, thresholds, events);
    }

    public ChainSettings withCriterion(Criterion value) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                parameters, value, boxCoxLambda, errorOrder, resetPolicy, classProbabilities, lowerProbability,
                upperProbability, thresholds, events);
    }

    public ChainSettings withErrorModel(double lambda, int order) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                parameters, criterion, lambda, order, resetPolicy, classProbabilities, lowerProbability,
                upperProbability, thresholds, events);
    }

    public ChainSettings withResetPolicy(ResetPolicy value) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                parameters, criterion, boxCoxLambda, errorOrder, value, classProbabilities, lowerProbability,
                upperProbability, thresholds, events);
    }

    public ChainSettings withClassProbabilities(double... value) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                parameters, criterion, boxCoxLambda, errorOrder, resetPolicy, value, lowerProbability,
                upperProbability, thresholds, events);
    }

    public ChainSettings withBand(double lower, double upper) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                parameters, criterion, boxCoxLambda, errorOrder, resetPolicy, classProbabilities, lower, upper,
                thresholds, events);
    }

    public ChainSettings withThresholds(double... value) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                parameters, criterion, boxCoxLambda, errorOrder, resetPolicy, classProbabilities, lowerProbability,
                upperProbability, value, events);
    }

    public ChainSettings withEvents(int value) {
        return new ChainSettings(model, calibrateFrom, calibrateTo, hindcastFrom, hindcastTo, leads, scenario,
                parameters, criterion, boxCoxLambda, errorOrder, resetPolicy, classProbabilities, lowerProbability,
                upperProbability, thresholds, value);
    }
}
