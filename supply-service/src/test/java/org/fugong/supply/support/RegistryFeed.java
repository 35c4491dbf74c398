package org.fugong.supply.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.supply.organisation.Organisation;
import org.fugong.testing.SharedInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plays the registry: publishes its events, built from the published contract examples, on the
 * real broker, and waits until supply's read model shows them.
 */
public final class RegistryFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private RegistryFeed() {
    }

    /** An organisation as the registry would announce it; returns its id once supply knows it. */
    public static UUID organisation(String kind, String county, String status, long version) {
        UUID id = UUID.randomUUID();
        publish(id, kind, county, status, version, "fugong.registry.enterprise.registered", UUID.randomUUID().toString());
        await(() -> {
            Organisation s = read(id);
            return s != null && s.version == version;
        });
        return id;
    }

    /** The read model as it is now: a new transaction, so nothing cached from an earlier look. */
    public static Organisation read(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.<Organisation>findById(id));
    }

    /** Publishes an enterprise event from the contract example with the given state. */
    public static void publish(UUID id, String kind, String county, String status, long version, String type,
            String eventId) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(Contracts.example(type));
            ObjectNode enterprise = (ObjectNode) payload.get("enterprise");
            enterprise.put("id", id.toString()).put("kind", kind).put("region_code", county).put("status", status)
                    .put("version", version).put("name", "测试" + kind);
            if (payload.has("status")) {
                payload.put("status", status);
            }
            Contracts.assertValid(type, payload.toString());
            ProducerRecord<String, String> record = new ProducerRecord<>("registry.enterprises", id.toString(),
                    payload.toString());
            Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/fugong/registry",
                    "ce_time", Instant.now().toString(), "ce_subject", id.toString(), "content-type", "application/json")
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("supply's read model did not catch up within 20 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                    "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                    "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
        }
        return producer;
    }
}
