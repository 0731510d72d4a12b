package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remove-stale-stages.yml}: daily, the stages of the development account whose branch is gone are removed,
 * notify-job first; a stage is the suffix of its stacks' names, a branch's stage what {@code deploy/stage-of-branch}
 * says of it. If dev or prod ever looked stale, nothing at all is removed.
 */
class RemoveStaleStagesWorkflowTest {

    private static final GitHubWorkflow WORKFLOW = GitHubWorkflow.named("remove-stale-stages.yml");
    private static final String REGION = Rehearsals.REGION;

    @TempDir
    Path folder;

    @Test
    void runsDailyAndOnDemandOneAtATime() {
        assertThat(WORKFLOW.triggers()).containsOnlyKeys("schedule", "workflow_dispatch");
        List<Object> schedules = YamlMaps.list(WORKFLOW.triggers().get("schedule"), "schedule");
        assertThat(schedules).singleElement().satisfies(schedule ->
                assertThat(YamlMaps.map(schedule, "schedule").get("cron")).asString().matches("\\d+ \\d+ \\* \\* \\*"));
        assertThat(YamlMaps.mapOrEmpty(WORKFLOW.yaml().get("concurrency")))
                .containsEntry("group", "remove-stale-stages").containsEntry("cancel-in-progress", false);
    }

    @Test
    void removesTheStagesWhoseBranchIsGoneNotifyJobFirst() {
        // given
        JobRehearsal rehearsal = new JobRehearsal(folder)
                .withStacks("billing-api-dev", "notify-job-dev", "billing-api-feature-a", "notify-job-feature-a",
                        "billing-api-feature-gone", "notify-job-feature-gone", "billing-api-half-gone", "other-service-x")
                .withBranches("main", "feature/a");

        // when
        JobRun run = rehearsal.run(WORKFLOW, "remove-stale", Rehearsals.variables());

        // then
        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.callsStartingWith("deploy/stage-of-branch"))
                .containsExactly("deploy/stage-of-branch main", "deploy/stage-of-branch feature/a");
        assertThat(run.callsStartingWith("npx")).containsExactly(
                "npx [notify-job] osls remove --stage feature-gone --region " + REGION,
                "npx [billing-api] osls remove --stage feature-gone --region " + REGION,
                "npx [billing-api] osls remove --stage half-gone --region " + REGION);
        assertThat(rehearsal.stacks()).containsExactly(
                "billing-api-dev", "notify-job-dev", "billing-api-feature-a", "notify-job-feature-a", "other-service-x");
        assertThat(run.summary()).contains("feature-gone").contains("half-gone").doesNotContain("feature-a");
    }

    /** A stack created after the branches were read could belong to a branch just pushed: stacks are read first. */
    @Test
    void readsTheStacksBeforeTheBranches() {
        JobRun run = new JobRehearsal(folder).withStacks("billing-api-dev").withBranches("main")
                .run(WORKFLOW, "remove-stale", Rehearsals.variables());

        assertThat(run.calls()).containsSubsequence("credentials " + Rehearsals.DEV_ROLE + " " + REGION,
                run.callsStartingWith("aws cloudformation list-stacks").get(0), "git ls-remote --heads origin");
    }

    @Test
    void removesNothingWhenDevLooksStale() {
        for (Map.Entry<String, String[]> scenario : Map.of(
                "main-missing", new String[] {"feature/a"},
                "main-elsewhere", new String[] {"main", "feature/a"}).entrySet()) {
            JobRehearsal rehearsal = new JobRehearsal(folder.resolve(scenario.getKey()))
                    .withStacks("billing-api-dev", "notify-job-dev", "billing-api-feature-gone", "notify-job-feature-gone")
                    .withBranches(scenario.getValue())
                    .withStageOfBranch("main", "main");

            JobRun run = rehearsal.run(WORKFLOW, "remove-stale", Rehearsals.variables());

            assertThat(run.succeeded()).as("%s", run).isFalse();
            assertThat(run.output()).contains("::error::");
            assertThat(run.callsStartingWith("npx")).isEmpty();
            assertThat(rehearsal.stacks()).hasSize(4);
        }
    }

    @Test
    void removesNothingWhenProdLooksStale() {
        JobRehearsal rehearsal = new JobRehearsal(folder)
                .withStacks("billing-api-prod", "billing-api-feature-gone").withBranches("main");

        JobRun run = rehearsal.run(WORKFLOW, "remove-stale", Rehearsals.variables());

        assertThat(run.failedStep()).as("%s", run).isEqualTo("Remove the stale stages, notify-job first");
        assertThat(run.output()).contains("::error::refusing to remove dev or prod");
        assertThat(run.callsStartingWith("npx")).isEmpty();
    }
}
