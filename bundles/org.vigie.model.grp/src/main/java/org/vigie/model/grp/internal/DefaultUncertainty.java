package org.vigie.model.grp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.vigie.forecasting.internal.UncertaintyModel;
import org.vigie.model.gr.internal.core.GrModel;

/**
 * The uncertainty a GRP model gives before the forecast point has a hindcast of its own: a table of error-ratio
 * quantiles shipped with the bundle ({@code default-uncertainty-gr4h.txt}, {@code default-uncertainty-gr4j.txt}
 * beside this class), learnt by the forecasting library on an airGR reference basin. Each file's header says how it
 * was made ({@code DefaultUncertaintyGenerator} in the tests writes them). Flows are specific discharges (mm per
 * step), so the table carries over to catchments of other sizes; a hindcast on the point's own history replaces it.
 */
final class DefaultUncertainty {

    private static final Map<GrModel, UncertaintyModel> LOADED = new EnumMap<>(GrModel.class);

    private DefaultUncertainty() {
    }

    /** @return the resource name of a variant's table */
    static String resource(GrModel variant) {
        return "default-uncertainty-" + variant.name().toLowerCase(Locale.ROOT) + ".txt";
    }

    /** @return the default uncertainty of a variant (loaded once) */
    static synchronized UncertaintyModel of(GrModel variant) {
        return LOADED.computeIfAbsent(variant, DefaultUncertainty::load);
    }

    private static UncertaintyModel load(GrModel variant) {
        String name = resource(variant);
        try (InputStream in = DefaultUncertainty.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its default uncertainty table " + name);
            }
            return UncertaintyTables.read(new InputStreamReader(in, StandardCharsets.UTF_8)).toModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default uncertainty table " + name, e);
        }
    }
}
