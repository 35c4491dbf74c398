package org.fugong.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;

/**
 * The compose Redis as deploy/redis/start.sh configures it, on a redis-server of this test's own
 * (a free port, its own ACL file: the shared Redis on 6379 is not touched): the gateway's URL with
 * its user and password takes tokens; no password, a wrong one, or anything beyond the rate
 * limiter's commands and keys is refused. Skipped, saying so, where redis-server is not installed.
 */
class RedisAclTest {

    static final String PASSWORD = "gw-" + UUID.randomUUID();

    static Process redis;
    static int port;
    static Vertx vertx;

    @BeforeAll
    static void startRedisAsComposeDoes() throws Exception {
        try {
            new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException absent) {
            Assumptions.abort("redis-server is not installed (" + absent.getMessage() + "); skipping the Redis ACL tests");
        }
        port = freePort();
        Path work = Files.createDirectories(Path.of("target", "redis-acl-test")).toAbsolutePath();
        Path script = Path.of("").toAbsolutePath().getParent().resolve("deploy/redis/start.sh"); // tests run in gateway/
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--dir", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("redis.log").toFile());
        builder.environment().put("FUGONG_REDIS_GATEWAY_PASSWORD", PASSWORD);
        builder.environment().put("FUGONG_REDIS_ACL_FILE", work.resolve("users.acl").toString());
        redis = builder.start();
        awaitListening();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theGatewaysUrlWithItsUserTakesTokens() throws Exception {
        RedisBuckets buckets = new RedisBuckets(vertx, url("gateway:" + PASSWORD + "@"));
        try {
            String bucket = "fugong:ratelimit:acl-test:" + UUID.randomUUID();
            // The first take loads the script (EVALSHA answers NOSCRIPT, then EVAL), the second runs it by hash.
            assertThat(await(buckets.take(bucket, 1, 2)).allowed()).isTrue();
            assertThat(await(buckets.take(bucket, 1, 2)).allowed()).isTrue();
            assertThat(await(buckets.take(bucket, 1, 2)).allowed()).as("the burst of 2 is spent").isFalse();
        } finally {
            buckets.close();
        }
    }

    @Test
    void withoutThePasswordNothingIsAllowed() {
        for (String credentials : List.of("", "gateway:wrong-password@", "default:@")) {
            RedisBuckets buckets = new RedisBuckets(vertx, url(credentials));
            try {
                assertThatThrownBy(() -> await(buckets.take("fugong:ratelimit:acl-test:x", 1, 2)))
                        .as("credentials '%s'", credentials).hasMessageMatching("(?s).*(NOAUTH|WRONGPASS).*");
            } finally {
                buckets.close();
            }
        }
    }

    @Test
    void theGatewayUserMayRunNothingButTheRateLimiter() throws Exception {
        Redis client = Redis.createClient(vertx, url("gateway:" + PASSWORD + "@"));
        RedisAPI api = RedisAPI.api(client);
        try {
            assertThat(await(api.ping(List.of())).toString()).isEqualTo("PONG");
            assertThatThrownBy(() -> await(api.flushall(List.of()))).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> await(api.config(List.of("SET", "requirepass", "")))).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> await(api.get("fugong:ratelimit:acl-test:x"))).hasMessageContaining("NOPERM");
        } finally {
            client.close();
        }
        // Its script, on a key outside the counters' prefix.
        RedisBuckets buckets = new RedisBuckets(vertx, url("gateway:" + PASSWORD + "@"));
        try {
            assertThatThrownBy(() -> await(buckets.take("other:key", 1, 2))).hasMessageContaining("NOPERM");
        } finally {
            buckets.close();
        }
    }

    static String url(String credentials) {
        return "redis://" + credentials + "127.0.0.1:" + port;
    }

    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            assertThat(redis.isAlive()).as("redis-server from start.sh is running (see target/redis-acl-test/redis.log)")
                    .isTrue();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                assertThat(Instant.now()).as("redis-server listening in time").isBefore(deadline);
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
