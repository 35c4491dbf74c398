package org.fugong.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.fugong.devstack.EmbeddedKafka;

/**
 * A consumer on the ends of some topics, in a thread of its own, handing every record to a handler
 * the moment it arrives: how the event benchmarks see what a downstream consumer sees, and when.
 * It holds its partitions before {@link #open} returns, so nothing sent afterwards is missed.
 */
final class TopicTap implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private TopicTap(Thread thread) {
        this.thread = thread;
    }

    /** Starts consuming {@code topics} from their current ends; {@code handler} runs on the tap's thread. */
    static TopicTap open(EmbeddedKafka kafka, List<String> topics, Consumer<ConsumerRecord<String, String>> handler)
            throws InterruptedException {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "bench-tap",
                "enable.auto.commit", "false",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));
        createMissing(kafka, topics);
        CountDownLatch assigned = new CountDownLatch(1);
        TopicTap[] tap = new TopicTap[1];
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream())
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (tap[0] == null || tap[0].running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        handler.accept(record);
                    }
                }
            }
        }, "bench-tap");
        tap[0] = new TopicTap(thread);
        thread.start();
        assigned.await();
        return tap[0];
    }

    /**
     * Topics are created when a service first publishes to one; one that does not exist yet would
     * have no partitions to hold. It is created here, with the broker's defaults, as that first
     * publication would have created it.
     */
    private static void createMissing(EmbeddedKafka kafka, List<String> topics) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topics, e.getCause());
            }
            // a service published first, meanwhile: the topic is there, as wanted
        }
    }

    /** Waits up to {@code timeout} for {@code done} to hold (polled every 100 ms). */
    void awaitUntil(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            thread.join(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
