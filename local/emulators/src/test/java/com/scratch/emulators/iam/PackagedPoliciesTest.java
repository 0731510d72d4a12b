package com.scratch.emulators.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Role policies read from templates shaped as {@code osls package} writes them (the statements and intrinsics are
 * those of billing-api and notify-job for the local stage); the real templates are read by local/sandbox and
 * tests/deploy.
 */
class PackagedPoliciesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String BILLING = """
            {"Resources": {
              "NotePurchasedTopic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "local-note-purchased"}},
              "IamRoleLambdaExecution": {"Type": "AWS::IAM::Role", "Properties": {
                "RoleName": {"Fn::Join": ["-", ["billing-api", "local", {"Ref": "AWS::Region"}, "lambdaRole"]]},
                "Policies": [{"PolicyDocument": {"Statement": [
                  {"Effect": "Allow", "Action": ["logs:PutLogEvents"], "Resource": [{"Fn::Sub":
                    "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/billing-api-local*:*:*"}]},
                  {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters"], "Resource": [{"Fn::Sub":
                    "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/stripeSecretKey/test"}]},
                  {"Effect": "Allow", "Action": ["sns:Publish"], "Resource": [{"Ref": "NotePurchasedTopic"}]},
                  {"Sid": "NeverLive", "Effect": "Deny", "Action": "ssm:*", "Resource": {"Fn::Sub":
                    "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/stripeSecretKey/live"}}
                ]}}]}},
              "BillingLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {
                "FunctionName": "billing-api-local-billing", "Role": {"Fn::GetAtt": ["IamRoleLambdaExecution", "Arn"]}}}
            },
            "Outputs": {
              "NotePurchasedTopicArn": {"Value": {"Ref": "NotePurchasedTopic"}, "Export": {"Name": "local-ExtNotePurchasedTopicArn"}},
              "ServiceEndpoint": {"Value": {"Fn::Join": ["", ["https://", {"Ref": "ApiGatewayRestApi"}]]},
                "Export": {"Name": "sls-billing-api-local-ServiceEndpoint"}}
            }}
            """;

    static final String NOTIFY = """
            {"Resources": {
              "NotifyFailures": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "notify-job-local-failures"}},
              "IamRoleLambdaExecution": {"Type": "AWS::IAM::Role", "Properties": {
                "RoleName": {"Fn::Join": ["-", ["notify-job", "local", {"Ref": "AWS::Region"}, "lambdaRole"]]},
                "Policies": [{"PolicyDocument": {"Statement": [
                  {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["NotifyFailures", "Arn"]}},
                  {"Effect": "Allow", "Action": "sns:Subscribe", "Resource": {"Fn::ImportValue": "local-ExtNotePurchasedTopicArn"}},
                  {"Effect": "Allow", "Action": ["sns:Publish"], "Resource": "*"}
                ]}}]}},
              "NotifyLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {
                "FunctionName": "notify-job-local-notify", "Role": {"Fn::GetAtt": ["IamRoleLambdaExecution", "Arn"]}}}
            }}
            """;

    static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:local-note-purchased";

    @Test
    void eachFunctionGetsItsRolesStatementsResolvedToTheLocalAccount() throws Exception {
        // when
        PackagedPolicies policies = PackagedPolicies.of(List.of(JSON.readTree(BILLING), JSON.readTree(NOTIFY)));
        IamPolicy billing = policies.policyOf("billing-api-local-billing");
        IamPolicy notify = policies.policyOf("notify-job-local-notify");

        // then
        assertThat(policies.functionNames()).containsExactly("billing-api-local-billing", "notify-job-local-notify");
        assertThat(billing.statements().get(0).resources())
                .containsExactly("arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/billing-api-local*:*:*");
        assertThat(billing.evaluate("ssm:GetParameters", "arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/test").allowed()).isTrue();
        assertThat(billing.evaluate("sns:Publish", TOPIC).allowed()).isTrue();
        assertThat(billing.evaluate("sns:Publish", "+14151234567").allowed()).isFalse();
        IamDecision live = billing.evaluate("ssm:GetParameter", "arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/live");
        assertThat(live.outcome()).isEqualTo(IamDecision.Outcome.EXPLICITLY_DENIED);
        assertThat(live.decidingStatement().orElseThrow().name()).isEqualTo("statement \"NeverLive\"");
        // Fn::GetAtt of a queue, Fn::ImportValue of the other stack's export
        assertThat(notify.statements().get(0).resources()).containsExactly("arn:aws:sqs:us-east-1:000000000000:notify-job-local-failures");
        assertThat(notify.statements().get(1).resources()).containsExactly(TOPIC);
        assertThat(notify.evaluate("sns:Publish", "+14151234567").allowed()).isTrue();
    }

    static final String WITH_TABLE = """
            {"Resources": {
              "IdempotencyTable": {"Type": "AWS::DynamoDB::Table", "Properties": {
                "TableName": {"Fn::Sub": "billing-api-${AWS::Region}-local-idempotency"},
                "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}},
              "IamRoleLambdaExecution": {"Type": "AWS::IAM::Role", "Properties": {
                "RoleName": "billing-api-local-us-east-1-lambdaRole",
                "Policies": [{"PolicyDocument": {"Statement": [
                  {"Effect": "Allow", "Action": ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
                    "Resource": {"Fn::GetAtt": ["IdempotencyTable", "Arn"]}},
                  {"Effect": "Allow", "Action": "dynamodb:DescribeTable", "Resource": {"Fn::Join": ["", [
                    "arn:aws:dynamodb:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":table/", {"Ref": "IdempotencyTable"}]]}},
                  {"Effect": "Allow", "Action": "dynamodb:Query", "Resource": {"Fn::Sub": "${IdempotencyTable.Arn}/index/*"}},
                  {"Effect": "Allow", "Action": "dynamodb:DescribeStream", "Resource": {"Fn::GetAtt": ["IdempotencyTable", "StreamArn"]}}
                ]}}]}},
              "BillingLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {
                "FunctionName": "billing-api-local-billing", "Role": {"Fn::GetAtt": ["IamRoleLambdaExecution", "Arn"]}}}
            }}
            """;

    static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/billing-api-us-east-1-local-idempotency";

    @Test
    void aDynamoDbTableIsItsNameByRefAndItsArnByGetAtt() throws Exception {
        // given: a StreamArn has a creation timestamp in it, which no local endpoint can know
        JsonNode template = JSON.readTree(WITH_TABLE);
        ((ArrayNode) template.at("/Resources/IamRoleLambdaExecution/Properties/Policies/0/PolicyDocument/Statement"))
                .remove(3);

        // when
        IamPolicy billing = PackagedPolicies.of(List.of(template)).policyOf("billing-api-local-billing");

        // then
        assertThat(billing.statements().get(0).resources()).containsExactly(TABLE_ARN);
        assertThat(billing.statements().get(1).resources()).containsExactly(TABLE_ARN);
        assertThat(billing.statements().get(2).resources()).containsExactly(TABLE_ARN + "/index/*");
        assertThat(billing.evaluate("dynamodb:PutItem", TABLE_ARN).allowed()).isTrue();
        assertThat(billing.evaluate("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:000000000000:table/other").allowed()).isFalse();
        assertThatThrownBy(() -> PackagedPolicies.of(List.of(JSON.readTree(WITH_TABLE))))
                .isInstanceOf(UnresolvableIntrinsicException.class)
                .hasMessage("Fn::GetAtt IdempotencyTable.StreamArn of a AWS::DynamoDB::Table has no local value");
    }

    @Test
    void aPrincipalIsTheAssumedRoleWithTheFunctionAsSession() throws Exception {
        // given
        PackagedPolicies policies = PackagedPolicies.of(List.of(JSON.readTree(BILLING)));

        // when
        LocalPrincipal billing = policies.principal("billing-api-local-billing", "billing");
        LocalPrincipal again = policies.principal("billing-api-local-billing", "billing");

        // then
        assertThat(billing.arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/billing-api-local-us-east-1-lambdaRole/billing-api-local-billing");
        assertThat(billing.accessKeyId()).startsWith("ASIA").hasSize(20).isNotEqualTo(again.accessKeyId());
        assertThat(billing.toString()).doesNotContain(billing.secretAccessKey());
    }

    @Test
    void anImportNoStackExportsIsAnErrorNamingIt() throws Exception {
        // given
        JsonNode notifyAlone = JSON.readTree(NOTIFY);

        // then
        assertThatThrownBy(() -> PackagedPolicies.of(List.of(notifyAlone)))
                .isInstanceOf(UnresolvableIntrinsicException.class)
                .hasMessageStartingWith("Fn::ImportValue local-ExtNotePurchasedTopicArn: no packaged stack exports it");
    }

    @Test
    void aConditionIsRefusedRatherThanIgnored() throws Exception {
        // given
        String withCondition = BILLING.replace("{\"Effect\": \"Allow\", \"Action\": [\"sns:Publish\"],",
                "{\"Effect\": \"Allow\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}, \"Action\": [\"sns:Publish\"],");

        // then
        assertThatThrownBy(() -> PackagedPolicies.of(List.of(JSON.readTree(withCondition))))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessage("Statement 3 of the role of billing-api-local-billing has a Condition, which local IAM does not evaluate");
    }
}
