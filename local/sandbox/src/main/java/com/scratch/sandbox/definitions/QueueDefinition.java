package com.scratch.sandbox.definitions;

import java.util.Objects;

/**
 * An SQS queue a service's stack creates.
 *
 * <pre>{@code
 * QueueDefinition failures = notifyJob.queue("NotifyFailuresQueue").orElseThrow();
 * failures.queueName(); // "notify-job-local-notify-failures" for stage local
 * }</pre>
 *
 * @param service the name of the service that creates it
 * @param logicalId its key under {@code resources.Resources}
 * @param queueName its {@code QueueName}, variables resolved. Without one CloudFormation would make up
 *     {@code <stack>-<logicalId>-<random>}; locally it is {@code <service>-<stage>-<logicalId>}, which stays
 *     the same from run to run.
 */
public record QueueDefinition(String service, String logicalId, String queueName) {

    public QueueDefinition {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(logicalId, "logicalId == null");
        Objects.requireNonNull(queueName, "queueName == null");
    }
}
