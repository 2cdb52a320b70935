package org.vigie.model.grp.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR4J, daily, with GRP-style updating and uncertainty, as the {@code grp-gr4j} model. */
@Component(service = RiverModel.class)
public class GrpGr4jModel extends GrpRiverModel {
    public GrpGr4jModel() {
        super(GrModel.GR4J);
    }
}
