package com.scratch.events;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract holds at both ends: the codec reads a message as an event exactly when the v1 schema accepts it,
 * and the record is built exactly when the schema accepts the message it makes. Both sets of cases are made from
 * the schema file itself ({@link ContractCases}, {@link EventCandidates}), so they follow it when it changes.
 */
class NotePurchasedContractTest {

    private static final ObjectNode BASE = (ObjectNode) V1Schema.parse(Fixtures.read("events/note-purchased-v1.json"));
    private static final long SEED = 20261126;
    private static final int CANDIDATES = 3_000;
    // the rule and an excerpt of the value, never the whole value
    private static final int LONGEST_ERROR = 300;

    static List<ContractCases.Case> messages() {
        return ContractCases.from(V1Schema.document(), BASE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void theCodecReadsAMessageExactlyWhenTheSchemaAcceptsIt(ContractCases.Case message) {
        // given
        boolean valid = V1Schema.accepts(message.json());

        // when
        Decoding decoding = Decoding.of(message.json());

        // then
        if (valid) {
            assertThat(decoding.refusal()).as("%s: refused although the schema accepts it", message).isNull();
            assertThat(decoding.message()).isInstanceOfSatisfying(NotePurchased.class, event ->
                    assertThat(V1Schema.validate(NotePurchasedCodec.encode(event))).as("written back").isEmpty());
        } else {
            assertThat(decoding.message() instanceof NotePurchased)
                    .as("%s: read as an event although the schema says %s", message, V1Schema.validate(message.json()))
                    .isFalse();
        }
        if (decoding.refusal() != null && message.field() != null) {
            assertThat(decoding.refusal().getMessage()).as(message.toString())
                    .contains("'" + message.field() + "'")
                    .hasSizeLessThan(LONGEST_ERROR);
        }
    }

    @Test
    void everyPropertyHasCasesTheSchemaAcceptsAndCasesItRefuses() {
        // given
        Set<String> properties = new HashSet<>();
        V1Schema.document().get("properties").fieldNames().forEachRemaining(properties::add);

        // when
        Map<String, Set<Boolean>> verdicts = messages().stream()
                .filter(message -> message.field() != null)
                .collect(groupingBy(ContractCases.Case::field, mapping(m -> V1Schema.accepts(m.json()), toSet())));

        // then
        assertThat(verdicts).containsOnlyKeys(properties)
                .allSatisfy((field, both) -> assertThat(both).as(field).containsExactlyInAnyOrder(true, false));
    }

    @Test
    void theRecordIsBuiltExactlyWhenTheSchemaAcceptsItsMessage() {
        // given
        EventCandidates candidates = new EventCandidates(V1Schema.document(), BASE, SEED);
        int built = 0;

        for (int i = 0; i < CANDIDATES; i++) {
            EventCandidates.Candidate candidate = candidates.next();
            boolean valid = V1Schema.accepts(candidate.json());

            // when
            Optional<NotePurchased> event = candidate.construct();

            // then
            assertThat(event.isPresent())
                    .as("%s (seed %d) built: schema says %s", candidate, SEED, V1Schema.validate(candidate.json()))
                    .isEqualTo(valid);
            if (event.isPresent()) {
                String encoded = NotePurchasedCodec.encode(event.get());
                assertThat(V1Schema.validate(encoded)).as("encoded %s", encoded).isEmpty();
                assertThat(NotePurchasedCodec.decode(encoded)).isEqualTo(event.get());
                built++;
            }
        }
        assertThat(built).as("candidates built, of %d", CANDIDATES).isBetween(CANDIDATES / 10, CANDIDATES * 9 / 10);
    }

    /** What the codec made of a message: an event, the original message, or a refusal. */
    private record Decoding(PurchaseMessage message, MalformedEventException refusal) {

        static Decoding of(String json) {
            try {
                return new Decoding(NotePurchasedCodec.decode(json), null);
            } catch (MalformedEventException e) {
                return new Decoding(null, e);
            }
        }
    }
}
