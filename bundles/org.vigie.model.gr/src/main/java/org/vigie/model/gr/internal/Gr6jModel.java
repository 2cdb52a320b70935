package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR6J, daily, as the {@code gr6j} model. */
@Component(service = RiverModel.class)
public class Gr6jModel extends GrRiverModel {
    public Gr6jModel() {
        super(GrModel.GR6J);
    }
}
