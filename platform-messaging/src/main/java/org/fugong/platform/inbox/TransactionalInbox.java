package org.fugong.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.events.CloudEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The {@link Inbox} on the service's database: {@code processed_event} and the handler share one transaction. */
@ApplicationScoped
public class TransactionalInbox implements Inbox {

    @Inject
    DataSource dataSource;

    @Override
    public boolean handleOnce(String consumerGroup, CloudEvent event, EventHandler handler) throws Exception {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!markProcessed(consumerGroup, event)) {
                    return false;
                }
                handler.handle(event);
                return true;
            });
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private boolean markProcessed(String group, CloudEvent event) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO processed_event (consumer_group, event_id, topic) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")) {
            insert.setString(1, group);
            insert.setString(2, event.id());
            insert.setString(3, event.topic());
            return insert.executeUpdate() == 1;
        }
    }
}
