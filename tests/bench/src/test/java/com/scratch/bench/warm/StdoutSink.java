package com.scratch.bench.warm;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Where a function's stdout goes during a benchmark: {@code /dev/null}, one {@code write} per line as a function's
 * log and metric lines go to Lambda's stdout, counted (lines and bytes), instead of through JMH's link to its host,
 * which would print them all. {@link #install()} replaces {@code System.out} until {@link #close()}; install it before
 * building the handler, which keeps the {@code System.out} it finds (its metrics do).
 */
final class StdoutSink implements AutoCloseable {

    private final PrintStream original;
    private final Counting counting;

    private StdoutSink(PrintStream original, Counting counting) {
        this.original = original;
        this.counting = counting;
    }

    static StdoutSink install() {
        try {
            Counting counting = new Counting(new FileOutputStream("/dev/null"));
            StdoutSink sink = new StdoutSink(System.out, counting);
            System.setOut(new PrintStream(counting, false));
            return sink;
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    long lines() {
        return counting.lines;
    }

    long bytes() {
        return counting.bytes;
    }

    /** Where the benchmark's own lines go while the sink is installed. */
    PrintStream original() {
        return original;
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
        try {
            counting.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what passes through; the invocation's thread is the only writer, as in Lambda. */
    static final class Counting extends FilterOutputStream {

        long lines;
        long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            bytes++;
            if (b == '\n') {
                lines++;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            out.write(b, off, len);
        }
    }
}
