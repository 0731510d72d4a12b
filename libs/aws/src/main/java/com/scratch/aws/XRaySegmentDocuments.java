package com.scratch.aws;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an ended {@link XRaySpan} as an independent subsegment document of the X-Ray daemon's protocol:
 * {@code "type":"subsegment"} with its {@code trace_id} and {@code parent_id}, so that each span is sent on its own
 * when it ends and no datagram carries more than one. Written with jackson-core's streaming {@link JsonGenerator}
 * only: the first {@code ObjectMapper} of a JVM costs a cold start about 150 ms of class loading, which is what
 * leaving the X-Ray SDK was for. Thread-safe ({@link JsonFactory} is).
 */
final class XRaySegmentDocuments {

    private final JsonFactory json;
    private final int maxBytes;
    /** Where an exception's stack was thrown from, as the X-Ray SDK wrote it. */
    private final String workingDirectory;

    /**
     * @param maxBytes the most a document may take; one with more is written again without its stacks, and, if still
     *     too big, not at all
     */
    XRaySegmentDocuments(JsonFactory json, int maxBytes, String workingDirectory) {
        this.json = json;
        this.maxBytes = maxBytes;
        this.workingDirectory = workingDirectory;
    }

    /** The span's document as UTF-8; empty if it does not fit in {@code maxBytes} even without its stacks. */
    Optional<byte[]> write(XRaySpan span) {
        byte[] document = write(span, true);
        if (document.length > maxBytes) {
            document = write(span, false);
        }
        return document.length > maxBytes ? Optional.empty() : Optional.of(document);
    }

    private byte[] write(XRaySpan span, boolean stacks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = json.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeStringField("type", "subsegment");
            out.writeStringField("trace_id", span.traceId());
            out.writeStringField("parent_id", span.parentId());
            out.writeStringField("id", span.id());
            out.writeStringField("name", span.name());
            out.writeFieldName("start_time");
            out.writeNumber(seconds(span.start()));
            out.writeFieldName("end_time");
            out.writeNumber(seconds(span.end()));
            if (span.namespace() != null) {
                out.writeStringField("namespace", span.namespace());
            }
            if (span.error()) {
                out.writeBooleanField("error", true);
            }
            if (span.fault()) {
                out.writeBooleanField("fault", true);
            }
            if (span.throttle()) {
                out.writeBooleanField("throttle", true);
            }
            if (!span.httpRequest().isEmpty() || !span.httpResponse().isEmpty()) {
                out.writeObjectFieldStart("http");
                writeObjectIfAny(out, "request", span.httpRequest());
                writeObjectIfAny(out, "response", span.httpResponse());
                out.writeEndObject();
            }
            writeObjectIfAny(out, "aws", span.aws());
            writeObjectIfAny(out, "annotations", span.annotations());
            if (!span.metadata().isEmpty()) {
                out.writeObjectFieldStart("metadata");
                for (Map.Entry<String, Map<String, Object>> namespace : span.metadata().entrySet()) {
                    writeObjectIfAny(out, namespace.getKey(), namespace.getValue());
                }
                out.writeEndObject();
            }
            if (!span.exceptions().isEmpty()) {
                writeCause(out, span.exceptions(), stacks);
            }
            out.writeEndObject();
        } catch (IOException e) {
            // Into memory: an IOException here is a bug, not the network.
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void writeCause(JsonGenerator out, List<XRayExceptionDescription> exceptions, boolean stacks)
            throws IOException {
        out.writeObjectFieldStart("cause");
        if (workingDirectory != null) {
            out.writeStringField("working_directory", workingDirectory);
        }
        out.writeArrayFieldStart("exceptions");
        for (XRayExceptionDescription exception : exceptions) {
            XRayExceptionDescription written = stacks ? exception : exception.withoutStack();
            out.writeStartObject();
            out.writeStringField("id", written.id());
            if (written.message() != null) {
                out.writeStringField("message", written.message());
            }
            out.writeStringField("type", written.type());
            if (written.remote()) {
                out.writeBooleanField("remote", true);
            }
            if (!written.stack().isEmpty()) {
                out.writeArrayFieldStart("stack");
                for (StackTraceElement frame : written.stack()) {
                    out.writeStartObject();
                    if (frame.getFileName() != null) {
                        out.writeStringField("path", frame.getFileName());
                    }
                    out.writeNumberField("line", frame.getLineNumber());
                    out.writeStringField("label", frame.getClassName() + "." + frame.getMethodName());
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            if (written.truncated() > 0) {
                out.writeNumberField("truncated", written.truncated());
            }
            if (written.causeId() != null) {
                out.writeStringField("cause", written.causeId());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeObjectIfAny(JsonGenerator out, String name, Map<String, ?> fields) throws IOException {
        if (fields.isEmpty()) {
            return;
        }
        out.writeObjectFieldStart(name);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            out.writeFieldName(field.getKey());
            writeValue(out, field.getValue());
        }
        out.writeEndObject();
    }

    /** Strings, booleans and numbers as themselves; anything else as its {@code toString()}. */
    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                out.writeNumber(number);
            } else {
                out.writeString(Double.toString(number));
            }
        } else if (value instanceof Number) {
            out.writeNumber(value.toString());
        } else {
            out.writeString(value.toString());
        }
    }

    /** Epoch seconds with the microseconds as the fraction, written exactly (a double would round the last digit). */
    static String seconds(Instant instant) {
        int micros = instant.getNano() / 1_000;
        String fraction = Integer.toString(1_000_000 + micros).substring(1);
        return instant.getEpochSecond() + "." + fraction;
    }
}
