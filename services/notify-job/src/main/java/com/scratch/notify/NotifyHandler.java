package com.scratch.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.scratch.aws.AwsClients;
import com.scratch.aws.ClientTracing;
import com.scratch.aws.InvocationSpan;
import com.scratch.config.EnvironmentVariables;
import com.scratch.config.StageConfig;
import com.scratch.events.MalformedEventException;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import com.scratch.events.PurchaseMessage;
import com.scratch.idempotency.EffectLedger;
import com.scratch.idempotency.Outcome;
import com.scratch.lambda.SnsEvents;
import com.scratch.lambda.SnsNotification;
import com.scratch.logging.FunctionLogging;
import com.scratch.logging.InvocationLog;
import com.scratch.logging.InvocationLogContext;
import com.scratch.logging.LogKeys;
import com.scratch.metrics.EmbeddedMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts the stage's admin once for every purchase on the topic. Every record is read before any text goes out: one
 * unreadable record fails the invocation (logged with its SNS message id) and nothing is sent. Each text is then
 * sent through the {@link EffectLedger}, keyed by the event's id: SNS delivers at least once, Lambda retries a
 * failed invocation, and billing may publish one event twice (an SDK retry after a timeout), yet each event is
 * texted once. A text being sent by another invocation right now fails this one, so Lambda retries it later,
 * when that text is done (skipped) or was given back (sent).
 *
 * <p>Like every handler here, it is built from an environment it is given: Lambda calls the no-argument
 * constructor, which passes {@code System.getenv()} to the public {@code (Map<String, String>)} one, and the code
 * below reads its variables from that map only. The sandbox, which hosts every function in one JVM, calls the
 * {@code Map} constructor with each function's own variables.
 *
 * <p>It takes the SNS event as bytes and reads it with {@link SnsEvents}, not as {@code SNSEvent}: the runtime's own
 * event serialiser is never loaded (libs/lambda-events says why).
 */
public final class NotifyHandler implements RequestStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(NotifyHandler.class);

    static final String TEXTS_TABLE_VARIABLE = "TEXTS_TABLE";
    /** The namespace and service dimension of notify's metrics; the alarms in serverless.yml read these. */
    static final String METRICS_NAMESPACE = "Scratch";
    static final String SERVICE = "notify-job";

    /** Longer than the function's timeout (30 s, serverless.yml): a claim outlives its holder. */
    static final Duration TEXT_LEASE = Duration.ofSeconds(35);

    /** Far beyond SNS's redelivery and Lambda's retries (at most 6 hours), like billing's ledger. */
    static final Duration TEXT_RETENTION = Duration.ofDays(7);

    static final String TEXTS_SENT = "TextsSent";
    static final String TEXTS_FAILED = "TextsFailed";

    private final AdminTexts texts;
    private final EffectLedger sentTexts;
    private final EmbeddedMetrics metrics;
    private final InvocationLogContext logging;
    private final NotifyTracing tracing;

    /** Called by Lambda once per container. */
    public NotifyHandler() {
        this(System.getenv());
    }

    /**
     * Builds the SNS and DynamoDB clients (region, credentials, endpoints), the stage's admin number and the text
     * ledger ({@code TEXTS_TABLE}) from these variables.
     */
    public NotifyHandler(Map<String, String> environment) {
        this(environment, EmbeddedMetrics.output(environment));
    }

    /** The same, with the metrics lines going to {@code metricsOut} (tests read them). */
    NotifyHandler(Map<String, String> environment, PrintStream metricsOut) {
        // Logging first, so that the rest of init logs as the function does.
        this(FunctionLogging.configure(SERVICE, environment), environment, metricsOut);
    }

    private NotifyHandler(InvocationLogContext logging, Map<String, String> environment, PrintStream metricsOut) {
        this(logging, environment, StageConfig.fromEnvironment(environment), metricsOut, ClientTracing.xray(environment));
    }

    /** One tracing for both clients and the invocations: one UDP channel, one trace per invocation. */
    private NotifyHandler(InvocationLogContext logging, Map<String, String> environment, StageConfig stage,
            PrintStream metricsOut, ClientTracing tracing) {
        this(new AdminTexts(AwsClients.sns(environment, tracing), stage.adminPhoneNumber()),
                new EffectLedger(AwsClients.dynamoDb(environment, tracing),
                        EnvironmentVariables.required(environment, TEXTS_TABLE_VARIABLE), TEXT_LEASE, TEXT_RETENTION,
                        Clock.systemUTC()),
                new EmbeddedMetrics(METRICS_NAMESPACE, Map.of("service", SERVICE, "stage", stage.stage().name()),
                        metricsOut, Clock.systemUTC()),
                logging, new NotifyTracing(tracing, stage.stage().name()));
    }

    NotifyHandler(AdminTexts texts, EffectLedger sentTexts, EmbeddedMetrics metrics, InvocationLogContext logging,
            NotifyTracing tracing) {
        this.texts = Objects.requireNonNull(texts, "texts == null");
        this.sentTexts = Objects.requireNonNull(sentTexts, "sentTexts == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.logging = Objects.requireNonNull(logging, "logging == null");
        this.tracing = Objects.requireNonNull(tracing, "tracing == null");
    }

    /**
     * Fails the invocation (Lambda retries it) with its debug lines written when a record cannot be texted. Answers
     * nothing: SNS reads no answer.
     */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        try (InvocationLog invocation = logging.begin(context); InvocationSpan span = tracing.invocation(context)) {
            try {
                textEach(SnsEvents.read(event));
            } catch (RuntimeException e) {
                log.error("Failing the invocation, so that Lambda delivers the event again", e);
                invocation.failed();
                throw e;
            }
        }
    }

    private void textEach(List<SnsNotification> notifications) {
        List<Text> pending = new ArrayList<>();
        for (SnsNotification sns : notifications) {
            PurchaseMessage message = read(sns);
            tracing.reading(message);
            pending.add(new Text(textKey(message, sns.messageId()), PurchaseText.of(message), sns.messageId(),
                    message));
        }
        try {
            for (Text text : pending) {
                send(text);
            }
        } finally {
            metrics.flush();
        }
    }

    /** Texts once per event; a text another invocation is sending right now fails this one (Lambda retries it). */
    private void send(Text text) {
        if (text.message() instanceof NotePurchased event) {
            LogKeys.putPurchase(event.eventId(), event.paymentId(), event.amount(), event.storage());
        }
        log.debug("Texting the admin for {} (SNS message {})", text.key(), text.snsMessageId());
        if (sentTexts.performOnce(text.key(), () -> sendCounted(text)) == Outcome.PERFORMED) {
            metrics.count(TEXTS_SENT);
        } else {
            log.info("Already texted the admin for {}: SNS message {} is a repeat, not sent again", text.key(),
                    text.snsMessageId());
        }
    }

    private void sendCounted(Text text) {
        try {
            texts.send(text.body());
        } catch (RuntimeException e) {
            metrics.count(TEXTS_FAILED);
            throw e;
        }
    }

    /**
     * What makes two deliveries the same text: the event's id, which billing derives from the payment; a legacy
     * message has none, so its SNS message id (the same on every redelivery of that message).
     */
    static String textKey(PurchaseMessage message, String snsMessageId) {
        if (message instanceof NotePurchased event) {
            return "event:" + event.eventId();
        }
        return "sns-message:" + snsMessageId;
    }

    private record Text(String key, String body, String snsMessageId, PurchaseMessage message) {
    }

    private static PurchaseMessage read(SnsNotification sns) {
        try {
            return NotePurchasedCodec.decode(sns.message());
        } catch (MalformedEventException e) {
            // handleRequest logs it, with the SNS message id in its message
            throw new MalformedPurchaseMessageException(sns.messageId(), e);
        }
    }
}
