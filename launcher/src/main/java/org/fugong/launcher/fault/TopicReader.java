package org.fugong.launcher.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads events' {@code ce_id}s back from Kafka as an integrator would: a plain consumer, no group, nothing committed. */
final class TopicReader {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private TopicReader() {
    }

    /** Every {@code ce_id} on every partition of {@code topics}, from the beginning to the end as it is now; one entry per copy. */
    static List<String> ceIds(String bootstrapServers, List<String> topics) {
        return read(bootstrapServers, consumer -> {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
        });
    }

    /** The {@code ce_id}s of each partition from its offset in {@code from} to its end as it is now. */
    static List<String> ceIdsFrom(String bootstrapServers, Map<TopicPartition, Long> from) {
        return read(bootstrapServers, consumer -> from);
    }

    private static List<String> read(String bootstrapServers,
            Function<KafkaConsumer<byte[], byte[]>, Map<TopicPartition, Long>> startOffsets) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> from = startOffsets.apply(consumer);
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet(), Duration.ofSeconds(10));
            Instant deadline = Instant.now().plus(WITHIN);
            while (from.keySet().stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + from.keySet() + " to their end within " + WITHIN);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }
}
