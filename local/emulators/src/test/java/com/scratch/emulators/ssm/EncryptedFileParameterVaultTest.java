package com.scratch.emulators.ssm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.testing.ConcurrentCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

class EncryptedFileParameterVaultTest {

    private static final String STRIPE_KEY = "sk_test_persisted_4242";
    private static final String WEBHOOK_SECRET = "whsec_persisted_9999";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void parametersSurviveARestartWithValuesAndVersions() {
        // given
        List<VaultEntry> before;
        try (LocalSsm ssm = LocalSsm.on(EncryptedFileParameterVault.open(directory))) {
            ssm.put("/app/stripe/key", STRIPE_KEY, ParameterType.SECURE_STRING);
            ssm.put("/app/db/user", "app", ParameterType.STRING);
            ssm.put("/app/db/user", "app2", ParameterType.STRING);
            before = ssm.vault().all();
        }

        // when
        GetParametersResponse response;
        List<VaultEntry> after;
        try (LocalSsm ssm = LocalSsm.on(EncryptedFileParameterVault.open(directory))) {
            response = ssm.client().getParameters(r -> r.names("/app/stripe/key", "/app/db/user").withDecryption(true));
            after = ssm.vault().all();
        }

        // then
        assertThat(response.invalidParameters()).isEmpty();
        assertThat(response.parameters())
                .extracting(Parameter::name, Parameter::typeAsString, Parameter::value, Parameter::version)
                .containsExactlyInAnyOrder(
                        tuple("/app/stripe/key", "SecureString", STRIPE_KEY, 1L),
                        tuple("/app/db/user", "String", "app2", 2L));
        // Records compare every field, lastModified included.
        assertThat(after).isEqualTo(before);
    }

    @Test
    void fileHoldsStringValuesButNeverASecureStringPlaintext() throws IOException {
        // given
        try (LocalSsm ssm = LocalSsm.on(EncryptedFileParameterVault.open(directory))) {
            ssm.put("/app/stripe/key", STRIPE_KEY, ParameterType.SECURE_STRING);
            ssm.put("/app/stripe/key", WEBHOOK_SECRET, ParameterType.SECURE_STRING);
            ssm.put("/app/db/user", "visible-db-user", ParameterType.STRING);
        }

        // when
        String content = new String(Files.readAllBytes(directory.resolve("parameters.json")), UTF_8);

        // then
        assertThat(content)
                .doesNotContain(STRIPE_KEY)
                .doesNotContain(WEBHOOK_SECRET)
                .contains("visible-db-user")
                .contains("\"ciphertext\"");
        assertThat(directory).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void keyIs32BytesAndKeptAcrossOpens() throws IOException {
        // given
        EncryptedFileParameterVault.open(directory);
        Path keyFile = directory.resolve("local.key");
        byte[] firstKey = Files.readAllBytes(keyFile);

        // when
        EncryptedFileParameterVault.open(directory);

        // then
        assertThat(firstKey).hasSize(32);
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(firstKey);
    }

    @Test
    void keyAndParametersAreOwnerOnly() throws IOException {
        assumeThat(directory.getFileSystem().supportedFileAttributeViews()).contains("posix");

        // given
        EncryptedFileParameterVault vault = EncryptedFileParameterVault.open(directory);

        // when
        vault.save(new VaultEntry("/app/db/user", ParameterType.STRING, "app", 1, Instant.now()));

        // then
        for (String file : List.of("local.key", "parameters.json")) {
            assertThat(Files.getPosixFilePermissions(directory.resolve(file))).as(file)
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void tamperedCiphertextFailsOpenNamingTheFile() throws IOException {
        // given
        writeSecureStrings("/app/stripe/key");
        ObjectNode file = readParametersFile();
        ObjectNode entry = (ObjectNode) file.get("parameters").get(0);
        byte[] sealed = Base64.getDecoder().decode(entry.get("ciphertext").asText());
        sealed[12] ^= 0x01; // the first ciphertext byte, right after the 12-byte IV
        entry.put("ciphertext", Base64.getEncoder().encodeToString(sealed));
        writeParametersFile(file);

        // when / then
        assertUnreadable(directory.resolve("parameters.json"))
                .hasMessageContaining("/app/stripe/key cannot be decrypted with local.key");
    }

    @Test
    void replacedKeyFailsOpenNamingTheFile() throws IOException {
        // given
        writeSecureStrings("/app/stripe/key");
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Files.write(directory.resolve("local.key"), otherKey);

        // when / then
        assertUnreadable(directory.resolve("parameters.json"))
                .hasMessageContaining("/app/stripe/key cannot be decrypted with local.key");
    }

    @Test
    void ciphertextMovedToAnotherNameFailsOpen() throws IOException {
        // given
        writeSecureStrings("/app/stripe/key", "/app/stripe/webhook");
        ObjectNode file = readParametersFile();
        ObjectNode key = (ObjectNode) file.get("parameters").get(0);
        ObjectNode webhook = (ObjectNode) file.get("parameters").get(1);
        String keyCiphertext = key.get("ciphertext").asText();
        key.put("ciphertext", webhook.get("ciphertext").asText());
        webhook.put("ciphertext", keyCiphertext);
        writeParametersFile(file);

        // when / then
        assertUnreadable(directory.resolve("parameters.json")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void invalidJsonFailsOpenWithoutQuotingTheFile() throws IOException {
        // given
        EncryptedFileParameterVault.open(directory);
        Files.writeString(directory.resolve("parameters.json"),
                "{\"parameters\": [{\"name\": \"/app/db/password\", \"type\": \"String\", \"value\": hunter2_unquoted");

        // when / then
        assertUnreadable(directory.resolve("parameters.json"))
                .hasMessageContaining("is not valid JSON")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void entryWithoutAVersionFailsOpenNamingTheParameter() throws IOException {
        // given
        writeSecureStrings("/app/stripe/key");
        ObjectNode file = readParametersFile();
        ((ObjectNode) file.get("parameters").get(0)).remove("version");
        writeParametersFile(file);

        // when / then
        assertUnreadable(directory.resolve("parameters.json"))
                .hasMessageContaining("parameter /app/stripe/key has no valid \"version\"");
    }

    @Test
    void missingKeyFailsOpenInsteadOfWritingANewOne() throws IOException {
        // given
        writeSecureStrings("/app/stripe/key");
        Files.delete(directory.resolve("local.key"));

        // when / then
        assertUnreadable(directory.resolve("local.key")).hasMessageContaining("is missing");
        assertThat(directory.resolve("local.key")).doesNotExist();
    }

    @Test
    void truncatedKeyFailsOpenNamingTheKeyFile() throws IOException {
        // given
        writeSecureStrings("/app/stripe/key");
        Files.write(directory.resolve("local.key"), new byte[16]);

        // when / then
        assertUnreadable(directory.resolve("local.key")).hasMessageContaining("holds 16 bytes");
    }

    @Test
    void deletesAndOverwritesPersistAndVersionsContinue() {
        // given
        try (LocalSsm ssm = LocalSsm.on(EncryptedFileParameterVault.open(directory))) {
            ssm.put("/app/stripe/key", STRIPE_KEY, ParameterType.SECURE_STRING);
            ssm.put("/app/stripe/key", WEBHOOK_SECRET, ParameterType.SECURE_STRING);
            ssm.put("/app/db/user", "app", ParameterType.STRING);
            ssm.client().deleteParameter(r -> r.name("/app/db/user"));
        }

        // when
        Parameter overwritten;
        PutParameterResponse nextPut;
        try (LocalSsm ssm = LocalSsm.on(EncryptedFileParameterVault.open(directory))) {
            overwritten = ssm.client().getParameter(r -> r.name("/app/stripe/key").withDecryption(true)).parameter();
            assertThatThrownBy(() -> ssm.client().getParameter(r -> r.name("/app/db/user")))
                    .isInstanceOf(ParameterNotFoundException.class);
            nextPut = ssm.put("/app/stripe/key", STRIPE_KEY, ParameterType.SECURE_STRING);
        }

        // then
        assertThat(overwritten.value()).isEqualTo(WEBHOOK_SECRET);
        assertThat(overwritten.version()).isEqualTo(2L);
        assertThat(nextPut.version()).isEqualTo(3L);
    }

    @Test
    void resetEmptiesTheFile() {
        // given
        try (LocalSsm ssm = LocalSsm.on(EncryptedFileParameterVault.open(directory))) {
            ssm.put("/app/stripe/key", STRIPE_KEY, ParameterType.SECURE_STRING);

            // when
            ssm.emulator().reset();
        }

        // then
        assertThat(EncryptedFileParameterVault.open(directory).all()).isEmpty();
    }

    @Test
    void concurrentPutsFromSixteenThreadsAllPersist() throws Exception {
        // given
        int threads = 16;
        try (LocalSsm ssm = LocalSsm.on(EncryptedFileParameterVault.open(directory))) {

            // when
            ConcurrentCalls.atOnce(threads, i -> () -> ssm.put("/app/concurrent/" + i, "secret-" + i, ParameterType.SECURE_STRING));
        }

        // then
        List<VaultEntry> reopened = EncryptedFileParameterVault.open(directory).all();
        assertThat(reopened).hasSize(threads);
        assertThat(reopened).allSatisfy(parameter -> assertThat(parameter.value())
                .isEqualTo("secret-" + parameter.name().substring("/app/concurrent/".length())));
    }

    @Test
    void toStringNamesTheDirectoryOnly() {
        // given
        EncryptedFileParameterVault vault = EncryptedFileParameterVault.open(directory);

        // when
        vault.save(secureString("/app/stripe/key", STRIPE_KEY));

        // then
        assertThat(vault).hasToString("EncryptedFileParameterVault[" + directory + "]");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertUnreadable(Path file) {
        return assertThatThrownBy(() -> EncryptedFileParameterVault.open(directory))
                .isInstanceOfSatisfying(ParameterFileUnreadableException.class,
                        e -> assertThat(e.file()).isEqualTo(file))
                .hasMessageStartingWith(file + ": ")
                .hasMessageNotContaining(STRIPE_KEY)
                .hasMessageNotContaining(WEBHOOK_SECRET);
    }

    private void writeSecureStrings(String... names) {
        EncryptedFileParameterVault vault = EncryptedFileParameterVault.open(directory);
        for (int i = 0; i < names.length; i++) {
            vault.save(secureString(names[i], i % 2 == 0 ? STRIPE_KEY : WEBHOOK_SECRET));
        }
    }

    private static VaultEntry secureString(String name, String value) {
        return new VaultEntry(name, ParameterType.SECURE_STRING, value, 1, Instant.now());
    }

    private ObjectNode readParametersFile() throws IOException {
        return (ObjectNode) JSON.readTree(directory.resolve("parameters.json").toFile());
    }

    private void writeParametersFile(ObjectNode file) throws IOException {
        JSON.writeValue(directory.resolve("parameters.json").toFile(), file);
    }

    /** An emulator on the vault and a real SDK client pointed at it, closed together. */
    private record LocalSsm(ParameterVault vault, SsmEmulator emulator, SsmClient client) implements AutoCloseable {

        static LocalSsm on(ParameterVault vault) {
            SsmEmulator emulator = SsmEmulator.start(0, vault);
            SsmClient client = SsmClient.builder()
                    .endpointOverride(emulator.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIDTEST", "secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
            return new LocalSsm(vault, emulator, client);
        }

        PutParameterResponse put(String name, String value, ParameterType type) {
            return client.putParameter(r -> r.name(name).value(value).type(type.wireName()).overwrite(true));
        }

        @Override
        public void close() {
            client.close();
            emulator.close();
        }
    }
}
