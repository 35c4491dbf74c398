package org.fugong.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fugong.testing.KafkaEvents.header;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fugong.platform.PlatformTest;
import org.fugong.platform.http.TraceParent;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox, the relay and the idempotent consumer together, on a real PostgreSQL and Kafka. */
@QuarkusTest
@PlatformTest
class OutboxToInboxTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestOrders orders;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventIsPublishedWithCloudEventsHeadersAndHandledOnce() throws Exception {
        String order = UUID.randomUUID().toString();
        orders.place(order, "first");
        ConsumerRecord<String, String> record = KafkaEvents.await(TestOrders.TOPIC,
                KafkaEvents.keyAndType(order, TestOrders.PLACED), WAIT);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_source")).isEqualTo("/fugong/platform-test");
        assertThat(header(record, "ce_subject")).isEqualTo(order);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(TraceParent.isValid(header(record, "traceparent"))).isTrue();
        String eventId = header(record, "ce_id");
        awaitValue(() -> effects(eventId), 1);

        // The broker delivers it again (a producer retry, a replay): no second effect.
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> again = new ProducerRecord<>(TestOrders.TOPIC, record.key(), record.value());
            record.headers().forEach(h -> again.headers().add(h));
            producer.send(again).get();
        }
        String marker = UUID.randomUUID().toString();
        orders.place(marker, "after the duplicate");
        awaitValue(() -> effectsWithPayload(marker), 1);
        assertThat(effects(eventId)).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() throws Exception {
        String order = UUID.randomUUID().toString();
        assertThatThrownBy(() -> orders.placeAndFail(order)).isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + order + "'")).isZero();
    }

    @Test
    void eventsOfOneAggregateArriveInCommitOrder() throws Exception {
        String order = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            orders.place(order, "step-" + i);
        }
        var records = KafkaEvents.awaitAll(TestOrders.TOPIC, r -> r.key().equals(order), 20, WAIT);
        for (int i = 0; i < 20; i++) {
            assertThat(records.get(i).value()).contains("\"step-" + i + "\"");
        }
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndTheConsumerMovesOn() throws Exception {
        String poison = UUID.randomUUID().toString();
        orders.place(poison, "poison");
        ConsumerRecord<String, String> dead = KafkaEvents.await(TestOrders.TOPIC + ".dlq", r -> r.key().equals(poison),
                WAIT);
        assertThat(header(dead, "fugong_error")).startsWith("cannot handle poison");
        assertThat(header(dead, "fugong_error_class")).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, "fugong_original_topic")).isEqualTo(TestOrders.TOPIC);
        assertThat(header(dead, "fugong_consumer_group")).isEqualTo("platform-test.TestOrders");
        assertThat(header(dead, "ce_type")).isEqualTo(TestOrders.PLACED);
        String next = UUID.randomUUID().toString();
        orders.place(next, "healthy");
        awaitValue(() -> effectsWithPayload(next), 1);
        assertThat(effectsWithPayload(poison)).isZero();

        // The cause is fixed; replaying the dead letters handles it, once.
        TestOrders.poisonFails = false;
        try {
            assertThat(DeadLetterReplay.replay(SharedInfrastructure.kafkaBootstrapServers(), TestOrders.TOPIC,
                    Duration.ofSeconds(15))).isGreaterThanOrEqualTo(1);
            awaitValue(() -> effectsWithPayload(poison), 1);
        } finally {
            TestOrders.poisonFails = true;
        }
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsDeadLetteredAtOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TestOrders.TOPIC, key, "{\"order_id\":\"" + key + "\"}")).get();
        }
        ConsumerRecord<String, String> dead = KafkaEvents.await(TestOrders.TOPIC + ".dlq", r -> r.key().equals(key), WAIT);
        assertThat(header(dead, "fugong_error")).contains("ce_id");
    }

    long effects(String eventId) throws Exception {
        return count("SELECT count(*) FROM test_effect WHERE event_id = '" + eventId + "'");
    }

    long effectsWithPayload(String marker) throws Exception {
        return count("SELECT count(*) FROM test_effect WHERE payload LIKE '%" + marker + "%'");
    }

    long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void awaitValue(Callable supplier, long expected) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        long value = supplier.call();
        while (value != expected && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            value = supplier.call();
        }
        assertThat(value).isEqualTo(expected);
    }

    interface Callable {
        long call() throws Exception;
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
    }
}
