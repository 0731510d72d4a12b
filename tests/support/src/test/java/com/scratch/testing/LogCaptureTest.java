package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class LogCaptureTest {

    @Test
    void capturesBothStreamsWhileOpenAndPutsTheOriginalsBack() {
        // given
        PrintStream out = System.out;
        PrintStream err = System.err;

        // when
        LogCapture logs = new LogCapture();
        try (logs) {
            System.out.println("to stdout");
            System.err.println("to stderr");
        }
        System.out.println("after close");

        // then
        assertThat(logs.text().lines()).containsExactly("to stdout", "to stderr");
        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
    }
}
