package com.scratch.bench;

import java.util.List;

/**
 * Which library a class (or a jar entry) belongs to, by its package: what the class-loading breakdown and the jar
 * size tables group by. The order matters: the first prefix that fits wins.
 */
final class Libraries {

    private record Prefix(String packagePrefix, String library) {
    }

    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("com.scratch.bench.baseline.", "baseline handler (tests/bench)"),
            new Prefix("com.scratch.", "project code (com.scratch: libs, billing)"),
            new Prefix("com.stripe.", "stripe-java"),
            new Prefix("com.google.gson.", "Gson (stripe-java's JSON)"),
            new Prefix("software.amazon.awssdk.services.ssm.", "AWS SDK: ssm"),
            new Prefix("software.amazon.awssdk.services.sns.", "AWS SDK: sns"),
            new Prefix("software.amazon.awssdk.services.dynamodb.", "AWS SDK: dynamodb"),
            new Prefix("software.amazon.awssdk.http.urlconnection.", "AWS SDK: url-connection-client"),
            new Prefix("software.amazon.awssdk.http.apache5.", "AWS SDK: apache5-client"),
            new Prefix("software.amazon.awssdk.http.apache.", "AWS SDK: apache-client"),
            new Prefix("software.amazon.awssdk.http.nio.netty.", "AWS SDK: netty-nio-client"),
            new Prefix("software.amazon.awssdk.thirdparty.jackson.", "AWS SDK: its shaded Jackson"),
            new Prefix("software.amazon.awssdk.protocols.", "AWS SDK: protocols (json, query, xml)"),
            new Prefix("software.amazon.awssdk.", "AWS SDK: core (sdk-core, aws-core, auth, regions, http, utils...)"),
            new Prefix("software.amazon.eventstream.", "AWS SDK: eventstream"),
            new Prefix("software.amazon.lambda.powertools.", "Powertools (parameters, common)"),
            new Prefix("com.amazonaws.xray.", "X-Ray SDK (core, aws-sdk-v2 interceptor)"),
            new Prefix("com.amazonaws.services.lambda.runtime.api.client.", "Lambda runtime interface client"),
            new Prefix("com.amazonaws.services.lambda.crac.", "Lambda runtime interface client"),
            new Prefix("com.amazonaws.services.lambda.runtime.serialization.", "aws-lambda-java-serialization"),
            new Prefix("com.amazonaws.lambda.thirdparty.", "aws-lambda-java-serialization"),
            new Prefix("com.amazonaws.services.lambda.runtime.events.", "aws-lambda-java-events"),
            new Prefix("com.amazonaws.services.lambda.runtime.", "aws-lambda-java-core"),
            new Prefix("com.fasterxml.jackson.", "Jackson"),
            new Prefix("ch.qos.logback.", "Logback"),
            new Prefix("net.logstash.", "logstash-logback-encoder"),
            new Prefix("org.slf4j.", "SLF4J"),
            new Prefix("org.apache.hc.", "Apache HttpClient 5 / HttpCore 5"),
            new Prefix("org.apache.http.", "Apache HttpClient 4 / HttpCore 4"),
            new Prefix("org.apache.commons.logging.", "commons-logging"),
            new Prefix("org.apache.commons.", "Apache Commons"),
            new Prefix("io.netty.", "Netty"),
            new Prefix("org.reactivestreams.", "Reactive Streams"),
            new Prefix("org.joda.", "joda-time"),
            new Prefix("org.crac.", "org.crac"),
            new Prefix("org.aspectj.", "AspectJ"),
            new Prefix("io.burt.jmespath.", "JMESPath"),
            new Prefix("java.", "JDK"),
            new Prefix("javax.", "JDK"),
            new Prefix("jdk.", "JDK"),
            new Prefix("sun.", "JDK"),
            new Prefix("com.sun.", "JDK"));

    private Libraries() {
    }

    /** The library of a class, from its binary name ({@code com.stripe.model.PaymentIntent$Foo}). */
    static String ofClass(String className) {
        if (className.contains("$$Lambda") || className.contains("/0x")) {
            return "generated at run time (lambdas, proxies, method handles)";
        }
        for (Prefix prefix : PREFIXES) {
            if (className.startsWith(prefix.packagePrefix())) {
                return prefix.library();
            }
        }
        String[] parts = className.split("\\.");
        return parts.length > 2 ? "other: " + parts[0] + "." + parts[1] : "other: " + className;
    }

    /** The library of a jar entry: a class by its package, anything else by its top folder. */
    static String ofEntry(String entryName) {
        if (entryName.endsWith(".class") && !entryName.startsWith("META-INF/")) {
            return ofClass(entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.'));
        }
        if (entryName.startsWith("META-INF/")) {
            return "META-INF (manifests, licences, service files, Maven metadata)";
        }
        int slash = entryName.indexOf('/');
        String folder = slash < 0 ? "(root)" : entryName.substring(0, slash);
        String dotted = entryName.replace('/', '.');
        String library = ofClass(dotted);
        return library.startsWith("other: ") ? "resources: " + folder + "/" : library + " (resources)";
    }
}
