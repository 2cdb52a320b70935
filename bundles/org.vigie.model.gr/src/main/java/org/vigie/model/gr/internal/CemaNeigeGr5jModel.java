package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR5J behind CemaNeige, daily, as the {@code cemaneige-gr5j} model. */
@Component(service = RiverModel.class)
public class CemaNeigeGr5jModel extends CemaNeigeRiverModel {
    public CemaNeigeGr5jModel() {
        super(GrModel.GR5J);
    }
}
