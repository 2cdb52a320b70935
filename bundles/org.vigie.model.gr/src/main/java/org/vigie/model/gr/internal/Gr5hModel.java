package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR5H, hourly, with an optional interception store, as the {@code gr5h} model. */
@Component(service = RiverModel.class)
public class Gr5hModel extends GrRiverModel {
    public Gr5hModel() {
        super(GrModel.GR5H);
    }
}
