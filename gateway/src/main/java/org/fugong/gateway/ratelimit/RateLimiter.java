package org.fugong.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.fugong.gateway.GatewayConfig;
import org.fugong.gateway.auth.Identity;
import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Per-client token buckets, sized by the client's tier. With {@code fugong.gateway.rate-limit.redis-url}
 * the buckets live in Redis, so every gateway replica draws from the same ones; otherwise (and while
 * Redis cannot be reached, so an outage of the counter store does not become an outage of the API)
 * they live in this replica's memory.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final int MAX_LOCAL_BUCKETS = 100_000;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    /** Lock-free per bucket: a busy client's requests on several event loops do not queue for one lock. */
    private final Map<String, AtomicReference<TokenBucket.State>> local = new ConcurrentHashMap<>();
    private RedisBuckets redis;
    private volatile Instant lastWarning = Instant.EPOCH;

    @PostConstruct
    void init() {
        config.rateLimit().redisUrl().filter(url -> !url.isBlank()).ifPresent(url -> redis = new RedisBuckets(vertx, url));
        // Idle buckets are full again after a while: forgetting them changes nothing and bounds memory.
        vertx.setPeriodic(60_000, id -> local.entrySet().removeIf(e -> e.getValue().get() != null
                && System.currentTimeMillis() - e.getValue().get().atMillis() > 3_600_000));
    }

    @PreDestroy
    void close() {
        if (redis != null) {
            redis.close();
        }
    }

    /** Takes a token from the identity's bucket; the decision says whether there was one. */
    public Future<TokenBucket.Decision> take(Identity identity) {
        GatewayConfig.Tier tier = config.rateLimit().tiers().get(identity.tier());
        if (tier == null) {
            tier = config.rateLimit().tiers().get(config.rateLimit().defaultTier());
        }
        if (tier == null) {
            return Future.succeededFuture(null); // no tiers configured: no limits
        }
        String bucket = "fugong:ratelimit:" + identity.tier() + ":" + identity.subject();
        double rate = tier.rate();
        int burst = tier.burst();
        if (redis == null) {
            return Future.succeededFuture(takeLocally(bucket, rate, burst));
        }
        return redis.take(bucket, rate, burst).recover(e -> {
            warnRedisDown(e);
            return Future.succeededFuture(takeLocally(bucket, rate, burst));
        });
    }

    private TokenBucket.Decision takeLocally(String bucket, double rate, int burst) {
        if (local.size() >= MAX_LOCAL_BUCKETS && !local.containsKey(bucket)) {
            // Bounded: callers rotating through addresses (each anonymous address is a client) would
            // otherwise grow this map for an hour. Forgetting buckets starts everyone afresh, which the
            // per-address limits in front (edge.AddressLimiter) still bound.
            local.clear();
        }
        AtomicReference<TokenBucket.State> state = local.computeIfAbsent(bucket, k -> new AtomicReference<>());
        TokenBucket.State after = state.updateAndGet(before -> TokenBucket.take(before, System.currentTimeMillis(), rate, burst));
        return TokenBucket.decision(after.lastAllowed(), after.tokens(), rate, burst);
    }

    private void warnRedisDown(Throwable e) {
        Instant now = Instant.now();
        if (now.isAfter(lastWarning.plus(WARN_EVERY))) {
            lastWarning = now;
            LOG.warnf("Rate-limit counters in Redis unavailable (%s); counting in this replica's memory meanwhile", e.toString());
        }
    }
}
