package com.scratch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpression;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code schemas/note-purchased-v1.json} and a validator that reads it as JSON Schema 2020-12 says, the judge of
 * what a valid event is in these tests.
 *
 * <p>Two settings bring the networknt validator to the specification. Format assertions are on, so
 * {@code date-time} is checked. Patterns get ECMA-262's {@code $}, which only matches at the end of the input:
 * networknt runs them with {@code java.util.regex}, where {@code $} also matches before a final line break, so
 * {@code "usd\n"} would pass {@code ^[a-z]{3}$}. And numbers are read as exact decimals, as JSON writes them: as
 * doubles, {@code 9223372036854775808.0} rounds down to the largest amount and passes its maximum.
 */
final class V1Schema {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String RESOURCE = "schemas/note-purchased-v1.json";
    private static final JsonNode DOCUMENT = parse(Fixtures.read(RESOURCE));
    private static final JsonSchema VALIDATOR = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(DOCUMENT, SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .regularExpressionFactory(V1Schema::withEcmaEnd)
                    .build());

    private V1Schema() {
    }

    /** The schema itself, for tests that derive their cases from it. */
    static JsonNode document() {
        return DOCUMENT;
    }

    static Set<ValidationMessage> validate(String json) {
        return VALIDATOR.validate(parse(json));
    }

    static boolean accepts(String json) {
        return validate(json).isEmpty();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegularExpression withEcmaEnd(String regex) {
        Pattern pattern = Pattern.compile(javaForEcmaEnd(regex));
        return value -> pattern.matcher(value).find();
    }

    /** Writes each {@code $} that is an anchor (not escaped, not in a class) as {@code \z}: the end, only. */
    private static String javaForEcmaEnd(String regex) {
        StringBuilder java = new StringBuilder();
        boolean escaped = false;
        boolean inClass = false;
        for (char c : regex.toCharArray()) {
            if (c == '$' && !escaped && !inClass) {
                java.append("\\z");
                continue;
            }
            if (!escaped) {
                inClass = c == '[' || (inClass && c != ']');
            }
            escaped = !escaped && c == '\\';
            java.append(c);
        }
        return java.toString();
    }
}
