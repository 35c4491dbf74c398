package org.fugong.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fugong.gateway.ratelimit.TokenBucket;

/**
 * Limits per client address, applied before anyone is authenticated: every request takes a token
 * from the address's request bucket, and every failed authentication (401) one from its much
 * smaller failure bucket; while either is empty the address gets 429. That caps how fast keys
 * and tokens can be guessed and how hard unauthenticated callers can push on {@code /admin},
 * {@code /health} and {@code /openapi}. The buckets live in an LRU map of bounded size, so an
 * attacker rotating addresses evicts old buckets instead of growing memory (an evicted address
 * starts full again, which is the best it can hope for anyway).
 */
public final class AddressLimiter {

    /** The limits; a rate of 0 or less switches that budget off. */
    public record Limits(double rate, int burst, double failureRate, int failureBurst, int maxAddresses) {
    }

    private static final class Budget {
        TokenBucket.State requests;
        TokenBucket.State failures;
    }

    private final Limits limits;
    private final Map<String, Budget> budgets;

    public AddressLimiter(Limits limits) {
        this.limits = limits;
        this.budgets = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Budget> eldest) {
                return size() > limits.maxAddresses();
            }
        };
    }

    /**
     * Takes a request token for the address; the decision is refused while the address has used up
     * its failure budget, whatever its request bucket holds.
     */
    public synchronized TokenBucket.Decision admit(String key, long nowMillis) {
        Budget budget = budgets.computeIfAbsent(key, k -> new Budget());
        if (limits.failureRate() > 0 && budget.failures != null) {
            double failureTokens = refilled(budget.failures, nowMillis, limits.failureRate(), limits.failureBurst());
            if (failureTokens < 1) {
                return TokenBucket.decision(false, failureTokens, limits.failureRate(), limits.failureBurst());
            }
        }
        if (limits.rate() <= 0) {
            return null;
        }
        budget.requests = TokenBucket.take(budget.requests, nowMillis, limits.rate(), limits.burst());
        return TokenBucket.decision(budget.requests.lastAllowed(), budget.requests.tokens(), limits.rate(), limits.burst());
    }

    /** Counts one failed authentication from the address. */
    public synchronized void failed(String key, long nowMillis) {
        if (limits.failureRate() <= 0) {
            return;
        }
        Budget budget = budgets.computeIfAbsent(key, k -> new Budget());
        budget.failures = TokenBucket.take(budget.failures, nowMillis, limits.failureRate(), limits.failureBurst());
    }

    /** How many addresses are being tracked (bounded by {@code maxAddresses}). */
    public synchronized int tracked() {
        return budgets.size();
    }

    private static double refilled(TokenBucket.State state, long nowMillis, double rate, int burst) {
        return Math.min(burst, state.tokens() + Math.max(0, nowMillis - state.atMillis()) * rate / 1000.0);
    }
}
