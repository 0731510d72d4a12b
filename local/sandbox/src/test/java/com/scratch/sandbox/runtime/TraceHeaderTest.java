package com.scratch.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceHeaderTest {

    @Test
    void readsRootParentAndSampledAndWritesThemBack() {
        // when
        TraceHeader header = TraceHeader.parse(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1").orElseThrow();

        // then
        assertThat(header).isEqualTo(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true));
        assertThat(header).hasToString("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
    }

    @Test
    void otherKeysAreIgnoredAndSampledZeroIsNotSampled() {
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0;Lineage=a87bd80c:0"))
                .contains(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", null, false));
    }

    @Test
    void withoutARootThereIsNoHeader() {
        assertThat(TraceHeader.parse(null)).isEmpty();
        assertThat(TraceHeader.parse("")).isEmpty();
        assertThat(TraceHeader.parse("Parent=53995c3f42cd8ad8;Sampled=1")).isEmpty();
    }
}
