package com.scratch.deploy;

import static com.scratch.deploy.CloudFormationTemplate.getAtt;
import static com.scratch.deploy.CloudFormationTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.deploy.ServerlessPackageTest.ForEveryStage;
import java.util.List;

/**
 * What happens on AWS when notify fails on a purchase: SNS invokes it asynchronously, Lambda retries twice,
 * then sends the invocation record (the event and the error) to an SQS queue of notify-job's own stack,
 * instead of dropping the event. Checked on the packaged template of every stage.
 */
class NotifyFailureQueueTest {

    static final String FUNCTION = "NotifyLambdaFunction";
    static final String QUEUE = "NotifyFailuresQueue";
    /** SQS's longest retention, 14 days, in seconds. */
    static final int FOURTEEN_DAYS = 1_209_600;

    @ForEveryStage
    void theStackOwnsAStandardQueueNamedAfterServiceAndStageKeepingRecords14Days(String stage) {
        // when
        JsonNode queue = ServerlessPackageTest.notifyTemplate(stage).resource(QUEUE);

        // then
        assertThat(queue.path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        JsonNode properties = queue.path("Properties");
        assertThat(properties.path("QueueName").asText()).isEqualTo("notify-job-" + stage + "-notify-failures");
        assertThat(properties.path("MessageRetentionPeriod").asInt()).isEqualTo(FOURTEEN_DAYS);
        // Lambda cannot send invocation records to a FIFO queue
        assertThat(properties.path("FifoQueue").asBoolean(false)).isFalse();
    }

    @ForEveryStage
    void failedInvocationsAreRetriedTwiceThenSentToTheQueue(String stage) {
        // when
        JsonNode asyncConfig = ServerlessPackageTest.notifyTemplate(stage).propertiesOfOnly("AWS::Lambda::EventInvokeConfig");

        // then
        assertThat(asyncConfig.path("FunctionName")).isEqualTo(ref(FUNCTION));
        assertThat(asyncConfig.path("Qualifier").asText()).isEqualTo("$LATEST");
        assertThat(asyncConfig.path("MaximumRetryAttempts").isInt()).isTrue();
        assertThat(asyncConfig.path("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(asyncConfig.path("DestinationConfig").path("OnFailure").path("Destination"))
                .isEqualTo(getAtt(QUEUE, "Arn"));
        assertThat(asyncConfig.path("DestinationConfig").has("OnSuccess")).isFalse();
    }

    /** One place for failures: a dead-letter queue as well would get a second, bare copy of each event. */
    @ForEveryStage
    void theFunctionHasNoDeadLetterQueueBesideTheDestination(String stage) {
        // when
        JsonNode function = ServerlessPackageTest.notifyTemplate(stage).properties(FUNCTION);

        // then
        assertThat(function.has("DeadLetterConfig")).isFalse();
    }

    /** Lambda sends the record with the function's own role: without this statement the record is lost. */
    @ForEveryStage
    void theRoleMaySendToThatQueueOnly(String stage) {
        // when
        List<IamStatement> sqs = ServerlessPackageTest.notifyTemplate(stage).lambdaRoleStatementsFor("sqs");

        // then
        assertThat(sqs).containsExactly(
                new IamStatement("Allow", List.of("sqs:SendMessage"), List.of(getAtt(QUEUE, "Arn"))));
    }
}
