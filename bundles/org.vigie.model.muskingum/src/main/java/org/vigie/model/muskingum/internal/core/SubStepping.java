package org.vigie.model.muskingum.internal.core;

/**
 * How one model step Δt is split for the Muskingum recurrence O₁ = C0·I₁ + C1·I₀ + C2·O₀ to stay free of
 * numerical artefacts.
 *
 * <p>The coefficients are C0 = (δt − 2KX)/D, C1 = (δt + 2KX)/D, C2 = (2K(1 − X) − δt)/D with
 * D = 2K(1 − X) + δt. They are all non-negative when 2KX ≤ δt ≤ 2K(1 − X). A step longer than 2K(1 − X) makes C2
 * negative and the outflow oscillates from step to step; it is then cut into the fewest {@code n} equal sub-steps
 * δt = Δt/n with δt ≤ 2K(1 − X), the inflow varying linearly within the step. A step shorter than 2KX makes C0
 * negative: shorter sub-steps would make it worse, and the recurrence stays stable (|C2| &lt; 1); the outflow then
 * shows the Muskingum model's own initial dip on a sharp rise (the continuous model has it too), and an outflow that
 * would become negative is set to 0.
 *
 * @param subSteps number of sub-steps n per model step
 * @param c0       weight of the inflow at the end of a sub-step
 * @param c1       weight of the inflow at the start of a sub-step
 * @param c2       weight of the outflow at the start of a sub-step
 */
public record SubStepping(int subSteps, double c0, double c1, double c2) {

    /** Cap on the sub-steps per step (reached only for K below about a thousandth of the step). */
    public static final int MAX_SUB_STEPS = 10_000;

    /** @return the sub-stepping of a step of {@code stepHours} hours for {@code parameters} */
    public static SubStepping of(MuskingumParameters parameters, double stepHours) {
        double k = parameters.kHours();
        double x = parameters.x();
        if (k == 0) {
            return new SubStepping(1, 1, 0, 0); // no storage: O = I
        }
        double upper = 2 * k * (1 - x);
        int n = (int) Math.min(MAX_SUB_STEPS, Math.max(1, Math.ceil(stepHours / upper - 1e-12)));
        double dt = stepHours / n;
        double d = upper + dt;
        return new SubStepping(n, (dt - 2 * k * x) / d, (dt + 2 * k * x) / d, (upper - dt) / d);
    }

    /** @return whether no coefficient is negative (2KX ≤ δt ≤ 2K(1 − X)) */
    public boolean monotone() {
        return c0 >= 0 && c1 >= 0 && c2 >= 0;
    }
}
