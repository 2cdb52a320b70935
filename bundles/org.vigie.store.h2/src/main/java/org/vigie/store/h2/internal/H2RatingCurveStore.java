package org.vigie.store.h2.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.api.RatingCurve;
import org.vigie.api.service.RatingCurveStore;

/** Rating curves in table {@code rating_curve}, one row per station and validity start. */
@Component(service = RatingCurveStore.class, property = "vigie.store=h2")
public final class H2RatingCurveStore implements RatingCurveStore {
    private static final String MERGE = "MERGE INTO rating_curve (station_code, valid_from, segments,"
            + " max_gauged_level, origin, saved_at) KEY (station_code, valid_from) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT valid_from, segments, max_gauged_level FROM rating_curve"
            + " WHERE station_code = ? ORDER BY valid_from";

    private final Database database;

    @Activate
    public H2RatingCurveStore(@Reference(name = "database") Database database) {
        this.database = database;
    }

    @Override
    public void save(RatingCurve curve, String origin) {
        Objects.requireNonNull(curve, "curve");
        StringBuilder segments = new StringBuilder();
        for (RatingCurve.Segment s : curve.segments()) {
            // Double.toString reads back to the same double
            segments.append(s.fromLevel()).append(' ').append(s.a()).append(' ').append(s.h0()).append(' ')
                    .append(s.b()).append('\n');
        }
        database.inTransaction("save the rating curve of " + curve.stationCode() + " from " + curve.validFrom(),
                connection -> {
                    try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                        merge.setString(1, curve.stationCode());
                        merge.setLong(2, EpochNanos.of(curve.validFrom()));
                        merge.setString(3, segments.toString());
                        merge.setDouble(4, curve.maxGaugedLevel());
                        merge.setString(5, origin == null ? "" : origin);
                        merge.setLong(6, EpochNanos.of(Instant.now()));
                        merge.executeUpdate();
                    }
                    return null;
                });
    }

    @Override
    public List<RatingCurve> curves(String stationCode) {
        return database.withConnection("read the rating curves of " + stationCode, connection -> {
            List<RatingCurve> curves = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, stationCode);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        List<RatingCurve.Segment> segments = new ArrayList<>();
                        for (String line : row.getString(2).split("\n")) {
                            String[] n = line.trim().split(" ");
                            segments.add(new RatingCurve.Segment(Double.parseDouble(n[0]), Double.parseDouble(n[1]),
                                    Double.parseDouble(n[2]), Double.parseDouble(n[3])));
                        }
                        curves.add(new RatingCurve(stationCode, EpochNanos.toInstant(row.getLong(1)), segments,
                                row.getDouble(3)));
                    }
                }
            }
            return curves;
        });
    }
}
