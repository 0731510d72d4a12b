package com.scratch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the part of BENCHMARKS.md that a benchmark generates: the text between
 * {@code <!-- generated: NAME -->} and {@code <!-- end generated: NAME -->}, so that running the benchmarks updates
 * their figures in place and leaves the hand-written analysis around them alone. A file without the markers is left
 * as it is.
 */
final class GeneratedSection {

    private GeneratedSection() {
    }

    /** Returns whether the section was found and replaced. */
    static boolean replace(Path markdown, String name, String content) throws IOException {
        if (!Files.isRegularFile(markdown)) {
            return false;
        }
        String text = Files.readString(markdown);
        String begin = "<!-- generated: " + name + " -->";
        String end = "<!-- end generated: " + name + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            return false;
        }
        String updated = text.substring(0, from + begin.length()) + "\n" + content.strip() + "\n" + text.substring(to);
        Files.writeString(markdown, updated);
        return true;
    }
}
