package org.fugong.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fugong.testing.KafkaEvents.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
    static final String SERVICE = "platform-test";
    static final String DEAD_LETTERS = SERVICE + ".dlq." + TestOrders.TOPIC;

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
        ConsumerRecord<String, String> dead = KafkaEvents.await(DEAD_LETTERS, r -> r.key().equals(poison), WAIT);
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
            assertThat(replay()).isGreaterThanOrEqualTo(1);
            awaitValue(() -> effectsWithPayload(poison), 1);
            // Back through the service's own replay topic, which the handler reads besides the topic.
            assertThat(header(KafkaEvents.await(SERVICE + ".replay." + TestOrders.TOPIC, r -> r.key().equals(poison),
                    WAIT), "ce_id")).isEqualTo(header(dead, "ce_id"));
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
        ConsumerRecord<String, String> dead = KafkaEvents.await(DEAD_LETTERS, r -> r.key().equals(key), WAIT);
        assertThat(header(dead, "fugong_error")).contains("ce_id");
    }

    @Test
    void lettersOnTheOldSharedDeadLetterTopicAreReplayedToTheServiceThatWroteThem() throws Exception {
        String ours = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(legacyLetter(ours, "platform-test.TestOrders")).get();
            producer.send(legacyLetter(theirs, "other-service.TestOrders")).get();
        }
        assertThat(replay()).isGreaterThanOrEqualTo(1);
        awaitValue(() -> effectsWithPayload(ours), 1);
        // The replay returns once the broker has every copy it sent, so the replay topic is complete now.
        assertThat(keysOn(SERVICE + ".replay." + TestOrders.TOPIC)).contains(ours).doesNotContain(theirs);
        assertThat(effectsWithPayload(theirs)).isZero();
    }

    /** Every key on the topic now, read from the beginning to the end offsets. */
    static List<String> keysOn(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "allow.auto.create.topics", "false",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            Instant deadline = Instant.now().plus(WAIT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(Instant.now()).as("read " + topic + " to its end in time").isBefore(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }

    /** A letter as the platform wrote them before dead letters were per service: on {@code <topic>.dlq}. */
    static ProducerRecord<String, String> legacyLetter(String order, String group) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(TestOrders.TOPIC + ConsumerNames.LEGACY_DLQ_SUFFIX,
                order, "{\"order_id\":\"" + order + "\",\"note\":\"legacy\"}");
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", TestOrders.PLACED,
                "ce_source", "/fugong/platform-test", "content-type", "application/json",
                IdempotentConsumer.ERROR_HEADER, "failed before the fix", IdempotentConsumer.CONSUMER_GROUP_HEADER, group)
                .forEach((name, value) -> letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return letter;
    }

    static int replay() {
        return DeadLetterReplay.replay(Map.of("bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers()),
                SERVICE, TestOrders.TOPIC, Duration.ofSeconds(15));
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
