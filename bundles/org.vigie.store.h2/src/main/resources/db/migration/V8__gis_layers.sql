-- Vigie store schema, version 8: layers of geometries (catchment outlines, rivers, flood-extent scenarios,
-- stakes…) for the GIS bundle, all in Lambert-93 (EPSG:2154).
CREATE TABLE gis_layer (
    name          VARCHAR(63) PRIMARY KEY,
    kind          VARCHAR(20) NOT NULL,
    catchment     VARCHAR(100),
    source        VARCHAR(1000) NOT NULL,
    settings      VARCHAR(10000) NOT NULL,
    geometry_type VARCHAR(40) NOT NULL,
    feature_count INT NOT NULL,
    imported_at   BIGINT NOT NULL,
    report        CLOB NOT NULL
);

-- properties: one "name<TAB>type<TAB>value" line per attribute, in source order (type S, L, D, B or N for null)
CREATE TABLE gis_feature (
    layer      VARCHAR(63) NOT NULL REFERENCES gis_layer (name) ON DELETE CASCADE,
    seq        INT NOT NULL,
    feature_id VARCHAR(200) NOT NULL,
    geom       GEOMETRY NOT NULL,
    properties CLOB NOT NULL,
    PRIMARY KEY (layer, seq),
    UNIQUE (layer, feature_id)
);

CREATE SPATIAL INDEX gis_feature_geom ON gis_feature (geom);
