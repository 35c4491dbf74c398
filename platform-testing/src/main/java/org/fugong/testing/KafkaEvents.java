package org.fugong.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning until the wanted records have arrived or a deadline passes.
 * Each call uses a fresh consumer group, so it sees everything ever published on the topic.
 */
public final class KafkaEvents {

    private static KafkaProducer<String, String> producer;

    private KafkaEvents() {
    }

    /**
     * Publishes an event as another service's relay would: a binary-mode CloudEvent (the
     * {@code ce_*} headers and {@code content-type}) keyed by its subject, and waits until the
     * broker has it. For tests that feed a consumer what a producer it does not run would send.
     */
    public static void publish(String topic, String subject, String eventId, String type, String source,
            String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, payload);
        Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", source,
                "ce_time", Instant.now().toString(), "ce_subject", subject, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + type + " to " + topic, e.getCause());
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                    "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                    "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
        }
        return producer;
    }

    /** The first record matching the predicate; fails when none arrives within the timeout. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> wanted,
            Duration timeout) {
        return awaitAll(topic, wanted, 1, timeout).get(0);
    }

    /** The first {@code count} records matching the predicate, in topic order within a partition. */
    public static List<ConsumerRecord<String, String>> awaitAll(String topic,
            Predicate<ConsumerRecord<String, String>> wanted, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record) && found.size() < count) {
                        found.add(record);
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " matching records on " + topic + " within " + timeout
                    + " but got " + found.size());
        }
        return found;
    }

    /** Matches records by their Kafka key and {@code ce_type} header. */
    public static Predicate<ConsumerRecord<String, String>> keyAndType(String key, String type) {
        return r -> key.equals(r.key()) && type.equals(header(r, "ce_type"));
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-capture-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return p;
    }
}
