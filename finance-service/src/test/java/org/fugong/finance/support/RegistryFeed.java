package org.fugong.finance.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.fugong.contracts.Contracts;
import org.fugong.finance.organisation.Organisation;
import org.fugong.platform.standards.Uscc;
import org.fugong.testing.KafkaEvents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Plays the registry: publishes its events, built from the published contract examples, on the
 * real broker, and waits until finance's read model shows them.
 */
public final class RegistryFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seeded: a failing run can be repeated with the same codes. */
    private static final Random CODES = new Random(14);
    private RegistryFeed() {
    }

    /** An organisation as the registry announced it. */
    public record Known(UUID id, String uscc, String kind, String sizeClass, String county) {
    }

    /** An ACTIVE SMALL enterprise in Zhejiang: the typical creditor. */
    public static Known sme() {
        return organisation("ENTERPRISE", "SMALL", "330106", "ACTIVE");
    }

    /** An ACTIVE LARGE enterprise: the typical debtor. */
    public static Known large() {
        return organisation("ENTERPRISE", "LARGE", "110101", "ACTIVE");
    }

    /** An ACTIVE bank: a lender. */
    public static Known lender() {
        return organisation("FINANCIAL_INSTITUTION", "LARGE", "110101", "ACTIVE");
    }

    /** An organisation as the registry would announce it; returns once finance knows it. */
    public static Known organisation(String kind, String sizeClass, String county, String status) {
        return organisation(kind, sizeClass, county, status, Map.of());
    }

    /**
     * An organisation as the registry would announce it, with other fields of the contract example
     * (industry, priority_tier, key_enterprise ...) overridden; returns once finance knows it.
     */
    public static Known organisation(String kind, String sizeClass, String county, String status,
            Map<String, Object> overrides) {
        Known known = new Known(UUID.randomUUID(), newUscc(county), kind, sizeClass, county);
        publish(known, status, 0, overrides, "fugong.registry.enterprise.registered", UUID.randomUUID().toString());
        await(() -> {
            Organisation o = read(known.id());
            return o != null && o.version == 0;
        });
        return known;
    }

    /** A valid unified social credit code registered in the county, unique within this JVM. */
    public static synchronized String newUscc(String county) {
        StringBuilder first17 = new StringBuilder("91").append(county);
        for (int i = 0; i < 9; i++) {
            first17.append(Uscc.ALPHABET.charAt(CODES.nextInt(Uscc.ALPHABET.length())));
        }
        return Uscc.withCheckCharacter(first17.toString());
    }

    /** The read model as it is now: a new transaction, so nothing cached from an earlier look. */
    public static Organisation read(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.<Organisation>findById(id));
    }

    /**
     * Publishes an enterprise event from the contract example with the organisation's state, the
     * given status and version, and any other fields overridden.
     */
    public static void publish(Known o, String status, long version, Map<String, Object> overrides, String type,
            String eventId) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(Contracts.example(type));
            ObjectNode enterprise = (ObjectNode) payload.get("enterprise");
            enterprise.put("id", o.id().toString()).put("kind", o.kind()).put("uscc", o.uscc())
                    .put("region_code", o.county()).put("size_class", o.sizeClass()).put("status", status)
                    .put("version", version).put("name", "测试" + o.kind());
            overrides.forEach((field, value) -> enterprise.set(field, JSON.valueToTree(value)));
            if (payload.has("status")) {
                payload.put("status", status);
            }
            Contracts.assertValid(type, payload.toString());
            KafkaEvents.publish("registry.enterprises", o.id().toString(), eventId, type, "/fugong/registry",
                    payload.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registry changes the organisation: a newer version with the status and fields given; returns once finance has it. */
    public static void change(Known o, long version, String status, Map<String, Object> overrides, String type) {
        publish(o, status, version, overrides, type, UUID.randomUUID().toString());
        await(() -> read(o.id()).version == version);
    }

    public static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("finance's read model did not catch up within 20 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

}
