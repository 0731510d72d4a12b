package com.scratch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deploy role of {@code deploy/bootstrap.yml} against the stacks {@code osls package} generates: every resource
 * type the services create is one the role was written for, and the role may create, update and delete every
 * resource, by the name the stack gives it, for the stages of its account, and nothing of the other account's
 * stages. Read from the IAM documents only: whether AWS asks for more than these actions shows on the first deploy.
 */
class DeployRolePermissionsTest {

    private static final String REGION = ResolvedTemplate.REGION;
    private static final String ACCOUNT = ResolvedTemplate.ACCOUNT;

    /** The actions each resource type needs, by what the role was written for. */
    private static final Map<String, List<String>> ACTIONS = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", List.of("s3:CreateBucket", "s3:PutEncryptionConfiguration", "s3:GetBucketLocation",
                    "s3:ListBucket", "s3:DeleteBucket")),
            Map.entry("AWS::S3::BucketPolicy", List.of("s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy")),
            Map.entry("AWS::Logs::LogGroup", List.of("logs:CreateLogGroup", "logs:PutRetentionPolicy", "logs:DeleteLogGroup")),
            Map.entry("AWS::IAM::Role", List.of("iam:CreateRole", "iam:PutRolePolicy", "iam:GetRole", "iam:DeleteRolePolicy",
                    "iam:DeleteRole", "iam:PassRole")),
            Map.entry("AWS::Lambda::Function", List.of("lambda:CreateFunction", "lambda:GetFunction",
                    "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:DeleteFunction")),
            Map.entry("AWS::Lambda::Version", List.of("lambda:PublishVersion", "lambda:ListVersionsByFunction")),
            Map.entry("AWS::Lambda::Alias", List.of("lambda:CreateAlias", "lambda:UpdateAlias", "lambda:DeleteAlias")),
            Map.entry("AWS::Lambda::Permission", List.of("lambda:AddPermission", "lambda:RemovePermission")),
            Map.entry("AWS::Lambda::EventInvokeConfig", List.of("lambda:PutFunctionEventInvokeConfig",
                    "lambda:UpdateFunctionEventInvokeConfig", "lambda:DeleteFunctionEventInvokeConfig")),
            Map.entry("AWS::ApiGateway::RestApi", List.of("apigateway:POST", "apigateway:GET", "apigateway:DELETE")),
            Map.entry("AWS::ApiGateway::Resource", List.of("apigateway:POST", "apigateway:DELETE")),
            Map.entry("AWS::ApiGateway::Method", List.of("apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE")),
            Map.entry("AWS::ApiGateway::Deployment", List.of("apigateway:POST", "apigateway:PATCH", "apigateway:DELETE")),
            Map.entry("AWS::SNS::Topic", List.of("sns:CreateTopic", "sns:SetTopicAttributes", "sns:GetTopicAttributes",
                    "sns:Subscribe", "sns:DeleteTopic")),
            Map.entry("AWS::SNS::Subscription", List.of("sns:Subscribe", "sns:Unsubscribe", "sns:GetSubscriptionAttributes")),
            Map.entry("AWS::CloudWatch::Alarm", List.of("cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms",
                    "cloudwatch:DeleteAlarms")),
            Map.entry("AWS::DynamoDB::Table", List.of("dynamodb:CreateTable", "dynamodb:DescribeTable",
                    "dynamodb:UpdateTimeToLive", "dynamodb:DescribeTimeToLive", "dynamodb:DeleteTable")),
            Map.entry("AWS::SQS::Queue", List.of("sqs:CreateQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes",
                    "sqs:DeleteQueue")),
            Map.entry("AWS::XRay::ResourcePolicy", List.of("xray:PutResourcePolicy", "xray:DeleteResourcePolicy",
                    "xray:ListResourcePolicies")));

    private static final List<String> STACK_ACTIONS = List.of("cloudformation:CreateChangeSet",
            "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:DescribeStacks",
            "cloudformation:DescribeStackEvents", "cloudformation:DescribeStackResource", "cloudformation:DeleteStack");

    @ParameterizedTest(name = "stage {1}")
    @CsvSource({"development, dev", "development, feature-login", "production, prod"})
    void everyResourceTypeOfTheStacksIsOneTheRoleWasWrittenFor(String accountKind, String stage) {
        Set<String> types = new TreeSet<>();
        for (CloudFormationTemplate template : templates(stage)) {
            template.resourceIds().forEach(id -> types.add(template.resource(id).path("Type").asText()));
        }

        assertThat(ACTIONS.keySet()).as("resource types the deploy role was written for").containsAll(types);
    }

    @ParameterizedTest(name = "stage {1}")
    @CsvSource({"development, dev", "development, feature-login", "production, prod"})
    void theRoleMayDeployAndRemoveEveryResourceOfTheStagesStacks(String accountKind, String stage) {
        IamPolicy role = BootstrapTemplate.forAccount(accountKind).permissions();

        List<String> refused = new ArrayList<>();
        for (String[] actionAndArn : needs(stage)) {
            if (!role.allows(actionAndArn[0], actionAndArn[1])) {
                refused.add(actionAndArn[0] + " on " + actionAndArn[1]);
            }
        }

        assertThat(refused).as("refused to the %s role", accountKind).isEmpty();
    }

    /** The production role may touch nothing of dev or a feature stage, should it ever be used with one. */
    @ParameterizedTest(name = "stage {0}")
    @CsvSource({"dev", "feature-login"})
    void theProductionRoleMayTouchNoOtherStage(String stage) {
        IamPolicy production = BootstrapTemplate.forAccount("production").permissions();

        List<String> allowed = new ArrayList<>();
        for (String[] actionAndArn : needs(stage)) {
            // API Gateway's ids and X-Ray's account-wide resource policy ("*") cannot be told apart by stage: for
            // those, the account (prod's role exists only in the production account) is the boundary.
            boolean scopable = !actionAndArn[1].contains(":apigateway:") && !actionAndArn[1].equals("*");
            if (production.allows(actionAndArn[0], actionAndArn[1]) && scopable) {
                allowed.add(actionAndArn[0] + " on " + actionAndArn[1]);
            }
        }

        assertThat(allowed).isEmpty();
    }

    private static List<CloudFormationTemplate> templates(String stage) {
        return List.of(ServerlessPackageTest.billingTemplate(stage), ServerlessPackageTest.notifyTemplate(stage));
    }

    /** Each action the stage's deploy and removal need, with the ARN it needs it on. */
    private static List<String[]> needs(String stage) {
        List<String[]> needs = new ArrayList<>();
        String topic = ServerlessPackageTest.billingTemplate(stage).properties(ServerlessPackageTest.TOPIC_LOGICAL_ID)
                .path("TopicName").asText();
        for (Service service : Service.values()) {
            CloudFormationTemplate template = PackagedTemplates.template(service, stage);
            ResolvedTemplate names = new ResolvedTemplate(templateJson(template), Map.of());
            String stack = "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + service + "-" + stage
                    + "/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e";
            STACK_ACTIONS.forEach(action -> needs.add(new String[] {action, stack}));
            for (String id : template.resourceIds()) {
                JsonNode resource = template.resource(id);
                String type = resource.path("Type").asText();
                String arn = arnOf(type, resource.path("Properties"), names, template, service, stage, topic);
                ACTIONS.getOrDefault(type, List.of()).forEach(action -> needs.add(new String[] {action, arn}));
            }
            String bucket = "arn:aws:s3:::" + service + "-" + stage + "-serverlessdeploymentbucket-1a2b3c4d5e6f";
            for (String action : List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject")) {
                needs.add(new String[] {action, bucket + "/serverless/" + service + "/" + stage + "/1/" + service + ".jar"});
            }
        }
        return needs;
    }

    /** The ARN IAM checks for a resource of the type, from the name the stack gives it. */
    private static String arnOf(String type, JsonNode properties, ResolvedTemplate names, CloudFormationTemplate template,
            Service service, String stage, String topic) {
        String prefix = ":" + REGION + ":" + ACCOUNT + ":";
        return switch (type) {
            case "AWS::S3::Bucket", "AWS::S3::BucketPolicy" ->
                    "arn:aws:s3:::" + service + "-" + stage + "-serverlessdeploymentbucket-1a2b3c4d5e6f";
            case "AWS::Logs::LogGroup" -> "arn:aws:logs" + prefix + "log-group:" + properties.path("LogGroupName").asText() + ":*";
            case "AWS::IAM::Role" -> "arn:aws:iam::" + ACCOUNT + ":role/" + names.resolve(properties.path("RoleName")).asText();
            case "AWS::Lambda::Function" -> "arn:aws:lambda" + prefix + "function:" + properties.path("FunctionName").asText();
            case "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig" -> "arn:aws:lambda" + prefix
                    + "function:" + template.properties(properties.path("FunctionName").path("Ref").asText()).path("FunctionName").asText();
            case "AWS::Lambda::Permission" -> "arn:aws:lambda" + prefix + "function:" + template.properties(
                    properties.path("FunctionName").findValue("Fn::GetAtt").get(0).asText()).path("FunctionName").asText();
            case "AWS::SNS::Topic" -> "arn:aws:sns" + prefix + properties.path("TopicName").asText();
            case "AWS::SNS::Subscription" -> "arn:aws:sns" + prefix + topic + ":7e1f2a3b-4c5d-6e7f-8a9b-0c1d2e3f4a5b";
            case "AWS::CloudWatch::Alarm" -> "arn:aws:cloudwatch" + prefix + "alarm:" + properties.path("AlarmName").asText();
            case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb" + prefix + "table/" + properties.path("TableName").asText();
            case "AWS::SQS::Queue" -> "arn:aws:sqs" + prefix + properties.path("QueueName").asText();
            // X-Ray defines no resource type for its resource-policy actions: IAM checks them against "*"
            case "AWS::XRay::ResourcePolicy" -> "*";
            default -> type.startsWith("AWS::ApiGateway::") ? "arn:aws:apigateway:" + REGION + "::/restapis/a1b2c3d4e5/resources/x1y2z3"
                    : "no ARN for " + type;
        };
    }

    private static JsonNode templateJson(CloudFormationTemplate template) {
        return template.json();
    }
}
