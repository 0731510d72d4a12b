package com.scratch.sandbox;

import com.scratch.config.Stage;
import com.scratch.config.StageConfig;
import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.EncryptedFileParameterVault;
import com.scratch.emulators.ssm.ParameterFileUnreadableException;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.stripe.StripeEmulator;
import com.scratch.sandbox.startup.CorruptDataFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The local SSM, SNS, DynamoDB and Stripe endpoints, on free loopback ports. SSM keeps its parameters in an encrypted
 * file, so they survive restarts; on first start it is seeded with a generated {@code sk_test_} key under the
 * parameter the local stage reads, and the Stripe endpoint accepts only that key, and with a generated
 * {@code whsec_} signing secret for the webhook endpoint the sandbox registers with the local Stripe. DynamoDB keeps
 * its tables in memory: a restart forgets which payments were announced (a replay after a restart announces again).
 */
final class LocalEndpoints implements AutoCloseable {

    final SsmEmulator ssm;
    final SnsEmulator sns;
    final DynamoDbEmulator dynamoDb;
    final StripeEmulator stripe;
    final String stripeKeyParameter;
    /** The signing secret of the local Stripe's webhook endpoint, as the webhook function reads it from SSM. */
    final String webhookSecret;

    private LocalEndpoints(SsmEmulator ssm, SnsEmulator sns, DynamoDbEmulator dynamoDb, StripeEmulator stripe,
            String stripeKeyParameter, String webhookSecret) {
        this.ssm = ssm;
        this.sns = sns;
        this.dynamoDb = dynamoDb;
        this.stripe = stripe;
        this.stripeKeyParameter = stripeKeyParameter;
        this.webhookSecret = webhookSecret;
    }

    /**
     * @throws CorruptDataFileException when the parameter file or its key cannot be read back (the SSM endpoint
     *     would otherwise start empty, or fail the function's first read)
     */
    static LocalEndpoints start(Path dataDirectory, String stage) throws IOException {
        SsmEmulator ssm = SsmEmulator.start(0, vault(dataDirectory.resolve("ssm")));
        String keyParameter = StageConfig.forStage(Stage.of(stage)).stripeKeyParameter();
        String key = ssm.value(keyParameter).orElseGet(() -> {
            String generated = StripeEmulator.newSecretKey();
            ssm.putSecureString(keyParameter, generated);
            return generated;
        });
        StripeEmulator stripe = StripeEmulator.start();
        stripe.requireApiKey(key);
        String webhookSecretParameter = StageConfig.forStage(Stage.of(stage)).stripeWebhookSecretParameter();
        String webhookSecret = ssm.value(webhookSecretParameter).orElseGet(() -> {
            String generated = StripeEmulator.newWebhookSecret();
            ssm.putSecureString(webhookSecretParameter, generated);
            return generated;
        });
        return new LocalEndpoints(ssm, SnsEmulator.start(), DynamoDbEmulator.start(), stripe, keyParameter,
                webhookSecret);
    }

    private static EncryptedFileParameterVault vault(Path directory) {
        try {
            return EncryptedFileParameterVault.open(directory);
        } catch (ParameterFileUnreadableException e) {
            // Only the seeded test key and what the developer put there live in it: starting over loses nothing real.
            throw new CorruptDataFileException("Local SSM parameters " + e.getMessage(), "delete " + directory
                    + " to start over (a new Stripe test key is seeded), or restore the file", e);
        }
    }

    @Override
    public void close() {
        stripe.close();
        dynamoDb.close();
        sns.close();
        ssm.close();
    }
}
