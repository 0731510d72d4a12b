package com.scratch.bench.warm;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the runtime does around each invocation in a benchmark, outside the time measured: the next event (its own
 * Idempotency-Key), the invocation's X-Ray trace header in {@code com.amazonaws.xray.traceHeader} and in the
 * context's {@code getXrayTraceId()} (as Lambda's runtime sets both), an empty buffer for the answer; and, after the call, the check that the answer is a 200, so that
 * every figure is about purchases. The event template is the file named by {@value #EVENT_PROPERTY}. For one thread.
 */
public final class Invocations {

    /** The API Gateway proxy event every invocation is made from (billing-payment-method.json). */
    public static final String EVENT_PROPERTY = "bench.event";
    /** How a benchmark JVM reports what its invocations did: one line on its stdout, read by the harness. */
    public static final String STATS_PREFIX = "warm-stats ";
    private static final byte[] PROXY_200 = "{\"statusCode\":200,".getBytes(StandardCharsets.US_ASCII);

    final Context context;
    final Answer answer = new Answer();
    private final InvocationEvents events;
    private byte[] event;
    private long count;

    private Invocations(InvocationEvents events, Context context) {
        this.events = events;
        this.context = context;
    }

    static Invocations fromSystem() {
        String file = System.getProperty(EVENT_PROPERTY);
        if (file == null) {
            throw new IllegalStateException("-D" + EVENT_PROPERTY + "=<proxy event JSON> is required");
        }
        return new Invocations(InvocationEvents.fromFile(Path.of(file)), LambdaContext.fromEnvironment(System.getenv()));
    }

    /** Before an invocation: its event, its trace header, an empty answer. */
    void next() {
        event = events.next();
        System.setProperty(InvocationEvents.TRACE_HEADER_PROPERTY, events.traceHeader());
        answer.reset();
        count++;
    }

    /** The invocation's event, as the runtime hands it to a stream handler. */
    InputStream event() {
        return new ByteArrayInputStream(event);
    }

    byte[] eventBytes() {
        return event;
    }

    long count() {
        return count;
    }

    /** Fails unless {@link #answer} holds API Gateway's proxy answer with status 200, as ProxyEvents writes it. */
    void requireProxy200() {
        if (!answer.startsWith(PROXY_200)) {
            throw new IllegalStateException("Not a 200 purchase: " + answer.toString(StandardCharsets.UTF_8));
        }
    }

    /** One line for the harness: {@code warm-stats <name> key=value ...}. */
    static void report(PrintStream out, String name, Map<String, Object> stats) {
        out.println(STATS_PREFIX + name + " " + stats.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(" ")));
        out.flush();
    }

    /** The keys and values of a {@link #report} line, or null when {@code line} is not one. */
    public static Map<String, String> parseReport(String line) {
        int at = line.indexOf(STATS_PREFIX);
        if (at < 0) {
            return null;
        }
        String[] words = line.substring(at + STATS_PREFIX.length()).trim().split("\\s+");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", words[0]);
        Arrays.stream(words).skip(1).map(word -> word.split("=", 2)).filter(pair -> pair.length == 2)
                .forEach(pair -> values.put(pair[0], pair[1]));
        return values;
    }

    /** The answer's bytes, readable without a copy. */
    static final class Answer extends ByteArrayOutputStream {

        Answer() {
            super(512);
        }

        boolean startsWith(byte[] prefix) {
            if (count < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (buf[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
