package com.scratch.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.Sandbox;
import com.scratch.sandbox.SandboxOptions;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.sandbox.console.InvocationLog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The smoke test the workflows run after a deploy, run here against the local stack, as the jar they run. */
class SmokeTestIT {

    /** The keys the local API takes, as IAM takes the CI role's: the local stack checks the signature. */
    private static final LocalCaller CALLER = LocalCaller.DEVELOPER;

    @TempDir
    static Path data;

    private static Sandbox stack;

    @BeforeAll
    static void start() throws Exception {
        stack = Sandbox.start(SandboxOptions.defaults(RepositoryRoot.find()).withApiPort(0).withDataDirectory(data),
                new InvocationLog(System.out));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSignedPurchaseOfOneNoteIsAnswered200WithItsAmount() {
        SmokePurchase purchase = new SmokePurchase(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(CALLER.accessKeyId(), CALLER.secretAccessKey())),
                Region.US_EAST_1);

        assertThat(purchase.buy(stack.apiEndpoint())).startsWith("pi_");
    }

    @Test
    void aPurchaseSignedWithKeysTheApiDoesNotTakeFailsWith403() {
        SmokePurchase purchase = new SmokePurchase(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(CALLER.accessKeyId(), "not-the-secret")),
                Region.US_EAST_1);

        assertThatThrownBy(() -> purchase.buy(stack.apiEndpoint())).isInstanceOf(SmokeTestFailedException.class)
                .hasMessageContaining("answered 403").hasMessageContaining("signature");
    }

    @Test
    void anythingButThatFailsSayingWhatCameBack() {
        SmokePurchase purchase = new SmokePurchase(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(CALLER.accessKeyId(), CALLER.secretAccessKey())),
                Region.US_EAST_1);

        assertThatThrownBy(() -> purchase.buy(URI.create(stack.apiEndpoint() + "/no-such-stage")))
                .isInstanceOf(SmokeTestFailedException.class).hasMessageContaining("answered 403");
    }

    /** As the workflows run it: the jar, the API URL, AWS_REGION and credentials in the environment. */
    @Test
    void theJarExitsZeroOnAPurchaseAndTwoWithoutItsArguments() throws Exception {
        Path jar = RepositoryRoot.find().resolve("deploy/smoke-test/target/smoke-test.jar");

        Result passed = run(jar, true, stack.apiEndpoint().toString());
        Result usage = run(jar, false);

        assertThat(passed.exitCode()).as(passed.output()).isZero();
        assertThat(passed.output()).contains("Smoke test passed: 1 note bought for 400 cents as pi_");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("usage:");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path jar, boolean withRegion, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        if (withRegion) {
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("AWS_ACCESS_KEY_ID", CALLER.accessKeyId());
            builder.environment().put("AWS_SECRET_ACCESS_KEY", CALLER.secretAccessKey());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
