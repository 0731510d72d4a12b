package com.scratch.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One invocation's logging, from {@link InvocationLogContext#begin}: its keys are on every line until it is
 * closed, and its debug lines are kept until it ends. Call {@link #failed()} when the invocation ends in a 5xx or an
 * exception, to write them; closing it forgets them and the keys.
 */
public final class InvocationLog implements AutoCloseable {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(InvocationLog.class);

    InvocationLog() {
    }

    /**
     * Writes the debug lines this invocation kept, in the order they were logged, and says how many made room for
     * later ones. Call it once, on the invocation's thread, before closing.
     */
    public void failed() {
        DebugBuffer buffer = DebugBuffer.current();
        if (buffer == null) {
            return;
        }
        List<ILoggingEvent> kept = buffer.drain();
        bufferingAppender().ifPresent(appender -> appender.writeThrough(kept));
        if (buffer.dropped() > 0) {
            log.warn("{} earlier debug lines of this invocation were dropped: the buffer keeps the last {} characters",
                    buffer.dropped(), InvocationLogContext.DEBUG_BUFFER_CHARS);
        }
    }

    /**
     * For a function behind an HTTP API: {@link #failed()} when the answer is a 5xx, the service's failure rather
     * than the caller's.
     *
     * @return {@code status}
     */
    public int answered(int status) {
        if (status >= 500) {
            failed();
        }
        return status;
    }

    @Override
    public void close() {
        DebugBuffer.close();
        MDC.clear();
    }

    private static Optional<DebugBufferingAppender> bufferingAppender() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            Appender<ILoggingEvent> appender = logback.getLogger(Logger.ROOT_LOGGER_NAME)
                    .getAppender(DebugBufferingAppender.NAME);
            if (appender instanceof DebugBufferingAppender buffering) {
                return Optional.of(buffering);
            }
        }
        return Optional.empty();
    }
}
