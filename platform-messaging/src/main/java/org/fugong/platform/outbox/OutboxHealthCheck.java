package org.fugong.platform.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Readiness data on the outbox: rows waiting and the age of the oldest. A backlog does not make
 * the service unready (requests still succeed while Kafka is down), but it is shown here and as
 * the {@code fugong_outbox_backlog} metric so operators see it.
 */
@Readiness
@ApplicationScoped
@Startup
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelayService relay;

    @Inject
    MeterRegistry metrics;

    @jakarta.annotation.PostConstruct
    void registerMetrics() {
        Gauge.builder("fugong.outbox.backlog", this, h -> h.backlog()[0]).description("Outbox rows not yet published")
                .register(metrics);
        Gauge.builder("fugong.outbox.published", relay, OutboxRelayService::publishedCount)
                .description("Events published by this replica's relay").register(metrics);
    }

    @Override
    public HealthCheckResponse call() {
        long[] backlog = backlog();
        return HealthCheckResponse.named("outbox").up()
                .withData("relay_active", relay.isActive())
                .withData("backlog", backlog[0])
                .withData("oldest_unpublished_seconds", backlog[1])
                .build();
    }

    private long[] backlog() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::bigint
                        FROM outbox_event WHERE published_at IS NULL""")) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2) };
        } catch (SQLException e) {
            return new long[] { -1, -1 };
        }
    }
}
