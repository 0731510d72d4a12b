package com.scratch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.List;
import java.util.Objects;

/**
 * Writes a line at or above the level the function logs at; keeps a debug line below it in the invocation's
 * {@link DebugBuffer}, if one is open on this thread, for {@link InvocationLog#failed()} to write; drops the rest.
 * So normal traffic costs one info line per purchase, and a failure comes with the debug lines that led to it.
 */
final class DebugBufferingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final String NAME = "debug-buffering";

    private final Appender<ILoggingEvent> out;
    private final Level level;

    DebugBufferingAppender(Appender<ILoggingEvent> out, Level level) {
        this.out = Objects.requireNonNull(out, "out == null");
        this.level = Objects.requireNonNull(level, "level == null");
        setName(NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(level)) {
            out.doAppend(event);
            return;
        }
        DebugBuffer buffer = DebugBuffer.current();
        if (buffer != null && event.getLevel().isGreaterOrEqual(Level.DEBUG)) {
            buffer.add(event);
        }
    }

    /** Writes kept lines as they were logged, whatever their level. */
    void writeThrough(List<ILoggingEvent> events) {
        for (ILoggingEvent event : events) {
            out.doAppend(event);
        }
    }

    @Override
    public void start() {
        if (!out.isStarted()) {
            out.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        out.stop();
    }
}
