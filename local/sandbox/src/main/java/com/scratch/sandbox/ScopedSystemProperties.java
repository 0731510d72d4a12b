package com.scratch.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JVM system properties set for the stack's lifetime and put back as they were on close. The AWS SDK reads
 * its endpoint, region and credential settings from system properties as well as from the environment
 * ({@code aws.endpointUrlSsm} is the twin of {@code AWS_ENDPOINT_URL_SSM}); a process cannot change its own
 * environment, so this is how functions hosted in this JVM are pointed at the local endpoints.
 */
final class ScopedSystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    void set(String name, String value) {
        previous.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previous.clear();
    }
}
