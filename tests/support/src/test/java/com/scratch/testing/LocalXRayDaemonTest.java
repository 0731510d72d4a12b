package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Subsegment;
import org.junit.jupiter.api.Test;

class LocalXRayDaemonTest {

    @Test
    void anInvocationRunsUnderAFacadeOfANewTraceAndGetsWhatWasSentForItFlattened() throws Exception {
        try (LocalXRayDaemon daemon = LocalXRayDaemon.start()) {
            // given: a function's recorder sending to the daemon
            DaemonConfiguration config = new DaemonConfiguration();
            config.setDaemonAddress(daemon.address());
            AWSXRayRecorder function = AWSXRayRecorderBuilder.standard().withEmitter(Emitter.create(config)).build();

            // when
            LocalXRayDaemon.Invocation<String> invocation = daemon.invoke(() -> {
                Subsegment handler = function.beginSubsegment("## handleRequest");
                Subsegment call = function.beginSubsegment("Sns");
                function.endSubsegment(call);
                function.setTraceEntity(handler);
                function.endSubsegment(handler);
                return "done";
            });
            LocalXRayDaemon.Invocation<String> failed = daemon.invoke(() -> {
                throw new IllegalStateException("boom");
            });

            // then
            assertThat(invocation.result()).isEqualTo("done");
            assertThat(invocation.thrown()).isNull();
            assertThat(invocation.names()).containsExactly("## handleRequest", "Sns");
            assertThat(invocation.single("## handleRequest").path("parent_id").asText())
                    .isEqualTo(invocation.segmentId());
            assertThat(invocation.single("Sns").path("parent_id").asText())
                    .isEqualTo(invocation.single("## handleRequest").path("id").asText());
            assertThat(invocation.trace()).allSatisfy(
                    entity -> assertThat(entity.path("trace_id").asText()).isEqualTo(invocation.traceId()));
            assertThat(failed.thrown()).hasMessage("boom");
            assertThat(failed.trace()).isEmpty();
            assertThat(failed.traceId()).isNotEqualTo(invocation.traceId());
            assertThat(ThreadLocalStorage.get()).as("no segment left on the thread").isNull();
            assertThat(daemon.datagrams()).hasSize(1).allSatisfy(
                    datagram -> assertThat(datagram).startsWith("{\"format\": \"json\", \"version\": 1}\n"));
        }
    }
}
