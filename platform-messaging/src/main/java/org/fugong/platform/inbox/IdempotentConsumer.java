package org.fugong.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.fugong.platform.events.CloudEvent;
import org.fugong.platform.problem.DatabaseUnavailable;
import org.jboss.logging.Logger;

/**
 * Consumes the handler's topics and its service's replay topics of them: each record is handled
 * through the {@link Inbox} (so a redelivered event has no second effect), retried a bounded number
 * of times, and otherwise sent to the service's own {@code <service>.dlq.<topic>} with the error in
 * its headers ({@link ConsumerNames}) — unless the failure is the database being unavailable,
 * which is not the event's fault: then it is tried again until the database answers. Offsets are
 * committed only after the records before them were handled or dead-lettered.
 */
public final class IdempotentConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    public static final String ERROR_HEADER = "fugong_error";
    public static final String ERROR_CLASS_HEADER = "fugong_error_class";
    public static final String ORIGINAL_TOPIC_HEADER = "fugong_original_topic";
    public static final String ORIGINAL_PARTITION_HEADER = "fugong_original_partition";
    public static final String ORIGINAL_OFFSET_HEADER = "fugong_original_offset";
    public static final String CONSUMER_GROUP_HEADER = "fugong_consumer_group";

    private final String service;
    private final String group;
    private final EventHandler handler;
    private final Consumer<String, String> consumer;
    private final Producer<String, String> deadLetters;
    private final Inbox inbox;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    /** The pause after a failed batch grows with each failure in a row, up to this many retry backoffs. */
    private static final int MAX_BACKOFF_STEPS = 10;

    private volatile boolean running = true;
    private Thread thread;

    /** {@code group} must be one of {@code service}'s own ({@link ConsumerNames#requireOwnGroup}). */
    public IdempotentConsumer(String service, String group, EventHandler handler, Consumer<String, String> consumer,
            Producer<String, String> deadLetters, Inbox inbox, int maxAttempts, Duration retryBackoff) {
        ConsumerNames.requireOwnGroup(service, group);
        this.service = service;
        this.group = group;
        this.handler = handler;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBackoff = retryBackoff;
    }

    public IdempotentConsumer start(String threadName) {
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public long handledCount() {
        return handled.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /**
     * Polls, handles and commits until stopped. A batch that cannot be finished, because the broker
     * or the database is away (the dead-letter topic cannot be written, the commit times out), does
     * not end the consumer: it is rewound to its first record not done and tried again after a
     * growing pause, so the events are applied once the fault is over. Records seen again are
     * harmless: the inbox applies an event once. Only {@link #stop()} ends the loop.
     */
    @Override
    public void run() {
        try {
            consumer.subscribe(ConsumerNames.subscription(service, handler.topics()));
            Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
            int failures = 0;
            while (running) {
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, String> record : records) {
                        process(record);
                        uncommitted.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    if (!uncommitted.isEmpty()) {
                        consumer.commitSync(uncommitted);
                        uncommitted.clear();
                    }
                    failures = 0;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failures++;
                    LOG.warnf("Consumer %s of %s could not finish a batch (failure %d in a row), will retry: %s", group,
                            handler.topics(), failures, e.getMessage());
                    rewind(records, uncommitted);
                    LockSupport.parkNanos(retryBackoff.multipliedBy(Math.min(failures, MAX_BACKOFF_STEPS)).toNanos());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Positions each partition of the failed batch that is still ours at its first record not
     * handled; a partition taken away in a rebalance is its new owner's to resume from the
     * committed offset, and what we handled but did not commit is no longer ours to commit.
     */
    private void rewind(ConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> uncommitted) {
        java.util.Set<TopicPartition> assigned = consumer.assignment();
        uncommitted.keySet().retainAll(assigned);
        for (TopicPartition partition : records.partitions()) {
            if (!assigned.contains(partition)) {
                continue;
            }
            OffsetAndMetadata handled = uncommitted.get(partition);
            long first = records.records(partition).get(0).offset();
            consumer.seek(partition, handled != null && handled.offset() > first ? handled.offset() : first);
        }
    }

    private void process(ConsumerRecord<String, String> record) {
        // A replayed letter is the event of the topic it was dead-lettered from, to the handler and the inbox.
        String topic = ConsumerNames.originalTopic(service, record.topic());
        CloudEvent event;
        try {
            event = CloudEvent.from(record).onTopic(topic);
        } catch (RuntimeException notACloudEvent) {
            deadLetter(record, topic, notACloudEvent, 0); // retrying cannot help
            return;
        }
        Exception last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                if (inbox.handleOnce(group, event, handler)) {
                    handled.incrementAndGet();
                }
                return;
            } catch (Exception e) {
                last = e;
                LOG.debugf("Attempt %d of %d at %s/%d@%d failed: %s", attempt, maxAttempts, record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                if (attempt < maxAttempts) {
                    LockSupport.parkNanos(retryBackoff.multipliedBy(attempt).toNanos());
                }
            }
        }
        if (DatabaseUnavailable.causedBy(last)) {
            // Not the event's fault: dead-lettering it would leave it unapplied until someone replays it.
            // The batch is rewound and tried again (run()) until the database answers.
            throw new IllegalStateException("Database unavailable handling " + record.topic() + "/" + record.partition()
                    + "@" + record.offset(), last);
        }
        deadLetter(record, topic, last, maxAttempts);
    }

    private void deadLetter(ConsumerRecord<String, String> record, String topic, Exception error, int attempts) {
        ProducerRecord<String, String> dlq = new ProducerRecord<>(ConsumerNames.deadLetterTopic(service, topic),
                record.key(), record.value());
        record.headers().forEach(h -> dlq.headers().add(h));
        put(dlq, ERROR_HEADER, String.valueOf(error.getMessage()));
        put(dlq, ERROR_CLASS_HEADER, error.getClass().getName());
        // Where this record was read (a replay topic for a replayed letter), consistent with partition and offset.
        put(dlq, ORIGINAL_TOPIC_HEADER, record.topic());
        put(dlq, ORIGINAL_PARTITION_HEADER, String.valueOf(record.partition()));
        put(dlq, ORIGINAL_OFFSET_HEADER, String.valueOf(record.offset()));
        put(dlq, CONSUMER_GROUP_HEADER, group);
        try {
            deadLetters.send(dlq).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (Exception e) {
            // Not committing the offset is the safe choice: the record will be seen again.
            throw new IllegalStateException("Could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        deadLettered.incrementAndGet();
        LOG.warnf("Dead-lettered %s/%d@%d after %d attempts: %s", record.topic(), record.partition(),
                record.offset(), attempts, error.getMessage());
    }

    private static void put(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
