package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.sandbox.console.InvocationLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start finds the parameters the first one seeded, in the encrypted file, and uses the same key. */
class SandboxRestartIT {

    @Test
    void aSecondStartReusesTheEncryptedParameterFile(@TempDir Path data) throws Exception {
        SandboxOptions options = SandboxOptions.defaults(RepositoryRoot.find())
                .withApiPort(0).withDataDirectory(data);
        InvocationLog quiet = new InvocationLog(new PrintStream(OutputStream.nullOutputStream()));

        // given: a first start seeded a generated test key
        String firstKey;
        try (Sandbox first = Sandbox.start(options, quiet)) {
            LocalEndpoints endpoints = first.endpoints().orElseThrow();
            firstKey = endpoints.ssm.value(endpoints.stripeKeyParameter).orElseThrow();
        }
        assertThat(firstKey).startsWith("sk_test_");
        String file = Files.readString(data.resolve("ssm/parameters.json"), StandardCharsets.UTF_8);
        assertThat(file).contains("/stripeSecretKey/test").doesNotContain(firstKey);

        // when: the stack starts again on the same data
        try (Sandbox second = Sandbox.start(options, quiet)) {
            LocalEndpoints endpoints = second.endpoints().orElseThrow();

            // then: same key, and purchases work with it
            assertThat(endpoints.ssm.value(endpoints.stripeKeyParameter)).contains(firstKey);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    LocalCaller.DEVELOPER.signed(second.apiEndpoint().resolve("/billing"), "POST",
                            "{\"storage\":3,\"paymentMethod\":\"pm_card_visa\"}",
                            Map.of("Idempotency-Key", "restart-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }
}
