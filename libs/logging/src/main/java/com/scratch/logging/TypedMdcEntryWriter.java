package com.scratch.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Set;
import net.logstash.logback.composite.loggingevent.mdc.MdcEntryWriter;

/**
 * The MDC holds strings; these keys are written as what they are, as Powertools writes them, so that a query can say
 * {@code cold_start = 1} or {@code amount > 5000}: {@code cold_start} a boolean, amounts and counts numbers.
 */
final class TypedMdcEntryWriter implements MdcEntryWriter {

    private static final Set<String> NUMBERS = Set.of(LogKeys.AMOUNT, LogKeys.STORAGE, LogKeys.FUNCTION_MEMORY_SIZE);

    @Override
    public boolean writeMdcEntry(JsonGenerator generator, String fieldName, String mdcKey, String value)
            throws IOException {
        if (LogKeys.COLD_START.equals(mdcKey)) {
            generator.writeBooleanField(fieldName, Boolean.parseBoolean(value));
            return true;
        }
        if (NUMBERS.contains(mdcKey) && value.matches("-?[0-9]{1,18}")) {
            generator.writeNumberField(fieldName, Long.parseLong(value));
            return true;
        }
        return false;
    }
}
