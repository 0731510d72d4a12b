package com.scratch.bench.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.scratch.bench.baseline.UsualBillingHandler;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Figure 3 of issue 10, the baseline's side: one warm invocation of {@code UsualBillingHandler}, a typed
 * {@code RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>}, with what Lambda's runtime does
 * for such a handler on each invocation: the event's bytes read into an {@code APIGatewayProxyRequestEvent} and the
 * answer written back as bytes by the runtime's own serialisers (aws-lambda-java-serialization's
 * {@code LambdaEventSerializers}, as the runtime interface client picks them for these types). So both sides take
 * the same bytes in and give bytes out. Run by {@code WarmInvocationBenchmark} in a JVM whose class path is the
 * baseline's task root plus the runtime's serialisation library, with the function's environment.
 *
 * <ul>
 *   <li>{@link #loopback}: the handler as Lambda builds it (its no-argument constructor, from the process's
 *       environment) against the same local stand-ins as billing's;</li>
 *   <li>{@link #runtimeSerialisation}: the runtime's part alone, reading the event and writing a 200 answer, no
 *       handler: what the typed signature costs each invocation, which billing's stream handler does not pay (it
 *       reads the bytes with its own Jackson, inside its own work).</li>
 * </ul>
 *
 * <p>The baseline's own work cannot be measured with in-memory fakes as billing's is: it builds its SSM provider, SNS
 * and DynamoDB clients and Stripe's static client itself, with nothing to hand it others.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BaselineInvocation {

    @Benchmark
    public int loopback(Loopback state) {
        Invocations invocations = state.invocations;
        APIGatewayProxyRequestEvent event = state.events.fromJson(invocations.event());
        APIGatewayProxyResponseEvent response = state.handler.handleRequest(event, invocations.context);
        if (response.getStatusCode() == null || response.getStatusCode() != 200) {
            throw new IllegalStateException("Not a 200 purchase: " + response);
        }
        state.answers.toJson(response, invocations.answer);
        return invocations.answer.size();
    }

    @Benchmark
    public int runtimeSerialisation(Serialisation state, Blackhole blackhole) {
        Invocations invocations = state.invocations;
        blackhole.consume(state.events.fromJson(invocations.event()));
        state.answers.toJson(state.answer, invocations.answer);
        return invocations.answer.size();
    }

    /** The baseline's cold start from the environment, as in Lambda, against the stand-ins. */
    @State(Scope.Thread)
    public static class Loopback {

        private StdoutSink stdout;
        Invocations invocations;
        UsualBillingHandler handler;
        PojoSerializer<APIGatewayProxyRequestEvent> events;
        PojoSerializer<APIGatewayProxyResponseEvent> answers;

        @Setup(Level.Trial)
        public void coldStart() {
            stdout = StdoutSink.install();
            invocations = Invocations.fromSystem();
            handler = new UsualBillingHandler();
            events = serializer(APIGatewayProxyRequestEvent.class);
            answers = serializer(APIGatewayProxyResponseEvent.class);
        }

        @Setup(Level.Invocation)
        public void nextEvent() {
            invocations.next();
        }

        @TearDown(Level.Trial)
        public void report() {
            PrintStream out = stdout.original();
            stdout.close();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("invocations", invocations.count());
            stats.put("stdoutLines", stdout.lines());
            stats.put("stdoutBytes", stdout.bytes());
            Invocations.report(out, "baseline.loopback", stats);
        }
    }

    /** The runtime's serialisers and a 200 answer such as the baseline gives. */
    @State(Scope.Thread)
    public static class Serialisation {

        Invocations invocations;
        PojoSerializer<APIGatewayProxyRequestEvent> events;
        PojoSerializer<APIGatewayProxyResponseEvent> answers;
        APIGatewayProxyResponseEvent answer;

        @Setup(Level.Trial)
        public void build() {
            invocations = Invocations.fromSystem();
            events = serializer(APIGatewayProxyRequestEvent.class);
            answers = serializer(APIGatewayProxyResponseEvent.class);
            answer = new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"status\":true,\"paymentId\":\"pi_3QZ8xLJ2eZvKYlo21a2b3c4d\",\"amount\":4200,"
                            + "\"currency\":\"usd\"}");
        }

        @Setup(Level.Invocation)
        public void nextEvent() {
            invocations.next();
        }
    }

    /** As the runtime interface client gets the serialiser of a type from the events library. */
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, UsualBillingHandler.class.getClassLoader());
    }
}
