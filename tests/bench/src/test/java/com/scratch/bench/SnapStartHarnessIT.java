package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.bench.runtime.SnapStartRestore;
import com.scratch.emulators.serverless.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each side of the SnapStart figure makes a whole purchase through the restore path under the runtime interface client
 * (init as for a snapshot, {@code beforeCheckpoint}, {@code restore/next}, {@code afterRestore}, the event), and
 * billing's {@code PRIMING} is honoured: primed, the request path's Stripe classes are loaded before the
 * restore; with {@code off}, only in the first invocation after it. No time is asserted.
 */
class SnapStartHarnessIT {

    /**
     * What {@code BillingPrimer} loads through {@code StripePayments.prime()}, and a purchase needs: the reading of
     * Stripe's answer.
     */
    private static final String PRIMED_CLASS = "com.scratch.billing.stripe.PaymentIntentAnswer";
    private static final Path WORK = Path.of("target", "bench-it");
    private static PurchaseStack stack;
    private static List<SnapStartRestoreBenchmark.Side> sides;

    @BeforeAll
    static void start() {
        Path root = RepositoryRoot.find();
        stack = new PurchaseStack(root);
        sides = SnapStartRestoreBenchmark.sides(Contenders.prepare(root, WORK));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void primedBillingHasTheRequestPathLoadedBeforeTheRestore() throws Exception {
        assertThat(loadedAfterTheRestore(side("billing, primed"), PRIMED_CLASS)).isFalse();
    }

    @Test
    void unprimedBillingLoadsTheRequestPathOnlyAfterTheRestore() throws Exception {
        assertThat(loadedAfterTheRestore(side("billing, not primed"), PRIMED_CLASS)).isTrue();
    }

    @Test
    void theBaselinePurchasesThroughTheRestorePath() throws Exception {
        SnapStartRestoreBenchmark.Side baseline = side("baseline");
        PurchaseStack.Effects before = stack.effects();

        SnapStartRestore run = baseline.restore(stack, List.of(), Duration.ofMillis(200), "it");

        stack.assertOnePurchase(before, run.answered(), run.response(), baseline.name(), run.output());
        assertThat(run.restoreToResponseMillis()).isPositive();
    }

    /** Runs {@code side} with a class-load log: whether {@code className} was loaded after the restore. */
    private static boolean loadedAfterTheRestore(SnapStartRestoreBenchmark.Side side, String className)
            throws Exception {
        // given
        Path classLog = WORK.resolve("profiles").resolve(side.fileName() + "-snapstart-it-class-load.log");
        Files.createDirectories(classLog.getParent());
        PurchaseStack.Effects before = stack.effects();

        // when
        SnapStartRestore run = side.restore(stack,
                List.of("-Xlog:class+load=info:file=" + classLog.toAbsolutePath() + ":uptimenanos"),
                Duration.ofMillis(300), "it");

        // then
        stack.assertOnePurchase(before, run.answered(), run.response(), side.name(), run.output());
        assertThat(Files.readString(run.output())).as("the hooks ran (output in %s)", run.output())
                .contains("Snapshot: primed, and every cached parameter value forgotten")
                .contains("Restored: cached parameter values forgotten and being read again");
        double loadedAt = ClassLoadLog.read(classLog).firstMillis(className);
        assertThat(loadedAt).as("%s loaded", className).isPositive();
        return loadedAt > run.holdMidpointMillis();
    }

    private static SnapStartRestoreBenchmark.Side side(String name) {
        return sides.stream().filter(side -> side.name().equals(name)).findFirst().orElseThrow();
    }
}
