package org.fugong.logistics.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.fugong.contracts.Contracts;
import org.fugong.logistics.organisation.Organisation;
import org.fugong.logistics.region.Region;
import org.fugong.testing.KafkaEvents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Plays the registry: publishes its events, built from the published contract examples, on the
 * real broker, and waits until logistics' read models show them.
 */
public final class RegistryFeed {

    public static final String REGISTERED = "fugong.registry.enterprise.registered";
    public static final String UPDATED = "fugong.registry.enterprise.updated";
    public static final String STATUS_CHANGED = "fugong.registry.enterprise.status-changed";
    public static final String RISK_LEVEL_CHANGED = "fugong.registry.region.risk-level-changed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private RegistryFeed() {
    }

    /** An ACTIVE ESSENTIAL enterprise, known to logistics once this returns. */
    public static UUID essentialEnterprise(String county) {
        return organisation(county, "ACTIVE", "ESSENTIAL", false);
    }

    public static UUID organisation(String county, String status, String tier, boolean keyEnterprise) {
        UUID id = UUID.randomUUID();
        publishEnterprise(id, county, status, tier, keyEnterprise, 0, REGISTERED, UUID.randomUUID().toString());
        await(() -> read(id) != null);
        return id;
    }

    public static Organisation read(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.<Organisation>findById(id));
    }

    public static Region region(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Region.<Region>findById(code));
    }

    public static void publishEnterprise(UUID id, String county, String status, String tier, boolean keyEnterprise,
            long version, String type, String eventId) {
        ObjectNode payload = example(type);
        ObjectNode enterprise = (ObjectNode) payload.get("enterprise");
        enterprise.put("id", id.toString()).put("region_code", county).put("status", status)
                .put("priority_tier", tier).put("key_enterprise", keyEnterprise).put("version", version)
                .put("name", "测试企业");
        if (payload.has("status")) {
            payload.put("status", status);
        }
        send("registry.enterprises", id.toString(), type, eventId, payload);
    }

    /** A county's risk level as the registry announces it; returns once logistics holds it. */
    public static void riskLevel(String county, String risk, long version) {
        publishRisk(county, risk, version, UUID.randomUUID().toString());
        await(() -> {
            Region r = region(county);
            return r.version == version && risk.equals(r.riskLevel);
        });
    }

    public static void publishRisk(String county, String risk, long version, String eventId) {
        ObjectNode payload = example(RISK_LEVEL_CHANGED);
        ((ObjectNode) payload.get("region")).put("code", county).put("risk_level", risk).put("version", version);
        payload.put("risk_level", risk).put("set_on_code", county);
        send("registry.regions", county, RISK_LEVEL_CHANGED, eventId, payload);
    }

    private static ObjectNode example(String type) {
        try {
            return (ObjectNode) JSON.readTree(Contracts.example(type));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(String topic, String key, String type, String eventId, ObjectNode payload) {
        try {
            Contracts.assertValid(type, payload.toString());
            KafkaEvents.publish(topic, key, eventId, type, "/fugong/registry",
                    payload.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("logistics' read model did not catch up within 20 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

}
