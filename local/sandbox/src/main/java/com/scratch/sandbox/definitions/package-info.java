/**
 * Reads the Serverless Framework definitions ({@code services/*}{@code /serverless.yml}) of the repository into
 * plain values the local runner can act on: which functions exist, which jar and handler run them, their
 * environment, HTTP routes, SNS topics and subscriptions, SQS queues, and what happens when an asynchronous
 * invocation fails (retries, on-failure queue).
 *
 * <p>Only what this project's definitions use is understood: the variables {@code self:}, {@code opt:stage},
 * {@code env:}, {@code file(...)} with fallbacks, and the CloudFormation short forms {@code !Ref}, {@code !Sub},
 * {@code !ImportValue}, {@code !GetAtt}. Anything else fails with an exception that names the file and the
 * variable or function, rather than running with a guessed value.
 */
package com.scratch.sandbox.definitions;
