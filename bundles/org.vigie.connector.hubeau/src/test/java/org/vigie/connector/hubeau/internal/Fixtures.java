package org.vigie.connector.hubeau.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded Hub'Eau answers for the Loire at Blois, read from the shared data folder beside the repository; they
 * are never copied into it. A test that needs them is skipped when the folder is absent.
 */
final class Fixtures {

    static final Path FOLDER = Path.of("../../../shared/data/hubeau-hydrometrie-fixtures-loire-blois");
    static final String STATION = "K447001001";
    static final String H_PAGE = "observations_tr_K447001001_H_2026-09-13.json";
    static final String Q_PAGE = "observations_tr_K447001001_Q_2026-09-13.json";
    static final String SITE_PAGE = "observations_tr_site_K4470010_2026-09-13.json";
    /** obs_elab QmnJ from 2026-08-01, size=3: 2026-08-01..03, 48524.0, 48404.0, 48233.0 l/s; 206 with a next link. */
    static final String ELAB_SINCE_AUGUST = "obs_elab_K447001001_depuis_2026-08-01_2026-09-13.json";
    /** obs_elab QmnJ without a start date, size=2: 1900-01-01 and 02, 155000.0 l/s, validated (code_statut 16). */
    static final String ELAB_FROM_1900 = "obs_elab_K447001001_sans_date_debut_2026-09-13.json";
    /** obs_elab QmnJ from 2026-09-01: the real empty answer (count 0, data [], next null). */
    static final String ELAB_EMPTY = "obs_elab_K447001001_depuis_2026-09-01_2026-09-13.json";
    /** Host of the {@code next} links in the recordings; tests point them at their own server. */
    static final String RECORDED_HOST = "https://hubeau.eaufrance.fr";

    private Fixtures() {
    }

    static String read(String fileName) {
        Path file = FOLDER.resolve(fileName);
        assumeTrue(Files.isRegularFile(file), () -> "Hub'Eau fixture " + file.toAbsolutePath().normalize()
                + " is absent (shared data folder not available); skipping the test that needs it");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
