package org.fugong.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fugong.platform.events.CloudEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the fault suite (issue 17): with the broker killed, an event that failed its attempts
 * could not be dead-lettered, and the consumer thread ended for good ("Consumer ... stopped")
 * while its service went on answering: supply never learned of the organisations registered after.
 * The consumer must instead retry the batch until the broker is back. Kafka's own MockConsumer and
 * MockProducer stand in for the broker, so the outage is exact and the test fast.
 */
class ConsumerOutlivesBrokerOutageTest {

    private static final String TOPIC = "platform.test.orders";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LogKeepingConsumer consumer = new LogKeepingConsumer();
    private final MockProducer<String, String> deadLetters = new MockProducer<>(true, null, new StringSerializer(),
            new StringSerializer());
    private final AtomicInteger poisonAttempts = new AtomicInteger();
    private final AtomicInteger databaseAttempts = new AtomicInteger();
    private volatile boolean databaseAway = true;
    private final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();
    private IdempotentConsumer running;

    private final EventHandler handler = new EventHandler() {
        @Override
        public String group() {
            return "platform-test.TestOrders";
        }

        @Override
        public List<String> topics() {
            return List.of(TOPIC);
        }

        @Override
        public void handle(CloudEvent event) throws Exception {
            if (event.data().contains("database away") && databaseAway) {
                databaseAttempts.incrementAndGet();
                throw new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001");
            }
            if (event.data().contains("poison")) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("cannot handle poison");
            }
            handled.add(event.data());
        }
    };

    /** The inbox's contract without its table: each event to the handler (the table is OutboxToInboxTest's). */
    private final Inbox inbox = (group, event, eventHandler) -> {
        eventHandler.handle(event);
        return true;
    };

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
    }

    @Test
    void aRecordThatCannotBeDeadLetteredWhileTheBrokerIsAwayIsRetriedAndTheConsumerGoesOn() {
        deadLetters.sendException = new TimeoutException("Topic platform-test.dlq." + TOPIC + " not present in metadata");
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.append(record(0, "poison"));
        });
        running = new IdempotentConsumer("platform-test", handler.group(), handler, consumer, deadLetters, inbox, 1,
                Duration.ofMillis(10)).start("consumer-under-test");

        // Under the old loop the first failed dead-lettering ended the thread: one attempt, never another.
        await("the poison record is tried again while its dead letter cannot be written", () -> poisonAttempts.get() >= 3);
        assertThat(deadLetters.history()).isEmpty();
        assertThat(committed()).isNull();

        deadLetters.sendException = null; // the broker is back
        await("the poison record is dead-lettered once the broker is back", () -> deadLetters.history().size() == 1);
        consumer.schedulePollTask(() -> consumer.append(record(1, "healthy")));
        await("a later record is handled", () -> handled.contains("{\"note\":\"healthy\"}"));
        await("both offsets are committed", () -> committed() != null && committed().offset() == 2);
        assertThat(deadLetters.history()).hasSize(1);
    }

    /**
     * MockConsumer hands out each added record once; a broker keeps its log, and a consumer that seeks
     * back reads the records again. This one keeps what was appended and serves it again after a seek.
     */
    private static final class LogKeepingConsumer extends MockConsumer<String, String> {

        private final List<ConsumerRecord<String, String>> log = new java.util.ArrayList<>();

        LogKeepingConsumer() {
            super("earliest");
        }

        synchronized void append(ConsumerRecord<String, String> record) {
            log.add(record);
            addRecord(record);
        }

        @Override
        public synchronized void seek(TopicPartition partition, long offset) {
            super.seek(partition, offset);
            log.stream().filter(r -> r.partition() == partition.partition() && r.offset() >= offset).forEach(this::addRecord);
        }
    }

    @Test
    void anEventThatFailsBecauseTheDatabaseIsAwayIsNotDeadLetteredButAppliedWhenTheDatabaseIsBack() {
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.append(record(0, "database away"));
        });
        running = new IdempotentConsumer("platform-test", handler.group(), handler, consumer, deadLetters, inbox, 2,
                Duration.ofMillis(10)).start("consumer-under-test");

        // More than its two attempts: the old consumer dead-lettered it after the second, and it was never applied.
        await("the event is tried past its attempts while the database is away", () -> databaseAttempts.get() >= 5);
        assertThat(deadLetters.history()).isEmpty();
        databaseAway = false;
        await("the event is applied once the database is back", () -> handled.contains("{\"note\":\"database away\"}"));
        await("its offset is committed", () -> committed() != null && committed().offset() == 1);
        assertThat(deadLetters.history()).isEmpty();
    }

    private OffsetAndMetadata committed() {
        return consumer.committed(Set.of(PARTITION)).get(PARTITION);
    }

    private static ConsumerRecord<String, String> record(long offset, String note) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, offset, "order-" + offset,
                "{\"note\":\"" + note + "\"}");
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "fugong.test.order.placed",
                "ce_source", "/fugong/platform-test")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
