package com.scratch.bench.warm;

import com.scratch.aws.ClientTracing;
import com.scratch.aws.InvocationTracing;
import com.scratch.billing.BillingHandler;
import com.scratch.billing.metrics.BillingMetrics;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.config.Stage;
import com.scratch.logging.FunctionLogging;
import com.scratch.logging.InvocationLogContext;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure 3 of issue 10, billing's side: one warm invocation of {@code BillingHandler.handleRequest}, the proxy event's
 * bytes in and the answer's bytes out, as the runtime calls a stream handler. Run by {@code WarmInvocationBenchmark}
 * in a JVM whose class path is billing's task root (its deployed jar) and whose environment is the function's.
 *
 * <ul>
 *   <li>{@link #loopback}: the handler as Lambda builds it (the no-argument constructor, from the process's
 *       environment), its purchases going to the local SSM, Stripe, DynamoDB and SNS and its trace to a local X-Ray
 *       daemon, all in the harness's JVM: the whole warm invocation but the network;</li>
 *   <li>{@link #ownWork}: the same handler built from its parts around in-memory {@code Payments} and
 *       {@code PurchaseAnnouncements}: parsing, pricing, the idempotency key, the purchase's log lines, metrics and
 *       trace span, the answer; no I/O but the lines written to stdout and, with {@code tracing=xray}, the span sent
 *       to the daemon over UDP.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BillingInvocation {

    @Benchmark
    public int loopback(Loopback state) throws IOException {
        return state.invoke();
    }

    @Benchmark
    public int ownWork(OwnWork state) throws IOException {
        return state.invoke();
    }

    /** Billing's cold start from the environment, as in Lambda, against the stand-ins. */
    @State(Scope.Thread)
    public static class Loopback {

        private StdoutSink stdout;
        private Invocations invocations;
        private BillingHandler handler;

        @Setup(Level.Trial)
        public void coldStart() {
            // First: the handler's metrics keep the System.out they find.
            stdout = StdoutSink.install();
            invocations = Invocations.fromSystem();
            handler = new BillingHandler();
        }

        @Setup(Level.Invocation)
        public void nextEvent() {
            invocations.next();
        }

        int invoke() throws IOException {
            handler.handleRequest(invocations.event(), invocations.answer, invocations.context);
            invocations.requireProxy200();
            return invocations.answer.size();
        }

        @TearDown(Level.Trial)
        public void report() {
            PrintStream out = stdout.original();
            stdout.close();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("invocations", invocations.count());
            stats.put("stdoutLines", stdout.lines());
            stats.put("stdoutBytes", stdout.bytes());
            Invocations.report(out, "billing.loopback", stats);
        }
    }

    /** Billing's handler around in-memory payments and announcements. */
    @State(Scope.Thread)
    public static class OwnWork {

        /**
         * {@code none}: {@code ClientTracing.none()}; {@code xray}: X-Ray as in Lambda (the invocation's span under the
         * segment its context's trace header names, sent to the daemon).
         */
        @Param({"none", "xray"})
        public String tracing;

        private StdoutSink stdout;
        private Invocations invocations;
        private Parts parts;

        @Setup(Level.Trial)
        public void build() {
            stdout = StdoutSink.install();
            invocations = Invocations.fromSystem();
            parts = Parts.build(System.getenv(), tracing, System.out);
        }

        @Setup(Level.Invocation)
        public void nextEvent() {
            invocations.next();
        }

        int invoke() throws IOException {
            parts.handler().handleRequest(invocations.event(), invocations.answer, invocations.context);
            invocations.requireProxy200();
            return invocations.answer.size();
        }

        @TearDown(Level.Trial)
        public void report() {
            PrintStream out = stdout.original();
            stdout.close();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("invocations", invocations.count());
            stats.put("stdoutLines", stdout.lines());
            stats.put("stdoutBytes", stdout.bytes());
            stats.put("charges", parts.payments().charges());
            stats.put("announced", parts.announcements().announced());
            Invocations.report(out, "billing.ownWork-" + tracing, stats);
        }
    }

    /**
     * Billing's handler from its parts, as {@code BillingColdStart} wires them, with the payments and announcements in
     * memory: logging set up from {@code environment} ({@code FunctionLogging}, stdout), the real
     * {@code BillingMetrics} writing to {@code metricsOut}, the invocation span traced as {@code tracing} says.
     */
    record Parts(BillingHandler handler, InMemoryPayments payments, InMemoryAnnouncements announcements) {

        static Parts build(Map<String, String> environment, String tracing, PrintStream metricsOut) {
            InvocationLogContext logging = FunctionLogging.configure(BillingMetrics.SERVICE, environment);
            Stage stage = Stage.of(environment.getOrDefault("STAGE", "dev"));
            Clock clock = Clock.systemUTC();
            InMemoryPayments payments = new InMemoryPayments();
            InMemoryAnnouncements announcements = new InMemoryAnnouncements();
            ClientTracing clientTracing = switch (tracing) {
                case "none" -> ClientTracing.none();
                case "xray" -> ClientTracing.xray(environment);
                default -> throw new IllegalArgumentException("tracing is none or xray, not " + tracing);
            };
            BillingHandler handler = new BillingHandler(new PurchaseService(payments, announcements, stage, clock),
                    BillingMetrics.forStage(stage.name(), metricsOut, clock), logging,
                    new InvocationTracing(clientTracing, stage.name()));
            return new Parts(handler, payments, announcements);
        }
    }
}
