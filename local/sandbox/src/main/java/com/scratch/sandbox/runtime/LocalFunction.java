package com.scratch.sandbox.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function, run as Lambda runs it: from its own deployment jar, in its own class loader (whose parent is
 * the platform loader, so it sees nothing of this tool), built on the first invocation (the cold start) and
 * reused for every later one. Events go in and results come out through the Lambda Java runtime's own
 * serializer, or, for a {@code RequestStreamHandler}, as the bytes themselves. Invocations may run concurrently, as on Lambda Managed Instances; the handler must be
 * thread-safe, which ours are.
 *
 * <p>A JVM has one process environment, so the function's environment variables cannot reach it there. They are
 * handed to the handler instead: every handler has a public constructor taking its environment as a
 * {@code Map<String, String>} (Lambda calls the no-argument one, which passes {@code System.getenv()} to it), and
 * this class builds the handler through that constructor with the function's {@link FunctionSpec#environment()}.
 * A handler without it is refused, naming the class.
 *
 * <p>With {@code AWS_XRAY_DAEMON_ADDRESS} in its environment the function is traced as Lambda traces it with active
 * tracing ({@link LambdaTracing}): each invocation runs under a segment of its own, in the trace of the header it came
 * with ({@link #invoke(String, String)}) or in a new one, and the handler gets that segment's trace header from
 * {@code Context.getXrayTraceId()}, as Lambda's runtime hands it over: the function hangs its spans from it.
 *
 * <pre>{@code
 * LocalFunction billing = new LocalFunction(spec);
 * Invocation invocation = billing.invoke("{\"body\": \"...\"}");
 * }</pre>
 */
public final class LocalFunction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code RequestStreamHandler.handleRequest}'s parameters. */
    private static final List<String> STREAM_PARAMETERS = List.of(InputStream.class.getName(),
            OutputStream.class.getName(), "com.amazonaws.services.lambda.runtime.Context");

    private final FunctionSpec spec;
    private final Optional<LambdaTracing> tracing;
    private final Object coldStartLock = new Object();
    private volatile LoadedHandler loaded;
    private volatile boolean closed;

    public LocalFunction(FunctionSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec == null");
        this.tracing = LambdaTracing.of(spec);
    }

    public String name() {
        return spec.name();
    }

    /**
     * Runs the handler with this event, as an invocation whose caller sent no trace header (a traced function starts
     * a trace).
     *
     * @throws FunctionInitFailedException when the function cannot be built (tried again on the next call)
     * @throws FunctionFailedException when the handler threw
     */
    public Invocation invoke(String eventJson) {
        return invoke(eventJson, null);
    }

    /**
     * Runs the handler with this event, invoked with this X-Ray trace header: a traced function continues that trace,
     * under the header's {@code Parent}, as Lambda continues the trace of a caller (SNS passes on its publisher's).
     *
     * @param upstreamTraceHeader the {@code X-Amzn-Trace-Id} the invocation came with; null when it came with none
     * @throws FunctionInitFailedException when the function cannot be built (tried again on the next call)
     * @throws FunctionFailedException when the handler threw
     */
    public Invocation invoke(String eventJson, String upstreamTraceHeader) {
        long started = System.nanoTime();
        LoadedHandler handler = loaded;
        boolean coldStart = false;
        if (handler == null) {
            synchronized (coldStartLock) {
                if (closed) {
                    throw new FunctionInitFailedException(spec.name() + " is stopped", null);
                }
                handler = loaded;
                if (handler == null) {
                    handler = load();
                    loaded = handler;
                    coldStart = true;
                }
            }
        }
        Duration initDuration = coldStart ? Duration.ofNanos(System.nanoTime() - started) : Duration.ZERO;
        long handlerStarted = System.nanoTime();
        String result = handler.invoke(eventJson, System.nanoTime() + spec.timeout().toNanos(), upstreamTraceHeader);
        Duration duration = Duration.ofNanos(System.nanoTime() - handlerStarted);
        if (duration.compareTo(spec.timeout()) > 0) {
            log.warn("{} ran {} ms, longer than its timeout of {} s: Lambda would have stopped it",
                    spec.name(), duration.toMillis(), spec.timeout().toSeconds());
        }
        return new Invocation(result, coldStart, initDuration, duration);
    }

    private LoadedHandler load() {
        if (!Files.isRegularFile(spec.artifact())) {
            throw new FunctionInitFailedException(spec.name() + ": deployment artifact " + spec.artifact()
                    + " is missing; build it first (mvn -B -q package -DskipTests)", null);
        }
        URLClassLoader loader = null;
        try {
            loader = new URLClassLoader("function " + spec.name(), new URL[] {spec.artifact().toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                Class<?> handlerClass = loader.loadClass(spec.handlerClass());
                Method method = handlerMethod(handlerClass);
                Object instance = environmentConstructor(handlerClass).newInstance(spec.environment());
                return new LoadedHandler(loader, instance, method);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        } catch (FunctionInitFailedException e) {
            close(loader);
            throw e;
        } catch (InvocationTargetException e) {
            close(loader);
            throw new FunctionInitFailedException(spec.name() + ": the handler's constructor threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            // LinkageError: a class that does not verify, or a static initializer that threw (ExceptionInInitializerError)
            close(loader);
            throw new FunctionInitFailedException(spec.name() + ": cannot load " + spec.handlerClass() + "::"
                    + spec.handlerMethod() + " from " + spec.artifact() + ": " + e, e);
        }
    }

    /**
     * The handler method itself, not the bridge the compiler adds for {@code RequestHandler<I, O>}: a typed one (the
     * event, and the context or not) or a stream one ({@code RequestStreamHandler}: the event's bytes, the answer's
     * stream, the context).
     */
    private Method handlerMethod(Class<?> handlerClass) throws NoSuchMethodException {
        return Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals(spec.handlerMethod()))
                .filter(method -> method.getParameterCount() == 2 || method.getParameterCount() == 1
                        || isStreamHandler(method))
                .min(Comparator.comparing(Method::isBridge))
                .orElseThrow(() -> new NoSuchMethodException(spec.handlerClass() + "::" + spec.handlerMethod()));
    }

    /** By name: the function's {@code Context} comes from its own jar, not from the sandbox's class path. */
    private static boolean isStreamHandler(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getName).toList().equals(STREAM_PARAMETERS);
    }

    /** The handler's {@code (Map<String, String> environment)} constructor, or a refusal that says it is missing. */
    private Constructor<?> environmentConstructor(Class<?> handlerClass) {
        try {
            return handlerClass.getConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            throw new FunctionInitFailedException(spec.name() + ": " + handlerClass.getName() + " has no public constructor "
                    + handlerClass.getSimpleName() + "(Map<String, String> environment): the sandbox builds every handler"
                    + " through it, so that each function in this JVM gets environment variables of its own (Lambda calls"
                    + " the no-argument constructor, which passes System.getenv() to it)", e);
        }
    }

    /** Stops the function: no invocation starts after this, and its class loaders are closed. */
    @Override
    public void close() {
        LoadedHandler handler;
        synchronized (coldStartLock) {
            closed = true;
            handler = loaded;
            loaded = null;
        }
        if (handler != null) {
            handler.close();
        }
        tracing.ifPresent(LambdaTracing::close);
    }

    private static void close(URLClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            log.debug("Closing a function class loader failed", e);
        }
    }

    /** A built function: its loaders, its handler instance and how to talk to it. */
    private final class LoadedHandler {

        private final URLClassLoader loader;
        private final RuntimeSerialization serialization;
        private final Object instance;
        private final Method method;
        private final boolean streams;
        private final RuntimeSerialization.EventSerializer input;
        private final RuntimeSerialization.EventSerializer output;

        LoadedHandler(URLClassLoader loader, Object instance, Method method) throws ReflectiveOperationException {
            this.loader = loader;
            this.serialization = new RuntimeSerialization(loader);
            this.instance = instance;
            this.method = method;
            // A stream handler reads and writes the bytes itself, as in Lambda: no serializer is built for it.
            this.streams = isStreamHandler(method);
            this.input = streams ? null : serializer(method.getParameterTypes()[0]);
            Class<?> returned = method.getReturnType();
            this.output = streams || returned == void.class || returned == Void.class ? null : serializer(returned);
        }

        void close() {
            try {
                serialization.close();
            } catch (IOException e) {
                log.debug("Closing a serialization class loader failed", e);
            }
            LocalFunction.close(loader);
        }

        String invoke(String eventJson, long deadlineNanos, String upstreamTraceHeader) {
            Optional<LambdaTracing.Segment> segment = tracing.map(lambda -> lambda.begin(upstreamTraceHeader));
            // What the runtime hands the function in Context.getXrayTraceId(): its segment's header, under which its
            // own spans hang. Per invocation, so that concurrent invocations of one function each get their own.
            String functionTraceHeader = segment.map(open -> open.functionHeader().toString()).orElse(null);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                if (streams) {
                    return invokeStreams(eventJson, deadlineNanos, functionTraceHeader);
                }
                Object event = input.read(eventJson);
                Object result = method.getParameterCount() == 2
                        ? method.invoke(instance, event,
                                LambdaContexts.create(loader, spec, deadlineNanos, functionTraceHeader))
                        : method.invoke(instance, event);
                return result == null || output == null ? null : output.write(result);
            } catch (InvocationTargetException e) {
                throw new FunctionFailedException(spec.name(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new FunctionFailedException(spec.name(), e);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
                segment.ifPresent(ended -> tracing.orElseThrow().end(ended));
            }
        }

        private String invokeStreams(String eventJson, long deadlineNanos, String traceHeader)
                throws ReflectiveOperationException {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            method.invoke(instance, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), answer,
                    LambdaContexts.create(loader, spec, deadlineNanos, traceHeader));
            // Lambda returns what the handler wrote, nothing as an empty answer; callers treat null as "no answer".
            return answer.size() == 0 ? null : answer.toString(StandardCharsets.UTF_8);
        }

        /** The runtime's serializer for Lambda event types; plain Jackson for any other type, as the runtime does. */
        private RuntimeSerialization.EventSerializer serializer(Class<?> type) throws ReflectiveOperationException {
            if (serialization.supports(type)) {
                return serialization.serializerFor(type);
            }
            return new RuntimeSerialization.EventSerializer() {
                @Override
                public Object read(String json) {
                    try {
                        return JSON.readValue(json, type);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public String write(Object value) {
                    try {
                        return JSON.writeValueAsString(value);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    }
}
