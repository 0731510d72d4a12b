package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapInfoTest {

    @Test
    void sumsTheSerialCollectorsGenerationsAndReadsTheMetaspace() {
        // given: jcmd <pid> GC.heap_info of a JVM on -XX:+UseSerialGC (JDK 17)
        String output = """
                9442:
                 def new generation   total 116160K, used 20659K [0x00000000e4c00000, 0x00000000eca00000, 0x00000000edd50000)
                  eden space 103296K,  20% used [0x00000000e4c00000, 0x00000000e602cfa0, 0x00000000eb0e0000)
                  from space 12864K,   0% used [0x00000000eb0e0000, 0x00000000eb0e0000, 0x00000000ebd70000)
                  to   space 12864K,   0% used [0x00000000ebd70000, 0x00000000ebd70000, 0x00000000eca00000)
                 tenured generation   total 258048K, used 1000K [0x00000000edd50000, 0x00000000fd950000, 0x0000000100000000)
                   the space 258048K,   0% used [0x00000000edd50000, 0x00000000edd50000, 0x00000000edd50200, 0x00000000fd950000)
                 Metaspace       used 8964K, committed 9152K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;

        // when
        HeapInfo heap = HeapInfo.parse(output);

        // then: the spaces inside a generation are not counted twice, nor the class space inside the metaspace
        assertThat(heap).isEqualTo(new HeapInfo(21_659, 374_208, 8_964, 9_152));
    }

    @Test
    void failsOnSomethingElse() {
        assertThatThrownBy(() -> HeapInfo.parse("9442:\nCommand executed successfully\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
