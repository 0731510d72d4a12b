package com.scratch.sandbox.console;

import com.scratch.sandbox.runtime.Invocation;
import java.io.PrintStream;
import java.util.Objects;

/**
 * One readable line per invocation, and one per text message "sent":
 * <pre>
 * billing  cold   912 ms (init 655 ms)  200  POST /billing
 * notify   warm     3 ms                ok   sns local-note-purchased
 * SMS to +14151234567: Charged $42.00 for Scratch charge (21 notes)
 * </pre>
 */
public final class InvocationLog {

    private final PrintStream out;

    public InvocationLog(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out == null");
    }

    public void invoked(String function, Invocation invocation, String outcome, String trigger) {
        String init = invocation.coldStart() ? String.format("(init %d ms)", invocation.initDuration().toMillis()) : "";
        out.printf("%-8s %-4s %6d ms %-15s %-4s %s%n", function, invocation.coldStart() ? "cold" : "warm",
                invocation.initDuration().plus(invocation.duration()).toMillis(), init, outcome, trigger);
    }

    public void failed(String function, String outcome, String trigger, String error) {
        out.printf("%-8s %-4s %9s %-15s %-4s %s: %s%n", function, "", "", "", outcome, trigger, firstLine(error));
    }

    /** Stack traces and event dumps belong in the function's own log lines, not in the summary. */
    private static String firstLine(String error) {
        String line = error == null ? "" : error.lines().findFirst().orElse("");
        return line.length() > 240 ? line.substring(0, 240) + "..." : line;
    }

    /** A call a function's role does not allow: one line, what was refused and what would allow it. */
    public void iamRefused(String function, String what) {
        out.printf("%-8s IAM  refused %s%n", function, what);
    }

    public void sms(String phoneNumber, String message) {
        out.printf("SMS to %s: %s%n", phoneNumber, message);
    }

    public void note(String line) {
        out.println(line);
    }
}
