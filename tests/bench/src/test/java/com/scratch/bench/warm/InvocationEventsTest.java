package com.scratch.bench.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.serverless.RepositoryRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvocationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventIsTheTemplateWithAKeyOfItsOwnInBothHeaderMaps() throws Exception {
        // given
        byte[] fixture = Files.readAllBytes(RepositoryRoot.find()
                .resolve("services/billing-api/src/test/resources/events/billing-payment-method.json"));
        InvocationEvents events = InvocationEvents.fromTemplate(fixture);

        // when
        List<JsonNode> made = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            byte[] event = events.next();
            lengths.add(event.length);
            made.add(JSON.readTree(event));
            keys.add(events.key());
        }

        // then
        assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("bench-[0-9a-f]{8}-[0-9]{12}"));
        assertThat(lengths).hasSize(1);
        for (int i = 0; i < made.size(); i++) {
            JsonNode event = made.get(i);
            assertThat(event.path("headers").path("Idempotency-Key").asText()).isEqualTo(keys.get(i));
            assertThat(event.path("multiValueHeaders").path("Idempotency-Key"))
                    .containsExactly(JSON.getNodeFactory().textNode(keys.get(i)));
            // the rest is the template's
            ObjectNode template = (ObjectNode) JSON.readTree(fixture);
            withoutKey(template);
            assertThat(withoutKey(event.deepCopy())).isEqualTo(template);
        }
        assertThat(made.get(0).path("body").asText()).isEqualTo("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
    }

    @Test
    void aKeyHeaderInAnotherCaseIsReplacedAndMissingHeaderMapsAreAdded() throws Exception {
        // given
        String cased = "{\"httpMethod\":\"POST\",\"headers\":{\"idempotency-key\":\"theirs\"},"
                + "\"multiValueHeaders\":{\"IDEMPOTENCY-KEY\":[\"theirs\"]},\"body\":\"{}\"}";
        String bare = "{\"httpMethod\":\"POST\",\"body\":\"{}\"}";

        // when
        InvocationEvents fromCased = InvocationEvents.fromTemplate(cased.getBytes(StandardCharsets.UTF_8));
        JsonNode casedEvent = JSON.readTree(fromCased.next());
        InvocationEvents fromBare = InvocationEvents.fromTemplate(bare.getBytes(StandardCharsets.UTF_8));
        JsonNode bareEvent = JSON.readTree(fromBare.next());

        // then
        assertThat(casedEvent.path("headers").size()).isEqualTo(1);
        assertThat(casedEvent.path("headers").path("Idempotency-Key").asText()).isEqualTo(fromCased.key());
        assertThat(casedEvent.path("multiValueHeaders").size()).isEqualTo(1);
        assertThat(bareEvent.path("headers").path("Idempotency-Key").asText()).isEqualTo(fromBare.key());
        assertThat(bareEvent.path("multiValueHeaders").path("Idempotency-Key").get(0).asText())
                .isEqualTo(fromBare.key());
    }

    @Test
    void eachInvocationHasATraceOfItsOwnSampledAsTheRuntimeSetsIt() {
        // given
        InvocationEvents events = InvocationEvents.fromTemplate("{}".getBytes(StandardCharsets.UTF_8));

        // when
        events.next();
        String first = events.traceHeader();
        events.next();
        String second = events.traceHeader();

        // then
        assertThat(List.of(first, second)).doesNotHaveDuplicates()
                .allMatch(header -> header.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1"));
    }

    @Test
    void refusesWhatIsNotAnEventObject() {
        assertThatThrownBy(() -> InvocationEvents.fromTemplate("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvocationEvents.fromTemplate("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ObjectNode withoutKey(ObjectNode event) {
        ((ObjectNode) event.path("headers")).remove("Idempotency-Key");
        ((ObjectNode) event.path("multiValueHeaders")).remove("Idempotency-Key");
        return event;
    }
}
