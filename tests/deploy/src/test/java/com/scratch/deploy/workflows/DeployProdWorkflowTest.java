package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy-prod.yml}: only a tag {@code v*} deploys prod, after the tests, in the protected {@code production}
 * environment (a reviewer approves), with the production account's role: billing-api, then notify-job, then an
 * unsigned webhook call that prod must answer 400. No purchase: it would charge a live card.
 */
class DeployProdWorkflowTest {

    private static final GitHubWorkflow WORKFLOW = GitHubWorkflow.named("deploy-prod.yml");

    @TempDir
    Path folder;

    @Test
    void runsOnlyOnTagsStartingWithV() {
        assertThat(WORKFLOW.triggers()).containsOnlyKeys("push");
        assertThat(WORKFLOW.trigger("push")).containsOnlyKeys("tags");
        assertThat(YamlMaps.strings(WORKFLOW.trigger("push").get("tags"))).containsExactly("v*");
    }

    @Test
    void deploysInTheProductionEnvironmentAfterTheTests() {
        WorkflowJob deploy = WORKFLOW.job("deploy");

        assertThat(deploy.environmentName()).isEqualTo("production");
        assertThat(deploy.needs()).containsExactly("test");
        assertThat(WORKFLOW.job("test").uses()).isEqualTo("./.github/workflows/test.yml");
        assertThat(deploy.concurrency()).containsEntry("group", "stage-prod").containsEntry("cancel-in-progress", false);
    }

    @Test
    void deploysBillingThenNotifyToProdWithTheProductionRole() {
        // given
        JobRehearsal rehearsal = new JobRehearsal(folder);

        // when
        JobRun run = rehearsal.run(WORKFLOW, "deploy", Rehearsals.push("v1.4.0"));

        // then
        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.callsStartingWith("credentials")).containsExactly(
                "credentials " + Rehearsals.PROD_ROLE + " " + Rehearsals.REGION);
        assertThat(run.callsStartingWith("npx")).containsExactly(
                "npx [billing-api] osls deploy --stage prod --region " + Rehearsals.REGION,
                "npx [notify-job] osls deploy --stage prod --region " + Rehearsals.REGION);
        String url = "https://a1b2c3d4e5.execute-api." + Rehearsals.REGION + ".amazonaws.com/prod";
        assertThat(run.callsStartingWith("curl")).singleElement().asString().endsWith(url + "/billing/webhook");
        assertThat(run.callsStartingWith("java")).as("no purchase in prod").isEmpty();
        assertThat(run.summary()).contains(url).contains("v1.4.0");
        assertThat(WORKFLOW.job("deploy").scripts()).doesNotContain("stage-of-branch");
    }

    @Test
    void aProdThatDoesNotAnswerItsWebhookFailsTheJob() {
        JobRun run = new JobRehearsal(folder).withCurlStatus(502).run(WORKFLOW, "deploy", Rehearsals.push("v1.4.0"));

        assertThat(run.failedStep()).as("%s", run).isEqualTo("Check that prod answers");
        assertThat(run.output()).contains("answered 502, expected 400");
    }

    @Test
    void theEnvironmentShowsTheApisUrl() {
        Object environment = WORKFLOW.job("deploy").yaml().get("environment");

        assertThat(environment).isEqualTo(Map.of("name", "production", "url", "${{ steps.url.outputs.api-url }}"));
    }
}
