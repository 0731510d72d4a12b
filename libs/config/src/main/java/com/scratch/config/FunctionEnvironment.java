package com.scratch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The environment variables a function runs with.
 *
 * <p>In Lambda that is the process environment and nothing else. A local runner that hosts several functions
 * in one JVM cannot give each its own process environment, so it puts a properties file at
 * {@value #LOCAL_VARIABLES_RESOURCE} on the function's own class path (in front of the deployment jar); its
 * entries are laid over the process environment for the classes of that function only. The deployment jars
 * never contain that file.
 *
 * <pre>{@code
 * StageSettings settings = StageConfig.fromEnvironment(FunctionEnvironment.variables());
 * }</pre>
 */
public final class FunctionEnvironment {

    public static final String LOCAL_VARIABLES_RESOURCE = "META-INF/scratch/function-environment.properties";

    private FunctionEnvironment() {
    }

    public static Map<String, String> variables() {
        URL local = FunctionEnvironment.class.getClassLoader().getResource(LOCAL_VARIABLES_RESOURCE);
        if (local == null) {
            return System.getenv();
        }
        Map<String, String> variables = new HashMap<>(System.getenv());
        Properties overrides = new Properties();
        try (InputStream in = local.openStream()) {
            overrides.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + local, e);
        }
        overrides.stringPropertyNames().forEach(name -> variables.put(name, overrides.getProperty(name)));
        return Map.copyOf(variables);
    }
}
