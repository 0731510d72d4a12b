package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.iam.IamPolicy;
import com.scratch.emulators.iam.LocalAccount;
import com.scratch.emulators.iam.LocalPrincipal;
import com.scratch.emulators.iam.PolicyStatement;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.SsmEmulator;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Clients built by {@link AwsClients} reach local servers through the endpoint variables of the environment they are given. */
class AwsClientsIT {

    private static SsmEmulator ssm;
    private static SnsEmulator sns;

    @BeforeAll
    static void startServers() {
        ssm = SsmEmulator.start();
        sns = SnsEmulator.start();
    }

    @AfterAll
    static void stopServers() {
        ssm.close();
        sns.close();
    }

    @Test
    void callsWorkOutsideLambdaWithNoSegmentOpen() {
        ssm.putSecureString("/app/key", "value-1");
        String topicArn = sns.createTopic("dev-note-purchased");

        try (SsmClient ssmClient = AwsClients.ssm(local(Map.of())); SnsClient snsClient = AwsClients.sns(local(Map.of()))) {
            assertThat(ssmClient.getParameter(r -> r.name("/app/key").withDecryption(true)).parameter().value())
                    .isEqualTo("value-1");
            assertThat(snsClient.publish(r -> r.topicArn(topicArn).message("hello")).messageId()).isNotBlank();
        }
        assertThat(sns.published(topicArn)).hasSize(1);
    }

    /** Two functions in one JVM sign as themselves: the local endpoints tell them apart as AWS would. */
    @Test
    void eachClientSignsWithTheKeysOfItsFunctionsEnvironment() {
        // given
        String topicArn = sns.createTopic("feature-iam-note-purchased");
        IamPolicy publishOnly = new IamPolicy(List.of(PolicyStatement.allow(List.of("sns:Publish"), List.of(topicArn))));
        LocalPrincipal billing = LocalPrincipal.forFunction("billing", LocalAccount.ACCOUNT_ID, "billing-role", "billing", publishOnly);
        LocalPrincipal other = LocalPrincipal.forFunction("other", LocalAccount.ACCOUNT_ID, "other-role", "other", new IamPolicy(List.of()));
        AccessControl access = new AccessControl().register(billing).register(other);
        sns.enforce(access);

        try (SnsClient asBilling = AwsClients.sns(local(Map.of("AWS_ACCESS_KEY_ID", billing.accessKeyId(),
                        "AWS_SECRET_ACCESS_KEY", billing.secretAccessKey())));
                SnsClient asOther = AwsClients.sns(local(Map.of("AWS_ACCESS_KEY_ID", other.accessKeyId(),
                        "AWS_SECRET_ACCESS_KEY", other.secretAccessKey())));
                SnsClient asProcess = AwsClients.sns(local(Map.of()))) {
            // when
            asBilling.publish(r -> r.topicArn(topicArn).message("from billing"));

            // then
            assertThatThrownBy(() -> asOther.publish(r -> r.topicArn(topicArn).message("from other")))
                    .isInstanceOf(AuthorizationErrorException.class)
                    .hasMessageContaining("assumed-role/other-role/other is not authorized to perform: SNS:Publish");
            // no keys in the function's environment: the default chain's (here the build's AKIDLOCALTEST), unknown here
            assertThatThrownBy(() -> asProcess.publish(r -> r.topicArn(topicArn).message("from the process")))
                    .isInstanceOfSatisfying(SnsException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        } finally {
            sns.enforce(null);
        }
        assertThat(sns.published(topicArn)).extracting(message -> message.message()).containsExactly("from billing");
    }

    /** Endpoints travel in the environment, not the JVM: two clients side by side reach two different servers. */
    @Test
    void twoClientsInOneJvmReachTheEndpointsOfTheirOwnEnvironments() {
        // given: a second SSM server holding another value under the same name
        ssm.putSecureString("/app/which", "first server");
        try (SsmEmulator second = SsmEmulator.start()) {
            second.putSecureString("/app/which", "second server");

            // when
            try (SsmClient toFirst = AwsClients.ssm(local(Map.of()));
                    SsmClient toSecond = AwsClients.ssm(Map.of("AWS_REGION", "us-east-1",
                            "AWS_ENDPOINT_URL", second.endpoint().toString()))) {
                // then
                assertThat(toFirst.getParameter(r -> r.name("/app/which").withDecryption(true)).parameter().value())
                        .isEqualTo("first server");
                assertThat(toSecond.getParameter(r -> r.name("/app/which").withDecryption(true)).parameter().value())
                        .isEqualTo("second server");
            }
        }
    }

    @Test
    void everyClientIsTracedAndUsesUrlConnection() {
        try (SsmClient ssmClient = AwsClients.ssm(local(Map.of())); SnsClient snsClient = AwsClients.sns(local(Map.of()))) {
            for (var client : new software.amazon.awssdk.core.SdkClient[] {ssmClient, snsClient}) {
                assertThat(client.serviceClientConfiguration().overrideConfiguration().executionInterceptors())
                        .hasAtLeastOneElementOfType(XRaySdkInterceptor.class);
            }
        }
        assertThat(classExists("software.amazon.awssdk.http.apache.ApacheHttpClient")).isFalse();
        assertThat(classExists("software.amazon.awssdk.http.apache5.Apache5HttpClient")).isFalse();
        assertThat(classExists("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient")).isFalse();
    }

    @Test
    void withAnInvocationOpenTheCallIsSentToTheDaemonAsASubsegment() throws Exception {
        ssm.putSecureString("/app/key", "value-1");
        try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            daemon.setSoTimeout(5000);
            ClientTracing tracing = ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS",
                    "127.0.0.1:" + daemon.getLocalPort()));

            try (SsmClient client = AwsClients.ssm(local(Map.of()), tracing)) {
                try (InvocationSpan span = tracing.invocation("## handleRequest",
                        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")) {
                    client.getParameter(r -> r.name("/app/key").withDecryption(true));
                }
            }

            DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
            daemon.receive(packet);
            String sent = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(sent).contains("\"name\":\"Ssm\"").contains("\"operation\":\"GetParameter\"")
                    .doesNotContain("value-1");
        }
    }

    /** A function environment pointing at this test's servers, with {@code more} in it. */
    private static Map<String, String> local(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        return environment;
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
