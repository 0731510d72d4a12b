package com.scratch.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Our reading and writing of trees, held to an ObjectMapper's (the test may build one; the functions must not). */
class JsonTreesTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "[]",
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
        "{\"int\":2147483647,\"long\":2147483648,\"big\":92233720368547758080,\"neg\":-5}",
        "{\"fraction\":21.50,\"exponent\":1e3,\"tiny\":9223372036854775808.0,\"zero\":0.0}",
        "{\"text\":\"quote \\\" backslash \\\\ newline \\n tab \\t control \\u0001 unicode é 😀 \\u2028\"}",
        "{\"same\":1,\"same\":2}",
        "\"just text\"",
        "42",
        "  [ 1 , { \"nested\" : [ [ ] ] } ]  "
    })
    void readsAndWritesAsAnObjectMapperDoes(String json) throws IOException {
        JsonNode mappers = MAPPER.readTree(json);

        JsonNode fromText = JsonTrees.read(json);
        JsonNode fromBytes = JsonTrees.read(json.getBytes(StandardCharsets.UTF_8));
        JsonNode fromStream = JsonTrees.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(fromText).isEqualTo(mappers);
        assertThat(fromBytes).isEqualTo(mappers);
        assertThat(fromStream).isEqualTo(mappers);
        assertThat(JsonTrees.write(fromText)).isEqualTo(mappers.toString());
    }

    @Test
    void keepsNumbersWithAFractionExact() throws JsonProcessingException {
        JsonNode number = JsonTrees.read("{\"n\":9223372036854775808.0}").get("n");

        assertThat(number.isBigDecimal()).isTrue();
        assertThat(number.decimalValue()).isEqualByComparingTo(new BigDecimal("9223372036854775808"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} {\"b\":2}", "{\"a\":1}x", "[1]]", "1 2"})
    void refusesAnythingAfterTheValue(String json) {
        assertThatThrownBy(() -> JsonTrees.read(json))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":", "{a:1}", "[1,]", "{\"a\":1,}", "nul", "'text'"})
    void refusesWhatIsNotJson(String json) {
        assertThatThrownBy(() -> JsonTrees.read(json)).isInstanceOf(JsonProcessingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void readsNoInputAsMissing(String json) throws JsonProcessingException {
        assertThat(JsonTrees.read(json).isMissingNode()).isTrue();
        assertThat(JsonTrees.read(json.getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
    }

    @Test
    void readsOneValueFromTheCallersParserAndLeavesTheRestToIt() throws IOException {
        JsonFactory strict = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (JsonParser parser = strict.createParser("{\"a\":[1]} trailing")) {
            assertThat(JsonTrees.read(parser)).isEqualTo(MAPPER.readTree("{\"a\":[1]}"));
            assertThatThrownBy(parser::nextToken).isInstanceOf(JsonProcessingException.class);
        }
        try (JsonParser parser = strict.createParser("{\"a\":1,\"a\":2}")) {
            assertThatThrownBy(() -> JsonTrees.read(parser))
                    .isInstanceOf(JsonProcessingException.class)
                    .hasMessageContaining("Duplicate field 'a'");
        }
    }

    @Test
    void leavesTheStreamOpen() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        JsonTrees.read(in);

        assertThat(closed).isFalse();
    }

    @Test
    void writesTheTreesTheFunctionsBuild() throws IOException {
        var tree = JsonTrees.object().put("status", false).put("error", "card_declined").put("amount", 4200L)
                .put("message", "Your card was declined.");
        tree.putArray("list").add(1).add("two");

        assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var json = JsonTrees.generator(out)) {
            json.writeStartObject();
            json.writeStringField("é", "😀");
            json.writeEndObject();
        }
        assertThat(JsonTrees.read(out.toByteArray())).isEqualTo(MAPPER.readTree("{\"é\":\"😀\"}"));
    }

    @Test
    void refusesToWriteANodeThatHasNoText() {
        assertThatThrownBy(() -> JsonTrees.write(com.fasterxml.jackson.databind.node.MissingNode.getInstance()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MISSING");
    }
}
