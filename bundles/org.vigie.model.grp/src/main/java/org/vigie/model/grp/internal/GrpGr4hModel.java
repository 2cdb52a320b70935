package org.vigie.model.grp.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR4H, hourly, with GRP-style updating and uncertainty, as the {@code grp-gr4h} model. */
@Component(service = RiverModel.class)
public class GrpGr4hModel extends GrpRiverModel {
    public GrpGr4hModel() {
        super(GrModel.GR4H);
    }
}
