package org.vigie.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.api.Forecast;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Threshold;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ForecastArchive;

/**
 * The latest forecasts of a station's forecast points, as the duty officer reads them: values and quantiles per
 * lead time, and for each threshold of the forecast quantity the probability of exceeding it at each lead.
 */
final class StationForecasts {

    private final CatchmentRegistry catchments;
    private final ForecastArchive forecasts;

    StationForecasts(CatchmentRegistry catchments, ForecastArchive forecasts) {
        this.catchments = catchments;
        this.forecasts = forecasts;
    }

    /** @return the view, or empty when no forecast point of the station has a forecast yet */
    Optional<Map<String, Object>> of(String stationCode) {
        List<Forecast> latest = new ArrayList<>();
        for (ForecastPoint point : catchments.forecastPoints()) {
            if (point.stationCode().equals(stationCode)) {
                forecasts.latest(point.id()).ifPresent(latest::add);
                // a discharge forecast point also has its level forecast, through the station's rating curve
                forecasts.latest(point.id() + "/H").ifPresent(latest::add);
            }
        }
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Forecast f : latest) {
            runs.add(run(stationCode, f));
        }
        return Optional.of(Map.of("station", stationCode, "forecasts", runs));
    }

    private Map<String, Object> run(String stationCode, Forecast f) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("forecastPoint", f.forecastPointId());
        run.put("quantity", f.quantity());
        run.put("unit", f.quantity().unit());
        run.put("model", f.modelId());
        run.put("modelVersion", f.modelVersion());
        run.put("issueTime", f.issueTime());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("lead", f.leadTimes().get(i));
            step.put("time", f.validTime(i));
            step.put("value", f.value(i));
            final int lead = i;
            f.quantiles().forEach((p, v) -> step.put("q" + Math.round(p * 100), v[lead]));
            steps.add(step);
        }
        run.put("values", steps);
        List<Map<String, Object>> exceedance = new ArrayList<>();
        for (Threshold threshold : catchments.thresholds(stationCode, f.quantity())) {
            if (threshold.kind() != Threshold.Kind.LEVEL) {
                continue; // a rate of rise is not a value a forecast can exceed
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("level", threshold.level());
            item.put("value", threshold.value());
            item.put("label", threshold.label());
            if (threshold.hasLocalLevel()) {
                item.put("localLevel", threshold.localLevel());
            }
            item.put("probabilities", f.exceedanceProbabilities(threshold.value()));
            exceedance.add(item);
        }
        run.put("exceedance", exceedance);
        return run;
    }
}
