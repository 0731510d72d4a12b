package com.scratch.deploy;

import static com.scratch.deploy.CloudFormationTemplate.getAtt;
import static com.scratch.deploy.CloudFormationTemplate.importValue;
import static com.scratch.deploy.CloudFormationTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.deploy.ServerlessPackageTest.ForEveryStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alarms as CloudFormation creates them: always in prod, elsewhere as the stage's setting says (off for dev and
 * the feature stages that borrow its settings); each watching the metric the code writes, with the service and stage
 * dimensions, and telling the stage's alarm topic. Checked on the packaged templates of every stage.
 */
class AlarmsTest {

    private static final List<String> BILLING_ALARMS =
            List.of("BillingServerErrorRateAlarm", "StripeUnavailableAlarm", "KeyUnavailableAlarm");
    private static final List<String> NOTIFY_ALARMS = List.of("NotifyDeadLettersAlarm", "NotifyErrorsAlarm");

    @ForEveryStage
    void alarmsExistInProdAlwaysAndElsewhereOnlyWhenTheStageSaysSo(String stage) {
        boolean expected = stage.equals("prod");

        for (CloudFormationTemplate template : List.of(ServerlessPackageTest.billingTemplate(stage),
                ServerlessPackageTest.notifyTemplate(stage))) {
            assertThat(evaluate(template.condition("AlarmsEnabled"))).as("AlarmsEnabled in %s", stage).isEqualTo(expected);
        }
        List<String> conditional = new ArrayList<>(BILLING_ALARMS);
        conditional.add("AlarmTopic");
        conditional.forEach(id -> assertThat(ServerlessPackageTest.billingTemplate(stage).resource(id)
                .path("Condition").asText()).as(id).isEqualTo("AlarmsEnabled"));
        NOTIFY_ALARMS.forEach(id -> assertThat(ServerlessPackageTest.notifyTemplate(stage).resource(id)
                .path("Condition").asText()).as(id).isEqualTo("AlarmsEnabled"));
    }

    /** prod's alarms cannot be switched off by its settings: the condition names prod itself. */
    @ForEveryStage
    void theConditionHoldsForProdWhateverTheSetting(String stage) {
        JsonNode or = ServerlessPackageTest.billingTemplate(stage).condition("AlarmsEnabled").path("Fn::Or");
        assertThat(or.get(0).path("Fn::Equals")).extracting(JsonNode::asText).containsExactly(stage, "prod");
    }

    @ForEveryStage
    void everyAlarmTellsTheStagesAlarmTopicWhichEmailsTheStagesAddress(String stage) {
        CloudFormationTemplate billing = ServerlessPackageTest.billingTemplate(stage);
        CloudFormationTemplate notify = ServerlessPackageTest.notifyTemplate(stage);

        JsonNode topic = billing.properties("AlarmTopic");
        assertThat(topic.path("TopicName").asText()).isEqualTo(stage + "-alarms");
        assertThat(topic.path("Subscription").get(0).path("Protocol").asText()).isEqualTo("email");
        assertThat(topic.path("Subscription").get(0).path("Endpoint").asText())
                .isEqualTo(stage.equals("prod") ? "oncall@example.com" : "dev-alarms@example.com");
        assertThat(billing.exportNameOf("AlarmTopicArn")).isEqualTo(stage + "-ExtAlarmTopicArn");
        BILLING_ALARMS.forEach(id -> {
            assertThat(billing.properties(id).path("AlarmActions")).as(id).containsExactly(ref("AlarmTopic"));
            assertThat(billing.properties(id).path("OKActions")).as(id).containsExactly(ref("AlarmTopic"));
        });
        NOTIFY_ALARMS.forEach(id -> assertThat(notify.properties(id).path("AlarmActions")).as(id)
                .containsExactly(importValue(stage + "-ExtAlarmTopicArn")));
    }

    @ForEveryStage
    void billingWatchesTheMetricsItsCodeWrites(String stage) {
        CloudFormationTemplate billing = ServerlessPackageTest.billingTemplate(stage);

        assertCountAlarm(billing.properties("StripeUnavailableAlarm"), "Scratch", "StripeUnavailable",
                Map.of("service", "billing-api", "stage", stage));
        assertCountAlarm(billing.properties("KeyUnavailableAlarm"), "Scratch", "KeyUnavailable",
                Map.of("service", "billing-api", "stage", stage));
        assertThat(com.scratch.billing.metrics.BillingMetrics.STRIPE_UNAVAILABLE).isEqualTo("StripeUnavailable");
        assertThat(com.scratch.billing.metrics.BillingMetrics.KEY_UNAVAILABLE).isEqualTo("KeyUnavailable");
    }

    /** 5xx answers over all requests of the REST API osls creates for the stage, above 5% in 5 minutes. */
    @ForEveryStage
    void billingAlarmsOnItsApisShareOf5xxAnswers(String stage) {
        CloudFormationTemplate billing = ServerlessPackageTest.billingTemplate(stage);
        JsonNode alarm = billing.properties("BillingServerErrorRateAlarm");
        String apiName = billing.properties("ApiGatewayRestApi").path("Name").asText();

        assertThat(apiName).isEqualTo(stage + "-billing-api");
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(5);
        assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");
        JsonNode metrics = alarm.path("Metrics");
        assertThat(metrics.findValuesAsText("MetricName")).containsExactly("5XXError", "Count");
        for (JsonNode query : metrics) {
            JsonNode stat = query.path("MetricStat");
            if (!stat.isMissingNode()) {
                assertThat(stat.path("Metric").path("Namespace").asText()).isEqualTo("AWS/ApiGateway");
                assertThat(dimensions(stat.path("Metric"))).isEqualTo(Map.of("ApiName", apiName, "Stage", stage));
                assertThat(stat.path("Stat").asText()).isEqualTo("Sum");
                assertThat(stat.path("Period").asInt()).isEqualTo(300);
            }
        }
        assertThat(metrics.get(2).path("Expression").asText()).isEqualTo("IF(requests > 0, 100 * errors / requests, 0)");
        assertThat(metrics.get(2).path("ReturnData").asBoolean()).isTrue();
    }

    @ForEveryStage
    void notifyAlarmsOnItsDeadLettersAndItsErrors(String stage) {
        CloudFormationTemplate notify = ServerlessPackageTest.notifyTemplate(stage);

        JsonNode deadLetters = notify.properties("NotifyDeadLettersAlarm");
        assertThat(deadLetters.path("Namespace").asText()).isEqualTo("AWS/SQS");
        assertThat(deadLetters.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(deadLetters.path("Dimensions").get(0).path("Value")).isEqualTo(getAtt("NotifyFailuresQueue", "QueueName"));
        assertThat(deadLetters.path("Statistic").asText()).isEqualTo("Maximum");
        assertThat(deadLetters.path("Threshold").asDouble()).isEqualTo(1);
        assertThat(deadLetters.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");

        JsonNode errors = notify.properties("NotifyErrorsAlarm");
        assertThat(errors.path("Namespace").asText()).isEqualTo("AWS/Lambda");
        assertThat(errors.path("MetricName").asText()).isEqualTo("Errors");
        assertThat(errors.path("Dimensions").get(0).path("Value")).isEqualTo(ref("NotifyLambdaFunction"));
        assertThat(errors.path("Statistic").asText()).isEqualTo("Sum");
    }

    @ForEveryStage
    void everyFunctionLogsJsonAndLetsItsOwnLevelsDecide(String stage) {
        List<JsonNode> functions = new ArrayList<>();
        functions.addAll(ServerlessPackageTest.billingTemplate(stage).resourcesOfType("AWS::Lambda::Function").values());
        functions.addAll(ServerlessPackageTest.notifyTemplate(stage).resourcesOfType("AWS::Lambda::Function").values());

        assertThat(functions).hasSize(3).allSatisfy(function -> {
            JsonNode logging = function.path("Properties").path("LoggingConfig");
            assertThat(logging.path("LogFormat").asText()).isEqualTo("JSON");
            assertThat(logging.path("ApplicationLogLevel").asText()).isEqualTo("DEBUG");
            // REPORT lines (init duration, for the cold-start query) are system logs at INFO: not filtered out
            assertThat(logging.has("SystemLogLevel")).isFalse();
        });
    }

    private static void assertCountAlarm(JsonNode alarm, String namespace, String metric, Map<String, String> dimensions) {
        assertThat(alarm.path("Namespace").asText()).isEqualTo(namespace);
        assertThat(alarm.path("MetricName").asText()).isEqualTo(metric);
        assertThat(dimensions(alarm)).isEqualTo(dimensions);
        assertThat(alarm.path("Statistic").asText()).isEqualTo("Sum");
        assertThat(alarm.path("Period").asInt()).isEqualTo(300);
        assertThat(alarm.path("EvaluationPeriods").asInt()).isEqualTo(1);
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(1);
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");
    }

    private static Map<String, String> dimensions(JsonNode metric) {
        Map<String, String> dimensions = new java.util.LinkedHashMap<>();
        metric.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        return dimensions;
    }

    /** Fn::Or and Fn::Equals of literals: all the packaged condition holds once osls resolved the variables. */
    private static boolean evaluate(JsonNode condition) {
        if (condition.has("Fn::Or")) {
            boolean any = false;
            for (JsonNode operand : condition.path("Fn::Or")) {
                any |= evaluate(operand);
            }
            return any;
        }
        if (condition.has("Fn::Equals")) {
            JsonNode pair = condition.path("Fn::Equals");
            assertThat(pair.get(0).isValueNode() && pair.get(1).isValueNode()).as("literal operands: %s", pair).isTrue();
            return pair.get(0).asText().equals(pair.get(1).asText());
        }
        throw new AssertionError("not an Fn::Or or Fn::Equals of literals: " + condition);
    }
}
