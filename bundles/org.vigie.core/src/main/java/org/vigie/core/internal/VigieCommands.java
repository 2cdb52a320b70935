package org.vigie.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CalibrationJob;
import org.vigie.api.service.CalibrationService;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.HindcastJob;
import org.vigie.api.service.HindcastService;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * Gogo shell commands of the operator, scope {@code vigie} ({@code bin/vigie run --console}; the shell reads the
 * terminal only, nothing listens on the network): {@code stations}, {@code plugins}, {@code cycle}, {@code ingest},
 * {@code calibrate}, {@code hindcast}, {@code jobs}. The GIS bundle adds {@code vigie:export}.
 */
@Component(service = VigieCommands.class, property = {"osgi.command.scope=vigie",
        "osgi.command.function=stations", "osgi.command.function=plugins", "osgi.command.function=cycle",
        "osgi.command.function=ingest", "osgi.command.function=calibrate", "osgi.command.function=hindcast",
        "osgi.command.function=jobs"})
public final class VigieCommands {
    private final CatchmentRegistry catchments;
    private final SeriesStore series;
    private final AlertStore alerts;
    private final PluginRegistry plugins;
    private final ForecastService cycles;
    private final Path home;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CalibrationService calibrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HindcastService hindcasts;

    @Activate
    public VigieCommands(@Reference CatchmentRegistry catchments, @Reference SeriesStore series,
                         @Reference AlertStore alerts, @Reference PluginRegistry plugins,
                         @Reference ForecastService cycles, BundleContext context) {
        this.catchments = catchments;
        this.series = series;
        this.alerts = alerts;
        this.plugins = plugins;
        this.cycles = cycles;
        this.home = Path.of(Optional.ofNullable(context.getProperty("vigie.home")).orElse("."));
    }

    /** {@code vigie:stations}: each station, its vigilance level and latest level and discharge. */
    public String stations() {
        Map<String, VigilanceLevel> levels = alerts.currentLevels();
        StringBuilder text = new StringBuilder(String.format("%-12s %-7s %-22s %-22s %s%n", "station", "level",
                "H (m)", "Q (m3/s)", "name"));
        for (Station station : catchments.stations()) {
            text.append(String.format(Locale.ROOT, "%-12s %-7s %-22s %-22s %s%n", station.code(),
                    levels.getOrDefault(station.code(), VigilanceLevel.GREEN), latest(station, Quantity.H),
                    latest(station, Quantity.Q), station.name()));
        }
        return text.toString();
    }

    private String latest(Station station, Quantity quantity) {
        return series.latest(station.code(), quantity)
                .map(o -> String.format(Locale.ROOT, "%.3f %s", o.value(), o.time().toString().substring(0, 16)))
                .orElse("-");
    }

    /** {@code vigie:plugins}: connectors, models and channels with their bundle version and health. */
    public String plugins() {
        StringBuilder text = new StringBuilder();
        for (PluginInfo plugin : plugins.plugins()) {
            text.append(String.format("%-10s %-28s %-9s %s %s %s%n", plugin.kind(), plugin.id(),
                    plugin.health().status(), plugin.bundle(), plugin.bundleVersion(), plugin.health().message()));
        }
        return text.toString();
    }

    /** {@code vigie:cycle}: runs a forecast cycle now and says what it produced. */
    public String cycle() {
        CycleReport report = cycles.runCycle();
        return "cycle " + report.number() + " issued " + report.issueTime() + ": " + report.produced().size()
                + " forecasts " + report.produced() + (report.failures().isEmpty() ? ""
                : "\nfailures:\n  " + String.join("\n  ", report.failures()));
    }

    /**
     * {@code vigie:ingest FILE}: hands a data file to the connector that reads it — a CSV to {@code data/inbox}, a
     * Sandre XML to {@code data/sandre} — as an atomic move, so the connector never sees half a file.
     */
    public String ingest(String file) throws IOException {
        Path source = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no file " + source);
        }
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        Path folder = home.resolve(name.endsWith(".xml") ? "data/sandre" : name.endsWith(".csv") ? "data/inbox"
                : unsupported(name));
        Files.createDirectories(folder);
        Path partial = folder.resolve(source.getFileName() + ".part");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        Path target = Files.move(partial, folder.resolve(source.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return "handed to " + target + "; its connector reports in the log (rejected lines in "
                + folder.resolve("rejected") + ")";
    }

    private static String unsupported(String name) {
        throw new IllegalArgumentException(name + ": ingest takes .csv (CSV connector) or .xml (Sandre) files");
    }

    /** {@code vigie:calibrate POINT FROM TO [CRITERION]}: starts a calibration job (dates yyyy-MM-dd or instants). */
    public String calibrate(String point, String from, String to, String criterion) {
        CalibrationService service = Optional.ofNullable(calibrations)
                .orElseThrow(() -> new IllegalStateException("the calibration bundle is not running"));
        CalibrationJob job = service.start(point, instant(from), instant(to), criterion, "michel");
        return "calibration " + job.id() + " of " + point + " started; vigie:jobs shows its progress";
    }

    public String calibrate(String point, String from, String to) {
        return calibrate(point, from, to, "NSE");
    }

    /** {@code vigie:hindcast POINT CALIBRATE_FROM CALIBRATE_TO FROM TO}: starts a hindcast job. */
    public String hindcast(String point, String calibrateFrom, String calibrateTo, String from, String to) {
        HindcastService service = Optional.ofNullable(hindcasts)
                .orElseThrow(() -> new IllegalStateException("no hindcast service is running"));
        HindcastJob job = service.start(point, instant(calibrateFrom), instant(calibrateTo), instant(from),
                instant(to));
        return "hindcast " + job.id() + " of " + point + " started; vigie:jobs shows its progress";
    }

    /** {@code vigie:jobs}: calibrations and hindcasts with their state and progress. */
    public String jobs() {
        StringBuilder text = new StringBuilder();
        Optional.ofNullable(calibrations).ifPresent(s -> s.jobs().forEach(j -> text.append(String.format(
                Locale.ROOT, "calibration %s %-20s %-9s %d runs, best %.4f %s%n", j.id(), j.forecastPointId(),
                j.status(), j.runs(), j.bestCriterion(), j.message()))));
        Optional.ofNullable(hindcasts).ifPresent(s -> s.jobs().forEach(j -> text.append(String.format(
                Locale.ROOT, "hindcast    %s %-20s %-9s %.0f %% %s%n", j.id(), j.forecastPointId(), j.status(),
                j.percentDone(), j.message()))));
        return text.isEmpty() ? "no job" : text.toString();
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "': use yyyy-MM-dd or an ISO-8601 instant");
        }
    }
}
