package org.fugong.platform.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New {@code X-Request-Id} values. They correlate log lines and need not be unguessable, so they
 * come from the thread's own random generator: {@link UUID#randomUUID()} draws on the shared
 * SecureRandom, a lock that every request thread would queue for.
 */
public final class RequestIds {

    private RequestIds() {
    }

    /** A random (version 4 layout) UUID as text. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
