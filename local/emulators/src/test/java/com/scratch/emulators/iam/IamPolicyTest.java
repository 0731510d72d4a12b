package com.scratch.emulators.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IamPolicyTest {

    static final String KEY_ARN = "arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/test";

    @Test
    void anAllowIsNeeded() {
        // given
        IamPolicy policy = new IamPolicy(List.of(PolicyStatement.allow(List.of("ssm:GetParameter"), List.of(KEY_ARN))));

        // when
        IamDecision single = policy.evaluate("ssm:GetParameter", KEY_ARN);
        IamDecision batch = policy.evaluate("ssm:GetParameters", KEY_ARN);

        // then
        assertThat(single.allowed()).isTrue();
        assertThat(batch.outcome()).isEqualTo(IamDecision.Outcome.IMPLICITLY_DENIED);
        assertThat(batch.decidingStatement()).isEmpty();
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() {
        // given
        PolicyStatement deny = new PolicyStatement("NoLiveKey", 2, Effect.DENY, List.of("ssm:*"), List.of(),
                List.of("arn:aws:ssm:*:*:parameter/stripeSecretKey/live"), List.of());
        IamPolicy policy = new IamPolicy(List.of(PolicyStatement.allow(List.of("*"), List.of("*")), deny));

        // when
        IamDecision live = policy.evaluate("ssm:GetParameter", "arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/live");
        IamDecision test = policy.evaluate("ssm:GetParameter", KEY_ARN);

        // then
        assertThat(live.outcome()).isEqualTo(IamDecision.Outcome.EXPLICITLY_DENIED);
        assertThat(live.decidingStatement()).contains(deny);
        assertThat(deny.name()).isEqualTo("statement \"NoLiveKey\"");
        assertThat(test.allowed()).isTrue();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "ssm:GetParameter, ssm:getparameter, true",
            "SSM:GetParameter*, ssm:GetParameters, true",
            "ssm:GetParameter?, ssm:GetParameters, true",
            "ssm:GetParameter?, ssm:GetParameter, false",
            "ssm:Get*, ssm:GetParametersByPath, true",
            "sns:*, ssm:GetParameter, false",
            "*, kms:Decrypt, true",
    })
    void actionsMatchWithoutRegardToCaseWithWildcards(String pattern, String action, boolean matches) {
        assertThat(IamPattern.matchesAction(pattern, action)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "arn:aws:sns:us-east-1:000000000000:dev-note-purchased, arn:aws:sns:us-east-1:000000000000:dev-note-purchased, true",
            "arn:aws:sns:us-east-1:000000000000:dev-note-purchased, arn:aws:sns:us-east-1:000000000000:DEV-note-purchased, false",
            "arn:aws:sns:*:*:dev-*, arn:aws:sns:us-east-1:000000000000:dev-note-purchased, true",
            "arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/*, arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/test, true",
            "arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/tes?, arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/test, true",
            "arn:aws:sns:us-east-1:000000000000:dev-note-purchased, +14151234567, false",
            "*, +14151234567, true",
    })
    void resourcesMatchCaseSensitivelyWithWildcards(String pattern, String resource, boolean matches) {
        assertThat(IamPattern.matchesResource(pattern, resource)).isEqualTo(matches);
    }

    @Test
    void notActionAndNotResourceMatchWhatTheyDoNotName() {
        // given
        PolicyStatement allExceptSsm = new PolicyStatement("", 1, Effect.ALLOW, List.of(), List.of("ssm:*"),
                List.of(), List.of(KEY_ARN));
        IamPolicy policy = new IamPolicy(List.of(allExceptSsm));

        // then
        assertThat(policy.evaluate("sns:Publish", "arn:aws:sns:us-east-1:000000000000:t").allowed()).isTrue();
        assertThat(policy.evaluate("ssm:GetParameter", "arn:aws:ssm:us-east-1:000000000000:parameter/other").allowed()).isFalse();
        assertThat(policy.evaluate("sns:Publish", KEY_ARN).allowed()).isFalse();
    }

    @Test
    void aStatementWithoutActionOrResourceIsRefusedNamingIt() {
        assertThatThrownBy(() -> new PolicyStatement("ReadKey", 1, Effect.ALLOW, List.of(), List.of(), List.of("*"), List.of()))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessage("statement \"ReadKey\" needs exactly one of Action and NotAction");
        assertThatThrownBy(() -> Effect.parse("allow"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessage("Effect must be Allow or Deny, was allow");
    }
}
