package com.scratch.bench.runtime;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipFile;

/**
 * Starts a Java function as Lambda's Java runtime does, in a fresh JVM: {@code java -Dorg.crac.Core.Compat=...
 * -cp <runtime jars> com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}, in the task root, with the
 * environment Lambda gives a function ({@code AWS_LAMBDA_RUNTIME_API}, {@code LAMBDA_TASK_ROOT}, {@code _HANDLER},
 * the function's name, memory and log settings, region and credentials, {@code JAVA_TOOL_OPTIONS}...) plus the
 * function's own variables.
 * The runtime jars are the runtime interface client and what it depends on (aws-lambda-java-core, -serialization,
 * the SDK's utils-lite), taken from this module's test class path; the handler is loaded from the task root, as in
 * Lambda, not from the class path. The client's native part (its Runtime API calls) is unpacked once into
 * {@code runtimeFolder} and named with the system property the client reads, instead of being unpacked into
 * {@code /tmp} by every JVM.
 */
public final class LambdaJvm {

    public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JNI_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    /**
     * Lambda's Java runtime starts the JVM with {@code -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac}: it
     * is what makes {@code org.crac.Core} (the library a function registers its SnapStart hooks with) hand them to the
     * runtime interface client's own context, the one the client runs before the snapshot and after the restore.
     * Without it org.crac finds neither {@code javax.crac} nor {@code jdk.crac} here and keeps no hook at all. It goes
     * before the caller's options, so that a test can take it away again.
     */
    static final String CRAC_COMPAT = "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac";
    private static final List<String> RUNTIME_ARTIFACTS = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-core", "aws-lambda-java-serialization", "utils-lite");

    private final List<Path> runtimeJars;
    private final Path nativeLibrary;

    private LambdaJvm(List<Path> runtimeJars, Path nativeLibrary) {
        this.runtimeJars = List.copyOf(runtimeJars);
        this.nativeLibrary = nativeLibrary;
    }

    /** The runtime from this JVM's class path, its native library unpacked into {@code runtimeFolder}. */
    public static LambdaJvm fromTestClassPath(Path runtimeFolder) {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<Path> jars = new ArrayList<>();
        for (String artifact : RUNTIME_ARTIFACTS) {
            List<String> found = classPath.stream()
                    .filter(entry -> Path.of(entry).getFileName().toString().matches(artifact + "-[0-9][^/]*\\.jar"))
                    .toList();
            if (found.size() != 1) {
                throw new IllegalStateException("Expected one " + artifact + " jar on the class path, found " + found);
            }
            jars.add(Path.of(found.get(0)));
        }
        return new LambdaJvm(jars, unpackNativeLibrary(jars.get(0), runtimeFolder));
    }

    public List<Path> runtimeJars() {
        return runtimeJars;
    }

    /**
     * Starts the function. {@code jvmOptions} go on the command line before the main class (for profiling runs);
     * the function's own {@code JAVA_TOOL_OPTIONS} belong in {@code environment}, as in Lambda. Output goes to
     * {@code output} (stdout and stderr together).
     */
    public Process start(TaskRoot taskRoot, String handler, Map<String, String> environment, List<String> jvmOptions,
            String runtimeApi, Path output) {
        Objects.requireNonNull(taskRoot, "taskRoot == null");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(CRAC_COMPAT);
        command.addAll(jvmOptions);
        command.add("-D" + JNI_PROPERTY + "=" + nativeLibrary);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, runtimeJars.stream().map(Path::toString).toList()));
        command.add(MAIN_CLASS);
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.folder().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(lambdaEnvironment(taskRoot, handler, runtimeApi));
        env.putAll(environment);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    /** What Lambda sets for every function, whatever its configuration. */
    private static Map<String, String> lambdaEnvironment(TaskRoot taskRoot, String handler, String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.folder().toString());
        env.put("_HANDLER", handler);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/04/[$LATEST]bench");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        return env;
    }

    private static Path unpackNativeLibrary(Path runtimeJar, Path runtimeFolder) {
        String arch = System.getProperty("os.arch");
        String name = switch (arch) {
            case "amd64", "x86_64" -> "libaws-lambda-jni.linux-x86_64.so";
            case "aarch64" -> "libaws-lambda-jni.linux-aarch_64.so";
            default -> throw new IllegalStateException("The runtime interface client has no native library for " + arch);
        };
        try (ZipFile zip = new ZipFile(runtimeJar.toFile())) {
            Files.createDirectories(runtimeFolder);
            Path library = runtimeFolder.toAbsolutePath().resolve(name);
            try (InputStream in = zip.getInputStream(Objects.requireNonNull(zip.getEntry("jni/" + name), name))) {
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the runtime's native library from " + runtimeJar, e);
        }
    }
}
