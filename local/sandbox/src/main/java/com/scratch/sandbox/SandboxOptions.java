package com.scratch.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the sandbox runs.
 *
 * @param repositoryRoot the folder holding {@code serverless.common.yml} and {@code services/}
 * @param apiPort the port of the local API (0: any free port)
 * @param dataDirectory where the encrypted parameter file and the functions' work files live
 * @param realAws talk to real AWS (usual credential chain) and real Stripe test mode instead of local endpoints
 * @param retryDelays waits before the retries of a failed topic delivery (how many retries: the function's
 *     {@code maximumRetryAttempts})
 * @param enforceIam hold each function to its packaged role policy at the local SSM and SNS endpoints (on unless
 *     switched off with {@code --no-iam} for a quick experiment)
 * @param xrayDaemonAddress where an X-Ray daemon listens ({@code 127.0.0.1:2000}), to trace every function as Lambda
 *     does with active tracing (the functions get it as {@code AWS_XRAY_DAEMON_ADDRESS}); empty: nothing is traced
 */
public record SandboxOptions(Path repositoryRoot, int apiPort, Path dataDirectory, boolean realAws,
        List<Duration> retryDelays, boolean enforceIam, Optional<String> xrayDaemonAddress) {

    public static final String STAGE = "local";
    public static final int DEFAULT_API_PORT = 3000;
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** What the X-Ray SDK accepts as a daemon address: an IPv4 address and a port. */
    private static final Pattern DAEMON_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}");

    public SandboxOptions {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot == null");
        Objects.requireNonNull(dataDirectory, "dataDirectory == null");
        retryDelays = List.copyOf(retryDelays);
        if (apiPort < 0 || apiPort > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + apiPort);
        }
        Objects.requireNonNull(xrayDaemonAddress, "xrayDaemonAddress == null");
        xrayDaemonAddress.filter(address -> !DAEMON_ADDRESS.matcher(address).matches()).ifPresent(address -> {
            throw new IllegalArgumentException("--xray-daemon must be an IPv4 address and a port such as 127.0.0.1:2000,"
                    + " was " + address);
        });
    }

    public static SandboxOptions defaults(Path repositoryRoot) {
        return new SandboxOptions(repositoryRoot, DEFAULT_API_PORT, repositoryRoot.resolve(".sandbox"), false,
                DEFAULT_RETRY_DELAYS, true, Optional.empty());
    }

    public SandboxOptions withApiPort(int port) {
        return new SandboxOptions(repositoryRoot, port, dataDirectory, realAws, retryDelays, enforceIam, xrayDaemonAddress);
    }

    public SandboxOptions withDataDirectory(Path directory) {
        return new SandboxOptions(repositoryRoot, apiPort, directory, realAws, retryDelays, enforceIam, xrayDaemonAddress);
    }

    public SandboxOptions withRealAws(boolean real) {
        return new SandboxOptions(repositoryRoot, apiPort, dataDirectory, real, retryDelays, enforceIam, xrayDaemonAddress);
    }

    public SandboxOptions withRetryDelays(List<Duration> delays) {
        return new SandboxOptions(repositoryRoot, apiPort, dataDirectory, realAws, delays, enforceIam, xrayDaemonAddress);
    }

    public SandboxOptions withIamEnforced(boolean enforced) {
        return new SandboxOptions(repositoryRoot, apiPort, dataDirectory, realAws, retryDelays, enforced, xrayDaemonAddress);
    }

    /** Traces every function, sending to the X-Ray daemon at {@code address} ({@code 127.0.0.1:2000}). */
    public SandboxOptions withXRayDaemon(String address) {
        return new SandboxOptions(repositoryRoot, apiPort, dataDirectory, realAws, retryDelays, enforceIam,
                Optional.of(address));
    }
}
