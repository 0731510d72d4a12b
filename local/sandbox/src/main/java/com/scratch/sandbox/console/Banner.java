package com.scratch.sandbox.console;

import java.io.PrintStream;
import java.util.List;

/** The lines printed when the stack is ready: where everything is and a request to paste. */
public final class Banner {

    private Banner() {
    }

    public static void print(PrintStream out, List<String> lines) {
        String rule = "-".repeat(78);
        out.println(rule);
        lines.forEach(out::println);
        out.println(rule);
    }
}
