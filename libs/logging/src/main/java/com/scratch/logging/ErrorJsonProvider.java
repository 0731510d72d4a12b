package com.scratch.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.composite.AbstractFieldJsonProvider;

/**
 * {@code "error": {"name", "message", "stack"}} as Powertools Logging writes it, the stack one string with its
 * causes, so that a stack trace is one log event, not one per line; nothing on an event without an exception (the
 * encoder's own nested field would write an empty object there).
 */
final class ErrorJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

    ErrorJsonProvider() {
        setFieldName(LogKeys.ERROR);
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
