package org.vigie.api;

/**
 * A position in Lambert-93 (EPSG:2154, RGF93 / Lambert conformal conic), the French authoritative projection,
 * with the exact forward projection from WGS84 (RGF93 and WGS84 coincide at the metre level).
 *
 * @param x easting in metres
 * @param y northing in metres
 */
public record Lambert93(double x, double y) {

    private static final double A = 6378137.0;              // GRS80 semi-major axis
    private static final double E = 0.0818191910428158;     // GRS80 first eccentricity
    private static final double LON0 = Math.toRadians(3.0);
    private static final double PHI0 = Math.toRadians(46.5);
    private static final double PHI1 = Math.toRadians(44.0);
    private static final double PHI2 = Math.toRadians(49.0);
    private static final double X0 = 700000.0;
    private static final double Y0 = 6600000.0;
    private static final double N;
    private static final double C;
    private static final double RHO0;

    static {
        double m1 = Math.cos(PHI1) / Math.sqrt(1 - E * E * Math.sin(PHI1) * Math.sin(PHI1));
        double m2 = Math.cos(PHI2) / Math.sqrt(1 - E * E * Math.sin(PHI2) * Math.sin(PHI2));
        double t1 = isometricLatitudeExp(PHI1);
        double t2 = isometricLatitudeExp(PHI2);
        N = Math.log(m1 / m2) / Math.log(t1 / t2);
        C = A * m1 / (N * Math.pow(t1, N));
        RHO0 = C * Math.pow(isometricLatitudeExp(PHI0), N);
    }

    private static double isometricLatitudeExp(double phi) {
        double es = E * Math.sin(phi);
        return Math.tan(Math.PI / 4 - phi / 2) / Math.pow((1 - es) / (1 + es), E / 2);
    }

    /** Projects a WGS84 position to Lambert-93. */
    public static Lambert93 fromWgs84(GeoPosition position) {
        double phi = Math.toRadians(position.latitude());
        double rho = C * Math.pow(isometricLatitudeExp(phi), N);
        double theta = N * (Math.toRadians(position.longitude()) - LON0);
        return new Lambert93(X0 + rho * Math.sin(theta), Y0 + RHO0 - rho * Math.cos(theta));
    }
}
