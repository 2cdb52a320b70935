package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR4J, daily, as the {@code gr4j} model. */
@Component(service = RiverModel.class)
public class Gr4jModel extends GrRiverModel {
    public Gr4jModel() {
        super(GrModel.GR4J);
    }
}
