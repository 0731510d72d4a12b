package com.scratch.aws;

import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What a function's tracing does in its first invocation, alone in a JVM, for {@link TracingClassLoadingIT} to read the
 * classes it loads: the tracing built from the environment, an invocation span under a Lambda trace header, one SDK
 * call's subsegment, both sent.
 *
 * <p>Arguments: the daemon address, the SNS endpoint, the topic ARN, the trace header.
 */
public final class TracingColdStartMain {

    private TracingColdStartMain() {
    }

    public static void main(String[] args) {
        ClientTracing tracing = ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS", args[0],
                "AWS_LAMBDA_FUNCTION_NAME", "billing-api-dev-billing"));
        try (SnsClient sns = AwsClients.sns(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_SNS", args[1],
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"), tracing)) {
            try (InvocationSpan span = new InvocationTracing(tracing, "dev").start(args[3])) {
                tracing.annotate("paymentId", "pi_1");
                try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                    call.status(200);
                }
                sns.publish(r -> r.topicArn(args[2]).message("{}"));
            }
        }
        System.out.println("traced");
    }
}
