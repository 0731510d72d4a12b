package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceHeaderTest {

    @Test
    void lambdasHeaderGivesTheTraceTheParentAndTheDecisionWhateverElseItCarries() {
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;"
                + "Lineage=a87bd80c:1|68fd508a:5"))
                .contains(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true));
        assertThat(TraceHeader.parse(" Root=1-5759e988-bd862e3fe1be46a994272793 ; Parent=53995c3f42cd8ad8 ; Sampled=0"))
                .contains(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", false));
    }

    @Test
    void onlySampledOneIsSampledAsTheXRaySdkReadIt() {
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8"))
                .hasValueSatisfying(header -> assertThat(header.sampled()).isFalse());
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=?"))
                .hasValueSatisfying(header -> assertThat(header.sampled()).isFalse());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", "Parent=53995c3f42cd8ad8;Sampled=1",
            "Root=;Parent=53995c3f42cd8ad8", "garbage"})
    void aHeaderWithoutARootAndAParentHasNothingToHangFrom(String header) {
        assertThat(TraceHeader.parse(header)).isEmpty();
    }

    @Test
    void writtenAsXRayWritesItWithoutAParentWhenThereIsNone() {
        assertThat(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true))
                .hasToString("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", null, false))
                .hasToString("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
    }
}
