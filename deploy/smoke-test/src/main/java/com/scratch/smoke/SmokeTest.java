package com.scratch.smoke;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@code java -jar deploy/smoke-test/target/smoke-test.jar <API URL>}: buys one note on a deployed stage with
 * Stripe's test card and exits 0 when it answered 200 with the amount; 1, with what came back, when not; 2 on bad
 * usage. Signs with the credentials of the usual chain (in a workflow, the role GitHub's OIDC token was exchanged
 * for) for the region in {@code AWS_REGION}; that role may invoke only feature and dev stages.
 */
public final class SmokeTest {

    private SmokeTest() {
    }

    public static void main(String[] args) {
        String region = System.getenv("AWS_REGION");
        if (args.length != 1 || region == null || region.isBlank()) {
            System.err.println("usage: AWS_REGION=<region> java -jar smoke-test.jar <API URL, e.g."
                    + " https://abc123.execute-api.us-east-1.amazonaws.com/feature-login>");
            System.exit(2);
        }
        try {
            String paymentId = new SmokePurchase(DefaultCredentialsProvider.builder().build(), Region.of(region))
                    .buy(URI.create(args[0]));
            System.out.println("Smoke test passed: " + SmokePurchase.NOTES + " note bought for "
                    + SmokePurchase.EXPECTED_AMOUNT + " cents as " + paymentId);
        } catch (SmokeTestFailedException | IllegalArgumentException e) {
            System.err.println("Smoke test failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
