package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.SsmEmulator;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Clients built by {@link AwsClients} reach local servers through the SDK's standard endpoint settings. */
class AwsClientsIT {

    private static SsmEmulator ssm;
    private static SnsEmulator sns;

    @BeforeAll
    static void startServers() {
        ssm = SsmEmulator.start();
        sns = SnsEmulator.start();
        // The system-property twins of AWS_ENDPOINT_URL_SSM / AWS_ENDPOINT_URL_SNS: the SDK reads both.
        System.setProperty("aws.endpointUrlSsm", ssm.endpoint().toString());
        System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
    }

    @AfterAll
    static void stopServers() {
        System.clearProperty("aws.endpointUrlSsm");
        System.clearProperty("aws.endpointUrlSns");
        ssm.close();
        sns.close();
    }

    @Test
    void callsWorkOutsideLambdaWithNoSegmentOpen() {
        ssm.putSecureString("/app/key", "value-1");
        String topicArn = sns.createTopic("dev-note-purchased");

        try (SsmClient ssmClient = AwsClients.ssm(); SnsClient snsClient = AwsClients.sns()) {
            assertThat(ssmClient.getParameter(r -> r.name("/app/key").withDecryption(true)).parameter().value())
                    .isEqualTo("value-1");
            assertThat(snsClient.publish(r -> r.topicArn(topicArn).message("hello")).messageId()).isNotBlank();
        }
        assertThat(sns.published(topicArn)).hasSize(1);
    }

    @Test
    void everyClientIsTracedAndUsesUrlConnection() {
        try (SsmClient ssmClient = AwsClients.ssm(); SnsClient snsClient = AwsClients.sns()) {
            for (var client : new software.amazon.awssdk.core.SdkClient[] {ssmClient, snsClient}) {
                assertThat(client.serviceClientConfiguration().overrideConfiguration().executionInterceptors())
                        .hasAtLeastOneElementOfType(TracingInterceptor.class);
            }
        }
        assertThat(classExists("software.amazon.awssdk.http.apache.ApacheHttpClient")).isFalse();
        assertThat(classExists("software.amazon.awssdk.http.apache5.Apache5HttpClient")).isFalse();
        assertThat(classExists("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient")).isFalse();
    }

    @Test
    void withASegmentOpenTheCallIsSentToTheDaemonAsASubsegment() throws Exception {
        ssm.putSecureString("/app/key", "value-1");
        try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            daemon.setSoTimeout(5000);
            DaemonConfiguration address = new DaemonConfiguration();
            address.setDaemonAddress("127.0.0.1:" + daemon.getLocalPort());
            AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().withEmitter(new UDPEmitter(address)).build();

            try (SsmClient client = AwsClients.ssm(new XRayClientTracing(recorder))) {
                recorder.beginSegment("test");
                client.getParameter(r -> r.name("/app/key").withDecryption(true));
                recorder.endSegment();
            }

            DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
            daemon.receive(packet);
            String sent = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(sent).contains("\"name\":\"Ssm\"").contains("\"operation\":\"GetParameter\"")
                    .doesNotContain("value-1");
        }
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
