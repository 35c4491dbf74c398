package org.fugong.platform.http;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C Trace Context {@code traceparent} values. */
public final class TraceParent {
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceParent() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches()
                && !value.substring(3, 35).equals("0".repeat(32)) && !value.substring(36, 52).equals("0".repeat(16));
    }

    /** A new sampled trace with a random trace id and parent id. */
    public static String newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] trace = new byte[16];
        byte[] parent = new byte[8];
        random.nextBytes(trace);
        random.nextBytes(parent);
        trace[0] |= 1; // never all zeros
        parent[0] |= 1;
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(parent) + "-01";
    }
}
