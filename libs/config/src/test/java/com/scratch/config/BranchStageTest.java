package com.scratch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BranchStageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            main                                  | dev
            refs/heads/main                       | dev
            feature/login                         | feature-login
            Feature_Login-2                       | feature-login-2
            refs/heads/feature/login              | feature-login
            fix/JIRA-123_null--pointer            | fix-jira-123-null-pointer
            123-fix                               | b-123-fix
            -leading/and/trailing-                | leading-and-trailing
            prod                                  | b-prod
            dev                                   | b-dev
            DEV                                   | b-dev
            Prod/                                 | b-prod
            feature/ünïcödé                       | feature-unicode
            release/2026.12                       | release-2026-12
            """)
    void aBranchBecomesTheStageTheRulesSay(String branch, String stage) {
        assertThat(BranchStage.of(branch).name()).isEqualTo(stage);
    }

    @Test
    void aLongBranchKeepsItsBeginningAndEndsWithAHashOfTheWholeName() {
        Stage dependabot = BranchStage.of("dependabot/npm_and_yarn/osls-4.3.2");

        assertThat(dependabot.name()).hasSize(Stage.MAX_LENGTH).matches("dependabot-npm-an-[0-9a-f]{8}");
        assertThat(BranchStage.of("dependabot/npm_and_yarn/osls-4.3.3")).as("the same start, another branch")
                .isNotEqualTo(dependabot);
        assertThat(BranchStage.of("dependabot/npm_and_yarn/osls-4.3.2")).as("the same branch, always").isEqualTo(dependabot);
    }

    @Test
    void twoHundredCharacterBranchesThatDifferOnlyAtTheEndGetTwoValidStages() {
        String start = "feature/" + "a-very-long-description-of-the-work".repeat(3);
        String one = (start + "x".repeat(100)).substring(0, 100) + "1";
        String two = (start + "x".repeat(100)).substring(0, 100) + "2";

        Stage first = BranchStage.of(one);
        Stage second = BranchStage.of(two);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.name()).hasSizeLessThanOrEqualTo(Stage.MAX_LENGTH).startsWith("feature-a-very-lo")
                .doesNotContain("--");
        assertThat(second.name()).hasSizeLessThanOrEqualTo(Stage.MAX_LENGTH);
    }

    @Test
    void aNameWithNoLatinLetterLeftGetsAHash() {
        Stage stage = BranchStage.of("功能/登录");

        assertThat(stage.name()).matches("b-[0-9a-f]{8}");
        assertThat(BranchStage.of("功能/注册")).isNotEqualTo(stage);
    }

    @Test
    void onlyMainBecomesDevAndNoBranchBecomesProd() {
        for (String branch : new String[] {"dev", "prod", "PROD", "prod-", "_dev_", "refs/heads/prod", "main/x", "mainline"}) {
            Stage stage = BranchStage.of(branch);
            assertThat(stage).as(branch).isNotEqualTo(Stage.DEV).isNotEqualTo(Stage.PROD);
        }
    }

    @Test
    void aBlankBranchIsRefusedSayingSo() {
        assertThatThrownBy(() -> BranchStage.of("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A branch name is needed");
    }

    /** The command the workflows call, run as they run it. */
    @Test
    void theCommandPrintsTheStageAndRefusesAMissingBranch() throws Exception {
        Path script = repositoryRoot().resolve("deploy/stage-of-branch");

        Result stage = run(script.toString(), "feature/Login_Page");
        Result usage = run(script.toString());

        assertThat(stage.exitCode()).as(stage.output()).isZero();
        assertThat(stage.output().strip()).isEqualTo("feature-login-page");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("usage: stage-of-branch <branch name>");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        String[] withBash = new String[command.length + 1];
        withBash[0] = "bash";
        System.arraycopy(command, 0, withBash, 1, command.length);
        Process process = new ProcessBuilder(withBash).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/stage-of-branch"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No deploy/stage-of-branch above " + Path.of("").toAbsolutePath());
    }
}
