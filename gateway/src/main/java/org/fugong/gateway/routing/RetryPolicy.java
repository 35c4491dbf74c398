package org.fugong.gateway.routing;

import java.util.Set;

/**
 * Which requests the gateway may send again after the connection to a service failed. Only those
 * whose repetition cannot do harm: safe and idempotent methods, and any request carrying an
 * Idempotency-Key, which the services deduplicate. A POST without one is never repeated: the
 * service might have acted on it.
 */
public final class RetryPolicy {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private RetryPolicy() {
    }

    public static boolean mayRetry(String method, String idempotencyKey) {
        return IDEMPOTENT.contains(method) || (idempotencyKey != null && !idempotencyKey.isBlank());
    }
}
