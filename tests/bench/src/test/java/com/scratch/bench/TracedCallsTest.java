package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracedCallsTest {

    private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    @Test
    void everySubsegmentIsTimedByItsNameAndOperation() {
        // given: billing's span with its calls nested, then a baseline-style SDK subsegment on its own, then noise
        String span = HEADER + """
                {"name":"## handleRequest","start_time":100.000,"end_time":100.012,"subsegments":[
                  {"name":"Stripe","namespace":"remote","start_time":100.001,"end_time":100.004,
                   "http":{"request":{"method":"POST","url":"/v1/payment_intents"}}},
                  {"name":"DynamoDb","namespace":"aws","start_time":100.005,"end_time":100.007,
                   "aws":{"operation":"PutItem"}}]}""";
        String alone = HEADER + """
                {"name":"Sns","namespace":"aws","start_time":100.008,"end_time":100.0095,"aws":{"operation":"Publish"}}""";
        String early = HEADER + """
                {"name":"Sns","namespace":"aws","start_time":90.0,"end_time":91.0,"aws":{"operation":"Publish"}}""";

        // when
        Map<String, List<Double>> calls = TracedCalls.millis(List.of(span, alone, early, "not a segment"), 99.0);

        // then
        assertThat(calls).containsOnlyKeys("## handleRequest", "Stripe POST", "DynamoDb PutItem", "Sns Publish");
        assertThat(calls.get("## handleRequest").get(0)).isCloseTo(12.0, within(1e-6));
        assertThat(calls.get("Stripe POST").get(0)).isCloseTo(3.0, within(1e-6));
        assertThat(calls.get("DynamoDb PutItem").get(0)).isCloseTo(2.0, within(1e-6));
        assertThat(calls.get("Sns Publish")).hasSize(1);
        assertThat(calls.get("Sns Publish").get(0)).isCloseTo(1.5, within(1e-6));
        assertThat(TracedCalls.firstStart(List.of(span, alone, early))).isEqualTo(90.0);
    }
}
