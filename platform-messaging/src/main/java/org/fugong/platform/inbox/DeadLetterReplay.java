package org.fugong.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Sends a service's dead letters back to its handlers, once their cause is fixed: from
 * {@code <service>.dlq.<topic>} to {@code <service>.replay.<topic>}, which the service's consumers of
 * {@code <topic>} also read. Everything stays under the service's own prefix, so a replay needs no
 * right on the producer's topic. The original CloudEvents headers travel unchanged (so consumers
 * still deduplicate by {@code ce_id}); the error headers are dropped. The replay's own consumer
 * group {@code <service>.dlq-replay.<topic>} remembers what was replayed.
 * <p>
 * Letters from before the per-service naming wait on the shared {@code <topic>.dlq}
 * ({@link ConsumerNames#LEGACY_DLQ_SUFFIX}): they are read too, and those one of the service's own
 * groups wrote are replayed with the rest; other services' letters there are left to them.
 */
public final class DeadLetterReplay {

    private static final Set<String> ERROR_HEADERS = Set.of(IdempotentConsumer.ERROR_HEADER,
            IdempotentConsumer.ERROR_CLASS_HEADER, IdempotentConsumer.ORIGINAL_TOPIC_HEADER,
            IdempotentConsumer.ORIGINAL_PARTITION_HEADER, IdempotentConsumer.ORIGINAL_OFFSET_HEADER,
            IdempotentConsumer.CONSUMER_GROUP_HEADER);

    private DeadLetterReplay() {
    }

    /**
     * Replays what is waiting for {@code service}'s consumers of {@code topic} now: records
     * dead-lettered again while the replay runs wait for the next replay, so a letter that still
     * fails cannot circle forever.
     *
     * @param kafka the client settings (bootstrap servers and, on a secured cluster, the service's
     *            security settings: the replay runs as the service)
     * @return how many records were replayed
     */
    public static int replay(Map<String, Object> kafka, String service, String topic, Duration timeout) {
        String legacy = ConsumerNames.legacyDeadLetterTopic(topic);
        String replayTopic = ConsumerNames.replayTopic(service, topic);
        int replayed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(kafka, Map.of(
                "group.id", ConsumerNames.replayGroup(service, topic),
                "enable.auto.commit", "false",
                "auto.offset.reset", "earliest",
                // An absent dead-letter topic means nothing to replay, not a topic to create.
                "allow.auto.create.topics", "false",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer")));
                KafkaProducer<String, String> producer = new KafkaProducer<>(with(kafka, Map.of(
                        "acks", "all",
                        "enable.idempotence", "true",
                        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                        "value.serializer", "org.apache.kafka.common.serialization.StringSerializer")))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String deadLetters : List.of(ConsumerNames.deadLetterTopic(service, topic), legacy)) {
                consumer.partitionsFor(deadLetters, timeout)
                        .forEach(p -> partitions.add(new TopicPartition(deadLetters, p.partition())));
            }
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), timeout);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            Instant deadline = Instant.now().plus(timeout);
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ConsumerRecord<String, String> dead : consumer.poll(Duration.ofMillis(200))) {
                    if (dead.offset() >= end.get(new TopicPartition(dead.topic(), dead.partition()))) {
                        continue; // arrived after the replay began
                    }
                    if (dead.topic().equals(legacy) && !ConsumerNames.isOwnGroup(service, groupOf(dead))) {
                        continue; // another service's letter on the shared topic: its own replay takes it
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(replayTopic, dead.key(), dead.value());
                    for (Header header : dead.headers()) {
                        if (!ERROR_HEADERS.contains(header.key())) {
                            again.headers().add(header);
                        }
                    }
                    sent.add(producer.send(again));
                    replayed++;
                }
                producer.flush();
                awaitAll(sent); // a letter is marked replayed only once the broker has its copy
                Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    positions.put(partition, new OffsetAndMetadata(Math.min(consumer.position(partition), end.get(partition))));
                }
                consumer.commitSync(positions);
            }
        }
        return replayed;
    }

    private static void awaitAll(List<Future<RecordMetadata>> sent) {
        try {
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not replay a dead letter", e.getCause());
        }
    }

    private static String groupOf(ConsumerRecord<String, String> dead) {
        Header group = dead.headers().lastHeader(IdempotentConsumer.CONSUMER_GROUP_HEADER);
        return group == null ? null : new String(group.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> with(Map<String, Object> kafka, Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.putAll(own);
        return settings;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
