package org.fugong.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;

/**
 * Token buckets in Redis: one hash per bucket, updated by a Lua script so that reading, refilling
 * and taking are one atomic step whichever replica asks. The script uses Redis's clock, so
 * replicas with skewed clocks still agree. It mirrors {@link TokenBucket#take}.
 */
final class RedisBuckets {

    static final String SCRIPT = """
            local rate = tonumber(ARGV[1]) / 1000
            local burst = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
            return {allowed, tostring(tokens)}
            """;
    private static final String SHA = sha1(SCRIPT);

    private final Redis client;
    private final RedisAPI api;

    RedisBuckets(Vertx vertx, String url) {
        client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setMaxPoolSize(16)
                .setMaxPoolWaiting(1024));
        api = RedisAPI.api(client);
    }

    Future<TokenBucket.Decision> take(String bucket, double rate, int burst) {
        List<String> args = List.of(SHA, "1", bucket, Double.toString(rate), Integer.toString(burst));
        return api.evalsha(args)
                .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
                        ? api.eval(List.of(SCRIPT, "1", bucket, Double.toString(rate), Integer.toString(burst)))
                        : Future.failedFuture(e))
                .map(reply -> decision(reply, rate, burst));
    }

    private static TokenBucket.Decision decision(Response reply, double rate, int burst) {
        boolean allowed = reply.get(0).toInteger() == 1;
        double tokens = Double.parseDouble(reply.get(1).toString());
        return TokenBucket.decision(allowed, tokens, rate, burst);
    }

    void close() {
        client.close();
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
