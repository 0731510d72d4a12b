package com.scratch.bench.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {

    @Test
    void countsWhatGoesToStdoutWhileInstalledThenGivesItBack() {
        // given
        PrintStream before = System.out;

        // when
        StdoutSink sink = StdoutSink.install();
        PrintStream during = System.out;
        System.out.println("one");
        System.out.write("two\n".getBytes(), 0, 4);
        sink.close();

        // then
        assertThat(during).isNotSameAs(before);
        assertThat(sink.original()).isSameAs(before);
        assertThat(System.out).isSameAs(before);
        assertThat(sink.lines()).isEqualTo(2);
        assertThat(sink.bytes()).isEqualTo(8);
    }
}
