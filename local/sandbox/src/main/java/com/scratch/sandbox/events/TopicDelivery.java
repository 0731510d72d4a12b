package com.scratch.sandbox.events;

import com.scratch.emulators.sns.PublishedMessage;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.definitions.AsyncInvocationConfig;
import com.scratch.sandbox.definitions.FunctionDefinition;
import com.scratch.sandbox.definitions.QueueDefinition;
import com.scratch.sandbox.runtime.Invocation;
import com.scratch.sandbox.runtime.LocalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers topic messages to subscribed functions as Lambda does for SNS: asynchronously (the publisher has
 * its answer before the function runs), retried as often as the function's {@code maximumRetryAttempts} says
 * (Lambda's default: twice), and then, as an invocation record, to a dead-letter list that stands for the
 * function's on-failure queue. Lambda waits about a minute and then two between attempts; locally the waits
 * are short and configurable. The publisher's X-Ray trace header goes with the message to the function, which
 * continues that trace when it is traced, as SNS and Lambda pass it on.
 *
 * <pre>{@code
 * TopicDelivery delivery = new TopicDelivery(sns, log, List.of(Duration.ofMillis(200), Duration.ofMillis(400)));
 * delivery.subscribe(topicArn, notifyFunction, notifyDefinition);
 * }</pre>
 */
public final class TopicDelivery implements AutoCloseable {

    private final SnsEmulator sns;
    private final InvocationLog log;
    private final List<Duration> retryDelays;
    private final ScheduledExecutorService threads;
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    /**
     * @param retryDelays the wait before the first retry, the second, ...; when a function allows more retries
     *     than there are waits, the last wait is used again
     */
    public TopicDelivery(SnsEmulator sns, InvocationLog log, List<Duration> retryDelays) {
        this.sns = Objects.requireNonNull(sns, "sns == null");
        this.log = Objects.requireNonNull(log, "log == null");
        this.retryDelays = List.copyOf(retryDelays);
        this.threads = Executors.newScheduledThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "local-sns-delivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * From now on, every message published to {@code topicArn} invokes {@code function}.
     *
     * @param definition what serverless.yml says about the function: its Lambda name (for the function ARN in
     *     the invocation record), its retries and its on-failure queue
     */
    public void subscribe(String topicArn, LocalFunction function, FunctionDefinition definition) {
        Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), function,
                functionArn(topicArn, definition.lambdaName()), definition.asyncInvocation());
        sns.onPublish(topicArn, message -> {
            // Built once: every attempt gets the same event, and the invocation record carries it.
            String event = SnsEvents.of(message, subscription.arn());
            try {
                threads.execute(() -> deliver(subscription, message, event, 1));
            } catch (RejectedExecutionException stopping) {
                deadLetter(subscription, message, event, 0, stopping);
            }
        });
    }

    /** Every message a function failed on, oldest first: what its on-failure queue would hold. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    private void deliver(Subscription subscription, PublishedMessage message, String event, int attempt) {
        LocalFunction function = subscription.function();
        String trigger = "sns " + topicName(message.topicArn()) + " " + message.messageId()
                + (attempt > 1 ? " (attempt " + attempt + ")" : "");
        try {
            // SNS passes the publisher's trace header on, and Lambda invokes the function in that trace: every
            // attempt in the same one, as all are the same message.
            Invocation invocation = function.invoke(event, message.traceHeader());
            log.invoked(function.name(), invocation, "ok", trigger);
        } catch (RuntimeException | LinkageError e) {
            // FunctionFailedException, FunctionInitFailedException, or a fault of this runner: all are retried,
            // and a message is never dropped without a dead letter.
            log.failed(function.name(), "fail", trigger, e.toString());
            if (attempt <= subscription.asyncInvocation().maximumRetryAttempts()) {
                try {
                    threads.schedule(() -> deliver(subscription, message, event, attempt + 1),
                            retryDelay(attempt).toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the stack is stopping: the message goes to the dead letters below
                }
            }
            deadLetter(subscription, message, event, attempt, e);
        }
    }

    private Duration retryDelay(int failedAttempt) {
        return retryDelays.isEmpty() ? Duration.ZERO
                : retryDelays.get(Math.min(failedAttempt, retryDelays.size()) - 1);
    }

    /** Records a message no attempt will deliver any more, so that nothing is dropped without a trace. */
    private void deadLetter(Subscription subscription, PublishedMessage message, String event, int attempts,
            Throwable error) {
        Instant failedAt = Instant.now();
        boolean allAttemptsMade = attempts > subscription.asyncInvocation().maximumRetryAttempts();
        String body = InvocationRecords.failed(subscription.functionArn(), event,
                allAttemptsMade ? InvocationRecords.RETRIES_EXHAUSTED : InvocationRecords.EVENT_AGE_EXCEEDED,
                attempts, error, failedAt);
        Optional<String> queueName = subscription.asyncInvocation().onFailureQueue().map(QueueDefinition::queueName);
        String function = subscription.function().name();
        deadLetters.add(new DeadLetter(function, queueName, message.messageId(), body, failedAt));
        log.note("DEAD LETTER " + function + " gave up on SNS message " + message.messageId() + " after " + attempts
                + " attempts: " + queueName.map(name -> "invocation record sent to " + name)
                        .orElse("no on-failure destination, Lambda would drop it"));
    }

    /** The ARN Lambda puts in the invocation record, in the region and account of the topic that invoked it. */
    private static String functionArn(String topicArn, String lambdaName) {
        String[] parts = topicArn.split(":");
        if (parts.length < 6 || !parts[2].equals("sns")) {
            throw new IllegalArgumentException("Not an SNS topic ARN: " + topicArn);
        }
        return "arn:aws:lambda:" + parts[3] + ":" + parts[4] + ":function:" + lambdaName + ":$LATEST";
    }

    private static String topicName(String topicArn) {
        return topicArn.substring(topicArn.lastIndexOf(':') + 1);
    }

    private record Subscription(String arn, LocalFunction function, String functionArn,
            AsyncInvocationConfig asyncInvocation) {
    }

    /** Stops delivering, waiting a moment for deliveries under way so that no function is closed under them. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
