package com.scratch.testing;

import java.io.PrintStream;

/**
 * Everything written to {@code System.out} and {@code System.err} while it is open, still passed through to the
 * console. Both logging backends here write to the stream as it is at each call (slf4j-simple, the tests' and the
 * tools'; Logback's console appender, the functions'), so this is also every log line.
 *
 * <pre>{@code
 * try (LogCapture logs = new LogCapture()) {
 *     handler.handleRequest(event, null);
 *     assertThat(logs.text()).contains("Refused a purchase request");
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ConsoleCopy out = new ConsoleCopy(originalOut);

    /** Starts capturing; {@link #close()} puts the original streams back. */
    public LogCapture() {
        System.setOut(out.printStream());
        System.setErr(out.alongside(originalErr).printStream());
    }

    /** What was written so far, both streams interleaved as written. */
    public String text() {
        return out.text();
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
