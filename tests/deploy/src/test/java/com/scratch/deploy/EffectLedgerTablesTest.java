package com.scratch.deploy;

import static com.scratch.deploy.CloudFormationTemplate.getAtt;
import static com.scratch.deploy.CloudFormationTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.deploy.ServerlessPackageTest.ForEveryStage;
import com.scratch.idempotency.EffectLedger;
import java.util.List;

/**
 * The DynamoDB tables that make each effect happen once (billing: one NotePurchased per payment; notify: one text per
 * event): one per service and stage, keyed by the string {@code id}, on demand, expiring records by the
 * {@code expiresAt} TTL attribute, named to the functions and writable by them only as the ledger writes.
 */
class EffectLedgerTablesTest {

    @ForEveryStage
    void billingAnnouncesThroughItsOwnTable(String stage) {
        CloudFormationTemplate billing = ServerlessPackageTest.billingTemplate(stage);

        assertIsLedgerTable(billing.resource("PurchaseAnnouncementsTable"), "billing-api-" + stage + "-announcements");
        assertThat(billing.environmentOf("BillingLambdaFunction").path("ANNOUNCEMENTS_TABLE"))
                .isEqualTo(ref("PurchaseAnnouncementsTable"));
        assertThat(billing.lambdaRoleStatementsFor("dynamodb")).containsExactly(new IamStatement("Allow",
                LEDGER_ACTIONS, List.of(getAtt("PurchaseAnnouncementsTable", "Arn"))));
    }

    @ForEveryStage
    void notifyTextsThroughItsOwnTable(String stage) {
        CloudFormationTemplate notify = ServerlessPackageTest.notifyTemplate(stage);

        assertIsLedgerTable(notify.resource("SentTextsTable"), "notify-job-" + stage + "-texts");
        assertThat(notify.environmentOf("NotifyLambdaFunction").path("TEXTS_TABLE")).isEqualTo(ref("SentTextsTable"));
        assertThat(notify.lambdaRoleStatementsFor("dynamodb")).containsExactly(new IamStatement("Allow",
                LEDGER_ACTIONS, List.of(getAtt("SentTextsTable", "Arn"))));
    }

    /** What the ledger's code calls, and nothing more: no reads, scans or table management. */
    private static final List<String> LEDGER_ACTIONS = EffectLedger.IAM_ACTIONS;

    private static void assertIsLedgerTable(JsonNode table, String name) {
        assertThat(table.path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
        JsonNode properties = table.path("Properties");
        assertThat(properties.path("TableName").asText()).isEqualTo(name);
        assertThat(properties.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(properties.path("KeySchema")).hasSize(1);
        assertThat(properties.path("KeySchema").get(0).path("AttributeName").asText()).isEqualTo("id");
        assertThat(properties.path("KeySchema").get(0).path("KeyType").asText()).isEqualTo("HASH");
        assertThat(properties.path("AttributeDefinitions").get(0).path("AttributeType").asText()).isEqualTo("S");
        assertThat(properties.path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo("expiresAt");
        assertThat(properties.path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();
    }
}
