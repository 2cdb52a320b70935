package org.vigie.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the file-based commands of {@code bin/vigie}: they read and write files and never start the
 * platform. Exit status: 0 done, 1 failed while working, 2 the command line is wrong.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage:",
            "  bin/vigie model run --model GR4J|GR4H|GR5J|GR5H|GR6J --param X1=… … [--param X5=… --param X6=…]",
            "                      [--param Imax=…  (GR5H's interception store)]",
            "  bin/vigie model run --model CemaNeigeGR4J|CemaNeigeGR5J|CemaNeigeGR6J … --param CTG=… --param Kf=…",
            "                      [--param Gacc=… --param Prct=…  (hysteresis)]",
            "                      --hypsometry BasinInfo.txt [--layers 5]   (input needs a T column, in °C)",
            "                      --input BasinObs.csv --run-from DATE --run-to DATE --out outputs.csv",
            "                      [--warmup-from DATE --warmup-to DATE | --warmup none]",
            "                      [--state-in state.csv] [--state-out state.csv]",
            "  bin/vigie calibrate --model GR4J|GR4H|GR5J|GR5H|GR6J|CemaNeigeGR4J|… [--hypsometry … --layers 5] --input BasinObs.csv --run-from DATE --run-to DATE",
            "                      [--warmup-from DATE --warmup-to DATE | --warmup none] [--obs Qmm]",
            "                      [--criterion NSE|KGE|KGE2|RMSE] [--transform sqrt|log|inv|boxcox|^p]",
            "                      [--method michel|cmaes] --out params.csv      (progress on stderr)",
            "  bin/vigie diagnose --input series.csv --quantity Q|H|P --out flags.csv [--report report.html]",
            "                      [--plot plot.png|plot.svg] [--step PT1H]",
            "                      (input time,value in ISO-8601 UTC; output time,value,flags)",
            "  bin/vigie hindcast --input data.csv --model GR4H --calibrate-from DATE --calibrate-to DATE",
            "                      --from DATE --to DATE --leads 1-24 --out metrics.csv [--report report.html|.md]",
            "                      [--area KM2 (Q in m³/s)] [--thresholds Q1,Q2] [--upstream COL (ignored by GR)]",
            "                      [--params params.csv] [--scenario observed|zero] [--criterion NSE|KGE|KGE2]",
            "                      [--band 10,90] [--flow-classes 50,80,95|none] [--error-order 2] [--boxcox 0.5]",
            "                      [--reset match-total|proportional|none] [--events 5] [--forecasts all.csv]",
            "                      (input time,P,E,Q[,upstream…] regular UTC, P and E in mm per step;",
            "                       progress on stderr; docs/forecasting.md)",
            "  bin/vigie rating --input gaugings.csv --station CODE --valid-from INSTANT --out curve.json",
            "                      [--segments N]   (input H,Q in m and m³/s; output a catchment ratingCurves entry)",
            "  bin/vigie export --out DIR [--format geojson|gpkg|shp|kml|csv|all (repeatable; default all)]",
            "                      [--crs 4326|2154] [--layers stations,catchments,flood-extent,impacted-stakes]",
            "                      [--url http://127.0.0.1:8080]   (GIS overlays of a running Vigie; docs/gis.md)",
            "  bin/vigie passwd NAME [--add-to config/org.vigie.web.security.config]",
            "                      (password typed twice, or piped; prints the users=[…] line or adds the user)",
            "  bin/vigie passwd --token NAME [--add-to FILE]   (a random API token, shown once)",
            "  DATE is yyyy-MM-dd (or an ISO-8601 instant for hourly data); --run-to is inclusive.",
            "  Input columns as airGR's example files: DatesR,P,E[,…] in mm per time step.");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.size() >= 2 && args.get(0).equals("model") && args.get(1).equals("run")) {
                ModelRunCommand.run(args.subList(2, args.size()), out, err);
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("diagnose")) {
                DiagnoseCommand.run(args.subList(1, args.size()), out, err);
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("rating")) {
                RatingCommand.run(args.subList(1, args.size()), out, err);
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("hindcast")) {
                HindcastCommand.run(args.subList(1, args.size()), out, err);
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("passwd")) {
                PasswdCommand.run(args.subList(1, args.size()), System.in, out, err);
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("export")) {
                ExportCommand.run(args.subList(1, args.size()), out, err);
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("calibrate")) {
                CalibrateCommand.run(args.subList(1, args.size()), out, err);
                return 0;
            }
            throw new CommandLine.UsageException(args.isEmpty() ? "no command given" : "unknown command '"
                    + String.join(" ", args.subList(0, Math.min(2, args.size()))) + "'");
        } catch (CommandLine.UsageException e) {
            err.println("vigie: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("vigie: " + e.getMessage());
            return 2;
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
            err.println("vigie: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("vigie: interrupted");
            return 1;
        }
    }
}
