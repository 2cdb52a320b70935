package org.vigie.connector.hubeau.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.vigie.api.Observation;

/**
 * One page of a Hub'Eau answer ({@code observations_tr} or {@code obs_elab}), already in Vigie's units.
 *
 * @param observations the rows of the configured station that could be read
 * @param rowCount     how many rows the page held, read or skipped; paging stops at an empty page
 * @param skippedRows  rows left out: another station, a site-level row (null code_station), missing values
 * @param next         the cursor link to the following page, if Hub'Eau gave one
 */
record HubEauPage(List<Observation> observations, int rowCount, int skippedRows, Optional<URI> next) {

    HubEauPage {
        observations = List.copyOf(observations);
    }
}
