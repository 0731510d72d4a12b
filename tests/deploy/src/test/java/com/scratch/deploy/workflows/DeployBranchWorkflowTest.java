package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy-branch.yml}: a push to a branch deploys it, after the tests, to the stage {@code deploy/stage-of-branch}
 * gives it, in the development account: billing-api, then notify-job, then the smoke test on the stage's API. The job
 * is rehearsed ({@link JobRehearsal}) against an account whose notify-job cannot be deployed before billing-api.
 */
class DeployBranchWorkflowTest {

    private static final GitHubWorkflow WORKFLOW = GitHubWorkflow.named("deploy-branch.yml");

    @TempDir
    Path folder;

    @Test
    void runsOnPushesToBranchesOnlyAfterTheTests() {
        assertThat(WORKFLOW.triggers()).containsOnlyKeys("push");
        assertThat(WORKFLOW.trigger("push")).containsOnlyKeys("branches");
        assertThat(YamlMaps.strings(WORKFLOW.trigger("push").get("branches"))).containsExactly("**");
        assertThat(WORKFLOW.job("test").uses()).isEqualTo("./.github/workflows/test.yml");
        assertThat(WORKFLOW.job("deploy").needs()).containsExactly("test");
    }

    @Test
    void aFeatureBranchDeploysBillingThenNotifyToItsStageThenSmokeTestsIt() {
        // given
        JobRehearsal rehearsal = new JobRehearsal(folder);

        // when
        JobRun run = rehearsal.run(WORKFLOW, "deploy", Rehearsals.push("feature/login"));

        // then
        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.callsStartingWith("deploy/stage-of-branch")).containsExactly("deploy/stage-of-branch feature/login");
        assertThat(run.callsStartingWith("credentials")).containsExactly(
                "credentials " + Rehearsals.DEV_ROLE + " " + Rehearsals.REGION);
        assertThat(run.callsStartingWith("npx")).containsExactly(
                "npx [billing-api] osls deploy --stage feature-login --region " + Rehearsals.REGION,
                "npx [notify-job] osls deploy --stage feature-login --region " + Rehearsals.REGION);
        String url = "https://a1b2c3d4e5.execute-api." + Rehearsals.REGION + ".amazonaws.com/feature-login";
        assertThat(run.callsStartingWith("java")).containsExactly("java -jar deploy/smoke-test/target/smoke-test.jar " + url);
        assertThat(run.summary()).contains(url).contains("feature-login");
        assertThat(rehearsal.stacks()).containsExactly("billing-api-feature-login", "notify-job-feature-login");
    }

    @Test
    void theBuildComesBeforeTheStageIsDerivedAndTheCredentialsAfter() {
        JobRun run = new JobRehearsal(folder).run(WORKFLOW, "deploy", Rehearsals.push("feature/login"));

        assertThat(run.calls()).containsSubsequence("mvn -B -ntp package -DskipTests",
                "deploy/stage-of-branch feature/login", "credentials " + Rehearsals.DEV_ROLE + " " + Rehearsals.REGION,
                "npx [billing-api] osls deploy --stage feature-login --region " + Rehearsals.REGION);
        assertThat(WORKFLOW.job("deploy").scripts()).contains("deploy/stage-of-branch \"$GITHUB_REF_NAME\"");
    }

    @Test
    void mainDeploysDev() {
        JobRehearsal rehearsal = new JobRehearsal(folder);

        JobRun run = rehearsal.run(WORKFLOW, "deploy", Rehearsals.push("main"));

        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.callsStartingWith("npx")).containsExactly(
                "npx [billing-api] osls deploy --stage dev --region " + Rehearsals.REGION,
                "npx [notify-job] osls deploy --stage dev --region " + Rehearsals.REGION);
        assertThat(rehearsal.stacks()).containsExactly("billing-api-dev", "notify-job-dev");
    }

    /** Should deploy/stage-of-branch ever send a branch to prod or dev, or main elsewhere, nothing is deployed. */
    @Test
    void noBranchReachesProdOrDevOtherThanMainToDevWhateverStageOfBranchSays() {
        for (String[] branchAndStage : new String[][] {
                {"release", "prod"}, {"feature/x", "dev"}, {"main", "prod"}, {"main", "feature-x"}}) {
            JobRehearsal rehearsal = new JobRehearsal(folder.resolve(branchAndStage[0].replace('/', '-') + branchAndStage[1]))
                    .withStageOfBranch(branchAndStage[0], branchAndStage[1]);

            JobRun run = rehearsal.run(WORKFLOW, "deploy", Rehearsals.push(branchAndStage[0]));

            assertThat(run.failedStep()).as("%s", run).isEqualTo("Check the stage");
            assertThat(run.output()).contains("::error::branch " + branchAndStage[0] + " must not deploy to stage "
                    + branchAndStage[1]);
            assertThat(run.callsStartingWith("credentials")).isEmpty();
            assertThat(run.callsStartingWith("npx")).isEmpty();
        }
    }

    @Test
    void aStageOfBranchAnswerThatIsNoStageNameStopsTheJob() {
        JobRun run = new JobRehearsal(folder).withStageOfBranch("feature/odd", "odd stage").run(
                WORKFLOW, "deploy", Rehearsals.push("feature/odd"));

        assertThat(run.failedStep()).as("%s", run).isEqualTo("Derive the stage");
        assertThat(run.callsStartingWith("npx")).isEmpty();
    }

    @Test
    void twoPushesToOneBranchNeverDeployAtOnce() {
        WorkflowJob deploy = WORKFLOW.job("deploy");

        assertThat(deploy.concurrency().get("group")).isEqualTo("stage-of-branch-${{ github.ref_name }}");
        assertThat(deploy.concurrency().get("cancel-in-progress")).isEqualTo(false);
    }
}
