package org.vigie.model.grp.internal;

import java.util.Locale;
import java.util.Optional;

import org.vigie.model.gr.internal.core.GrModel;

/** The GR variants this bundle runs with GRP-style updating, and their model ids ({@code grp-gr4h}, {@code grp-gr4j}). */
final class GrpModels {

    static final String PREFIX = "grp-";

    private GrpModels() {
    }

    /** @return the model id of a variant, e.g. {@code grp-gr4h} */
    static String id(GrModel variant) {
        return PREFIX + variant.name().toLowerCase(Locale.ROOT);
    }

    /** @return the GR variant behind a model id, if this bundle runs it */
    static Optional<GrModel> variant(String modelId) {
        for (GrModel variant : new GrModel[] {GrModel.GR4H, GrModel.GR4J}) {
            if (id(variant).equals(modelId)) {
                return Optional.of(variant);
            }
        }
        return Optional.empty();
    }
}
