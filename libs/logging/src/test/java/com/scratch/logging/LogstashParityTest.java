package com.scratch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.logstash.logback.composite.AbstractJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.junit.jupiter.api.Test;

/**
 * The new encoder against the one it replaces, on the same events, byte for byte: the logstash encoder as
 * {@code FunctionLogging.json} built it, except for the fixed keys, written here in their given order (the old
 * {@link FixedFieldsJsonProvider}'s {@code Map.copyOf} ordered them differently in each JVM).
 */
class LogstashParityTest {

    @Test
    void theNewEncoderWritesWhatTheOldOneWrote() {
        LoggerContext context = new LoggerContext();
        Encoder<ILoggingEvent> old = logstash(context, LogEvents.fixedFields());
        JsonLineEncoder now = new JsonLineEncoder(LogEvents.fixedFields());
        now.setContext(context);
        now.start();
        for (LogEvents.Case c : LogEvents.cases()) {
            String expected = new String(old.encode(c.event()), StandardCharsets.UTF_8);
            assertThat(new String(now.encode(c.event()), StandardCharsets.UTF_8)).as(c.name()).isEqualTo(expected);
        }
    }

    static Encoder<ILoggingEvent> logstash(LoggerContext context, Map<String, String> fixed) {
        LoggingEventJsonProviders providers = new LoggingEventJsonProviders();
        LoggingEventFormattedTimestampJsonProvider timestamp = new LoggingEventFormattedTimestampJsonProvider();
        timestamp.setFieldName(LogKeys.TIMESTAMP);
        timestamp.setTimeZone("UTC");
        timestamp.setPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        providers.addTimestamp(timestamp);
        LogLevelJsonProvider level = new LogLevelJsonProvider();
        level.setFieldName(LogKeys.LEVEL);
        providers.addLogLevel(level);
        MessageJsonProvider message = new MessageJsonProvider();
        message.setFieldName(LogKeys.MESSAGE);
        providers.addMessage(message);
        LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
        logger.setFieldName(LogKeys.LOGGER);
        providers.addLoggerName(logger);
        providers.addProvider(new AbstractJsonProvider<ILoggingEvent>() {
            @Override
            public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
                for (Map.Entry<String, String> field : fixed.entrySet()) {
                    generator.writeStringField(field.getKey(), field.getValue());
                }
            }
        });
        MdcJsonProvider mdc = new MdcJsonProvider();
        mdc.addMdcEntryWriter(new TypedMdcEntryWriter());
        providers.addMdc(mdc);
        providers.addProvider(new ErrorJsonProvider());

        LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
        encoder.setContext(context);
        encoder.setProviders(providers);
        encoder.start();
        return encoder;
    }
}
