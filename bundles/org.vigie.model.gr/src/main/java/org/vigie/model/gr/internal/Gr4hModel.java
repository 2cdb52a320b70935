package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR4H, hourly, as the {@code gr4h} model. */
@Component(service = RiverModel.class)
public class Gr4hModel extends GrRiverModel {
    public Gr4hModel() {
        super(GrModel.GR4H);
    }
}
