package org.vigie.model.external.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vigie.api.TimeSeries;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelState;

/**
 * Writes a model request as the files of the CSV contract (docs/models/external.md, contract version
 * {@value #CONTRACT_VERSION}): {@code request.properties}, {@code inputs.csv}, {@code parameters.csv},
 * {@code leads.csv} and, when a state is given, {@code state.csv}; UTF-8, '\n' line ends, ISO-8601 UTC times,
 * numbers as Java writes doubles (e.g. {@code 12.5}, {@code 1.0E-4}), missing values as empty cells.
 */
final class RequestFiles {

    static final int CONTRACT_VERSION = 1;
    static final String REQUEST = "request.properties";
    static final String INPUTS = "inputs.csv";
    static final String PARAMETERS = "parameters.csv";
    static final String STATE = "state.csv";
    static final String LEADS = "leads.csv";
    static final String OUTPUT_DIRECTORY = "out";

    private RequestFiles() {
    }

    /**
     * @param issue the issue time on the step grid
     * @param state the state to hand over, or {@code null}
     */
    static void write(Path folder, String modelId, ModelRequest request, Instant issue, ModelState state)
            throws IOException {
        List<String> names = new ArrayList<>(new TreeMap<>(request.inputs()).keySet());
        names.remove(ModelRequest.TARGET);
        names.add(0, ModelRequest.TARGET);
        for (String name : names) {
            if (!ExternalModelSettings.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("input name '" + name + "' cannot be a CSV column: use letters,"
                        + " digits, '.', '_' or '-'");
            }
        }
        Duration step = request.step();
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("contractVersion", Integer.toString(CONTRACT_VERSION));
        properties.put("modelId", modelId);
        properties.put("issueTime", issue.toString());
        properties.put("requestedIssueTime", request.issueTime().toString());
        properties.put("step", step.toString());
        properties.put("stepSeconds", Long.toString(step.getSeconds()));
        properties.put("horizonSteps", Integer.toString(request.horizonSteps()));
        properties.put("firstForecastTime", issue.plus(step).toString());
        properties.put("lastForecastTime", issue.plus(step.multipliedBy(request.horizonSteps())).toString());
        properties.put("inputs", String.join(",", names));
        for (String name : names) {
            TimeSeries series = request.inputs().get(name);
            properties.put("input." + name + ".quantity", series.quantity().name());
            properties.put("input." + name + ".unit", series.quantity().unit());
        }
        properties.put("state", Boolean.toString(state != null));
        if (state != null) {
            properties.put("stateValidAt", state.validAt().toString());
        }
        properties.put("outputDirectory", folder.resolve(OUTPUT_DIRECTORY).toString());
        try (Writer w = Files.newBufferedWriter(folder.resolve(REQUEST), StandardCharsets.UTF_8)) {
            w.write("# Vigie external model request (docs/models/external.md)\n");
            for (Map.Entry<String, String> e : properties.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        writeInputs(folder.resolve(INPUTS), names, request.inputs());
        try (Writer w = Files.newBufferedWriter(folder.resolve(PARAMETERS), StandardCharsets.UTF_8)) {
            w.write("name,value\n");
            for (Map.Entry<String, Double> e : new TreeMap<>(request.parameters()).entrySet()) {
                w.write(e.getKey() + "," + e.getValue() + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(folder.resolve(LEADS), StandardCharsets.UTF_8)) {
            w.write("lead,time\n");
            for (int k = 1; k <= request.horizonSteps(); k++) {
                w.write(k + "," + issue.plus(step.multipliedBy(k)) + "\n");
            }
        }
        if (state != null) {
            try (Writer w = Files.newBufferedWriter(folder.resolve(STATE), StandardCharsets.UTF_8)) {
                w.write("name,values\n");
                for (Map.Entry<String, double[]> e : state.variables().entrySet()) {
                    w.write(e.getKey());
                    for (double v : e.getValue()) {
                        w.write("," + number(v));
                    }
                    w.write("\n");
                }
            }
        }
        Files.createDirectory(folder.resolve(OUTPUT_DIRECTORY));
    }

    /** One row per time stamp found in any input, in time order; a series without a value there leaves it empty. */
    private static void writeInputs(Path file, List<String> names, Map<String, TimeSeries> inputs) throws IOException {
        TreeSet<Instant> times = new TreeSet<>();
        List<Map<Instant, Double>> byTime = new ArrayList<>();
        for (String name : names) {
            TimeSeries series = inputs.get(name);
            Map<Instant, Double> values = new HashMap<>();
            for (int i = 0; i < series.size(); i++) {
                times.add(series.time(i));
                values.put(series.time(i), series.value(i));
            }
            byTime.add(values);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time," + String.join(",", names) + "\n");
            StringBuilder line = new StringBuilder();
            for (Instant t : times) {
                line.setLength(0);
                line.append(t);
                for (Map<Instant, Double> values : byTime) {
                    Double v = values.get(t);
                    line.append(',').append(v == null ? "" : number(v));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
