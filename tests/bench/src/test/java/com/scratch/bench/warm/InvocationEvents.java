package com.scratch.bench.warm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One API Gateway proxy event per invocation, as the bytes the runtime hands a function, each with an
 * {@code Idempotency-Key} of its own (in {@code headers} and in {@code multiValueHeaders}, where API Gateway puts it
 * twice), so that every invocation is a new purchase and not a replay; and the X-Ray trace header of that invocation,
 * a new trace each time, sampled, as Lambda's runtime sets it before calling the handler.
 *
 * <p>Made for a benchmark's loop: the event is the template with the key written over a placeholder of the same
 * length, in place, so {@link #next()} costs an array copy and a few characters, and the event's length never
 * changes. Keys are {@code bench-<8 hex of this instance>-<12 digits of a counter>}. One instance per thread.
 */
public final class InvocationEvents {

    static final String HEADER = "Idempotency-Key";
    /** What {@code com.amazonaws.xray.traceHeader} holds during an invocation in Lambda. */
    public static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final int COUNTER_DIGITS = 12;
    private static final String PLACEHOLDER = "bench-00000000-" + "0".repeat(COUNTER_DIGITS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] template;
    private final int[] keyOffsets;
    private final byte[] event;
    private final String instance;
    private long counter;
    private String key;

    private InvocationEvents(byte[] template, int[] keyOffsets, String instance) {
        this.template = template;
        this.keyOffsets = keyOffsets;
        this.event = template.clone();
        this.instance = instance;
    }

    /** From the proxy event in {@code json} (its own Idempotency-Key, if any, is replaced). */
    public static InvocationEvents fromTemplate(byte[] json) {
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("Not an API Gateway proxy event: a JSON object is expected", e);
        }
        ObjectNode headers = event.withObjectProperty("headers");
        ObjectNode multiValueHeaders = event.withObjectProperty("multiValueHeaders");
        // One header, in any case API Gateway kept: the template's own spelling goes.
        List<String> names = new ArrayList<>();
        headers.fieldNames().forEachRemaining(names::add);
        multiValueHeaders.fieldNames().forEachRemaining(names::add);
        names.stream().filter(HEADER::equalsIgnoreCase).forEach(name -> {
            headers.remove(name);
            multiValueHeaders.remove(name);
        });
        headers.put(HEADER, PLACEHOLDER);
        multiValueHeaders.putArray(HEADER).add(PLACEHOLDER);
        byte[] template = event.toString().getBytes(StandardCharsets.UTF_8);
        int[] offsets = occurrences(template, PLACEHOLDER.getBytes(StandardCharsets.US_ASCII));
        if (offsets.length != 2) {
            throw new IllegalArgumentException("The event already holds the text " + PLACEHOLDER);
        }
        return new InvocationEvents(template, offsets,
                String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt()));
    }

    public static InvocationEvents fromFile(Path json) {
        try {
            return fromTemplate(Files.readAllBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next invocation's event, with a key no earlier one had. The array is this instance's and is overwritten by
     * the next call: hand it over before asking for the next one.
     */
    public byte[] next() {
        counter++;
        String digits = Long.toString(counter);
        if (digits.length() > COUNTER_DIGITS) {
            throw new IllegalStateException("More than 10^" + COUNTER_DIGITS + " events");
        }
        key = "bench-" + instance + "-" + "0".repeat(COUNTER_DIGITS - digits.length()) + digits;
        byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(template, 0, event, 0, template.length);
        for (int offset : keyOffsets) {
            System.arraycopy(keyBytes, 0, event, offset, keyBytes.length);
        }
        return event;
    }

    /** The Idempotency-Key of the event {@link #next()} returned last; null before the first. */
    public String key() {
        return key;
    }

    /**
     * The trace header of the invocation {@link #next()} returned last: {@code Root=1-<8 hex of the time>-<24 hex>},
     * a trace of its own, sampled, as the harness's local Runtime API hands them out.
     */
    public String traceHeader() {
        return String.format(Locale.ROOT, "Root=1-%08x-%s%016x;Parent=53995c3f42cd8ad8;Sampled=1",
                System.currentTimeMillis() / 1000, instance, counter);
    }

    private static int[] occurrences(byte[] text, byte[] pattern) {
        int[] found = new int[0];
        outer:
        for (int i = 0; i + pattern.length <= text.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (text[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            found = Arrays.copyOf(found, found.length + 1);
            found[found.length - 1] = i;
        }
        return found;
    }
}
