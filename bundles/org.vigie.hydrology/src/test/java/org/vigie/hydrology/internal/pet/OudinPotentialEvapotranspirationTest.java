package org.vigie.hydrology.internal.pet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.vigie.hydrology.internal.pet.OudinPotentialEvapotranspiration.LatitudeUnit;
import org.vigie.hydrology.internal.testdata.ReferenceFiles;
import org.vigie.testing.SharedData;

class OudinPotentialEvapotranspirationTest {

    @Test
    void reproducesAirGrPeOudinOnL0123001AtLatitude08Radians() {
        ReferenceFiles.Table reference = ReferenceFiles.readCsv(
                SharedData.file("airgr-reference-runs/PE_Oudin_L0123001_lat0.8rad.csv"));
        double[] julianDays = reference.numbers("JD");
        double[] temperature = reference.numbers("T");
        double[] expected = reference.numbers("PE_Oudin_Lat0.8rad");
        String[] dates = reference.text("DatesR");

        int[] dayOfYear = new int[julianDays.length];
        for (int i = 0; i < dayOfYear.length; i++) {
            dayOfYear[i] = LocalDate.parse(dates[i]).getDayOfYear();
            assertEquals(julianDays[i], dayOfYear[i], 0.0, "JD column is the day of year");
        }
        double[] pe = OudinPotentialEvapotranspiration.dailySeries(0.8, LatitudeUnit.RADIANS, dayOfYear, temperature);

        String[] printed = reference.text("PE_Oudin_Lat0.8rad");
        double maxRelativeError = 0;
        int identicalAtPrintedPrecision = 0;
        for (int i = 0; i < pe.length; i++) {
            double scale = Math.max(Math.abs(expected[i]), Double.MIN_NORMAL);
            double relativeError = Math.abs(pe[i] - expected[i]) / scale;
            maxRelativeError = Math.max(maxRelativeError, expected[i] == 0 ? Math.abs(pe[i]) : relativeError);
            identicalAtPrintedPrecision += new BigDecimal(pe[i]).round(new MathContext(15))
                    .compareTo(new BigDecimal(printed[i])) == 0 ? 1 : 0;
            assertEquals(expected[i], pe[i], 5e-11 * scale, "row " + (i + 2) + " " + dates[i]);
        }
        System.out.printf("PE_Oudin L0123001: %d rows, max relative error %.2e, %d rows identical at the 15 "
                + "significant digits R printed%n", pe.length, maxRelativeError, identicalAtPrintedPrecision);
        // The remaining rows sit within one unit in the last place of a 15-digit rounding boundary.
        assertTrue(identicalAtPrintedPrecision >= 10570, identicalAtPrintedPrecision + " rows identical");
    }

    @Test
    void noEvaporationBelowMinusFiveDegrees() {
        assertEquals(0.0, OudinPotentialEvapotranspiration.daily(45, LatitudeUnit.DEGREES, 180, -5.5), 0.0);
        assertEquals(0.0, OudinPotentialEvapotranspiration.daily(45, LatitudeUnit.DEGREES, 180, -5.0), 0.0);
        assertTrue(Double.isNaN(OudinPotentialEvapotranspiration.daily(45, LatitudeUnit.DEGREES, 180, Double.NaN)));
    }

    @Test
    void peIsLinearInTemperaturePlusFive() {
        double at5 = OudinPotentialEvapotranspiration.daily(0.8, LatitudeUnit.RADIANS, 200, 5);
        double at15 = OudinPotentialEvapotranspiration.daily(0.8, LatitudeUnit.RADIANS, 200, 15);
        assertEquals(2 * at5, at15, 1e-14);
        double radiation = OudinPotentialEvapotranspiration.extraterrestrialRadiation(0.8, LatitudeUnit.RADIANS, 200);
        assertEquals(radiation * 10 / 100 / 28.5, at5, 1e-15);
    }

    @Test
    void degreesAreConvertedLikeAirGr() {
        double degrees = 0.8 * 180 / Math.PI;
        assertEquals(OudinPotentialEvapotranspiration.daily(0.8, LatitudeUnit.RADIANS, 100, 12),
                OudinPotentialEvapotranspiration.daily(degrees, LatitudeUnit.DEGREES, 100, 12), 1e-14);
        assertThrows(IllegalArgumentException.class,
                () -> OudinPotentialEvapotranspiration.daily(95, LatitudeUnit.DEGREES, 100, 12));
    }

    @Test
    void summerPeExceedsWinterPeAtTheSameTemperatureInTheNorthernHemisphere() {
        double june = OudinPotentialEvapotranspiration.daily(47.9, LatitudeUnit.DEGREES, 172, 15);
        double december = OudinPotentialEvapotranspiration.daily(47.9, LatitudeUnit.DEGREES, 355, 15);
        assertTrue(june > 3 * december, "june " + june + " december " + december);
    }

    @Test
    void hourlyDisaggregationFollowsTheDaylightShapeAndConservesTheDailyTotal() {
        double[] hourly = OudinPotentialEvapotranspiration.hourlyFromDaily(new double[] {2.0, 4.0});
        assertEquals(48, hourly.length);
        assertEquals(0.0, hourly[0], 0.0);
        assertEquals(0.0, hourly[5], 0.0);
        assertEquals(2.0 * 0.035, hourly[6], 0.0);
        assertEquals(2.0 * 0.117, hourly[11], 0.0);
        assertEquals(4.0 * 0.117, hourly[24 + 12], 0.0);
        double firstDay = 0;
        for (int h = 0; h < 24; h++) {
            firstDay += hourly[h];
        }
        assertEquals(2.0, firstDay, 1e-14);
    }

    @Test
    void hourlyTemperaturesAreAveragedPerDay() {
        double[] hourly = new double[48];
        for (int h = 0; h < 48; h++) {
            hourly[h] = h < 24 ? h : -1.5;
        }
        double[] daily = OudinPotentialEvapotranspiration.dailyMeanTemperatureFromHourly(hourly);
        assertEquals(11.5, daily[0], 0.0);
        assertEquals(-1.5, daily[1], 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> OudinPotentialEvapotranspiration.dailyMeanTemperatureFromHourly(new double[23]));
    }
}
