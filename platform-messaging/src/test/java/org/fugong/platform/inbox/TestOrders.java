package org.fugong.platform.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.events.CloudEvent;
import org.fugong.platform.outbox.OutboxWriter;

import io.agroal.api.AgroalDataSource;

/** A test producer and consumer of "orders": the outbox on one side, an idempotent handler on the other. */
@ApplicationScoped
public class TestOrders implements EventHandler {

    public static final String TOPIC = "platform.test.orders";
    public static final String PLACED = "fugong.test.order.placed";

    /** While true, "poison" orders fail every attempt; set false to model the fix before a replay. */
    public static volatile boolean poisonFails = true;

    @Inject
    OutboxWriter outbox;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public void place(String orderId, String note) {
        outbox.append(TOPIC, "order", orderId, PLACED, Map.of("order_id", orderId, "note", note));
    }

    /** Writes the event, then fails: the transaction must take the event with it. */
    @Transactional
    public void placeAndFail(String orderId) {
        outbox.append(TOPIC, "order", orderId, PLACED, Map.of("order_id", orderId, "note", "never"));
        throw new IllegalStateException("business rule failed after the outbox write");
    }

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
        if (poisonFails && event.data().contains("poison")) {
            throw new IllegalStateException("cannot handle poison " + UUID.randomUUID());
        }
        try (var c = dataSource.getConnection();
                var insert = c.prepareStatement("INSERT INTO test_effect (event_id, payload) VALUES (?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.data());
            insert.executeUpdate();
        }
    }
}
