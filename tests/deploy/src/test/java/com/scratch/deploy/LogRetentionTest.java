package com.scratch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.deploy.ServerlessPackageTest.ForEveryStage;
import java.util.Map;

/**
 * Every log group the services create expires its events: 30 days in prod, 7 in dev and in every feature
 * stage (serverless.common.yml, {@code custom.logRetentionInDays}, per resources stage). Without a retention
 * CloudWatch keeps, and bills, logs forever.
 */
class LogRetentionTest {

    static final String LOG_GROUP_TYPE = "AWS::Logs::LogGroup";

    static int expectedRetentionInDays(String stage) {
        return "prod".equals(stage) ? 30 : 7;
    }

    @ForEveryStage
    void billingApiLogGroupsExpire(String stage) {
        // when
        Map<String, JsonNode> logGroups = ServerlessPackageTest.billingTemplate(stage).resourcesOfType(LOG_GROUP_TYPE);

        // then
        assertEachKeeps(logGroups, expectedRetentionInDays(stage));
    }

    @ForEveryStage
    void notifyJobLogGroupsExpire(String stage) {
        // when
        Map<String, JsonNode> logGroups = ServerlessPackageTest.notifyTemplate(stage).resourcesOfType(LOG_GROUP_TYPE);

        // then
        assertEachKeeps(logGroups, expectedRetentionInDays(stage));
    }

    private static void assertEachKeeps(Map<String, JsonNode> logGroups, int days) {
        assertThat(logGroups).as("log groups").isNotEmpty();
        assertThat(logGroups).allSatisfy((logicalId, logGroup) -> assertThat(
                logGroup.path("Properties").path("RetentionInDays").asInt())
                .as("RetentionInDays of %s", logicalId)
                .isEqualTo(days));
    }
}
