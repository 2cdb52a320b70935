package org.vigie.api.service;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.RatingCurve;

/**
 * Every station's stage–discharge curves with their validity: a new curve applies from its {@code validFrom} on and
 * older data keep the curve of their time ({@link RatingCurve#applicableAt}).
 *
 * @since 1.1
 */
@ProviderType
public interface RatingCurveStore {

    /**
     * Saves a curve; a curve of the same station valid from the same instant is replaced (a re-fit).
     *
     * @param origin how it was obtained, e.g. "fitted on 42 gaugings 2024-01..2024-12"
     * @throws StoreException when it could not be saved
     */
    void save(RatingCurve curve, String origin);

    /** @return the station's curves, oldest {@code validFrom} first */
    List<RatingCurve> curves(String stationCode);
}
