package org.fugong.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.fugong.platform.PlatformTest;
import org.fugong.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Relays of one service elect one active publisher through PostgreSQL, and prune what they published. */
@QuarkusTest
@PlatformTest
class OutboxRelayTest {

    @Inject
    AgroalDataSource dataSource;

    OutboxRelay relay(String service, Duration retention) {
        Map<String, Object> config = OutboxRelay.producerDefaults(SharedInfrastructure.kafkaBootstrapServers(),
                Duration.ofSeconds(2), Duration.ofSeconds(6));
        return new OutboxRelay(dataSource, () -> new KafkaProducer<>(config),
                new OutboxRelay.Settings("/fugong/" + service, OutboxRelay.lockKeyFor(service), 100,
                        Duration.ofMillis(100), Duration.ofMillis(100), retention, Duration.ofMillis(100),
                        Duration.ofSeconds(1)));
    }

    @Test
    void onlyOneReplicaPublishesAndAStandbyTakesOverWhenItStops() {
        String service = "election-" + UUID.randomUUID();
        OutboxRelay first = relay(service, Duration.ofDays(7)).start("first");
        OutboxRelay second = null;
        try {
            await(first::isActive, "the first relay becomes active");
            second = relay(service, Duration.ofDays(7)).start("second");
            // The standby looks for the lock every 100 ms; over a second it must never get it.
            Instant until = Instant.now().plusSeconds(1);
            while (Instant.now().isBefore(until)) {
                assertThat(second.isActive()).as("standby stays passive").isFalse();
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            first.stop();
            OutboxRelay standby = second;
            await(standby::isActive, "the standby takes over");
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    void publishedRowsOlderThanTheRetentionArePruned() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        execute("INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload, published_at) VALUES "
                + "('" + old + "', 'prune.test', 't', 'a', 'x', '{}', now() - interval '2 days'), "
                + "('" + recent + "', 'prune.test', 't', 'a', 'x', '{}', now() - interval '1 minute')");
        OutboxRelay relay = relay("prune-" + UUID.randomUUID(), Duration.ofDays(1)).start("pruner");
        try {
            await(() -> exists(old) == 0, "the old published row is pruned");
            assertThat(exists(recent)).isEqualTo(1);
        } finally {
            relay.stop();
        }
    }

    long exists(UUID id) {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
