package org.vigie.hydrology.internal.pet;

import java.util.Arrays;

import org.vigie.hydrology.internal.numeric.CorrectlyRoundedMath;
import org.vigie.hydrology.internal.numeric.RArithmetic;

/**
 * Oudin's temperature-based potential evapotranspiration (Oudin et al., 2005, J. Hydrol. 303, 290-306), computed as
 * airGR's {@code PE_Oudin} does by default (its double-precision R path, {@code RunFortran = FALSE}):
 * {@code PE = Re · (T + 5) / 100 / 28.5} when {@code T ≥ -5 °C}, else 0, with {@code Re} the daily extraterrestrial
 * radiation from Morton (1983, Appendix C), depending only on latitude and day of year.
 *
 * <p>Units: latitude in radians or degrees, day of year 1–366, daily mean air temperature in °C, PE in mm/day
 * (or mm/hour once disaggregated).
 *
 * <p>Trigonometric functions are correctly rounded, as glibc's (which R uses) are in all but rare cases, so results
 * agree with airGR to the last bit or two.
 */
public final class OudinPotentialEvapotranspiration {

    public enum LatitudeUnit { RADIANS, DEGREES }

    /**
     * airGR's fixed daily-to-hourly shape: no evaporation at night, a symmetric bump from 06:00 to 17:00 UTC summing
     * to 1.
     */
    private static final double[] HOURLY_SHARE_OF_DAILY_PE = {
        0.000, 0.000, 0.000, 0.000, 0.000, 0.000,
        0.035, 0.062, 0.079, 0.097, 0.110, 0.117,
        0.117, 0.110, 0.097, 0.079, 0.062, 0.035,
        0.000, 0.000, 0.000, 0.000, 0.000, 0.000};

    private static final int HOURS_PER_DAY = 24;
    private static final double MINIMUM_COSINE = 0.001;
    private static final int MAX_DAY_OF_YEAR = 366;

    private OudinPotentialEvapotranspiration() {
    }

    /**
     * Daily PE [mm/day].
     *
     * @param latitude        catchment latitude
     * @param unit            unit of {@code latitude}
     * @param dayOfYear       Julian day, 1 = 1 January (366 in leap years' last day)
     * @param meanTemperature daily mean air temperature [°C]; NaN gives NaN
     */
    public static double daily(double latitude, LatitudeUnit unit, int dayOfYear, double meanTemperature) {
        double latitudeRadians = toRadians(latitude, unit);
        int day = checkedDayOfYear(dayOfYear);
        if (!(meanTemperature >= -5.0)) {
            // Below -5 °C (or missing) the radiation term is irrelevant.
            return peFromRadiation(Double.NaN, meanTemperature);
        }
        double radiation = extraterrestrialRadiation(CorrectlyRoundedMath.cos(latitudeRadians), latitudeRadians, day);
        return peFromRadiation(radiation, meanTemperature);
    }

    /** Daily PE [mm/day] for a series of days at one latitude. */
    public static double[] dailySeries(double latitude, LatitudeUnit unit, int[] dayOfYear, double[] meanTemperature) {
        if (dayOfYear.length != meanTemperature.length) {
            throw new IllegalArgumentException("'JD' and 'Temp' must have the same length");
        }
        double latitudeRadians = toRadians(latitude, unit);
        double cosLatitude = CorrectlyRoundedMath.cos(latitudeRadians);
        // The radiation term depends on the day of year only, so each of the 366 values is computed once.
        double[] radiationByDay = new double[MAX_DAY_OF_YEAR + 1];
        Arrays.fill(radiationByDay, Double.NaN);
        double[] pe = new double[meanTemperature.length];
        for (int k = 0; k < pe.length; k++) {
            int day = checkedDayOfYear(dayOfYear[k]);
            if (Double.isNaN(radiationByDay[day])) {
                radiationByDay[day] = extraterrestrialRadiation(cosLatitude, latitudeRadians, day);
            }
            pe[k] = peFromRadiation(radiationByDay[day], meanTemperature[k]);
        }
        return pe;
    }

    /**
     * The extraterrestrial global radiation term of airGR's formula (Morton, 1983, eq. C-6 to C-11), scaled so that
     * {@code PE = term · (T + 5) / 100 / 28.5} in mm/day; it is a daily mean flux of the order of W m⁻².
     */
    public static double extraterrestrialRadiation(double latitude, LatitudeUnit unit, int dayOfYear) {
        double latitudeRadians = toRadians(latitude, unit);
        return extraterrestrialRadiation(CorrectlyRoundedMath.cos(latitudeRadians), latitudeRadians, dayOfYear);
    }

    /**
     * airGR's {@code TimeStepOut = "hourly"}: each daily value spread over 24 hourly values [mm/hour] with a fixed
     * diurnal shape; the hourly values of a day sum to its daily value.
     */
    public static double[] hourlyFromDaily(double[] dailyPe) {
        double[] hourly = new double[dailyPe.length * HOURS_PER_DAY];
        for (int day = 0; day < dailyPe.length; day++) {
            for (int hour = 0; hour < HOURS_PER_DAY; hour++) {
                hourly[day * HOURS_PER_DAY + hour] = dailyPe[day] * HOURLY_SHARE_OF_DAILY_PE[hour];
            }
        }
        return hourly;
    }

    /**
     * airGR's {@code TimeStepIn = "hourly"} aggregation: the daily mean temperature of each block of 24 hourly
     * values, computed like R's {@code mean()}. Pass the result with one day of year per day to
     * {@link #dailySeries}.
     */
    public static double[] dailyMeanTemperatureFromHourly(double[] hourlyTemperature) {
        if (hourlyTemperature.length % HOURS_PER_DAY != 0) {
            throw new IllegalArgumentException("each day must have 24 hourly values, got "
                    + hourlyTemperature.length + " values");
        }
        double[] daily = new double[hourlyTemperature.length / HOURS_PER_DAY];
        double[] day = new double[HOURS_PER_DAY];
        for (int d = 0; d < daily.length; d++) {
            System.arraycopy(hourlyTemperature, d * HOURS_PER_DAY, day, 0, HOURS_PER_DAY);
            daily[d] = RArithmetic.mean(day);
        }
        return daily;
    }

    private static double toRadians(double latitude, LatitudeUnit unit) {
        // airGR divides by (180 / pi) rather than multiplying by pi / 180; the two differ in the last bit.
        double radians = unit == LatitudeUnit.DEGREES ? latitude / (180 / Math.PI) : latitude;
        if (!(Math.abs(radians) < Math.PI / 2)) {
            throw new IllegalArgumentException("latitude must lie strictly between the poles, got " + latitude
                    + " " + unit);
        }
        return radians;
    }

    private static double peFromRadiation(double radiation, double meanTemperature) {
        if (Double.isNaN(meanTemperature)) {
            return Double.NaN;
        }
        if (!(meanTemperature >= -5.0)) {
            return 0.0;
        }
        return radiation * (meanTemperature + 5) / 100 / 28.5;
    }

    private static int checkedDayOfYear(int dayOfYear) {
        if (dayOfYear < 0 || dayOfYear > MAX_DAY_OF_YEAR) {
            throw new IllegalArgumentException("'JD' must only contain integers from 1 to 366, got " + dayOfYear);
        }
        return dayOfYear;
    }

    private static double extraterrestrialRadiation(double cosLatitude, double latitudeRadians, int dayOfYear) {
        double julianDay = dayOfYear;
        double solarDeclination = 0.4093 * CorrectlyRoundedMath.sin(julianDay / 58.1 - 1.405);
        double cosDeclination = CorrectlyRoundedMath.cos(solarDeclination);
        double cosNoonZenith = Math.max(MINIMUM_COSINE, CorrectlyRoundedMath.cos(latitudeRadians - solarDeclination));
        double cosHalfDayAngle = 1 - cosNoonZenith / cosLatitude / cosDeclination;
        cosHalfDayAngle = Math.max(-1, Math.min(1, cosHalfDayAngle));
        double squaredCos = cosHalfDayAngle * cosHalfDayAngle;
        double sinHalfDayAngle = squaredCos >= 1 ? 0 : Math.sqrt(1 - squaredCos);
        double halfDayAngle = CorrectlyRoundedMath.acos(cosHalfDayAngle);
        double cosMeanZenith = cosNoonZenith + cosLatitude * cosDeclination * (sinHalfDayAngle / halfDayAngle - 1);
        if (cosMeanZenith < MINIMUM_COSINE) {
            cosMeanZenith = MINIMUM_COSINE;
        }
        double earthSunDistanceFactor = 1 + CorrectlyRoundedMath.cos(julianDay / 58.1) / 30;
        return 446 * halfDayAngle * cosMeanZenith * earthSunDistanceFactor;
    }
}
