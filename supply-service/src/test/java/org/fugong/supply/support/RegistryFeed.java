package org.fugong.supply.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.fugong.contracts.Contracts;
import org.fugong.supply.organisation.Organisation;
import org.fugong.testing.KafkaEvents;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plays the registry: publishes its events, built from the published contract examples, on the
 * real broker, and waits until supply's read model shows them.
 */
public final class RegistryFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
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
            KafkaEvents.publish("registry.enterprises", id.toString(), eventId, type, "/fugong/registry",
                    payload.toString());
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

}
