/**
 * In-JVM stand-ins for SSM Parameter Store ({@code ssm}), SNS ({@code sns}), DynamoDB ({@code dynamodb}) and Stripe
 * PaymentIntents ({@code stripe}). Each is a small HTTP server on 127.0.0.1 that speaks the real wire format, so the real
 * AWS SDK v2 and stripe-java clients talk to it unchanged: point them at {@code endpoint()}.
 *
 * <pre>{@code
 * try (SsmEmulator ssm = SsmEmulator.start(); SnsEmulator sns = SnsEmulator.start();
 *      DynamoDbEmulator dynamo = DynamoDbEmulator.start(); StripeEmulator stripe = StripeEmulator.start()) {
 *     ...
 * }
 * }</pre>
 */
package com.scratch.emulators;
