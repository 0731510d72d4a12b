package com.scratch.bench.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationsTest {

    @Test
    void aStatsLineIsReadBackWhereverJmhPrintsIt() {
        // given
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("invocations", 173L);
        stats.put("stdoutLines", 350L);

        // when
        Invocations.report(new PrintStream(printed, true, StandardCharsets.UTF_8), "billing.loopback", stats);
        String line = "Iteration   1: " + printed.toString(StandardCharsets.UTF_8).strip();

        // then
        assertThat(Invocations.parseReport(line))
                .containsExactly(Map.entry("name", "billing.loopback"), Map.entry("invocations", "173"),
                        Map.entry("stdoutLines", "350"));
        assertThat(Invocations.parseReport("Iteration   1: 20.050 ms/op")).isNull();
    }

    @Test
    void anAnswerIsAProxy200OnlyByItsFirstBytes() throws Exception {
        // given
        Invocations.Answer answer = new Invocations.Answer();
        byte[] prefix = "{\"statusCode\":200,".getBytes(StandardCharsets.US_ASCII);

        // when / then
        assertThat(answer.startsWith(prefix)).isFalse();
        answer.write("{\"statusCode\":200,\"headers\":{}}".getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.startsWith(prefix)).isTrue();
        answer.reset();
        answer.write("{\"statusCode\":402,\"headers\":{}}".getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.startsWith(prefix)).isFalse();
    }
}
