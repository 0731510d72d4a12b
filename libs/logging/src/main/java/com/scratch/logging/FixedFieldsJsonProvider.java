package com.scratch.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import net.logstash.logback.composite.AbstractJsonProvider;

/** The keys that are the same on every line of a container: {@code service}, {@code stage} and the like. */
final class FixedFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

    private final Map<String, String> fields;

    FixedFieldsJsonProvider(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            generator.writeStringField(field.getKey(), field.getValue());
        }
    }
}
