package org.fugong.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Sends dead letters back to the topic they came from, once their cause is fixed. The original
 * CloudEvents headers travel unchanged (so consumers still deduplicate by {@code ce_id}); the
 * error headers are dropped. The replay's own consumer group remembers what was replayed.
 */
public final class DeadLetterReplay {

    private static final Set<String> ERROR_HEADERS = Set.of(IdempotentConsumer.ERROR_HEADER,
            IdempotentConsumer.ERROR_CLASS_HEADER, IdempotentConsumer.ORIGINAL_TOPIC_HEADER,
            IdempotentConsumer.ORIGINAL_PARTITION_HEADER, IdempotentConsumer.ORIGINAL_OFFSET_HEADER,
            IdempotentConsumer.CONSUMER_GROUP_HEADER);

    private DeadLetterReplay() {
    }

    /**
     * Replays what is waiting on {@code topic + ".dlq"} now: records dead-lettered again while the
     * replay runs wait for the next replay, so a letter that still fails cannot circle forever.
     *
     * @return how many records were replayed
     */
    public static int replay(String bootstrapServers, String topic, Duration timeout) {
        String deadLetters = topic + IdempotentConsumer.DLQ_SUFFIX;
        int replayed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "fugong-dlq-replay." + topic,
                "enable.auto.commit", "false",
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", bootstrapServers,
                        "acks", "all",
                        "enable.idempotence", "true",
                        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                        "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, timeout).stream()
                    .map(p -> new TopicPartition(deadLetters, p.partition())).toList();
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
                for (ConsumerRecord<String, String> dead : consumer.poll(Duration.ofMillis(200))) {
                    if (dead.offset() >= end.get(new TopicPartition(dead.topic(), dead.partition()))) {
                        continue; // arrived after the replay began
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(topic, dead.key(), dead.value());
                    for (Header header : dead.headers()) {
                        if (!ERROR_HEADERS.contains(header.key())) {
                            again.headers().add(header);
                        }
                    }
                    producer.send(again);
                    replayed++;
                }
                producer.flush();
                Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    positions.put(partition, new OffsetAndMetadata(Math.min(consumer.position(partition), end.get(partition))));
                }
                consumer.commitSync(positions);
            }
        }
        return replayed;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
