package com.scratch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/bootstrap.yml}, resolved as CloudFormation would create it in each kind of account: GitHub's OIDC
 * provider (or the account's existing one) and a deploy role that trusts only this repository (any branch and its
 * pull requests in development; only the {@code production} environment in production), with no administrator
 * policy and no wildcard action. {@link DeployRolePermissionsTest} checks the permissions against the services' stacks.
 */
class BootstrapTemplateTest {

    private static final String OIDC = "token.actions.githubusercontent.com";

    @Test
    void createsGitHubsOidcProviderForStsUnlessTheAccountHasOne() {
        BootstrapTemplate created = BootstrapTemplate.forAccount("development");
        assertThat(created.oidcProvider().path("Properties").path("Url").asText()).isEqualTo("https://" + OIDC);
        assertThat(created.oidcProvider().path("Properties").path("ClientIdList"))
                .containsExactly(TextNode.valueOf("sts.amazonaws.com"));
        assertThat(created.trustStatements()).allSatisfy(statement -> assertThat(
                statement.path("Principal").path("Federated").asText()).isEqualTo("{Ref GitHubOidcProvider}"));

        String existing = "arn:aws:iam::123456789012:oidc-provider/" + OIDC;
        BootstrapTemplate reused = BootstrapTemplate.forAccount("production", "ExistingOidcProviderArn", existing);
        assertThat(reused.oidcProvider().isMissingNode()).isTrue();
        assertThat(reused.trustStatements()).allSatisfy(statement -> assertThat(
                statement.path("Principal").path("Federated").asText()).isEqualTo(existing));
        assertThat(reused.output("OidcProviderArn").asText()).isEqualTo(existing);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"development", "production"})
    void theRoleIsAssumedOnlyWithATokenForSts(String accountKind) {
        List<JsonNode> trust = BootstrapTemplate.forAccount(accountKind).trustStatements();

        assertThat(trust).singleElement().satisfies(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
            assertThat(statement.path("Condition").path("StringEquals").path(OIDC + ":aud").asText())
                    .isEqualTo("sts.amazonaws.com");
        });
    }

    @Test
    void theDevelopmentRoleTrustsEveryBranchAndPullRequestOfThisRepositoryOnly() {
        JsonNode condition = BootstrapTemplate.forAccount("development").trustStatements().get(0).path("Condition");

        assertThat(condition.path("StringEquals").has(OIDC + ":sub")).isFalse();
        assertThat(condition.path("StringLike").path(OIDC + ":sub")).containsExactly(
                TextNode.valueOf("repo:acme/scratch:ref:refs/heads/*"), TextNode.valueOf("repo:acme/scratch:pull_request"));
    }

    /**
     * Not a tag: a tag's commit could carry a workflow that leaves the environment, and its reviewers, out. The
     * environment admits only v* tags (README), and deploy-prod.yml runs only on them.
     */
    @Test
    void theProductionRoleTrustsOnlyJobsInTheProductionEnvironment() {
        JsonNode condition = BootstrapTemplate.forAccount("production").trustStatements().get(0).path("Condition");

        assertThat(condition.path("StringEquals").path(OIDC + ":sub"))
                .isEqualTo(TextNode.valueOf("repo:acme/scratch:environment:production"));
        assertThat(condition.has("StringLike")).isFalse();
        assertThat(condition.toString()).doesNotContain("refs/heads").doesNotContain("pull_request").doesNotContain("*");
    }

    /** Repositories created after 15 July 2026 (or opted in) get subjects with the owner's and repository's ids. */
    @Test
    void immutableSubjectsNameTheOwnersAndRepositorysIds() {
        String[] ids = {"GitHubOrgId", "4242", "GitHubRepoId", "777777"};

        assertThat(BootstrapTemplate.forAccount("production", ids).trustStatements().get(0).toString())
                .contains("\"repo:acme@4242/scratch@777777:environment:production\"");
        assertThat(BootstrapTemplate.forAccount("development", ids).trustStatements().get(0).toString())
                .contains("\"repo:acme@4242/scratch@777777:ref:refs/heads/*\"")
                .contains("\"repo:acme@4242/scratch@777777:pull_request\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"development", "production"})
    void noAdministratorPolicyAndNoWildcardAction(String accountKind) {
        BootstrapTemplate template = BootstrapTemplate.forAccount(accountKind);

        assertThat(template.role().has("ManagedPolicyArns")).isFalse();
        assertThat(template.role().toString()).doesNotContain("AdministratorAccess").doesNotContain("PowerUserAccess");
        assertThat(BootstrapTemplate.text()).doesNotContain("iam::aws:policy/");
        assertThat(template.permissions().statements()).isNotEmpty().allSatisfy(statement ->
                assertThat(statement.actions()).noneMatch(action -> action.equals("*") || action.endsWith(":*")));
    }

    /**
     * Resource "*" only where AWS offers no scope: the two reads that cannot be scoped to a stack, and X-Ray's
     * resource-policy actions (for the SNS topic's active tracing), for which X-Ray defines no resource type.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"development", "production"})
    void anyResourceOnlyWhereAwsOffersNoScope(String accountKind) {
        assertThat(BootstrapTemplate.forAccount(accountKind).permissions().statements())
                .filteredOn(IamStatement::appliesToAnyResource)
                .flatExtracting(IamStatement::actions)
                .containsExactlyInAnyOrder("cloudformation:ValidateTemplate", "cloudformation:ListStacks",
                        "xray:PutResourcePolicy", "xray:DeleteResourcePolicy", "xray:ListResourcePolicies");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"development", "production"})
    void rolesArePassedOnlyToLambdaAndOnlyTheFunctionRoles(String accountKind) {
        List<JsonNode> passRole = BootstrapTemplate.forAccount(accountKind).role().path("Policies").findValues("Statement")
                .stream().flatMap(statements -> java.util.stream.StreamSupport.stream(statements.spliterator(), false))
                .filter(statement -> statement.path("Action").toString().contains("iam:PassRole")).toList();
        String stage = accountKind.equals("production") ? "prod" : "*";

        assertThat(passRole).singleElement().satisfies(statement -> {
            assertThat(statement.path("Action").asText()).isEqualTo("iam:PassRole");
            assertThat(statement.path("Resource")).containsExactly(
                    TextNode.valueOf("arn:aws:iam::123456789012:role/billing-api-" + stage + "-*"),
                    TextNode.valueOf("arn:aws:iam::123456789012:role/notify-job-" + stage + "-*"));
            assertThat(statement.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                    .isEqualTo("lambda.amazonaws.com");
        });
    }

    /** The smoke test signs its purchase with the deploy role: allowed on dev and feature stages, never on prod. */
    @Test
    void onlyTheDevelopmentRoleMayBuyAndNeverOnProd() {
        String api = "arn:aws:execute-api:" + ResolvedTemplate.REGION + ":123456789012:a1b2c3d4e5/";
        IamPolicy development = BootstrapTemplate.forAccount("development").permissions();
        IamPolicy production = BootstrapTemplate.forAccount("production").permissions();

        assertThat(development.allows("execute-api:Invoke", api + "dev/POST/billing")).isTrue();
        assertThat(development.allows("execute-api:Invoke", api + "feature-login/POST/billing")).isTrue();
        assertThat(development.allows("execute-api:Invoke", api + "prod/POST/billing")).isFalse();
        assertThat(development.allows("execute-api:Invoke", api + "dev/POST/billing/webhook")).isFalse();
        assertThat(production.statements()).noneMatch(statement -> statement.concernsService("execute-api"));
    }

    /** IAM allows at most 10,240 characters of inline policy per role, counted without white space. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"development", "production"})
    void theInlinePolicyFitsIam(String accountKind) {
        String policies = BootstrapTemplate.forAccount(accountKind).role().path("Policies").toString();

        assertThat(policies.replaceAll("\\s", "").length()).isLessThan(10_240 - 2_000);
    }
}
