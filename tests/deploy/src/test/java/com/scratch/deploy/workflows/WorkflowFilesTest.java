package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.serverless.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code .github/workflows}: valid by GitHub's workflow schema (checked offline by
 * {@code action-validator}, from the root {@code package.json}), run with bash and pipefail, with no
 * {@code ${{ }}} expression inside a script (a branch name is text an attacker chooses: it reaches scripts through
 * {@code env} only). And the tests: the README's test command, with Java 17 and Node 20, on every pull request and
 * push.
 */
class WorkflowFilesTest {

    @Test
    void theWorkflowsAreThese() {
        assertThat(GitHubWorkflow.files()).extracting(file -> file.getFileName().toString()).containsExactly(
                "deploy-branch.yml", "deploy-prod.yml", "remove-stage.yml", "remove-stale-stages.yml", "test.yml");
    }

    @Test
    void everyWorkflowIsValidByGitHubsSchema() throws IOException, InterruptedException {
        Path root = RepositoryRoot.find();
        Path validator = root.resolve("node_modules/.bin/action-validator");
        assertThat(validator).as("run npm ci at %s first", root).isExecutable();

        for (Path file : GitHubWorkflow.files()) {
            Process process = new ProcessBuilder(validator.toString(), root.relativize(file).toString())
                    .directory(root.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as("action-validator %s:\n%s", file.getFileName(), output).isZero();
        }
    }

    @Test
    void theValidatorCatchesAnInvalidWorkflow(@org.junit.jupiter.api.io.TempDir Path folder)
            throws IOException, InterruptedException {
        Path root = RepositoryRoot.find();
        Path invalid = Files.writeString(folder.resolve("invalid.yml"),
                "on: push\njobs:\n  test:\n    runs_on: ubuntu-latest\n    steps:\n      - run: echo\n");

        Process process = new ProcessBuilder(root.resolve("node_modules/.bin/action-validator").toString(),
                invalid.toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("runs_on");
    }

    @Test
    void everyScriptRunsWithBashAndPipefailAndWithoutExpressions() {
        for (Path file : GitHubWorkflow.files()) {
            GitHubWorkflow workflow = GitHubWorkflow.read(file);
            assertThat(workflow.defaults()).as("%s", workflow).isEqualTo(Map.of("run", Map.of("shell", "bash")));
            for (WorkflowJob job : workflow.jobs().values()) {
                for (WorkflowStep step : job.runSteps()) {
                    assertThat(step.run()).as("%s %s '%s'", workflow, job, step).doesNotContain("${{");
                }
            }
        }
    }

    @Test
    void theTestsRunTheReadmesTestCommandWithJava17AndNode20() throws IOException {
        WorkflowJob test = GitHubWorkflow.named("test.yml").job("test");
        List<WorkflowStep> steps = test.steps();

        assertThat(steps).filteredOn(step -> step.usesAction("actions/setup-java")).singleElement()
                .satisfies(step -> assertThat(step.with()).containsEntry("distribution", "temurin")
                        .containsEntry("java-version", "17").containsEntry("cache", "maven"));
        assertThat(steps).filteredOn(step -> step.usesAction("actions/setup-node")).singleElement()
                .satisfies(step -> assertThat(step.with()).containsEntry("node-version", 20));
        assertThat(test.runSteps()).extracting(WorkflowStep::run).containsExactly("bash .ci/run");
        String ci = Files.readString(RepositoryRoot.find().resolve(".ci/run"));
        assertThat(ci).containsPattern("(?m)^npm ci\\b").containsPattern("(?m)^mvn -B\\b.* verify$");
        assertThat(Files.readString(RepositoryRoot.find().resolve("README.md"))).contains("npm ci && mvn -B verify");
    }

    /**
     * Pull requests here; pushes to branches and v* tags through the deploy workflows, which call this one before
     * deploying; pushes of other tags here.
     */
    @Test
    void theTestsRunOnEveryPullRequestAndEveryPush() {
        GitHubWorkflow tests = GitHubWorkflow.named("test.yml");
        assertThat(tests.triggers()).containsOnlyKeys("pull_request", "push", "workflow_call");
        assertThat(tests.trigger("push")).isEqualTo(Map.of("tags-ignore", List.of("v*")));

        for (String deploy : List.of("deploy-branch.yml", "deploy-prod.yml")) {
            GitHubWorkflow workflow = GitHubWorkflow.named(deploy);
            assertThat(workflow.job("test").uses()).isEqualTo("./.github/workflows/test.yml");
            assertThat(workflow.job("deploy").needs()).containsExactly("test");
        }
        assertThat(GitHubWorkflow.named("deploy-branch.yml").trigger("push")).isEqualTo(Map.of("branches", List.of("**")));
        assertThat(GitHubWorkflow.named("deploy-prod.yml").trigger("push")).isEqualTo(Map.of("tags", List.of("v*")));
    }
}
