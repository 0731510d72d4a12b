package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LambdaMemorySettingTest {

    @Test
    void splitsTheSettingAsTheManagedRuntimeDoesFor256Mb() {
        // the command line quoted for a 256 MB java11 function
        assertThat(new LambdaMemorySetting(256).runtimeJvmOptions()).startsWith("-XX:MaxHeapSize=222823k",
                "-XX:MaxMetaspaceSize=26214k", "-XX:ReservedCodeCacheSize=13107k", "-XX:+UseSerialGC");
    }

    @Test
    void theThreePartsAddUpToTheSetting() {
        for (int megabytes : new int[] {512, 1024, 1769, 3008}) {
            LambdaMemorySetting setting = new LambdaMemorySetting(megabytes);
            assertThat(setting.maxHeapKb() + setting.maxMetaspaceKb() + setting.reservedCodeCacheKb())
                    .isEqualTo(megabytes * 1024L);
        }
        assertThat(new LambdaMemorySetting(1024).runtimeJvmOptions()).startsWith("-XX:MaxHeapSize=891291k",
                "-XX:MaxMetaspaceSize=104857k", "-XX:ReservedCodeCacheSize=52428k");
    }

    @Test
    void theHarnessAlsoTellsTheJvmHowMuchMemoryTheMicroVmHas() {
        assertThat(new LambdaMemorySetting(512).jvmOptions()).endsWith("-XX:MaxRAM=512m")
                .containsAll(new LambdaMemorySetting(512).runtimeJvmOptions());
    }

    @Test
    void refusesASettingLambdaRefuses() {
        assertThatThrownBy(() -> new LambdaMemorySetting(64)).isInstanceOf(IllegalArgumentException.class);
    }
}
