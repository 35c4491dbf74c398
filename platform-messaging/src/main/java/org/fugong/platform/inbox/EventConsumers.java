package org.fugong.platform.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.fugong.platform.ServiceConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/** Starts an {@link IdempotentConsumer} for every {@link EventHandler} bean of the service. */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    Inbox inbox;

    @Inject
    ConsumerConfig config;

    @Inject
    ServiceConfig service;

    /** Every {@code kafka.*} setting (bootstrap servers, security, ...), as quarkus-kafka-client collects them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private final List<IdempotentConsumer> running = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        // Every group checked before any consumer runs: a wrong one stops the start-up, not a thread later.
        for (EventHandler handler : handlers) {
            ConsumerNames.requireOwnGroup(service.name(), handler.group());
        }
        for (EventHandler handler : handlers) {
            String group = handler.group();
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(withKafkaSettings(Map.of(
                    "group.id", group,
                    "client.id", group,
                    "enable.auto.commit", "false",
                    "auto.offset.reset", "earliest",
                    "isolation.level", "read_committed",
                    // Topics are made by their producers (each may create only its own): a consumer asking
                    // the broker to create another service's topic would be refused, and its poll fail.
                    "allow.auto.create.topics", "false",
                    // Topics created after start-up (a producer's first event) are picked up within seconds.
                    "metadata.max.age.ms", "3000",
                    "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer")));
            KafkaProducer<String, String> deadLetters = new KafkaProducer<>(withKafkaSettings(Map.of(
                    "acks", "all",
                    "enable.idempotence", "true",
                    "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                    "value.serializer", "org.apache.kafka.common.serialization.StringSerializer")));
            running.add(new IdempotentConsumer(service.name(), group, handler, consumer, deadLetters, inbox,
                    config.maxAttempts(), config.retryBackoff()).start(group));
        }
    }

    /** The operator's kafka.* settings with the consumer's own on top. */
    private Map<String, Object> withKafkaSettings(Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.putAll(own);
        return settings;
    }

    void onStop(@Observes ShutdownEvent event) {
        running.forEach(IdempotentConsumer::stop);
        running.clear();
    }

    /** The running consumers, for health checks and tests. */
    public List<IdempotentConsumer> consumers() {
        return List.copyOf(running);
    }
}
