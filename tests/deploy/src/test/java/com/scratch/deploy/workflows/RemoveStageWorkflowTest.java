package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remove-stage.yml}: a deleted branch, or a closed pull request of a branch of this repository, removes the
 * branch's stage: notify-job, then billing-api (the account refuses the other order, as CloudFormation does while an
 * export is imported). Never dev or prod: the job fails, loudly, before it has credentials.
 */
class RemoveStageWorkflowTest {

    private static final GitHubWorkflow WORKFLOW = GitHubWorkflow.named("remove-stage.yml");
    private static final String REGION = Rehearsals.REGION;

    @TempDir
    Path folder;

    @Test
    void runsWhenABranchIsDeletedOrAPullRequestClosed() {
        assertThat(WORKFLOW.triggers()).containsOnlyKeys("delete", "pull_request");
        assertThat(YamlMaps.strings(WORKFLOW.trigger("pull_request").get("types"))).containsExactly("closed");
        assertThat(WORKFLOW.job("remove").condition())
                .contains("github.event_name == 'delete' && github.event.ref_type == 'branch'")
                .contains("github.event.pull_request.head.repo.full_name == github.repository");
    }

    @Test
    void aDeletedBranchLosesItsStageNotifyJobFirst() {
        // given
        JobRehearsal rehearsal = new JobRehearsal(folder).withStacks(
                "billing-api-dev", "notify-job-dev", "billing-api-feature-login", "notify-job-feature-login");

        // when
        JobRun run = rehearsal.run(WORKFLOW, "remove", Rehearsals.branchDeleted("feature/login"));

        // then
        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.callsStartingWith("deploy/stage-of-branch")).containsExactly("deploy/stage-of-branch feature/login");
        assertThat(run.callsStartingWith("npx")).containsExactly(
                "npx [notify-job] osls remove --stage feature-login --region " + REGION,
                "npx [billing-api] osls remove --stage feature-login --region " + REGION);
        assertThat(rehearsal.stacks()).containsExactly("billing-api-dev", "notify-job-dev");
        assertThat(run.summary()).contains("feature-login");
    }

    @Test
    void aClosedPullRequestLosesItsBranchsStage() {
        JobRehearsal rehearsal = new JobRehearsal(folder).withStacks("billing-api-pr-42", "notify-job-pr-42")
                .withStageOfBranch("fix/receipt", "pr-42");

        JobRun run = rehearsal.run(WORKFLOW, "remove", Rehearsals.pullRequestClosed("fix/receipt"));

        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.callsStartingWith("npx")).containsExactly(
                "npx [notify-job] osls remove --stage pr-42 --region " + REGION,
                "npx [billing-api] osls remove --stage pr-42 --region " + REGION);
        assertThat(rehearsal.stacks()).isEmpty();
    }

    /** main's stage is dev; a branch stage-of-branch would (wrongly) send to prod must not remove prod either. */
    @Test
    void devAndProdAreNeverRemoved() {
        for (String stage : List.of("dev", "prod")) {
            JobRehearsal rehearsal = new JobRehearsal(folder.resolve(stage))
                    .withStacks("billing-api-" + stage, "notify-job-" + stage)
                    .withStageOfBranch("release", "prod");
            String branch = stage.equals("dev") ? "main" : "release";

            JobRun run = rehearsal.run(WORKFLOW, "remove", Rehearsals.branchDeleted(branch));

            assertThat(run.failedStep()).as("%s", run).isEqualTo("Refuse dev and prod");
            assertThat(run.output()).contains("::error::refusing to remove stage " + stage);
            assertThat(run.callsStartingWith("credentials")).isEmpty();
            assertThat(run.callsStartingWith("npx")).isEmpty();
            assertThat(rehearsal.stacks()).containsExactly("billing-api-" + stage, "notify-job-" + stage);
        }
    }

    /** The branch deleted after its pull request was closed: its stage is gone already. */
    @Test
    void aStageAlreadyGoneIsSkipped() {
        JobRun run = new JobRehearsal(folder).run(WORKFLOW, "remove", Rehearsals.branchDeleted("feature/login"));

        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.callsStartingWith("npx")).isEmpty();
        assertThat(run.output()).contains("notify-job-feature-login does not exist: nothing to remove")
                .contains("billing-api-feature-login does not exist: nothing to remove");
    }

    @Test
    void waitsForARunningDeployOfTheSameBranch() {
        WorkflowJob remove = WORKFLOW.job("remove");
        String deployGroup = (String) GitHubWorkflow.named("deploy-branch.yml").job("deploy").concurrency().get("group");

        assertThat(deployGroup).startsWith("stage-of-branch-");
        assertThat((String) remove.concurrency().get("group")).startsWith("stage-of-branch-${{ ")
                .contains("github.event.ref").contains("github.event.pull_request.head.ref");
        assertThat(remove.concurrency().get("cancel-in-progress")).isEqualTo(false);
    }

    @Test
    void removesWithTheToolingOfTheDefaultBranch() {
        WorkflowStep checkout = WORKFLOW.job("remove").steps().get(0);

        assertThat(checkout.usesAction("actions/checkout")).isTrue();
        assertThat(checkout.with()).containsEntry("ref", "${{ github.event.repository.default_branch }}");
    }
}
