package com.scratch.sandbox.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The segment a traced function finds open when its handler runs, made in the function's own copy of the X-Ray SDK
 * (each function has its own class loader): a {@code FacadeSegment} for the invocation's trace header, current on the
 * invoking thread, as the SDK's {@code LambdaSegmentContext} makes it in Lambda from the header the runtime hands over
 * ({@code Root} its trace, {@code Parent} its id, {@code Sampled} its decision). The function cannot write to it and
 * never sends it; its spans hang from it. Reflection, because this runner does not share the function's classes.
 */
final class FacadeSegments {

    private static final String SDK = "com.amazonaws.xray.";

    private final Object recorder;
    private final Constructor<?> facade;
    private final Method traceIdFromString;
    private final Object sampled;
    private final Object notSampled;
    private final Method set;
    private final Method clear;

    private FacadeSegments(Object recorder, Constructor<?> facade, Method traceIdFromString, Object sampled,
            Object notSampled, Method set, Method clear) {
        this.recorder = recorder;
        this.facade = facade;
        this.traceIdFromString = traceIdFromString;
        this.sampled = sampled;
        this.notSampled = notSampled;
        this.set = set;
        this.clear = clear;
    }

    /**
     * The facades of the function loaded by {@code loader}; empty when its jar has no X-Ray SDK, as a function that
     * traces nothing of its own (Lambda still records its segment).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Optional<FacadeSegments> in(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> recorderType;
        try {
            recorderType = loader.loadClass(SDK + "AWSXRayRecorder");
        } catch (ClassNotFoundException noSdk) {
            return Optional.empty();
        }
        // Stands for the runtime, the facade's creator; the function records with a recorder of its own.
        Object builder = loader.loadClass(SDK + "AWSXRayRecorderBuilder").getMethod("standard").invoke(null);
        Object recorder = builder.getClass().getMethod("build").invoke(builder);
        Class<?> traceId = loader.loadClass(SDK + "entities.TraceID");
        Class decision = loader.loadClass(SDK + "entities.TraceHeader$SampleDecision");
        Class<?> entity = loader.loadClass(SDK + "entities.Entity");
        Class<?> storage = loader.loadClass(SDK + "ThreadLocalStorage");
        Constructor<?> facade = loader.loadClass(SDK + "entities.FacadeSegment")
                .getConstructor(recorderType, traceId, String.class, decision);
        return Optional.of(new FacadeSegments(recorder, facade, traceId.getMethod("fromString", String.class),
                Enum.valueOf(decision, "SAMPLED"), Enum.valueOf(decision, "NOT_SAMPLED"),
                storage.getMethod("set", entity), storage.getMethod("clear")));
    }

    /** Makes the invocation's facade the current segment of this thread, until {@link #clear()}. */
    void open(TraceHeader invocation) {
        try {
            Object segment = facade.newInstance(recorder, traceIdFromString.invoke(null, invocation.root()),
                    invocation.parent(), invocation.sampled() ? sampled : notSampled);
            set.invoke(null, segment);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The function's X-Ray SDK refused the trace header " + invocation,
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot open the function's segment for " + invocation, e);
        }
    }

    /** Leaves this thread with no segment, as between Lambda invocations. */
    void clear() {
        try {
            clear.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot clear the function's segment", e);
        }
    }
}
