package org.vigie.model.gr.internal;

import org.osgi.service.component.annotations.Component;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;

/** GR6J behind CemaNeige, daily, as the {@code cemaneige-gr6j} model. */
@Component(service = RiverModel.class)
public class CemaNeigeGr6jModel extends CemaNeigeRiverModel {
    public CemaNeigeGr6jModel() {
        super(GrModel.GR6J);
    }
}
