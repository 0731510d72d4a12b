package com.scratch.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.sandbox.api.LocalCaller;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted session against a running stack, over HTTP like any client: a purchase with the original
 * request body (200, then the admin's text arrives), a declined card (402, no event, no text) and an invalid
 * body (400). {@link #run()} is true only if all three behave.
 */
public final class LocalDemo {

    static final String EXPECTED_SMS = "Charged $42.00 for Scratch charge (21 notes)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LocalDemo(URI api, PrintStream out) {
        this.api = Objects.requireNonNull(api, "api == null");
        this.out = Objects.requireNonNull(out, "out == null");
    }

    public boolean run() throws IOException, InterruptedException {
        boolean purchase = purchase();
        boolean declined = declined();
        boolean invalid = invalid();
        boolean all = purchase && declined && invalid;
        out.println(all ? "Demo passed: 3 of 3" : "Demo FAILED");
        return all;
    }

    private boolean purchase() throws IOException, InterruptedException {
        int smsBefore = get("/_local/sms").size();
        HttpResponse<String> response = post("{\"storage\":21,\"source\":\"tok_visa\"}");
        boolean charged = response.statusCode() == 200 && JSON.readTree(response.body()).path("amount").asLong() == 4200;
        boolean texted = awaitSms(smsBefore);
        return report("purchase of 21 notes with tok_visa -> 200 and the admin texted", charged && texted, response);
    }

    private boolean declined() throws IOException, InterruptedException {
        int eventsBefore = get("/_local/events").size();
        int smsBefore = get("/_local/sms").size();
        HttpResponse<String> response = post("{\"storage\":21,\"source\":\"tok_chargeDeclined\"}");
        Thread.sleep(300); // give a wrongly published event time to show up before counting
        boolean quiet = get("/_local/events").size() == eventsBefore && get("/_local/sms").size() == smsBefore;
        return report("declined card -> 402, no event, no text", response.statusCode() == 402 && quiet, response);
    }

    private boolean invalid() throws IOException, InterruptedException {
        HttpResponse<String> response = post("{\"storage\":\"lots\",\"source\":\"tok_visa\"}");
        boolean named = response.statusCode() == 400 && "storage".equals(JSON.readTree(response.body()).path("field").asText());
        return report("invalid body -> 400 naming the field", named, response);
    }

    private boolean awaitSms(int before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sms = get("/_local/sms");
            for (int i = before; i < sms.size(); i++) {
                if (EXPECTED_SMS.equals(sms.get(i).path("message").asText())) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    private boolean report(String what, boolean ok, HttpResponse<String> response) {
        out.printf("  %s  %s   (%d %s)%n", ok ? "ok  " : "FAIL", what, response.statusCode(), response.body());
        return ok;
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        // Signed, as a buyer's app signs: POST /billing takes only SigV4-signed requests (aws_iam).
        HttpRequest request = LocalCaller.DEVELOPER.signed(api.resolve("/billing"), "POST", body,
                Map.of("Content-Type", "application/json")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
