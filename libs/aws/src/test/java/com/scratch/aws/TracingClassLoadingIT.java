package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.testing.LocalXRayDaemon;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point of writing X-Ray's documents ourselves: a cold start that traces loads neither jackson-databind (the
 * JVM's first {@code ObjectMapper} costs about 150 ms) nor any class of the X-Ray SDK. Read from a fresh JVM's
 * {@code -Xlog:class+load}, running {@link TracingColdStartMain} with this test's class path (databind is on it: the
 * local servers use it), while this JVM plays the daemon and SNS.
 */
class TracingClassLoadingIT {

    @Test
    void tracingAnInvocationAndAnSdkCallLoadsNoDatabindAndNoXRaySdkClass(@TempDir Path folder) throws Exception {
        try (LocalXRayDaemon daemon = LocalXRayDaemon.start(); SnsEmulator sns = SnsEmulator.start()) {
            String topicArn = sns.createTopic("dev-note-purchased");
            Path classes = folder.resolve("classes.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String header = LocalXRayDaemon.traceHeader(LocalXRayDaemon.newTraceId(), LocalXRayDaemon.newId(), true);

            // when
            Process process = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:file=" + classes,
                    "-cp", System.getProperty("java.class.path"), TracingColdStartMain.class.getName(),
                    daemon.address(), sns.endpoint().toString(), topicArn, header))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("out.log").toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the JVM ended").isTrue();

            // then
            String out = Files.readString(folder.resolve("out.log"), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out).contains("traced");
            List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
            assertThat(loaded).as("the log read").anyMatch(line -> line.contains("com.scratch.aws.XRayDaemonEmitter"))
                    .anyMatch(line -> line.contains("com.fasterxml.jackson.core.JsonGenerator"));
            assertThat(loaded).as("classes of jackson-databind or the X-Ray SDK")
                    .noneMatch(line -> line.contains("com.fasterxml.jackson.databind."))
                    .noneMatch(line -> line.contains("com.amazonaws.xray."));
            assertThat(daemon.drain()).extracting(entity -> entity.path("name").asText())
                    .as("what the fresh JVM sent").containsExactlyInAnyOrder("Stripe", "Sns",
                            InvocationTracing.SPAN_NAME);
            assertThat(sns.published(topicArn).get(0).traceHeader()).startsWith(header.substring(0,
                    header.indexOf(';')) + ";Parent=");
        }
    }
}
