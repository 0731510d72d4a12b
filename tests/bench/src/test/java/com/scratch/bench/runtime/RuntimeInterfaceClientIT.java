package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real runtime interface client, started as the harness starts it (fresh JVM, task root, Lambda's environment),
 * speaks the protocol of the local Runtime API: it asks for the event, calls the handler from the task root with the
 * request id and function name it was given, and posts the handler's answer back.
 */
class RuntimeInterfaceClientIT {

    @Test
    void theRuntimeTakesTheEventAndPostsTheHandlersAnswer() throws Exception {
        // given: this module's test classes as the task root, as if they had been unzipped from a jar
        LambdaJvm jvm = LambdaJvm.fromTestClassPath(Path.of("target", "bench-it", "runtime"));
        TaskRoot taskRoot = new TaskRoot(Path.of("target", "test-classes").toRealPath(), Path.of("none"));

        // when
        ColdStart run = ColdStart.run(jvm, taskRoot, EchoHandler.class.getName() + "::handleRequest",
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "echo", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"), List.of(),
                "{\"message\":\"hello\"}", Path.of("target", "bench-it", "output", "echo.log"));

        // then
        assertThat(run.answered()).as("answered: %s (output in %s)", run.response(), run.output()).isTrue();
        JsonNode answer = new ObjectMapper().readTree(run.response());
        assertThat(answer.get("echo").asText()).isEqualTo("hello");
        assertThat(answer.get("functionName").asText()).isEqualTo("echo");
        assertThat(answer.get("requestId").asText()).matches("[0-9a-f-]{36}");
        assertThat(answer.get("traceHeader").asText()).startsWith("Root=1-");
        assertThat(answer.get("xrayTraceId").asText()).as("the header in the Context, which libs/aws's tracing reads")
                .isEqualTo(answer.get("traceHeader").asText());
        assertThat(run.initMillis()).isPositive().isLessThanOrEqualTo(run.totalMillis());
    }
}
