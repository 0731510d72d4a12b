package com.scratch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.deploy.ServerlessPackageTest.ForEveryStage;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What the NotePurchased topic's active tracing ({@code TracingConfig: Active}, checked by
 * {@code ServerlessPackageTest}) needs besides: SNS passes billing's trace header on to notify's invocation either
 * way, but the segment it records for the topic is accepted by X-Ray only with a resource-based policy allowing SNS.
 * An account holds at most 5 of those, so the stage owning the account's resources (dev, prod) makes one for every
 * NotePurchased topic there, and a feature stage, which deploys into the dev account, makes none.
 */
class SnsActiveTracingTest {

    static final String POLICY = "SnsActiveTracingPolicy";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ForEveryStage
    void theStageOwningTheAccountsResourcesMakesTheOnePolicyOfTheAccount(String stage) {
        // given
        CloudFormationTemplate template = ServerlessPackageTest.billingTemplate(stage);

        // when
        JsonNode policy = template.resource(POLICY);

        // then
        assertThat(policy.path("Type").asText()).isEqualTo("AWS::XRay::ResourcePolicy");
        assertThat(policy.path("Condition").asText()).isEqualTo("OwnsAccountResources");
        assertThat(equalsOfLiterals(template.condition("OwnsAccountResources")))
                .as("made in stage %s", stage).isEqualTo(!stage.startsWith("feature-"));
        // one name whichever stage makes it: a second stack in the same account could not create it
        assertThat(policy.at("/Properties/PolicyName").asText()).isEqualTo("note-purchased-sns-active-tracing");
    }

    /** SNS's service principal may send segments and read sampling, for NotePurchased topics of the account only. */
    @ForEveryStage
    void itLetsSnsSendTheSegmentsOfTheAccountsNotePurchasedTopics(String stage) throws IOException {
        // given
        CloudFormationTemplate template = ServerlessPackageTest.billingTemplate(stage);

        // when
        JsonNode document = JSON.readTree(template.properties(POLICY).path("PolicyDocument").path("Fn::Sub").asText());

        // then
        assertThat(document.path("Statement")).hasSize(1);
        JsonNode statement = document.path("Statement").get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("sns.amazonaws.com");
        assertThat(statement.path("Action")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "xray:PutTraceSegments", "xray:GetSamplingRules", "xray:GetSamplingTargets");
        assertThat(statement.path("Resource").asText()).isEqualTo("*");
        assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("${AWS::AccountId}");
        String sourceArn = statement.at("/Condition/StringLike/aws:SourceArn").asText();
        assertThat(sourceArn).isEqualTo("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*-note-purchased");
        String topicName = template.properties(ServerlessPackageTest.TOPIC_LOGICAL_ID).path("TopicName").asText();
        assertThat(topicName).as("this stage's topic is one the pattern covers").matches(wildcard(sourceArn));
        assertThat("feature-login-note-purchased").matches(wildcard(sourceArn));
    }

    /** The part of an ARN pattern after the account: the topic name, {@code *} any run of characters. */
    private static Pattern wildcard(String arnPattern) {
        String name = arnPattern.substring(arnPattern.lastIndexOf(':') + 1);
        return Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q"));
    }

    private static boolean equalsOfLiterals(JsonNode condition) {
        JsonNode pair = condition.path("Fn::Equals");
        assertThat(pair.size() == 2 && pair.get(0).isValueNode() && pair.get(1).isValueNode())
                .as("Fn::Equals of two literals: %s", condition).isTrue();
        return pair.get(0).asText().equals(pair.get(1).asText());
    }
}
