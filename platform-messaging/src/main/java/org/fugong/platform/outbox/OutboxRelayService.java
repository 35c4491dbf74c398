package org.fugong.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.fugong.platform.ServiceConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/** Runs the service's outbox relay from start-up to shutdown. */
@ApplicationScoped
public class OutboxRelayService {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    ServiceConfig service;

    /** Every {@code kafka.*} setting (bootstrap servers, security, ...), as quarkus-kafka-client collects them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private OutboxRelay relay;

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        // The operator's kafka.* settings, with the relay's own (idempotence, ordering, timeouts) on top.
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.putAll(OutboxRelay.producerDefaults(String.valueOf(kafka.get("bootstrap.servers")),
                config.maxBlock(), config.deliveryTimeout()));
        producerConfig.put("client.id", service.name() + "-outbox-relay");
        OutboxRelay.Settings settings = new OutboxRelay.Settings(service.eventSource(),
                OutboxRelay.lockKeyFor(service.name()), config.batchSize(), config.pollInterval(),
                config.standbyInterval(), config.retention(), config.pruneInterval(), config.maxBackoff());
        relay = new OutboxRelay(dataSource, () -> new KafkaProducer<>(producerConfig), settings)
                .start(service.name() + "-outbox-relay");
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.stop();
        }
    }

    /** Whether this replica is the one publishing. */
    public boolean isActive() {
        return relay != null && relay.isActive();
    }

    public long publishedCount() {
        return relay == null ? 0 : relay.publishedCount();
    }
}
