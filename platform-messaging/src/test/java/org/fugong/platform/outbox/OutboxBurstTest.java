package org.fugong.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fugong.platform.PlatformTest;
import org.fugong.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The application's relay under a burst like the benchmark's pgbench phase: many concurrent
 * writers commit thousands of outbox rows to a topic that does not exist yet, without waking the
 * relay. Every event must arrive exactly once, in commit order per aggregate, soon after.
 */
@QuarkusTest
@PlatformTest
class OutboxBurstTest {

    static final int EVENTS = Integer.getInteger("burst.events", 5_000);
    static final int AGGREGATES = 100;
    static final int WRITERS = Integer.getInteger("burst.writers", 8);
    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBurstOfThousandsOfEventsArrivesOnceAndInOrderPerAggregate() throws Exception {
        String topic = "burst." + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            writeBurst(topic);
            Instant deadline = Instant.now().plus(DEADLINE);

            Set<String> ids = new HashSet<>();
            Map<String, List<Integer>> stepsByAggregate = new HashMap<>();
            long records = 0;
            while (ids.size() < EVENTS && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    stepsByAggregate.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(step(record.value()));
                }
            }
            assertThat(ids).as("distinct events arrived within " + DEADLINE).hasSize(EVENTS);
            awaitAllMarkedPublished(topic, deadline);
            // Every send has been acknowledged now, so the topic's end offsets are final: a duplicate would show.
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            long onTopic = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            assertThat(onTopic).as("records on the topic").isEqualTo(EVENTS);
            assertThat(records).as("records consumed").isEqualTo(EVENTS);
            assertThat(stepsByAggregate).hasSize(AGGREGATES);
            stepsByAggregate.forEach((aggregate, steps) -> {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < EVENTS / AGGREGATES; i++) {
                    expected.add(i);
                }
                assertThat(steps).as("steps of " + aggregate + " in arrival order").isEqualTo(expected);
            });
        }
    }

    /**
     * Each writer owns some aggregates and commits their events one transaction at a time, so one
     * aggregate's events are committed, and numbered by {@code seq}, in step order.
     */
    void writeBurst(String topic) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload)
                            VALUES (?, ?, 'burst', ?, 'fugong.test.burst', ?::jsonb)""")) {
                        c.setAutoCommit(true);
                        for (int step = 0; step < EVENTS / AGGREGATES; step++) {
                            for (int a = writer; a < AGGREGATES; a += WRITERS) {
                                insert.setObject(1, UUID.randomUUID());
                                insert.setString(2, topic);
                                insert.setString(3, "aggregate-" + a);
                                insert.setString(4, "{\"step\": " + step + "}");
                                insert.executeUpdate();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    void awaitAllMarkedPublished(String topic, Instant deadline) throws SQLException {
        while (unpublished(topic) > 0) {
            assertThat(Instant.now()).as("all rows marked published in time").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    long unpublished(String topic) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static int step(String payload) {
        return Integer.parseInt(payload.replaceAll("[^0-9]", ""));
    }

    static Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "burst-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500", // the topic appears while the test subscribes
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return p;
    }
}
