package com.scratch.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the local stack runs.
 *
 * @param repositoryRoot the folder holding {@code serverless.common.yml} and {@code services/}
 * @param apiPort the port of the local API (0: any free port)
 * @param dataDirectory where the encrypted parameter file and the functions' work files live
 * @param realAws talk to real AWS (usual credential chain) and real Stripe test mode instead of local endpoints
 * @param retryDelays waits before the retries of a failed topic delivery (how many retries: the function's
 *     {@code maximumRetryAttempts})
 * @param enforceIam hold each function to its packaged role policy at the local SSM and SNS endpoints (on unless
 *     switched off with {@code --no-iam} for a quick experiment)
 */
public record LocalStackOptions(Path repositoryRoot, int apiPort, Path dataDirectory, boolean realAws,
        List<Duration> retryDelays, boolean enforceIam) {

    public static final String STAGE = "local";
    public static final int DEFAULT_API_PORT = 3000;
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));

    public LocalStackOptions {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot == null");
        Objects.requireNonNull(dataDirectory, "dataDirectory == null");
        retryDelays = List.copyOf(retryDelays);
        if (apiPort < 0 || apiPort > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + apiPort);
        }
    }

    public static LocalStackOptions defaults(Path repositoryRoot) {
        return new LocalStackOptions(repositoryRoot, DEFAULT_API_PORT, repositoryRoot.resolve(".local-stack"), false,
                DEFAULT_RETRY_DELAYS, true);
    }

    public LocalStackOptions withApiPort(int port) {
        return new LocalStackOptions(repositoryRoot, port, dataDirectory, realAws, retryDelays, enforceIam);
    }

    public LocalStackOptions withDataDirectory(Path directory) {
        return new LocalStackOptions(repositoryRoot, apiPort, directory, realAws, retryDelays, enforceIam);
    }

    public LocalStackOptions withRealAws(boolean real) {
        return new LocalStackOptions(repositoryRoot, apiPort, dataDirectory, real, retryDelays, enforceIam);
    }

    public LocalStackOptions withRetryDelays(List<Duration> delays) {
        return new LocalStackOptions(repositoryRoot, apiPort, dataDirectory, realAws, delays, enforceIam);
    }

    public LocalStackOptions withIamEnforced(boolean enforced) {
        return new LocalStackOptions(repositoryRoot, apiPort, dataDirectory, realAws, retryDelays, enforced);
    }
}
