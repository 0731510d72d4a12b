package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void readsThePeakAndCurrentResidentSetOfTheNamedProcess() {
        // given: the lines around them as Linux writes them (VmPeak is virtual memory, not the peak RSS)
        String status = """
                Name:\tjava
                Umask:\t0022
                State:\tS (sleeping)
                Pid:\t9442
                VmPeak:\t 6512345 kB
                VmSize:\t 6500000 kB
                VmHWM:\t  175884 kB
                VmRSS:\t  160012 kB
                RssAnon:\t  120000 kB
                Threads:\t17
                """;

        // when
        ProcessMemory memory = ProcessMemory.parse(status);

        // then
        assertThat(memory).isEqualTo(new ProcessMemory("java", 175_884, 160_012));
        assertThat(memory.peakRssMb()).isEqualTo(175_884 / 1024.0);
    }

    @Test
    void failsOnAStatusWithoutTheMemoryLines() {
        // a zombie's status has no Vm lines
        assertThatThrownBy(() -> ProcessMemory.parse("Name:\tjava\nState:\tZ (zombie)\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VmHWM");
    }

    @Test
    void readsThisProcess() {
        ProcessMemory self = ProcessMemory.of(ProcessHandle.current().pid());

        assertThat(self.name()).isEqualTo("java");
        assertThat(self.peakRssKb()).isGreaterThanOrEqualTo(self.rssKb()).isPositive();
    }
}
