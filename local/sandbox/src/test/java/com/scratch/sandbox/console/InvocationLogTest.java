package com.scratch.sandbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.sandbox.runtime.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final InvocationLog log = new InvocationLog(new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void oneLinePerInvocationWithColdOrWarmDurationAndOutcome() {
        log.invoked("billing", new Invocation("{}", true, Duration.ofMillis(655), Duration.ofMillis(257)), "200", "POST /billing");
        log.invoked("notify", new Invocation(null, false, Duration.ZERO, Duration.ofMillis(3)), "ok", "sns local-note-purchased m-1");

        assertThat(text().lines()).containsExactly(
                "billing  cold    912 ms (init 655 ms)   200  POST /billing",
                "notify   warm      3 ms                 ok   sns local-note-purchased m-1");
    }

    @Test
    void aFailureKeepsToOneLine() {
        log.failed("notify", "fail", "sns t m-1", "java.lang.IllegalStateException: bad\n\tat somewhere(X.java:1)");

        assertThat(text().lines()).hasSize(1);
        assertThat(text()).contains("fail sns t m-1: java.lang.IllegalStateException: bad").doesNotContain("somewhere");
    }

    @Test
    void eachTextMessageIsPrinted() {
        log.sms("+14151234567", "Charged $42.00 for Scratch charge (21 notes)");

        assertThat(text()).isEqualTo("SMS to +14151234567: Charged $42.00 for Scratch charge (21 notes)" + System.lineSeparator());
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
