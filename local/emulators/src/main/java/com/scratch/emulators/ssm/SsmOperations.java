package com.scratch.emulators.ssm;

import com.scratch.emulators.iam.LocalAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.internal.HttpReply;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** The five SSM operations, from a parsed JSON request to a JSON reply, against a {@link ParameterVault}. */
final class SsmOperations {

    private static final String ARN_PREFIX = "arn:" + LocalAccount.PARTITION + ":ssm:" + LocalAccount.REGION + ":"
            + LocalAccount.ACCOUNT_ID + ":parameter/";
    // Exact decimals: the default factory may strip zeros and print 1.71803562E+9, which is no timestamp.
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private final ParameterVault vault;
    private final OpaqueCiphertext ciphertext = new OpaqueCiphertext();
    private final Clock clock;
    // Versions and the overwrite check need read-then-write; one lock keeps them consistent.
    private final Object writeLock = new Object();

    SsmOperations(ParameterVault vault, Clock clock) {
        this.vault = Objects.requireNonNull(vault, "vault == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    HttpReply handle(String operation, JsonNode request) {
        ObjectNode response = switch (operation) {
            case "GetParameter" -> getParameter(request);
            case "GetParameters" -> getParameters(request);
            case "GetParametersByPath" -> getParametersByPath(request);
            case "PutParameter" -> putParameter(request);
            case "DeleteParameter" -> deleteParameter(request);
            default -> throw SsmErrors.error(400, "InvalidAction",
                    "The action or operation requested is invalid. Verify that the action is typed correctly.");
        };
        return HttpReply.of(200, SsmErrors.CONTENT_TYPE, response.toString());
    }

    /** Writes a parameter the way PutParameter does; throws {@code ParameterAlreadyExists} when not allowed. */
    VaultEntry put(String name, String value, ParameterType type, boolean overwrite) {
        synchronized (writeLock) {
            VaultEntry existing = vault.find(name).orElse(null);
            if (existing != null && !overwrite) {
                throw SsmErrors.error(400, "ParameterAlreadyExists",
                        "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
            }
            if (type == null && existing == null) {
                throw SsmErrors.validation("A parameter type is required when you create a parameter.");
            }
            VaultEntry written = new VaultEntry(name,
                    type != null ? type : existing.type(),
                    value,
                    existing == null ? 1 : existing.version() + 1,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            vault.save(written);
            return written;
        }
    }

    private ObjectNode getParameter(JsonNode request) {
        String name = requiredText(request, "Name", "name");
        VaultEntry parameter = vault.find(name).orElseThrow(() -> SsmErrors.parameterNotFound(name));
        ObjectNode response = object();
        response.set("Parameter", toJson(parameter, withDecryption(request)));
        return response;
    }

    private ObjectNode getParameters(JsonNode request) {
        JsonNode names = request.get("Names");
        if (names == null || !names.isArray()) {
            throw SsmErrors.missingMember("names");
        }
        boolean decrypt = withDecryption(request);
        ArrayNode found = JSON.arrayNode();
        ArrayNode invalid = JSON.arrayNode();
        for (JsonNode name : names) {
            vault.find(name.asText()).ifPresentOrElse(
                    parameter -> found.add(toJson(parameter, decrypt)),
                    () -> invalid.add(name.asText()));
        }
        ObjectNode response = object();
        response.set("InvalidParameters", invalid);
        response.set("Parameters", found);
        return response;
    }

    private ObjectNode getParametersByPath(JsonNode request) {
        ParameterPathQuery query = ParameterPathQuery.from(request);
        List<VaultEntry> matching = vault.all().stream().filter(query::matches).toList();
        int from = query.offset();
        int to = Math.min(from + query.maxResults(), matching.size());
        boolean decrypt = withDecryption(request);
        ArrayNode page = JSON.arrayNode();
        for (VaultEntry parameter : matching.subList(Math.min(from, to), to)) {
            page.add(toJson(parameter, decrypt));
        }
        ObjectNode response = object();
        if (to < matching.size()) {
            response.put("NextToken", ParameterPathQuery.tokenFor(to));
        }
        response.set("Parameters", page);
        return response;
    }

    private ObjectNode putParameter(JsonNode request) {
        String name = requiredText(request, "Name", "name");
        String value = requiredText(request, "Value", "value");
        ParameterType type = null;
        if (request.hasNonNull("Type")) {
            String wireType = request.get("Type").asText();
            type = ParameterType.fromWireName(wireType).orElseThrow(() -> SsmErrors.validation(
                    "1 validation error detected: Value '" + wireType + "' at 'type' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [SecureString, StringList, String]"));
        }
        VaultEntry written = put(name, value, type, request.path("Overwrite").asBoolean(false));
        ObjectNode response = object();
        response.put("Tier", "Standard");
        response.put("Version", written.version());
        return response;
    }

    private ObjectNode deleteParameter(JsonNode request) {
        String name = requiredText(request, "Name", "name");
        synchronized (writeLock) {
            if (!vault.delete(name)) {
                throw SsmErrors.parameterNotFound(name);
            }
        }
        return object();
    }

    private ObjectNode toJson(VaultEntry parameter, boolean decrypt) {
        boolean hideValue = parameter.type() == ParameterType.SECURE_STRING && !decrypt;
        ObjectNode json = object();
        json.put("Name", parameter.name());
        json.put("Type", parameter.type().wireName());
        json.put("Value", hideValue ? ciphertext.of(parameter) : parameter.value());
        json.put("Version", parameter.version());
        // Epoch seconds with a fraction: the SDK reads milliseconds as seconds without complaint.
        json.put("LastModifiedDate", BigDecimal.valueOf(parameter.lastModified().toEpochMilli(), 3));
        json.put("ARN", arnOf(parameter.name()));
        json.put("DataType", "text");
        return json;
    }

    private static String requiredText(JsonNode request, String field, String memberName) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw SsmErrors.missingMember(memberName);
        }
        return value.asText();
    }

    private static boolean withDecryption(JsonNode request) {
        return request.path("WithDecryption").asBoolean(false);
    }

    private static String stripLeadingSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static ObjectNode object() {
        return JSON.objectNode();
    }

    /** The parameter's ARN: a name {@code /a/b} becomes {@code ...:parameter/a/b}, as IAM sees it. */
    static String arnOf(String name) {
        return ARN_PREFIX + stripLeadingSlash(name);
    }
}
