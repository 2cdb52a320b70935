package org.vigie.gis.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vigie.gis.internal.ogc.OgcFeatures;
import org.vigie.gis.internal.ogc.OgcFeaturesServlet;

import jakarta.servlet.Servlet;

/** Serves every GIS layer as OGC API – Features under {@code /ogc}, for QGIS, GDAL and web maps to read live. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/ogc", "/ogc/*"})
public final class OgcEndpoint extends OgcFeaturesServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public OgcEndpoint(@Reference(name = "layers") LayerSource layers) {
        super(new OgcFeatures(layers, "Vigie — situation des crues et couches SIG"));
    }
}
