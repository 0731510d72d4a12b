package com.scratch.bench;

import com.scratch.bench.runtime.ColdStart;
import com.scratch.bench.runtime.LambdaJvm;
import com.scratch.bench.runtime.SnapStartRestore;
import com.scratch.bench.runtime.TaskRoot;
import com.scratch.bench.runtime.WarmContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cold-start benchmark compares: billing's deployed jar ({@code services/billing-api/target/billing-api.jar},
 * handler {@code com.scratch.billing.BillingHandler::handleRequest}) and the baseline written the usual way
 * ({@code tests/bench/target/baseline-billing.jar}), each unzipped into a task root of its own, both started with
 * billing's deployment settings (serverless.yml's {@code JAVA_TOOL_OPTIONS} and memory size).
 */
record Contenders(LambdaJvm jvm, Contender billing, Contender baseline, List<Contender> floors) {

    static final String BILLING_HANDLER = "com.scratch.billing.BillingHandler::handleRequest";
    static final String BASELINE_HANDLER = "com.scratch.bench.baseline.UsualBillingHandler::handleRequest";
    /** Handlers that do no work (in the baseline's jar): what the JVM and the runtime cost on their own. */
    static final String TYPED_FLOOR_HANDLER = "com.scratch.bench.floor.EmptyProxyHandler::handleRequest";
    static final String STREAM_FLOOR_HANDLER = "com.scratch.bench.floor.EmptyStreamHandler::handleRequest";

    /**
     * {@code -Dbench.billingJar=PATH}: measure another build of billing's jar instead of the one this build made (a
     * candidate fix, say). Its figures are then not the repository's: the benchmarks name the jar in their report and
     * leave BENCHMARKS.md alone.
     */
    static final String CANDIDATE_BILLING_JAR = "bench.billingJar";

    /** Unzips both jars under {@code workFolder} and finds the runtime on the test class path. */
    static Contenders prepare(Path repositoryRoot, Path workFolder) {
        PurchaseStack.DeployedFunction deployed = PurchaseStack.DeployedFunction.of(
                repositoryRoot.resolve("services/billing-api/serverless.yml"));
        LambdaJvm jvm = LambdaJvm.fromTestClassPath(workFolder.resolve("runtime"));
        String candidate = System.getProperty(CANDIDATE_BILLING_JAR, "");
        Path billingJar = existing(candidate.isBlank()
                ? repositoryRoot.resolve("services/billing-api/target/billing-api.jar") : Path.of(candidate));
        Path baselineJar = existing(repositoryRoot.resolve("tests/bench/target/baseline-billing.jar"));
        TaskRoot baselineRoot = TaskRoot.unzip(baselineJar, workFolder.resolve("task-roots/baseline"));
        Path output = workFolder.resolve("output");
        return new Contenders(jvm,
                new Contender("billing", jvm, TaskRoot.unzip(billingJar, workFolder.resolve("task-roots/billing")),
                        BILLING_HANDLER, deployed, output),
                new Contender("baseline", jvm, baselineRoot, BASELINE_HANDLER, deployed, output),
                List.of(new Contender("floor-typed", jvm, baselineRoot, TYPED_FLOOR_HANDLER, deployed, output),
                        new Contender("floor-stream", jvm, baselineRoot, STREAM_FLOOR_HANDLER, deployed, output)));
    }

    List<Contender> both() {
        return List.of(billing, baseline);
    }

    /** Whether billing is the jar this build made (no candidate jar): only then do figures go into BENCHMARKS.md. */
    static boolean billingIsThisBuild() {
        return System.getProperty(CANDIDATE_BILLING_JAR, "").isBlank();
    }

    /** For a report: which billing jar was measured, when it is not this build's. */
    String candidateNote() {
        return billingIsThisBuild() ? "" : "**Billing measured from a candidate jar, not this build's: `"
                + billing.taskRoot().deployedJar() + "` (`-D" + CANDIDATE_BILLING_JAR + "`).** ";
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run `mvn package` (or verify) for its module first");
        }
        return jar;
    }

    /** One side: its task root, its handler, how Lambda starts it. */
    record Contender(String name, LambdaJvm jvm, TaskRoot taskRoot, String handler,
            PurchaseStack.DeployedFunction deployed, Path outputFolder) {

        /** A cold start on a new purchase; {@code run} names its output file. */
        ColdStart coldStart(PurchaseStack stack, List<String> jvmOptions, String run) {
            return coldStart(stack, Map.of(), jvmOptions, run, ColdStart.Ending.KILLED);
        }

        /**
         * A cold start on a new purchase with {@code variables} added to (or replacing some of) the function's
         * environment, the JVM ended as {@code ending} says; {@code run} names its output file.
         */
        ColdStart coldStart(PurchaseStack stack, Map<String, String> variables, List<String> jvmOptions, String run,
                ColdStart.Ending ending) {
            Map<String, String> environment = new LinkedHashMap<>(stack.functionEnvironment(name, deployed));
            environment.putAll(variables);
            return ColdStart.run(jvm, taskRoot, handler, environment, jvmOptions, stack.purchaseEvent(),
                    outputFolder.resolve(name + "-" + run + ".log"), ending);
        }

        /** A container kept warm for many purchases, started now; {@code run} names its output file. */
        WarmContainer container(PurchaseStack stack, List<String> jvmOptions, String run) {
            return WarmContainer.start(jvm, taskRoot, handler, stack.functionEnvironment(name, deployed), jvmOptions,
                    outputFolder.resolve(name + "-" + run + ".log"));
        }

        /** The same function deployed with another memory setting ({@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}). */
        Contender withMemorySize(int megabytes) {
            return new Contender(name, jvm, taskRoot, handler,
                    new PurchaseStack.DeployedFunction(deployed.javaToolOptions(), megabytes), outputFolder);
        }

        /**
         * A SnapStart init, a restore after {@code snapshotPause} and a new purchase, with {@code variables} added to
         * the function's environment; {@code run} names its output file.
         */
        SnapStartRestore snapStartRestore(PurchaseStack stack, Map<String, String> variables, List<String> jvmOptions,
                Duration snapshotPause, String run) {
            Map<String, String> environment = new LinkedHashMap<>(stack.functionEnvironment(name, deployed));
            environment.putAll(variables);
            return SnapStartRestore.run(jvm, taskRoot, handler, environment, jvmOptions, stack.purchaseEvent(),
                    snapshotPause, outputFolder.resolve(name + "-snapstart-" + run + ".log"));
        }
    }
}
