package org.vigie.calibration.internal;

import static org.vigie.calibration.internal.ParameterTransform.affine;
import static org.vigie.calibration.internal.ParameterTransform.exponential;
import static org.vigie.calibration.internal.ParameterTransform.hyperbolicSine;

import java.util.List;

/**
 * airGR's calibration defaults per model (airGR 1.7.6: TransfoParam_* and CreateCalibOptions): parameter transforms,
 * the 3-level start distribution in transformed space and the ±9.99 transformed search box. Reusing them is what makes a
 * Michel calibration land on airGR's optimum.
 */
public enum AirGrModel {

    GR4J(List.of("X1", "X2", "X3", "X4"),
            List.of(exponential(1), hyperbolicSine(1), exponential(1), affine(20, 19.5, 9.99, 19.98)),
            new double[][] {
                {+5.13, -1.60, +3.03, -9.05},
                {+5.51, -0.61, +3.74, -8.51},
                {+6.07, -0.02, +4.42, -8.06}}),

    GR4H(List.of("X1", "X2", "X3", "X4"),
            List.of(exponential(1), hyperbolicSine(3), exponential(1), affine(480, 480 - 0.5, 9.99, 19.98)),
            new double[][] {
                {+5.12, -1.18, +4.34, -9.69},
                {+5.58, -0.85, +4.74, -9.47},
                {+6.01, -0.50, +5.14, -8.87}}),

    GR5J(List.of("X1", "X2", "X3", "X4", "X5"),
            List.of(exponential(1), hyperbolicSine(1), exponential(1), affine(20, 19.5, 9.99, 19.98),
                    affine(0, 1, -9.99, 19.98)),
            new double[][] {
                {+5.17, -1.13, +3.08, -9.37, -7.45},
                {+5.55, -0.46, +3.75, -9.09, -4.69},
                {+6.10, -0.11, +4.43, -8.60, -0.66}}),

    GR6J(List.of("X1", "X2", "X3", "X4", "X5", "X6"),
            List.of(exponential(1), hyperbolicSine(1), exponential(1), affine(20, 19.5, 9.99, 19.98),
                    affine(0, 1, 0, 5), exponential(1)),
            new double[][] {
                {+3.60, -1.00, +3.30, -9.10, -0.90, +3.00},
                {+3.90, -0.50, +4.10, -8.70, +0.10, +4.00},
                {+4.50, +0.50, +5.00, -8.10, +1.10, +5.00}}),

    /** GR5H without interception store (airGR's default when no Imax is given). */
    GR5H(List.of("X1", "X2", "X3", "X4", "X5"),
            List.of(exponential(1), hyperbolicSine(1), exponential(1), affine(480, 480 - 0.01, 10, 20),
                    affine(0, 1, -10, 20)),
            new double[][] {
                {+3.28, -0.39, +4.14, -9.54, -7.49},
                {+3.62, -0.19, +4.80, -9.00, -6.31},
                {+4.01, -0.04, +5.43, -7.53, -5.33}}),

    /** GR5H with an interception store: same transforms, start levels tuned for that structure. */
    GR5H_INTERCEPTION(List.of("X1", "X2", "X3", "X4", "X5"),
            List.of(exponential(1), hyperbolicSine(1), exponential(1), affine(480, 480 - 0.01, 10, 20),
                    affine(0, 1, -10, 20)),
            new double[][] {
                {+3.46, -1.25, +4.04, -9.53, -9.34},
                {+3.74, -0.41, +4.78, -8.94, -3.33},
                {+4.29, +0.16, +5.39, -7.39, +3.33}}),

    /** CemaNeige snow module without hysteresis: X1 cold-content weighting, X2 degree-day melt factor. */
    CEMANEIGE(List.of("CNX1", "CNX2"),
            List.of(affine(0, 1, -9.99, 19.98), exponential(200)),
            new double[][] {
                {-9.96, +6.63},
                {-9.14, +6.90},
                {+4.10, +7.21}});

    /** Half-width of airGR's default search box in transformed space. */
    public static final double TRANSFORMED_BOUND = 9.99;

    private final List<String> parameterNames;
    private final List<ParameterTransform> transforms;
    private final double[][] startRowsTransformed;

    AirGrModel(List<String> parameterNames, List<ParameterTransform> transforms, double[][] startRowsTransformed) {
        this.parameterNames = parameterNames;
        this.transforms = transforms;
        this.startRowsTransformed = startRowsTransformed;
    }

    public ParameterSpace parameterSpace() {
        return ParameterSpace.fromTransformedDefaults(parameterNames, transforms, startRowsTransformed, TRANSFORMED_BOUND);
    }

    /**
     * This model's parameters followed by CemaNeige's two, in the order airGR's CemaNeigeGR* models expect. Not offered
     * for CemaNeige itself.
     */
    public ParameterSpace parameterSpaceWithCemaNeige() {
        if (this == CEMANEIGE) {
            throw new IllegalStateException("CemaNeige cannot be coupled with itself");
        }
        return parameterSpace().followedBy(CEMANEIGE.parameterSpace());
    }
}
