package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR5J, daily, as the {@code gr5j} model. */
@Component(service = RiverModel.class)
public class Gr5jModel extends GrRiverModel {
    public Gr5jModel() {
        super(GrModel.GR5J);
    }
}
