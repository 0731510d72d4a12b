package com.scratch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream that writes to the console and keeps a copy a test can read, safe to write from several threads.
 *
 * <pre>{@code
 * ConsoleCopy output = new ConsoleCopy(System.out);
 * new InvocationLog(output.printStream());
 * assertThat(output.text()).contains("IAM  refused");
 * }</pre>
 */
public final class ConsoleCopy extends OutputStream {

    private final OutputStream console;
    private final ByteArrayOutputStream copy;

    public ConsoleCopy(OutputStream console) {
        this(console, new ByteArrayOutputStream());
    }

    private ConsoleCopy(OutputStream console, ByteArrayOutputStream copy) {
        this.console = console;
        this.copy = copy;
    }

    /** A stream to another console that copies into the same copy: the two interleave as written. */
    public ConsoleCopy alongside(OutputStream otherConsole) {
        return new ConsoleCopy(otherConsole, copy);
    }

    /** This stream as an auto-flushing UTF-8 {@link PrintStream}. */
    public PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    /** What was written so far. */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void write(int b) {
        synchronized (copy) {
            copy.write(b);
        }
        try {
            console.write(b);
        } catch (IOException ignored) {
            // the console is best effort; the copy is what the test reads
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        synchronized (copy) {
            copy.write(bytes, offset, length);
        }
        try {
            console.write(bytes, offset, length);
        } catch (IOException ignored) {
            // as above
        }
    }
}
