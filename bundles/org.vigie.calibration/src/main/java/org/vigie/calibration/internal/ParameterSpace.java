package org.vigie.calibration.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything an optimiser needs to know about the parameters of a model, independently of the model itself: names,
 * real ↔ transformed mapping, search ranges, the levels screened before the local search, and which parameters are held
 * fixed. Immutable; the {@code with…} methods return modified copies.
 */
public final class ParameterSpace {

    private final List<String> names;
    private final List<ParameterTransform> transforms;
    private final double[] lowerReal;
    private final double[] upperReal;
    private final double[][] startLevelsReal;
    private final double[] fixedReal;

    /**
     * @param startLevelsReal for each parameter, the real values tried by the screening grid (at least one each)
     * @param fixedReal       for each parameter, the value it is held at, or NaN when it is calibrated
     */
    public ParameterSpace(List<String> names, List<ParameterTransform> transforms, double[] lowerReal,
            double[] upperReal, double[][] startLevelsReal, double[] fixedReal) {
        int size = names.size();
        if (size == 0) {
            throw new IllegalArgumentException("a parameter space needs at least one parameter");
        }
        if (transforms.size() != size || lowerReal.length != size || upperReal.length != size
                || startLevelsReal.length != size || fixedReal.length != size) {
            throw new IllegalArgumentException("names, transforms, bounds, start levels and fixed values must all have "
                    + size + " entries");
        }
        for (int i = 0; i < size; i++) {
            if (!(lowerReal[i] <= upperReal[i])) {
                throw new IllegalArgumentException("lower bound above upper bound for " + names.get(i));
            }
            if (startLevelsReal[i].length == 0) {
                throw new IllegalArgumentException("no start level for " + names.get(i));
            }
        }
        boolean anyFree = Arrays.stream(fixedReal).anyMatch(Double::isNaN);
        if (!anyFree) {
            throw new IllegalArgumentException("at least one parameter must be calibrated");
        }
        this.names = List.copyOf(names);
        this.transforms = List.copyOf(transforms);
        this.lowerReal = lowerReal.clone();
        this.upperReal = upperReal.clone();
        this.startLevelsReal = new double[size][];
        for (int i = 0; i < size; i++) {
            this.startLevelsReal[i] = startLevelsReal[i].clone();
        }
        this.fixedReal = fixedReal.clone();
    }

    /**
     * Builds a space the way airGR builds its default calibration options: the start levels and the ±bound search box
     * are given in transformed space and converted to real values, so that the optimiser later sees them after the same
     * real → transformed round trip as airGR.
     *
     * @param startRowsTransformed one row per level, one column per parameter
     */
    public static ParameterSpace fromTransformedDefaults(List<String> names, List<ParameterTransform> transforms,
            double[][] startRowsTransformed, double transformedBound) {
        int size = names.size();
        double[] lower = new double[size];
        double[] upper = new double[size];
        double[][] levels = new double[size][startRowsTransformed.length];
        for (int i = 0; i < size; i++) {
            ParameterTransform transform = transforms.get(i);
            lower[i] = transform.toReal(-transformedBound);
            upper[i] = transform.toReal(transformedBound);
            for (int level = 0; level < startRowsTransformed.length; level++) {
                levels[i][level] = transform.toReal(startRowsTransformed[level][i]);
            }
        }
        double[] fixed = new double[size];
        Arrays.fill(fixed, Double.NaN);
        return new ParameterSpace(names, transforms, lower, upper, levels, fixed);
    }

    /** The parameters of this space followed by those of {@code other}, e.g. a GR model then its CemaNeige snow module. */
    public ParameterSpace followedBy(ParameterSpace other) {
        List<String> joinedNames = new ArrayList<>(names);
        joinedNames.addAll(other.names);
        List<ParameterTransform> joinedTransforms = new ArrayList<>(transforms);
        joinedTransforms.addAll(other.transforms);
        double[][] joinedLevels = new double[size() + other.size()][];
        System.arraycopy(startLevelsReal, 0, joinedLevels, 0, size());
        System.arraycopy(other.startLevelsReal, 0, joinedLevels, size(), other.size());
        return new ParameterSpace(joinedNames, joinedTransforms, concat(lowerReal, other.lowerReal),
                concat(upperReal, other.upperReal), joinedLevels, concat(fixedReal, other.fixedReal));
    }

    /** Holds some parameters at given real values; NaN entries stay calibrated. */
    public ParameterSpace withFixedValues(double[] fixedRealValues) {
        return new ParameterSpace(names, transforms, lowerReal, upperReal, startLevelsReal, fixedRealValues);
    }

    public ParameterSpace withSearchRanges(double[] lowerRealValues, double[] upperRealValues) {
        return new ParameterSpace(names, transforms, lowerRealValues, upperRealValues, startLevelsReal, fixedReal);
    }

    public ParameterSpace withStartLevels(double[][] startLevelsRealValues) {
        return new ParameterSpace(names, transforms, lowerReal, upperReal, startLevelsRealValues, fixedReal);
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public ParameterTransform transform(int index) {
        return transforms.get(index);
    }

    public double[] lowerBoundsReal() {
        return lowerReal.clone();
    }

    public double[] upperBoundsReal() {
        return upperReal.clone();
    }

    /** Lower search bounds after the real → transformed round trip, i.e. the box the searches actually clip to. */
    public double[] lowerBoundsTransformed() {
        return toTransformed(lowerReal);
    }

    public double[] upperBoundsTransformed() {
        return toTransformed(upperReal);
    }

    public double[] startLevelsReal(int index) {
        return startLevelsReal[index].clone();
    }

    public boolean isFixed(int index) {
        return !Double.isNaN(fixedReal[index]);
    }

    public double fixedValue(int index) {
        return fixedReal[index];
    }

    public double[] toReal(double[] transformed) {
        checkLength(transformed);
        double[] real = new double[transformed.length];
        for (int i = 0; i < real.length; i++) {
            real[i] = transforms.get(i).toReal(transformed[i]);
        }
        return real;
    }

    public double[] toTransformed(double[] real) {
        checkLength(real);
        double[] transformed = new double[real.length];
        for (int i = 0; i < transformed.length; i++) {
            transformed[i] = transforms.get(i).toTransformed(real[i]);
        }
        return transformed;
    }

    /** Real parameters for a transformed point, with fixed parameters forced to their fixed values. */
    public double[] toRealKeepingFixed(double[] transformed) {
        double[] real = toReal(transformed);
        for (int i = 0; i < real.length; i++) {
            if (isFixed(i)) {
                real[i] = fixedReal[i];
            }
        }
        return real;
    }

    /**
     * All combinations of the distinct start levels, first parameter varying fastest (R's expand.grid order, which
     * decides which candidate wins a tie), with fixed parameters at their fixed values.
     */
    public List<double[]> screeningGrid() {
        int size = size();
        double[][] distinctLevels = new double[size][];
        int combinations = 1;
        for (int i = 0; i < size; i++) {
            distinctLevels[i] = isFixed(i) ? new double[] {fixedReal[i]} : distinctInOrder(startLevelsReal[i]);
            combinations = Math.multiplyExact(combinations, distinctLevels[i].length);
        }
        List<double[]> grid = new ArrayList<>(combinations);
        for (int combination = 0; combination < combinations; combination++) {
            double[] candidate = new double[size];
            int remainder = combination;
            for (int i = 0; i < size; i++) {
                int levelCount = distinctLevels[i].length;
                candidate[i] = distinctLevels[i][remainder % levelCount];
                remainder /= levelCount;
            }
            grid.add(candidate);
        }
        return grid;
    }

    private static double[] distinctInOrder(double[] values) {
        double[] distinct = new double[values.length];
        int count = 0;
        for (double value : values) {
            boolean seen = false;
            for (int k = 0; k < count && !seen; k++) {
                // == rather than Double.equals so that 0.0 and -0.0 count as one level, as in R's unique()
                seen = distinct[k] == value;
            }
            if (!seen) {
                distinct[count++] = value;
            }
        }
        return Arrays.copyOf(distinct, count);
    }

    private void checkLength(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " parameter values, got " + values.length);
        }
    }

    private static double[] concat(double[] first, double[] second) {
        double[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
