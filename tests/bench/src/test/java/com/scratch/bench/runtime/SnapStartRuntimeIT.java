package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real runtime interface client goes through SnapStart against the local Runtime API as it does in Lambda: with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} it runs the hooks a handler registered with {@code org.crac}
 * (through Lambda's {@code org.crac.Core.Compat} property) before asking for {@code restore/next}, the others once that
 * is answered, and only then takes an event; a failing hook is reported to {@code init/error} or
 * {@code restore/error} with its kind. The handler's task root is what a function's jar would unzip to: its class and
 * {@code lib/} with the org.crac jar.
 */
class SnapStartRuntimeIT {

    private static final String HANDLER = SnapStartHooksHandler.class.getName() + "::handleRequest";
    private static final Path WORK = Path.of("target", "bench-it");
    private static LambdaJvm jvm;
    private static TaskRoot taskRoot;

    @BeforeAll
    static void taskRootWithOrgCrac() throws IOException {
        jvm = LambdaJvm.fromTestClassPath(WORK.resolve("runtime"));
        Path folder = WORK.resolve("task-roots/snapstart-hooks");
        Path classes = Path.of("target", "test-classes");
        String packageFolder = SnapStartHooksHandler.class.getPackageName().replace('.', '/');
        Files.createDirectories(folder.resolve(packageFolder));
        try (Stream<Path> compiled = Files.list(classes.resolve(packageFolder))) {
            for (Path handlerClass : compiled.filter(path -> path.getFileName().toString()
                    .startsWith(SnapStartHooksHandler.class.getSimpleName())).toList()) {
                Files.copy(handlerClass, folder.resolve(packageFolder).resolve(handlerClass.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path orgCrac = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(path -> path.getFileName().toString().matches("crac-[0-9][^/]*\\.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("org.crac is not on the test class path"));
        Files.createDirectories(folder.resolve("lib"));
        Files.copy(orgCrac, folder.resolve("lib").resolve(orgCrac.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        taskRoot = new TaskRoot(folder.toRealPath(), orgCrac);
    }

    @Test
    void theHooksRunAroundTheRestoreAndTheEventComesAfterThem() throws Exception {
        // when
        SnapStartRestore run = SnapStartRestore.run(jvm, taskRoot, HANDLER, Map.of(), List.of(), "{}",
                Duration.ofMillis(200), output("snapstart-hooks"));

        // then
        assertThat(run.answered()).as("answered: %s (output in %s)", run.response(), run.output()).isTrue();
        assertThat(new ObjectMapper().readTree(run.response()).get("hooksCalled"))
                .extracting(node -> node.asText()).containsExactly("beforeCheckpoint", "afterRestore");
        assertThat(run.initMillis()).isPositive();
        assertThat(run.restoredAtMillis()).isGreaterThanOrEqualTo(run.initMillis() + 200);
        assertThat(run.restoreToResponseMillis()).isPositive()
                .isGreaterThanOrEqualTo(run.afterRestoreMillis() + run.invokeMillis());
    }

    @Test
    void withoutLambdasCompatPropertyOrgCracKeepsNoHookAndTheRuntimeCallsNone() throws Exception {
        // when: the property Lambda's runtime starts the JVM with, emptied
        SnapStartRestore run = SnapStartRestore.run(jvm, taskRoot, HANDLER, Map.of(),
                List.of("-Dorg.crac.Core.Compat="), "{}", Duration.ofMillis(0), output("snapstart-no-compat"));

        // then
        assertThat(run.answered()).as("answered: %s (output in %s)", run.response(), run.output()).isTrue();
        assertThat(new ObjectMapper().readTree(run.response()).get("hooksCalled")).isEmpty();
    }

    @Test
    void aFailingBeforeCheckpointHookIsAnInitErrorAndNoRestoreIsAskedFor() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.startHoldingRestore()) {
            // given
            LocalRuntimeApi.Invocation invocation = api.invoke("req-1", "{}");

            // when
            Process process = start(api, "beforeCheckpoint", "before-checkpoint-fails");

            // then
            try {
                LocalRuntimeApi.RuntimeError error = api.initError().get(60, TimeUnit.SECONDS);
                assertThat(error.errorType()).isEqualTo("Runtime.BeforeCheckpointError");
                // The error names the context's exception; the hook's own is in the log, suppressed by it.
                assertThat(error.body()).contains("CheckpointException");
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(64);
                assertThat(Files.readString(output("before-checkpoint-fails")))
                        .contains("beforeCheckpoint failed, as HOOK_FAILS asked");
                assertThat(api.restoreRequested()).isNotDone();
                assertThat(invocation.outcome().get(1, TimeUnit.SECONDS).answered()).isFalse();
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aFailingAfterRestoreHookIsARestoreError() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.startHoldingRestore()) {
            // given
            LocalRuntimeApi.Invocation invocation = api.invoke("req-2", "{}");
            Process process = start(api, "afterRestore", "after-restore-fails");
            try {
                api.restoreRequested().get(60, TimeUnit.SECONDS);

                // when
                api.restore();

                // then
                LocalRuntimeApi.RuntimeError error = api.restoreError().get(60, TimeUnit.SECONDS);
                assertThat(error.errorType()).isEqualTo("Runtime.AfterRestoreError");
                assertThat(error.body()).contains("RestoreException");
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(64);
                assertThat(Files.readString(output("after-restore-fails")))
                        .contains("afterRestore failed, as HOOK_FAILS asked");
                assertThat(api.nextRequests()).isEmpty();
                assertThat(invocation.outcome().get(1, TimeUnit.SECONDS).answered()).isFalse();
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static Process start(LocalRuntimeApi api, String failingHook, String outputName) {
        Map<String, String> environment = Map.of(SnapStartRestore.INITIALIZATION_TYPE_VARIABLE, "snap-start",
                SnapStartHooksHandler.FAILING_HOOK_VARIABLE, failingHook);
        return jvm.start(taskRoot, HANDLER, environment, List.of(), api.address(), output(outputName));
    }

    private static Path output(String name) {
        return WORK.resolve("output").resolve(name + ".log");
    }
}
