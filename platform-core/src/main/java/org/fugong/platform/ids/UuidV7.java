package org.fugong.platform.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): new rows land at the end of the primary-key index and
 * keyset pagination by id follows creation order. Within one millisecond the 12-bit counter
 * (RFC 9562, method 1) keeps ids of one process strictly increasing.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private UuidV7() {
    }

    public static UUID next() {
        long millis;
        int sequence;
        synchronized (UuidV7.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) { // 4,096 ids in one millisecond: borrow the next one
                    millis++;
                    counter = RANDOM.nextInt(1 << 10);
                }
            } else {
                counter = RANDOM.nextInt(1 << 10); // leave room to count up
            }
            lastMillis = millis;
            sequence = counter;
        }
        long msb = (millis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
