package com.scratch.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The debug lines of one invocation, kept in memory in case it fails, and bounded: past {@link #capacityChars} of
 * messages the oldest lines make room for the newest (the ones nearest the failure) and are counted as dropped.
 * One per invocation, on the thread that runs it, so it needs no lock.
 */
final class DebugBuffer {

    private static final ThreadLocal<DebugBuffer> CURRENT = new ThreadLocal<>();

    private final int capacityChars;
    private final ArrayDeque<ILoggingEvent> events = new ArrayDeque<>();
    private int chars;
    private int dropped;

    private DebugBuffer(int capacityChars) {
        this.capacityChars = capacityChars;
    }

    /** Starts keeping this thread's debug lines, forgetting any an earlier invocation left. */
    static void open(int capacityChars) {
        CURRENT.set(new DebugBuffer(capacityChars));
    }

    /** This thread's buffer, or null outside an invocation (init, or a thread the invocation started). */
    static DebugBuffer current() {
        return CURRENT.get();
    }

    /** Stops keeping this thread's debug lines; what was kept is gone. */
    static void close() {
        CURRENT.remove();
    }

    void add(ILoggingEvent event) {
        // The MDC, the message's arguments and the thread name are read now, not when (if ever) it is written.
        event.prepareForDeferredProcessing();
        int size = sizeOf(event);
        if (size > capacityChars) {
            dropped++;
            return;
        }
        while (chars + size > capacityChars) {
            chars -= sizeOf(events.removeFirst());
            dropped++;
        }
        events.addLast(event);
        chars += size;
    }

    /** The kept lines, oldest first, and empties the buffer. */
    List<ILoggingEvent> drain() {
        List<ILoggingEvent> drained = List.copyOf(events);
        events.clear();
        chars = 0;
        return drained;
    }

    /** How many lines made room for later ones since the invocation started. */
    int dropped() {
        return dropped;
    }

    private static int sizeOf(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        return message == null ? 0 : message.length();
    }
}
