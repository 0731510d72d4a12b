package com.scratch.logbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The mains' in-process figures, written to the file named by -Dlogbench.timing (stdout and stderr are the log's). */
final class Timing {

    private Timing() {
    }

    static void write(long initAndFirstLineNanos, long errorLineNanos) {
        String file = System.getProperty("logbench.timing");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), "init_and_first_line_ns=" + initAndFirstLineNanos
                    + "\nerror_line_ns=" + errorLineNanos + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
