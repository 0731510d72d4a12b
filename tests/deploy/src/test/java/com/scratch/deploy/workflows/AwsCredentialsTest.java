package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every workflow that reaches AWS does so with GitHub's OIDC token: {@code id-token: write}, a role from the
 * repository's variables, and no long-lived key anywhere. Every job that deploys or removes a stage is in a
 * concurrency group that never cancels a run halfway.
 */
class AwsCredentialsTest {

    private static final String CREDENTIALS_ACTION = "aws-actions/configure-aws-credentials";
    private static final Pattern ACCESS_KEY = Pattern.compile(
            "(?i)secret[-_]access[-_]key|access[-_]key[-_]id|session[-_]token|secrets\\.AWS");

    @Test
    void noWorkflowHoldsALongLivedKey() {
        for (var file : GitHubWorkflow.files()) {
            assertThat(GitHubWorkflow.read(file).text()).as("%s", file.getFileName()).doesNotContainPattern(ACCESS_KEY);
        }
    }

    @Test
    void everyCredentialsStepAssumesARoleFromTheVariablesWithAnOidcToken() {
        List<String> roles = new ArrayList<>();
        for (var file : GitHubWorkflow.files()) {
            GitHubWorkflow workflow = GitHubWorkflow.read(file);
            for (WorkflowJob job : workflow.jobs().values()) {
                for (WorkflowStep step : job.steps()) {
                    if (!step.usesAction(CREDENTIALS_ACTION)) {
                        continue;
                    }
                    String where = workflow + " " + job;
                    assertThat(step.with()).as(where).containsOnlyKeys("role-to-assume", "aws-region");
                    assertThat(step.with().get("aws-region")).as(where).isEqualTo("${{ vars.AWS_REGION }}");
                    assertThat(job.permissions()).as(where).containsEntry("id-token", "write");
                    roles.add(workflow + ": " + step.with().get("role-to-assume"));
                }
            }
        }
        assertThat(roles).containsExactlyInAnyOrder(
                "deploy-branch.yml: ${{ vars.DEV_DEPLOY_ROLE_ARN }}",
                "deploy-prod.yml: ${{ vars.PROD_DEPLOY_ROLE_ARN }}",
                "remove-stage.yml: ${{ vars.DEV_DEPLOY_ROLE_ARN }}",
                "remove-stale-stages.yml: ${{ vars.DEV_DEPLOY_ROLE_ARN }}");
    }

    /** Only the jobs that need a token may ask for one; everything else reads the repository and nothing more. */
    @Test
    void onlyTheJobsThatReachAwsMayAskForAToken() {
        for (var file : GitHubWorkflow.files()) {
            GitHubWorkflow workflow = GitHubWorkflow.read(file);
            assertThat(YamlMaps.mapOrEmpty(workflow.yaml().get("permissions"))).as("%s", workflow)
                    .isEqualTo(Map.of("contents", "read"));
            for (WorkflowJob job : workflow.jobs().values()) {
                boolean reachesAws = job.steps().stream().anyMatch(step -> step.usesAction(CREDENTIALS_ACTION));
                if (!reachesAws) {
                    assertThat(job.permissions()).as("%s %s", workflow, job).doesNotContainKey("id-token");
                }
            }
        }
    }

    @Test
    void everyJobThatDeploysOrRemovesIsInAConcurrencyGroupThatNeverCancels() {
        List<String> jobs = new ArrayList<>();
        for (var file : GitHubWorkflow.files()) {
            GitHubWorkflow workflow = GitHubWorkflow.read(file);
            for (WorkflowJob job : workflow.jobs().values()) {
                if (!job.runs("osls deploy") && !job.runs("osls remove")) {
                    continue;
                }
                Map<String, Object> concurrency = job.concurrency().isEmpty()
                        ? YamlMaps.mapOrEmpty(workflow.yaml().get("concurrency")) : job.concurrency();
                assertThat(concurrency).as("%s %s", workflow, job).containsKey("group")
                        .containsEntry("cancel-in-progress", false);
                jobs.add(workflow + " " + job);
            }
        }
        assertThat(jobs).containsExactlyInAnyOrder("deploy-branch.yml deploy", "deploy-prod.yml deploy",
                "remove-stage.yml remove", "remove-stale-stages.yml remove-stale");
    }
}
