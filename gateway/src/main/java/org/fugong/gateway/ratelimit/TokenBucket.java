package org.fugong.gateway.ratelimit;

/**
 * The token-bucket arithmetic, shared by the in-memory limiter and (as the same formulas in Lua)
 * the Redis one: a bucket holds up to {@code burst} tokens, refills at {@code rate} per second,
 * and each allowed request takes one. Time is in milliseconds; tokens are fractional so slow rates
 * refill smoothly.
 */
public final class TokenBucket {

    private TokenBucket() {
    }

    /** A bucket's level and when it was last computed. */
    public record State(double tokens, long atMillis, boolean lastAllowed) {
    }

    /** What one request got, and what the RateLimit-* headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds, long resetSeconds) {
    }

    /** The bucket after one request at {@code now}; a new client ({@code null}) starts full. */
    public static State take(State state, long nowMillis, double rate, int burst) {
        double tokens = state == null ? burst
                : Math.min(burst, state.tokens() + Math.max(0, nowMillis - state.atMillis()) * rate / 1000.0);
        boolean allowed = tokens >= 1;
        return new State(allowed ? tokens - 1 : tokens, nowMillis, allowed);
    }

    /**
     * The answer for a request that left {@code tokensLeft} in the bucket: when refused, how long
     * until a whole token is back; either way, how long until the bucket is full again.
     */
    public static Decision decision(boolean allowed, double tokensLeft, double rate, int burst) {
        long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokensLeft) / rate));
        long reset = (long) Math.ceil((burst - tokensLeft) / rate);
        return new Decision(allowed, burst, (int) Math.floor(tokensLeft), retryAfter, reset);
    }
}
