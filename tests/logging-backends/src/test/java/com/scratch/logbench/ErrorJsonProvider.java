package com.scratch.logbench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.composite.AbstractFieldJsonProvider;

/**
 * For logstash-logback-encoder: {@code "error": {"name", "message", "stack"}} as Powertools Logging writes it (the
 * stack one string, "Caused by" included), and nothing on an event without an exception (the encoder's nestedField
 * would write an empty object there).
 */
public class ErrorJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

    public ErrorJsonProvider() {
        setFieldName("error");
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return;
        }
        generator.writeObjectFieldStart(getFieldName());
        generator.writeStringField("name", thrown.getClassName());
        generator.writeStringField("message", thrown.getMessage());
        generator.writeStringField("stack", ThrowableProxyUtil.asString(thrown));
        generator.writeEndObject();
    }
}
