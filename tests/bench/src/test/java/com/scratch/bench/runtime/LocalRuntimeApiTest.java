package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The local Runtime API answers as Lambda's does, for a client speaking the runtime's side of the protocol. */
class LocalRuntimeApiTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void handsOutTheEventWithLambdasHeadersAndTakesItsResponse() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            // given
            LocalRuntimeApi.Invocation invocation = api.invoke("req-1", "{\"body\":\"hello\"}");

            // when
            HttpResponse<String> next = client.send(get(api, "invocation/next"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> posted = client.send(post(api, "invocation/req-1/response", "{\"statusCode\":200}"),
                    HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"body\":\"hello\"}");
            assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("req-1");
            assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").map(Long::parseLong).orElseThrow())
                    .isGreaterThan(System.currentTimeMillis());
            assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).isPresent();
            assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
                    .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1");
            assertThat(posted.statusCode()).isEqualTo(202);
            LocalRuntimeApi.Outcome outcome = invocation.outcome().get(1, TimeUnit.SECONDS);
            assertThat(outcome.answered()).isTrue();
            assertThat(outcome.body()).isEqualTo("{\"statusCode\":200}");
            assertThat(api.nextRequests()).hasSize(1);
            assertThat(invocation.handedOutAt()).isBetween(api.nextRequests().get(0), outcome.at());
        }
    }

    @Test
    void nextWaitsUntilThereIsAnEvent() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            // given
            CompletableFuture<HttpResponse<String>> next =
                    client.sendAsync(get(api, "invocation/next"), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            assertThat(next).isNotDone();

            // when
            api.invoke("req-2", "{}");

            // then
            assertThat(next.get(5, TimeUnit.SECONDS).headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                    .hasValue("req-2");
        }
    }

    @Test
    void anInvocationErrorOrAnInitErrorEndsTheInvocationUnanswered() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            // given
            LocalRuntimeApi.Invocation failing = api.invoke("req-3", "{}");
            client.send(get(api, "invocation/next"), HttpResponse.BodyHandlers.ofString());
            LocalRuntimeApi.Invocation neverRun = api.invoke("req-4", "{}");

            // when
            HttpResponse<String> error = client.send(post(api, "invocation/req-3/error", "{\"errorMessage\":\"boom\"}"),
                    HttpResponse.BodyHandlers.ofString());
            client.send(HttpRequest.newBuilder(uri(api, "init/error"))
                    .header("Lambda-Runtime-Function-Error-Type", "Runtime.BadFunctionCode")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"no handler\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(error.statusCode()).isEqualTo(202);
            assertThat(failing.outcome().get(1, TimeUnit.SECONDS).answered()).isFalse();
            assertThat(failing.outcome().get().body()).contains("boom");
            assertThat(neverRun.outcome().get(1, TimeUnit.SECONDS).body()).contains("no handler");
            assertThat(api.initError().get(1, TimeUnit.SECONDS)).isEqualTo(
                    new LocalRuntimeApi.RuntimeError("Runtime.BadFunctionCode", "{\"errorMessage\":\"no handler\"}"));
        }
    }

    @Test
    void aHeldRestoreIsAnsweredOnlyOnceTheCallerRestores() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.startHoldingRestore()) {
            // given
            CompletableFuture<HttpResponse<String>> restoreNext =
                    client.sendAsync(get(api, "restore/next"), HttpResponse.BodyHandlers.ofString());
            long requested = api.restoreRequested().get(5, TimeUnit.SECONDS);
            Thread.sleep(300);
            assertThat(restoreNext).isNotDone();
            assertThat(api.restored()).isNotDone();

            // when
            api.restore();

            // then
            assertThat(restoreNext.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(api.restored().get(1, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(requested + 300_000_000L);
        }
    }

    @Test
    void aRestoreNotHeldIsAnsweredAtOnce() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            HttpResponse<String> restoreNext =
                    client.send(get(api, "restore/next"), HttpResponse.BodyHandlers.ofString());

            assertThat(restoreNext.statusCode()).isEqualTo(200);
            assertThat(api.restored().get(1, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(api.restoreRequested().get());
        }
    }

    @Test
    void aRestoreErrorEndsEveryPendingInvocationAndKeepsItsKind() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            // given
            LocalRuntimeApi.Invocation neverRun = api.invoke("req-5", "{}");

            // when
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri(api, "restore/error"))
                    .header("Lambda-Runtime-Function-Error-Type", "Runtime.AfterRestoreError")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"hook failed\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(api.restoreError().get(1, TimeUnit.SECONDS).errorType()).isEqualTo("Runtime.AfterRestoreError");
            assertThat(neverRun.outcome().get(1, TimeUnit.SECONDS).answered()).isFalse();
            assertThat(neverRun.outcome().get().body()).contains("hook failed");
            assertThat(api.initError()).isNotDone();
        }
    }

    @Test
    void aResponseForAnInvocationNeverHandedOutIsRefused() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            HttpResponse<String> posted = client.send(post(api, "invocation/nobody/response", "{}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(400);
        }
    }

    private static HttpRequest get(LocalRuntimeApi api, String path) {
        return HttpRequest.newBuilder(uri(api, path)).GET().build();
    }

    private static HttpRequest post(LocalRuntimeApi api, String path, String body) {
        return HttpRequest.newBuilder(uri(api, path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static URI uri(LocalRuntimeApi api, String path) {
        return URI.create("http://" + api.address() + "/2018-06-01/runtime/" + path);
    }
}
