package org.vigie.gis.internal.ogc;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The OpenAPI 3.0 definition of {@link OgcFeatures} (conformance class oas30): its paths and parameters. */
final class OpenApiDocument {
    private static final String PARAMETERS = "#/components/parameters/";
    private static final String RESPONSES = "#/components/responses/";

    private OpenApiDocument() {
    }

    static ObjectNode build(ObjectMapper mapper, String title, String baseUrl, List<String> collectionIds) {
        ObjectNode api = mapper.createObjectNode();
        api.put("openapi", "3.0.3");
        api.putObject("info").put("title", title).put("version", "1.0.0")
                .put("description", "OGC API - Features, Part 1: Core, GeoJSON in CRS84");
        api.putArray("servers").addObject().put("url", baseUrl);

        ObjectNode paths = api.putObject("paths");
        operation(paths, "/", "getLandingPage", "Landing page", "json", "f");
        operation(paths, "/conformance", "getConformanceDeclaration", "Conformance classes", "json", "f");
        operation(paths, "/api", "getApiDefinition", "This API definition", "openapi", "f");
        operation(paths, "/collections", "getCollections", "Feature collections", "json", "f");
        operation(paths, "/collections/{collectionId}", "describeCollection", "One feature collection", "json",
                "collectionId", "f");
        operation(paths, "/collections/{collectionId}/items", "getFeatures", "Features of a collection", "features",
                "collectionId", "limit", "offset", "bbox", "bbox-crs", "datetime", "f");
        operation(paths, "/collections/{collectionId}/items/{featureId}", "getFeature", "One feature", "feature",
                "collectionId", "featureId", "f");

        ObjectNode components = api.putObject("components");
        ObjectNode parameters = components.putObject("parameters");
        ObjectNode collectionId = parameter(parameters, "collectionId", "path", "Identifier of a collection");
        collectionId.put("required", true);
        ArrayNode ids = collectionId.putObject("schema").put("type", "string").putArray("enum");
        collectionIds.forEach(ids::add);
        parameter(parameters, "featureId", "path", "Identifier of a feature").put("required", true)
                .putObject("schema").put("type", "string");
        parameter(parameters, "limit", "query", "Features per page; larger values are reduced to the maximum")
                .putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", OgcFeatures.MAX_LIMIT)
                .put("default", OgcFeatures.DEFAULT_LIMIT);
        parameter(parameters, "offset", "query", "Features skipped (paging; follow the next link)")
                .putObject("schema").put("type", "integer").put("minimum", 0).put("default", 0);
        ObjectNode bbox = parameter(parameters, "bbox", "query",
                "Only features intersecting minLon,minLat,maxLon,maxLat (CRS84); 6 numbers with heights accepted");
        bbox.put("style", "form").put("explode", false);
        bbox.putObject("schema").put("type", "array").put("minItems", 4).put("maxItems", 6)
                .putObject("items").put("type", "number");
        parameter(parameters, "bbox-crs", "query", "CRS of bbox; CRS84 only").putObject("schema")
                .put("type", "string").put("format", "uri").putArray("enum").add(OgcFeatures.CRS84);
        parameter(parameters, "datetime", "query",
                "Instant or interval (RFC 3339, '..' for an open end); the layers carry no time, so it restricts "
                        + "nothing").putObject("schema").put("type", "string");
        parameter(parameters, "f", "query", "Format of the response").putObject("schema")
                .put("type", "string").putArray("enum").add("json");

        ObjectNode responses = components.putObject("responses");
        response(responses, "json", "A JSON document", OgcFeatures.JSON);
        response(responses, "openapi", "The OpenAPI 3.0 definition", OgcFeatures.OPENAPI);
        response(responses, "features", "A GeoJSON FeatureCollection in CRS84 with paging links",
                OgcFeatures.GEOJSON);
        response(responses, "feature", "A GeoJSON Feature in CRS84", OgcFeatures.GEOJSON);
        ObjectNode errorSchema = response(responses, "error", "An error: {code, description}", OgcFeatures.JSON);
        errorSchema.putArray("required").add("code");
        ObjectNode properties = errorSchema.putObject("properties");
        properties.putObject("code").put("type", "string");
        properties.putObject("description").put("type", "string");
        return api;
    }

    private static void operation(ObjectNode paths, String path, String operationId, String summary,
                                  String response, String... parameters) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", operationId).put("summary", summary);
        ArrayNode references = get.putArray("parameters");
        for (String parameter : parameters) {
            references.addObject().put("$ref", PARAMETERS + parameter);
        }
        ObjectNode answers = get.putObject("responses");
        answers.putObject("200").put("$ref", RESPONSES + response);
        answers.putObject("400").put("$ref", RESPONSES + "error"); // unknown parameters, too
        if (path.contains("{")) {
            answers.putObject("404").put("$ref", RESPONSES + "error");
        }
        answers.putObject("406").put("$ref", RESPONSES + "error");
    }

    private static ObjectNode parameter(ObjectNode parameters, String name, String in, String description) {
        return parameters.putObject(name).put("name", name).put("in", in).put("description", description);
    }

    /** @return the schema of the response's body */
    private static ObjectNode response(ObjectNode responses, String name, String description, String mediaType) {
        return responses.putObject(name).put("description", description)
                .putObject("content").putObject(mediaType).putObject("schema").put("type", "object");
    }
}
