package com.scratch.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a log event as one JSON object and a line feed, with Powertools' keys in this order: {@code timestamp}
 * (RFC 3339 in UTC to the millisecond, which Lambda's level filter needs to keep the event's own time),
 * {@code level}, {@code message}, {@code logger}, the container's fixed keys ({@code service}, {@code stage},
 * {@code function_name}), the MDC's keys (typed, see {@link #writeMdcEntry}) and, on an event with an exception,
 * {@code error}.
 *
 * <p>Written with jackson-core's streaming generator only, never an {@code ObjectMapper}: the first ObjectMapper in a
 * JVM costs ~150 ms of jackson-databind's class loading at cold start, and logging is on every function's cold path.
 * It writes the lines logstash-logback-encoder's composite encoder wrote with the providers the functions used, byte
 * for byte ({@code JsonLineEncoderTest}), except that the fixed keys now always come in the order given, where the
 * old provider's {@code Map.copyOf} put them in an order that changed from one JVM to the next.
 *
 * <p>Thread-safe: Logback calls {@link #encode} outside the appender's lock, so everything here is immutable and each
 * event gets its own buffer; the {@link JsonFactory}, thread-safe once built, is built once per encoder.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    /** A key written with the same value on every line of a container. */
    record Field(String name, String value) {
    }

    /** MDC keys written as JSON numbers when they hold an integer, so that a query can say {@code amount > 5000}. */
    private static final Set<String> NUMBERS = Set.of(LogKeys.AMOUNT, LogKeys.STORAGE, LogKeys.FUNCTION_MEMORY_SIZE);
    /** What a line usually takes, so that the buffer seldom grows. */
    private static final int LINE_BYTES = 512;

    private final JsonFactory json = new JsonFactory();
    private final List<Field> fixed;

    /**
     * @param fixed the keys and values every line carries, written in this map's iteration order (a
     *     {@code LinkedHashMap} keeps the order they were put in)
     */
    public JsonLineEncoder(Map<String, String> fixed) {
        List<Field> fields = new ArrayList<>(fixed.size());
        fixed.forEach((name, value) -> fields.add(new Field(name, value)));
        this.fixed = List.copyOf(fields);
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(LINE_BYTES);
        try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            write(generator, event);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail, so this is the generator refusing what it was given: the line
            // is lost, not the function's request, and Logback's status says why (as the old encoder did).
            addWarn("Could not write a log event as JSON", e);
            return new byte[0];
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private void write(JsonGenerator generator, ILoggingEvent event) throws IOException {
        generator.writeStartObject();
        generator.writeStringField(LogKeys.TIMESTAMP, timestamp(event.getTimeStamp()));
        generator.writeStringField(LogKeys.LEVEL, event.getLevel().toString());
        // As the old encoder did: no key at all for an absent message or logger, rather than a null.
        writeIfPresent(generator, LogKeys.MESSAGE, event.getFormattedMessage());
        writeIfPresent(generator, LogKeys.LOGGER, event.getLoggerName());
        for (Field field : fixed) {
            generator.writeStringField(field.name(), field.value());
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                if (entry.getKey() != null && entry.getValue() != null) {
                    writeMdcEntry(generator, entry.getKey(), entry.getValue());
                }
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            writeError(generator, thrown);
        }
        generator.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator generator, String name, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(name, value);
        }
    }

    /**
     * The MDC holds strings; these keys are written as what they are, as Powertools writes them, so that a query can
     * say {@code cold_start = 1} or {@code amount > 5000}: {@code cold_start} a boolean, amounts and counts numbers
     * (when they are integers that fit a long; otherwise the string as it is).
     */
    private static void writeMdcEntry(JsonGenerator generator, String key, String value) throws IOException {
        if (LogKeys.COLD_START.equals(key)) {
            generator.writeBooleanField(key, Boolean.parseBoolean(value));
        } else if (NUMBERS.contains(key) && isLong(value)) {
            generator.writeNumberField(key, Long.parseLong(value));
        } else {
            generator.writeStringField(key, value);
        }
    }

    /** {@code -?[0-9]{1,18}}: what {@link Long#parseLong} takes without overflowing, written without a regex. */
    private static boolean isLong(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        int digits = value.length() - start;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code "error": {"name", "message", "stack"}} as Powertools Logging writes it, the stack one string with its
     * causes and suppressed exceptions, so that a stack trace is one log event, not one per line.
     */
    private static void writeError(JsonGenerator generator, IThrowableProxy thrown) throws IOException {
        generator.writeObjectFieldStart(LogKeys.ERROR);
        generator.writeStringField("name", thrown.getClassName());
        generator.writeStringField("message", thrown.getMessage());
        generator.writeStringField("stack", ThrowableProxyUtil.asString(thrown));
        generator.writeEndObject();
    }

    /**
     * {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, formatted by hand: a {@code DateTimeFormatter} would parse its
     * pattern and load its printer classes at cold start for a format this fixed.
     */
    static String timestamp(long epochMillis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(24);
        pad(text, time.getYear(), 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2).append('.');
        return pad(text, (int) Math.floorMod(epochMillis, 1000), 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
