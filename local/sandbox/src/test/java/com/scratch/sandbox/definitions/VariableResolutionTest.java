package com.scratch.sandbox.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.scratch.sandbox.definitions.EnvironmentValue.Literal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variable forms of the definitions, on the fixture repository definitions/variables. */
class VariableResolutionTest {

    private static final Path ROOT = TestPaths.fixture("variables");

    @Test
    void resolvesEveryFormWithTheirFallbacks() {
        // when
        FunctionDefinition goodbye = function(ServerlessProject.load(ROOT, "local", Map.of()), "goodbye");

        // then
        assertThat(goodbye.environment()).containsExactly(
                entry("STAGE", new Literal("local")),                  // ${opt:stage, self:provider.stage}
                entry("SETTINGS", new Literal("default-settings")),    // no settings for local: the quoted fallback
                entry("REGION", new Literal("eu-west-1")),             // no region option: the quoted fallback
                entry("GREETING", new Literal("hello")),               // no GREETING in the environment
                entry("OWNER", new Literal("team-hello")),             // fallback to self:, inside the included file
                entry("LABEL", new Literal("hello-local-label")),      // variables inside a longer string
                entry("PORT", new Literal("8080")),                    // a number is given as text
                entry("RETRIES", new Literal("3")));                   // a number as fallback
    }

    @Test
    void takesTheEnvironmentBeforeTheFallback() {
        // given
        Map<String, String> environment = Map.of("GREETING", "hi", "OWNER", "alice");

        // when
        FunctionDefinition goodbye = function(ServerlessProject.load(ROOT, "local", environment), "goodbye");

        // then
        assertThat(goodbye.environment())
                .containsEntry("GREETING", new Literal("hi"))
                .containsEntry("OWNER", new Literal("alice"));
    }

    @Test
    void takesTheNestedAddressWhenTheStageHasSettingsOfItsOwn() {
        // when
        FunctionDefinition goodbye = function(ServerlessProject.load(ROOT, "prod", Map.of()), "goodbye");

        // then
        assertThat(goodbye.environment())
                .containsEntry("STAGE", new Literal("prod"))
                .containsEntry("SETTINGS", new Literal("production-settings"));
    }

    @Test
    void namesTheFileAndTheVariableThatHasNoValue() {
        // given
        Path root = TestPaths.fixture("unresolvable");

        // when / then
        assertThatThrownBy(() -> ServerlessProject.load(root, "local", Map.of()))
                .isInstanceOfSatisfying(UnresolvedVariableException.class, e -> {
                    assertThat(e.file()).isEqualTo(root.resolve("services/broken/serverless.yml"));
                    assertThat(e.variable()).isEqualTo("${self:custom.tableName}");
                })
                .hasMessageContaining("services/broken/serverless.yml")
                .hasMessageContaining("${self:custom.tableName}");
    }

    private static FunctionDefinition function(ServerlessProject project, String name) {
        return project.service("hello").orElseThrow().function(name).orElseThrow();
    }
}
