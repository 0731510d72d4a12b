package com.scratch.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads API Gateway's proxy event from the invocation's bytes and writes the answer, with plain Jackson trees read by
 * {@link JsonTrees}: no ObjectMapper, no bean introspection, no reflection, nothing the runtime's own event serialiser
 * loads. Unknown fields are ignored
 * (API Gateway adds some now and then, e.g. {@code identity.clientCert}); a field we read with the wrong type is an
 * error that names it.
 */
public final class ProxyEvents {

    private ProxyEvents() {
    }

    /** @throws MalformedProxyEventException naming what is wrong, when the bytes are not a proxy event */
    public static ProxyRequest read(InputStream payload) throws IOException {
        JsonNode event;
        try {
            event = JsonTrees.read(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedProxyEventException("The invocation's payload is not JSON", e);
        }
        return read(event);
    }

    /** The same from bytes already read. */
    public static ProxyRequest read(byte[] payload) {
        try {
            return read(JsonTrees.read(payload));
        } catch (JsonProcessingException e) {
            throw new MalformedProxyEventException("The invocation's payload is not JSON", e);
        }
    }

    private static ProxyRequest read(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new MalformedProxyEventException("The invocation's payload is not an API Gateway proxy event: "
                    + "a JSON object is expected, was " + (event == null || event.isMissingNode() ? "nothing" : event.getNodeType()),
                    null);
        }
        JsonNode context = object(event, "requestContext");
        JsonNode identity = context == null ? null : object(context, "identity");
        return new ProxyRequest(text(event, "httpMethod"), text(event, "path"), headers(event), multiValueHeaders(event),
                text(event, "body"), bool(event, "isBase64Encoded"),
                context == null ? null : text(context, "requestContext.", "requestId"),
                identity == null ? CallerIdentity.NONE : new CallerIdentity(
                        text(identity, "requestContext.identity.", "cognitoIdentityId"),
                        text(identity, "requestContext.identity.", "userArn"),
                        text(identity, "requestContext.identity.", "caller")));
    }

    /** Writes {@code {"statusCode": ..., "headers": {...}, "body": "...", "isBase64Encoded": false}}. */
    public static void write(ProxyResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonTrees.generator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.statusCode());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeStringField("body", response.body());
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
    }

    private static Map<String, String> headers(JsonNode event) {
        JsonNode headers = object(event, "headers");
        Map<String, String> values = new LinkedHashMap<>();
        if (headers != null) {
            headers.fields().forEachRemaining(header ->
                    values.put(header.getKey(), text(headers, "headers.", header.getKey())));
        }
        return values;
    }

    private static Map<String, List<String>> multiValueHeaders(JsonNode event) {
        JsonNode headers = object(event, "multiValueHeaders");
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (headers == null) {
            return values;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode list = header.getValue();
            if (list.isNull()) {
                values.put(header.getKey(), null);
                continue;
            }
            if (!list.isArray()) {
                throw wrongType("multiValueHeaders." + header.getKey(), "an array of strings", list);
            }
            List<String> texts = new ArrayList<>(list.size());
            for (JsonNode value : list) {
                if (!value.isTextual() && !value.isNull()) {
                    throw wrongType("multiValueHeaders." + header.getKey(), "an array of strings", list);
                }
                texts.add(value.isNull() ? null : value.asText());
            }
            values.put(header.getKey(), texts);
        }
        return values;
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(field, "an object", value);
        }
        return value;
    }

    private static String text(JsonNode parent, String field) {
        return text(parent, "", field);
    }

    private static String text(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(path + field, "a string", value);
        }
        return value.asText();
    }

    private static boolean bool(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false", value);
        }
        return value.asBoolean();
    }

    private static MalformedProxyEventException wrongType(String field, String expected, JsonNode value) {
        // The type only, never the value: a header may carry a credential.
        return new MalformedProxyEventException("The proxy event's " + field + " must be " + expected + ", was "
                + value.getNodeType(), null);
    }
}
