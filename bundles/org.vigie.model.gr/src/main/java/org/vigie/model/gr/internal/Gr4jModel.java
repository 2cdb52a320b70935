package org.vigie.model.gr.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR4J, daily, as the {@code gr4j} model. */
@Component(service = RiverModel.class)
public class Gr4jModel extends Gr4RiverModel {
    public Gr4jModel() {
        super(GrModel.GR4J, Duration.ofDays(1), "d", 20);
    }
}
