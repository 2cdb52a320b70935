package org.vigie.benchmarks;

import java.io.IOException;
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
import org.vigie.model.gr.internal.core.Gr4;
import org.vigie.model.gr.internal.core.GrRun;

/**
 * One whole model run, as airGR's Fortran core does it: GR4J over L0123001's 10,593 days and GR4H over
 * L0123003's 43,848 hours with the man-page parameters, keeping only Qsim (as a calibration does) or every flux.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class GrModelBenchmark {

    private AirGrCase daily;
    private AirGrCase hourly;
    private Gr4 gr4j;
    private Gr4 gr4h;

    @Setup(Level.Trial)
    public void load() throws IOException {
        daily = AirGrCase.load("L0123001");
        hourly = AirGrCase.load("L0123003");
        gr4j = new Gr4(Gr4.Variant.GR4J, 257.238, 1.012, 88.235, 2.208);
        gr4h = new Gr4(Gr4.Variant.GR4H, 756.930, -0.773, 138.638, 5.247);
    }

    @Benchmark
    public GrRun gr4jDailyQsimOnly() {
        return gr4j.run(gr4j.initialState(), daily.precipitation, daily.evaporation, 0, daily.precipitation.length,
                false);
    }

    @Benchmark
    public GrRun gr4jDailyAllOutputs() {
        return gr4j.run(gr4j.initialState(), daily.precipitation, daily.evaporation, 0, daily.precipitation.length,
                true);
    }

    @Benchmark
    public GrRun gr4hHourlyQsimOnly() {
        return gr4h.run(gr4h.initialState(), hourly.precipitation, hourly.evaporation, 0,
                hourly.precipitation.length, false);
    }

    @Benchmark
    public GrRun gr4hHourlyAllOutputs() {
        return gr4h.run(gr4h.initialState(), hourly.precipitation, hourly.evaporation, 0,
                hourly.precipitation.length, true);
    }
}
