package org.fugong.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.http.TraceParent;
import org.fugong.platform.http.RequestTrace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Appends events to the {@code outbox_event} table inside the caller's transaction, so an event
 * exists exactly when the change that caused it was committed. The relay publishes them.
 */
@ApplicationScoped
public class OutboxWriter {

    /** The channel the relay listens on; the notification is delivered when the transaction commits. */
    public static final String CHANNEL = "fugong_outbox";

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload, traceparent)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""";

    private static final String INSERT_ONE = """
            WITH aggregate_lock AS (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))),
                 wake_relay AS (SELECT pg_notify('%s', ''))
            INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload, traceparent)
            SELECT ?, ?, ?, ?, ?, ?::jsonb, ? FROM aggregate_lock, wake_relay""".formatted(CHANNEL);

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** One event to append. */
    public record Event(String topic, String aggregateType, String aggregateId, String type, Object payload) {
    }

    /**
     * Records one event.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateType, String aggregateId, String type, Object payload) {
        // The common case in one round trip: the CTEs take the lock and queue the notification first.
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT_ONE)) {
            insert.setString(1, aggregateType + ":" + aggregateId);
            insert.setObject(2, id);
            insert.setString(3, topic);
            insert.setString(4, aggregateType);
            insert.setString(5, aggregateId);
            insert.setString(6, type);
            insert.setString(7, json.writeValueAsString(payload));
            insert.setString(8, currentTraceParent());
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write the " + type + " event to the outbox", e);
        }
        return id;
    }

    /**
     * Records events in one batch. Transaction-scoped advisory locks on their aggregates (taken in
     * a fixed order, so two writers cannot deadlock) make another transaction writing events for
     * the same aggregate wait until this one ends: the {@code seq} order of one aggregate's rows is
     * therefore their commit order, which the relay preserves.
     *
     * @return the event ids ({@code ce_id}), in the order given
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<Event> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        String traceParent = currentTraceParent();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("""
                    SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) AS k ORDER BY k""")) {
                String[] keys = events.stream().map(e -> e.aggregateType() + ":" + e.aggregateId()).distinct()
                        .toArray(String[]::new);
                lock.setArray(1, c.createArrayOf("text", keys));
                lock.execute();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Event e : events) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, e.topic());
                    insert.setString(3, e.aggregateType());
                    insert.setString(4, e.aggregateId());
                    insert.setString(5, e.type());
                    insert.setString(6, json.writeValueAsString(e.payload()));
                    insert.setString(7, traceParent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')")) {
                notify.execute();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write events to the outbox", e);
        }
        return ids;
    }

    private static String currentTraceParent() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            RequestTrace trace = Arc.container().instance(RequestTrace.class).get();
            if (trace != null && trace.traceParent() != null) {
                return trace.traceParent();
            }
        }
        return TraceParent.newTrace();
    }
}
