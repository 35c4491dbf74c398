package org.fugong.launcher.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.fugong.launcher.ServiceProcess;

/**
 * A consumer killed in the middle of a batch: between applying records and committing their
 * offsets, the moment at-least-once delivery exists for. Aimed, not left to chance: the service is
 * paused (SIGSTOP) until a backlog has built on the consumer's topics, resumed, and killed with
 * SIGKILL as soon as its inbox ({@code processed_event}, written in each record's transaction)
 * shows it applying the batch — the consumer commits a batch's offsets only after its last record,
 * so what it applied beyond its committed offsets is delivered again after the restart, where the
 * inbox must keep it from having a second effect (the checker counts the effects).
 */
final class ConsumerKillMidBatch implements Scenario {

    /**
     * Records applied after the resume before the kill. Not the first few: the consumer may have been
     * stopped in a batch and finish it first; well inside the next one of up to 500 (max.poll.records).
     */
    private static final int KILL_AFTER_APPLIED = 100;
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(30);

    private final String module;
    private final String group;
    private final Duration backlogFor;

    ConsumerKillMidBatch(String module, String group, Duration backlogFor) {
        this.module = module;
        this.group = group;
        this.backlogFor = backlogFor;
    }

    @Override
    public String name() {
        return "consumer-kill-mid-batch";
    }

    @Override
    public String description() {
        return module + " paused (SIGSTOP) " + backlogFor.toSeconds() + " s for a backlog, resumed, and killed with kill -9 "
                + "while its consumer " + group + " is applying a batch it has not committed; restarted";
    }

    @Override
    public String inject(FaultTarget target) throws Exception {
        ServiceProcess service = target.service(module);
        long pid = service.handle().orElseThrow(() -> new IllegalStateException(module + " is not running")).pid();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.broker().bootstrapServers()));
                Connection db = DriverManager.getConnection(target.jdbcPrefix() + module.replace("-service", ""),
                        "postgres", "")) {
            Signals.send("STOP", List.of(pid));
            try {
                TimeUnit.MILLISECONDS.sleep(backlogFor.toMillis()); // the pause is the scenario: the backlog builds
            } catch (InterruptedException e) {
                Signals.send("CONT", List.of(pid));
                throw e;
            }
            Map<TopicPartition, Long> committedBefore = committed(admin);
            long backlog = backlog(admin, committedBefore);
            long appliedBefore = inbox(db, null);
            Signals.send("CONT", List.of(pid));
            Instant deadline = Instant.now().plus(RESUME_WITHIN);
            while (inbox(db, null) - appliedBefore < KILL_AFTER_APPLIED) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(group + " applied fewer than " + KILL_AFTER_APPLIED + " records within "
                            + RESUME_WITHIN.toSeconds() + " s of being resumed (backlog " + backlog + ")");
                }
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos()); // polling the inbox, as fast as it answers
            }
            ProcessHandle process = service.handle().orElseThrow();
            process.destroyForcibly();
            process.onExit().join();
            // What it applied whose offsets it had not committed: the events past the committed offsets that the inbox holds.
            Map<TopicPartition, Long> committedAtKill = committed(admin);
            List<String> pastCommitted = TopicReader.ceIdsFrom(target.broker().bootstrapServers(), committedAtKill);
            long redelivered = inbox(db, pastCommitted);
            service.start();
            service.awaitReady(target.readyWithin());
            return String.format("backlog of %d records for %s; killed with %d records past its committed offsets, %d of "
                    + "them already applied: those are delivered again after the restart%s", backlog, group,
                    pastCommitted.size(), redelivered, redelivered > 0 ? "" : " — NOT mid-batch: this run did not test redelivery");
        }
    }

    /**
     * Rows of the consumer's inbox, one per event it applied (or skipped as seen), written in that
     * event's transaction; of these events only, when {@code eventIds} is given.
     */
    private long inbox(Connection db, List<String> eventIds) throws SQLException {
        try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM processed_event WHERE consumer_group = ?"
                + (eventIds == null ? "" : " AND event_id = ANY (?)"))) {
            count.setString(1, group);
            if (eventIds != null) {
                count.setArray(2, db.createArrayOf("text", eventIds.toArray()));
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<TopicPartition, Long> committed(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records past the committed offsets, on the partitions the group has committed to. */
    private static long backlog(Admin admin, Map<TopicPartition, Long> committed)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        long backlog = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            backlog += end.getValue().offset() - committed.get(end.getKey());
        }
        return backlog;
    }
}
