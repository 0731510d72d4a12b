package com.scratch.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.scratch.emulators.serverless.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;

/** A service folder with its own {@code serverless.yml}, deployed on its own. */
enum Service {

    BILLING_API("billing-api"),
    NOTIFY_JOB("notify-job");

    private final String folderName;

    Service(String folderName) {
        this.folderName = folderName;
    }

    String folderName() {
        return folderName;
    }

    Path directory() {
        return RepositoryRoot.find().resolve("services").resolve(folderName);
    }

    /** The shaded jar Maven builds and {@code package.artifact} points at. */
    Path shadedJar() {
        return directory().resolve("target").resolve(shadedJarName());
    }

    /** The shaded jar, failing with what to do when it has not been built. */
    Path builtShadedJar() {
        Path jar = shadedJar();
        if (!Files.isRegularFile(jar)) {
            fail("The artifact of " + this + " (" + jar + ") is missing: build the services first (mvn package)");
        }
        return jar;
    }

    String shadedJarName() {
        return folderName + ".jar";
    }

    @Override
    public String toString() {
        return folderName;
    }
}
