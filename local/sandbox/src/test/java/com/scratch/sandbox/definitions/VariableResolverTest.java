package com.scratch.sandbox.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.emulators.serverless.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver on its own: the parts of a definition the model does not show (IAM statements), and its errors. */
class VariableResolverTest {

    @TempDir
    Path folder;

    @Test
    void includesTheSharedStatementAndKeepsCloudFormationPlaceholdersInSub() {
        // given
        Path file = RepositoryRoot.find().resolve("services/billing-api/serverless.yml");

        // when
        Map<?, ?> config = resolve(file, "local");

        // then
        List<?> statements = (List<?>) at(config, "provider", "iam", "role", "statements");
        assertThat(statements.get(0)).isEqualTo(Map.of(
                "Effect", "Allow",
                "Action", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                "Resource", "*"));
        assertThat(at((Map<?, ?>) statements.get(1), "Resource")).isEqualTo(List.of(
                new CfnSub("arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/stripeSecretKey/test"),
                new CfnSub("arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/stripeWebhookSecret/test")));
        assertThat(at((Map<?, ?>) statements.get(2), "Resource")).isEqualTo(List.of(new CfnRef("NotePurchasedTopic")));
    }

    @Test
    void readsTheLiveKeyParameterForProd() {
        // given
        Path file = RepositoryRoot.find().resolve("services/billing-api/serverless.yml");

        // when
        Map<?, ?> config = resolve(file, "prod");

        // then
        assertThat(at(config, "custom", "stripeKeyParameter")).isEqualTo("/stripeSecretKey/live");
        assertThat(at(config, "custom", "resourcesStage")).isEqualTo("prod");
    }

    @Test
    void aMissingIncludedFileTakesTheFallback() throws IOException {
        // given
        Path file = write("value: ${file(./missing.yml):name, 'none'}\n");

        // when / then
        assertThat(resolve(file, "local")).isEqualTo(Map.of("value", "none"));
    }

    @Test
    void refusesAVariableThatDependsOnItself() throws IOException {
        // given
        Path file = write("custom:\n  a: ${self:custom.b}\n  b: x-${self:custom.a}\n");

        // when / then
        assertThatThrownBy(() -> resolve(file, "local"))
                .isInstanceOf(UnresolvedVariableException.class)
                .hasMessageContaining("depends on itself");
    }

    @Test
    void refusesASourceTheLocalRunnerDoesNotKnow() throws IOException {
        // given
        Path file = write("value: ${ssm:/stripeSecretKey/test}\n");

        // when / then
        assertThatThrownBy(() -> resolve(file, "local"))
                .isInstanceOfSatisfying(UnresolvedVariableException.class,
                        e -> assertThat(e.variable()).isEqualTo("${ssm:/stripeSecretKey/test}"))
                .hasMessageContaining("'ssm' source");
    }

    @Test
    void refusesAMapInsideAString() throws IOException {
        // given
        Path file = write("custom:\n  settings:\n    a: 1\nvalue: prefix-${self:custom.settings}\n");

        // when / then
        assertThatThrownBy(() -> resolve(file, "local"))
                .isInstanceOf(InvalidServerlessDefinitionException.class)
                .hasMessageContaining("${self:custom.settings}");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(folder.resolve("serverless.yml"), yaml);
    }

    private static Map<?, ?> resolve(Path file, String stage) {
        Object raw = CloudFormationYaml.read(file);
        return (Map<?, ?>) new VariableResolver(file, raw, stage, Map.of()).resolve(raw);
    }

    private static Object at(Map<?, ?> map, String... keys) {
        Object node = map;
        for (String key : keys) {
            node = ((Map<?, ?>) node).get(key);
        }
        return node;
    }
}
