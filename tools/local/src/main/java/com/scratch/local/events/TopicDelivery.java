package com.scratch.local.events;

import com.scratch.emulators.sns.PublishedMessage;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.local.console.InvocationLog;
import com.scratch.local.runtime.FunctionFailedException;
import com.scratch.local.runtime.Invocation;
import com.scratch.local.runtime.LocalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers topic messages to subscribed functions as Lambda does for SNS: asynchronously (the publisher has
 * its answer before the function runs), with two retries after a failure, and then to a dead-letter list.
 * Lambda waits about a minute and then two between attempts; locally the waits are short and configurable.
 *
 * <pre>{@code
 * TopicDelivery delivery = new TopicDelivery(sns, log, List.of(Duration.ofMillis(200), Duration.ofMillis(400)));
 * delivery.subscribe(topicArn, notifyFunction);
 * }</pre>
 */
public final class TopicDelivery implements AutoCloseable {

    private final SnsEmulator sns;
    private final InvocationLog log;
    private final List<Duration> retryDelays;
    private final ScheduledExecutorService threads;
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

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

    /** From now on, every message published to {@code topicArn} invokes {@code function}. */
    public void subscribe(String topicArn, LocalFunction function) {
        String subscriptionArn = topicArn + ":" + UUID.randomUUID();
        sns.onPublish(topicArn, message -> {
            try {
                threads.execute(() -> deliver(message, subscriptionArn, function, 1));
            } catch (RejectedExecutionException stopping) {
                deadLetter(function, message, 0, stopping);
            }
        });
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    private void deliver(PublishedMessage message, String subscriptionArn, LocalFunction function, int attempt) {
        String trigger = "sns " + topicName(message.topicArn()) + " " + message.messageId()
                + (attempt > 1 ? " (attempt " + attempt + ")" : "");
        try {
            Invocation invocation = function.invoke(SnsEvents.of(message, subscriptionArn));
            log.invoked(function.name(), invocation, "ok", trigger);
        } catch (RuntimeException | LinkageError e) {
            // FunctionFailedException, FunctionInitFailedException, or a fault of this runner: all are retried,
            // and a message is never dropped without a dead letter.
            log.failed(function.name(), "fail", trigger, e.toString());
            if (attempt <= retryDelays.size()) {
                try {
                    threads.schedule(() -> deliver(message, subscriptionArn, function, attempt + 1),
                            retryDelays.get(attempt - 1).toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the stack is stopping: the message goes to the dead letters below
                }
            }
            deadLetter(function, message, attempt, e);
        }
    }

    /** Records a message no attempt will deliver any more, so that nothing is dropped without a trace. */
    private void deadLetter(LocalFunction function, PublishedMessage message, int attempts, Throwable error) {
        String errorType = error instanceof FunctionFailedException ? ((FunctionFailedException) error).errorType()
                : error.getClass().getName();
        deadLetters.add(new DeadLetter(function.name(), message.topicArn(), message.messageId(), message.message(),
                attempts, errorType, error.getMessage(), Instant.now()));
        log.note("DEAD LETTER " + function.name() + " gave up on SNS message " + message.messageId()
                + " after " + attempts + " attempts");
    }

    private static String topicName(String topicArn) {
        return topicArn.substring(topicArn.lastIndexOf(':') + 1);
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
