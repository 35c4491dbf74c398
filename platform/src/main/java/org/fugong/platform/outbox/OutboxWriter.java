package org.fugong.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.events.TraceParent;
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

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Records one event. The transaction-scoped advisory lock on the aggregate makes a second
     * transaction writing events for the same aggregate wait until this one ends, so the
     * {@code seq} order of one aggregate's rows is their commit order.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateType, String aggregateId, String type, Object payload) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0)), pg_notify('" + CHANNEL + "', '')")) {
                lock.setString(1, aggregateType + ":" + aggregateId);
                lock.execute();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setObject(1, id);
                insert.setString(2, topic);
                insert.setString(3, aggregateType);
                insert.setString(4, aggregateId);
                insert.setString(5, type);
                insert.setString(6, json.writeValueAsString(payload));
                insert.setString(7, currentTraceParent());
                insert.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write the " + type + " event to the outbox", e);
        }
        return id;
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
