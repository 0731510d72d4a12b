package com.scratch.sandbox.runtime;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda Java runtime's event serializer, loaded once per function.
 *
 * <p>The serializer keeps one Jackson mapper for the whole class and registers its Joda date module for the
 * first class loader it sees; a second function's {@code SNSEvent} timestamps would then fail to parse. Lambda
 * never meets this (one function per JVM), so each function here gets its own copy of the library, in a
 * loader whose parent is the function's loader, exactly as the runtime sees the customer's classes.
 */
final class RuntimeSerialization implements AutoCloseable {

    private final URLClassLoader loader;
    private final ClassLoader functionLoader;
    private final Method serializerFor;
    private final Method isSupportedEvent;
    private final Method fromJson;
    private final Method toJson;

    RuntimeSerialization(ClassLoader functionLoader) throws ReflectiveOperationException {
        this.functionLoader = functionLoader;
        URL library = LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation();
        this.loader = new URLClassLoader("lambda serialization", new URL[] {library}, functionLoader);
        Class<?> serializers = loader.loadClass(LambdaEventSerializers.class.getName());
        Class<?> pojoSerializer = loader.loadClass("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
        this.serializerFor = serializers.getMethod("serializerFor", Class.class, ClassLoader.class);
        this.isSupportedEvent = serializers.getMethod("isLambdaSupportedEvent", String.class);
        this.fromJson = pojoSerializer.getMethod("fromJson", String.class);
        this.toJson = pojoSerializer.getMethod("toJson", Object.class, OutputStream.class);
    }

    /** Whether the runtime has a serializer for this type (the Lambda event classes). */
    boolean supports(Class<?> type) throws ReflectiveOperationException {
        return (Boolean) isSupportedEvent.invoke(null, type.getName());
    }

    /** A serializer for {@code type}, bound to the runtime's reading and writing. */
    EventSerializer serializerFor(Class<?> type) throws ReflectiveOperationException {
        Object serializer = serializerFor.invoke(null, type, functionLoader);
        return new EventSerializer() {
            @Override
            public Object read(String json) {
                return call(() -> fromJson.invoke(serializer, json));
            }

            @Override
            public String write(Object value) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                call(() -> toJson.invoke(serializer, value, out));
                return out.toString(StandardCharsets.UTF_8);
            }
        };
    }

    private static Object call(ReflectiveCall call) {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** Reads events and writes results, as the runtime does for one type. */
    interface EventSerializer {
        Object read(String json);

        String write(Object value);
    }

    private interface ReflectiveCall {
        Object run() throws ReflectiveOperationException;
    }
}
