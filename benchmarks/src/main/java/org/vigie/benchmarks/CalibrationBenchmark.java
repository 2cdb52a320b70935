package org.vigie.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigie.calibration.internal.AirGrModel;
import org.vigie.calibration.internal.CalibrationProblem;
import org.vigie.calibration.internal.CalibrationResult;
import org.vigie.calibration.internal.CriterionDefinition;
import org.vigie.calibration.internal.MichelCalibration;
import org.vigie.hydrology.internal.criteria.EfficiencyCriteria;
import org.vigie.model.gr.internal.core.Gr4;
import org.vigie.model.gr.internal.core.GrState;

/**
 * airGR's {@code Calibration_Michel} cases timed in the issue: GR4J/NSE on L0123001 1990–1999 with a 365-day
 * warm-up, and GR4H/NSE on L0123003 2005–2008 with 2004 as warm-up. One calibration per measurement.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
@State(Scope.Benchmark)
public class CalibrationBenchmark {

    private CalibrationProblem gr4j;
    private CalibrationProblem gr4h;

    @Setup(Level.Trial)
    public void load() throws IOException {
        AirGrCase daily = AirGrCase.load("L0123001");
        gr4j = problem(Gr4.Variant.GR4J, AirGrModel.GR4J, daily, daily.indexOf("1989-01-01"),
                daily.indexOf("1990-01-01"), daily.indexOf("2000-01-01"));
        AirGrCase hourly = AirGrCase.load("L0123003");
        gr4h = problem(Gr4.Variant.GR4H, AirGrModel.GR4H, hourly, hourly.indexOf("2004-01-01T00"),
                hourly.indexOf("2005-01-01T00"), hourly.precipitation.length);
    }

    private static CalibrationProblem problem(Gr4.Variant variant, AirGrModel space, AirGrCase basin, int warmFrom,
                                              int runFrom, int runTo) {
        double[] observed = Arrays.copyOfRange(basin.dischargeMm, runFrom, runTo);
        return new CalibrationProblem(space.parameterSpace(), CriterionDefinition.maximised("NSE[Q]", 1.0), x -> {
            Gr4 model = new Gr4(variant, x[0], x[1], x[2], x[3]);
            GrState state = model.run(model.initialState(), basin.precipitation, basin.evaporation, warmFrom, runFrom,
                    false).endState();
            double[] simulated = model.run(state, basin.precipitation, basin.evaporation, runFrom, runTo, false)
                    .qsim();
            return EfficiencyCriteria.nse(observed, simulated).value();
        });
    }

    @Benchmark
    public CalibrationResult gr4jMichelNse() {
        return new MichelCalibration().calibrate(gr4j);
    }

    @Benchmark
    public CalibrationResult gr4hMichelNse() {
        return new MichelCalibration().calibrate(gr4h);
    }
}
