package org.fugong.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.fugong.platform.events.CloudEventHeaders;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka in {@code seq} order and marks them published.
 * <p>
 * One relay per service is active at a time: it holds a session-level PostgreSQL advisory lock on
 * a dedicated connection, so a second replica waits in standby and takes over when the first one's
 * connection ends. The active relay LISTENs for the notification each outbox insert sends at
 * commit, so it wakes within milliseconds; it also looks every {@code pollInterval} in case a
 * notification was missed. When Kafka is unavailable rows stay unpublished and the relay backs
 * off; the business transactions that wrote them are not affected.
 */
public final class OutboxRelay implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final String SELECT_BATCH = """
            SELECT seq, id, topic, aggregate_id, type, payload::text, traceparent, occurred_at
            FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?""";

    /** Settings of one relay; {@code source} is the CloudEvents source of every event. */
    public record Settings(String source, long lockKey, int batchSize, Duration pollInterval,
            Duration standbyInterval, Duration retention, Duration pruneInterval, Duration maxBackoff) {
    }

    private final DataSource dataSource;
    private final Supplier<Producer<String, String>> producers;
    private final Settings settings;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean active;
    private volatile Thread thread;
    private Producer<String, String> producer;
    private Instant nextPrune = Instant.EPOCH;

    public OutboxRelay(DataSource dataSource, Supplier<Producer<String, String>> producers, Settings settings) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.settings = settings;
    }

    /** Starts the relay on its own daemon thread. */
    public OutboxRelay start(String threadName) {
        Thread t = new Thread(this, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /**
     * Stops the relay and waits for its thread, releasing the lock for a standby replica. A batch
     * in flight is given time to finish, so its rows are marked and not sent twice.
     */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(settings.pollInterval().multipliedBy(2).plusSeconds(5).toMillis());
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(Duration.ofSeconds(5).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this relay currently holds the lock and publishes. */
    public boolean isActive() {
        return active;
    }

    /** Events this relay has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    @Override
    public void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (!tryLock(connection)) {
                    waitFor(pg, settings.standbyInterval());
                    continue;
                }
                active = true;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + OutboxWriter.CHANNEL);
                }
                publishWhileActive(connection, pg);
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Outbox relay lost its database connection (%s); retrying", e.getMessage());
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("Outbox relay failed; restarting it", e);
                }
            } finally {
                active = false;
            }
            if (running) {
                pause(settings.pollInterval());
            }
        }
        closeProducer();
    }

    private void publishWhileActive(Connection connection, PGConnection pg) throws SQLException {
        Duration backoff = Duration.ZERO;
        while (running) {
            pruneWhenDue(connection);
            int sent;
            try {
                sent = publishBatch(connection);
                backoff = Duration.ZERO;
            } catch (KafkaUnavailable e) {
                backoff = nextBackoff(backoff);
                LOG.warnf("Kafka is unavailable (%s); outbox rows wait, next try in %s", e.getMessage(), backoff);
                closeProducer();
                waitFor(pg, backoff);
                continue;
            }
            if (sent < settings.batchSize()) {
                waitFor(pg, settings.pollInterval());
            }
        }
    }

    /**
     * Sends one batch and marks the longest prefix that Kafka acknowledged. A failed send leaves
     * it and everything after it unpublished, to be sent again in the same order.
     */
    int publishBatch(Connection connection) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Producer<String, String> kafka = producer();
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Future<RecordMetadata> ack = kafka.send(record(rs));
                    seqs.add(rs.getLong(1));
                    acks.add(ack);
                    if (failedAlready(ack)) {
                        break; // Kafka is unreachable: sending the rest would only wait out max.block.ms again
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailable(e);
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        kafka.flush();
        int acknowledged = 0;
        RuntimeException failure = null;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
                acknowledged++;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = new KafkaUnavailable(e);
                break;
            }
        }
        markPublished(connection, seqs.subList(0, acknowledged));
        published.addAndGet(acknowledged);
        if (failure != null) {
            throw failure;
        }
        return acknowledged;
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private ProducerRecord<String, String> record(ResultSet rs) throws SQLException {
        String aggregateId = rs.getString("aggregate_id");
        ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString("topic"), aggregateId,
                rs.getString("payload"));
        OffsetDateTime occurred = rs.getObject("occurred_at", OffsetDateTime.class);
        var headers = record.headers();
        CloudEventHeaders.write(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        CloudEventHeaders.write(headers, CloudEventHeaders.ID, rs.getString("id"));
        CloudEventHeaders.write(headers, CloudEventHeaders.TYPE, rs.getString("type"));
        CloudEventHeaders.write(headers, CloudEventHeaders.SOURCE, settings.source());
        CloudEventHeaders.write(headers, CloudEventHeaders.TIME,
                RFC3339.format(occurred.withOffsetSameInstant(ZoneOffset.UTC)));
        CloudEventHeaders.write(headers, CloudEventHeaders.SUBJECT, aggregateId);
        CloudEventHeaders.write(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        CloudEventHeaders.write(headers, CloudEventHeaders.TRACEPARENT, rs.getString("traceparent"));
        return record;
    }

    private static void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = clock_timestamp() WHERE seq = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", seqs.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void pruneWhenDue(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(settings.pruneInterval());
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM outbox_event WHERE published_at < now() - ?::interval")) {
            delete.setString(1, settings.retention().toSeconds() + " seconds");
            int pruned = delete.executeUpdate();
            if (pruned > 0) {
                LOG.infof("Pruned %d published outbox rows older than %s", pruned, settings.retention());
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, settings.lockKey());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Waits until a notification arrives or the timeout passes; the connection stays usable. */
    private void waitFor(PGConnection pg, Duration timeout) throws SQLException {
        if (running && !timeout.isZero()) {
            pg.getNotifications((int) Math.max(1, timeout.toMillis()));
        }
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos()); // stop() interrupts, which ends the park early
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(200) : previous.multipliedBy(2);
        return next.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : next;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the Kafka producer failed", e);
            }
            producer = null;
        }
    }

    /**
     * Producer settings the relay relies on: idempotence, all replicas acknowledging, and one
     * request in flight per broker.
     * <p>
     * One in flight, because a broker that holds no state yet for this producer on a partition (a
     * topic just created, as by the first event of a new type) accepts a batch with <em>any</em>
     * sequence number. With several requests in flight, a first batch (sequence 0) that is turned
     * away while the new partition's leader is still starting can be overtaken by a later batch
     * that is accepted; every retry of sequence 0 is then an {@code OutOfOrderSequenceException}
     * until the delivery timeout fails it, the relay resends from that row with a new producer,
     * and the partition stands still meanwhile: events arrive seconds late, and duplicated and out
     * of order for their aggregate. With one request in flight a batch is sent only after the one
     * before it on its partition was acknowledged. The relay waits for each batch anyway, so the
     * cost is small; a batch large enough for a whole relay round ({@code batch.size}) keeps it
     * to about one request per partition.
     * <p>
     * A request may time out and be retried by the producer itself twice before the delivery
     * timeout gives up on it, rather than a single slow answer failing the batch.
     */
    public static Map<String, Object> producerDefaults(String bootstrapServers, Duration maxBlock,
            Duration deliveryTimeout) {
        long linger = 1;
        long requestTimeout = Math.max(1, Math.min((deliveryTimeout.toMillis() - linger) / 3, 30_000));
        return Map.ofEntries(
                Map.entry("bootstrap.servers", bootstrapServers),
                Map.entry("acks", "all"),
                Map.entry("enable.idempotence", "true"),
                Map.entry("max.in.flight.requests.per.connection", "1"),
                Map.entry("batch.size", String.valueOf(128 * 1024)),
                Map.entry("linger.ms", String.valueOf(linger)),
                Map.entry("max.block.ms", String.valueOf(maxBlock.toMillis())),
                Map.entry("request.timeout.ms", String.valueOf(requestTimeout)),
                Map.entry("delivery.timeout.ms", String.valueOf(deliveryTimeout.toMillis())),
                Map.entry("key.serializer", "org.apache.kafka.common.serialization.StringSerializer"),
                Map.entry("value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
    }

    /** A stable lock key for a service name. */
    public static long lockKeyFor(String serviceName) {
        long h = 1125899906842597L;
        for (byte b : ("fugong-outbox-relay:" + serviceName).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }

    private static final class KafkaUnavailable extends RuntimeException {
        KafkaUnavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
