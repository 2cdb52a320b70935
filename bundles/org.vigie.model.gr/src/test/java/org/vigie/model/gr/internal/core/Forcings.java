package org.vigie.model.gr.internal.core;

import java.io.IOException;
import java.util.SplittableRandom;

/** Rainfall and PET series for the tests: airGR's example catchments, or synthetic ones that need no data. */
record Forcings(String name, double[] precipitation, double[] evaporation) {

    static Forcings airGrCatchment(String code) throws IOException {
        ReferenceTable table = ReferenceTable.read("airgr-catchments/" + code + "_BasinObs.csv");
        return new Forcings(code, table.column("P"), table.column("E"));
    }

    /**
     * Seasonal PET and intermittent storms of random depth, with long dry spells, heavy bursts, and P = E steps:
     * enough to drive every branch (stores filling and emptying, exchange limited by empty stores).
     */
    static Forcings synthetic(boolean hourly, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[steps];
        double[] e = new double[steps];
        int stepsPerDay = hourly ? 24 : 1;
        double stormChance = hourly ? 0.02 : 0.3;
        boolean raining = false;
        for (int i = 0; i < steps; i++) {
            double dayOfYear = (double) (i / stepsPerDay % 365);
            double dailyPet = 2.5 - 2.2 * Math.cos(2 * Math.PI * dayOfYear / 365);
            double hourShape = hourly ? Math.max(0, Math.sin(Math.PI * ((i % 24) - 6) / 12)) * Math.PI / 12 * 2 : 1;
            e[i] = dailyPet * hourShape / (hourly ? 2 : 1);
            raining = raining ? random.nextDouble() < 0.7 : random.nextDouble() < stormChance;
            if (raining) {
                double depth = -Math.log(1 - random.nextDouble()) * (hourly ? 1.5 : 8);
                p[i] = random.nextDouble() < 0.01 ? depth * 12 : depth;
            }
            if (i % 997 == 0) {
                p[i] = e[i];
            }
        }
        return new Forcings((hourly ? "synthetic hourly " : "synthetic daily ") + seed, p, e);
    }

    int length() {
        return precipitation.length;
    }
}
