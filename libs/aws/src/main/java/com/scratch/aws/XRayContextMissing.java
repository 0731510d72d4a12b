package com.scratch.aws;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a traced call does when no trace is open on its thread, as {@code AWS_XRAY_CONTEXT_MISSING} says, with the
 * X-Ray SDK's names and defaults: in Lambda an error line ({@code LOG_ERROR}, which Lambda also sets; but in Lambda a
 * call with no span open is outside every invocation and never reaches this: see {@link XRayClientTracing}), elsewhere
 * nothing ({@code IGNORE}: tests and local runs have no trace unless they
 * pass a header). The call itself always goes ahead untraced, except under {@code RUNTIME_ERROR}.
 */
enum XRayContextMissing {

    LOG_ERROR {
        @Override
        void missing(String what) {
            log.error("No trace open on this thread for {}: not traced", what);
        }
    },
    RUNTIME_ERROR {
        @Override
        void missing(String what) {
            throw new TraceContextMissingException(what);
        }
    },
    IGNORE {
        @Override
        void missing(String what) {
        }
    };

    static final String VARIABLE = "AWS_XRAY_CONTEXT_MISSING";

    private static final Logger log = LoggerFactory.getLogger(XRayContextMissing.class);

    /**
     * The strategy {@code configured} names (any case); the default when it names none, as the X-Ray SDK fell back
     * on its default for a value it did not know.
     */
    static XRayContextMissing of(String configured, boolean inLambda) {
        String name = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "LOG_ERROR" -> LOG_ERROR;
            case "RUNTIME_ERROR" -> RUNTIME_ERROR;
            case "IGNORE_ERROR", "IGNORE" -> IGNORE;
            default -> inLambda ? LOG_ERROR : IGNORE;
        };
    }

    /** @param what the call that found no trace ({@code Sns Publish}, {@code Stripe}) */
    abstract void missing(String what);
}
