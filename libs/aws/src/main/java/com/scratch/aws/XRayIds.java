package com.scratch.aws;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of subsegments and exceptions: 64 random bits in 16 hex digits, as X-Ray wants them. From
 * {@link ThreadLocalRandom}: an id must not collide within a trace, not resist a guess, and a {@code SecureRandom}
 * would cost its seeding in the cold start.
 */
final class XRayIds {

    private static final HexFormat HEX = HexFormat.of();

    private XRayIds() {
    }

    static String newId() {
        return HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
