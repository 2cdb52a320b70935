package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR4J behind CemaNeige, daily, as the {@code cemaneige-gr4j} model. */
@Component(service = RiverModel.class)
public class CemaNeigeGr4jModel extends CemaNeigeRiverModel {
    public CemaNeigeGr4jModel() {
        super(GrModel.GR4J);
    }
}
