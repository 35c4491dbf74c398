package org.fugong.logistics.support;

import java.util.UUID;

import org.fugong.contracts.Contracts;
import org.fugong.logistics.shipment.Shipment;
import org.fugong.testing.KafkaEvents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Plays supply: publishes allocation events, built from the published contract examples, on the
 * real broker, and waits until logistics shows what they cause.
 */
public final class SupplyFeed {

    public static final String CONFIRMED = "fugong.supply.allocation.confirmed";
    public static final String CANCELLED = "fugong.supply.allocation.cancelled";
    public static final String PROPOSED = "fugong.supply.allocation.proposed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SupplyFeed() {
    }

    /** A confirmed allocation: what supply publishes when the supplier confirms. */
    public record Allocation(UUID id, UUID supplier, UUID receiver, String origin, String destination, String category,
            long quantity) {

        public static Allocation of(UUID supplier, UUID receiver, String origin, String destination, String category,
                long quantity) {
            return new Allocation(UUID.randomUUID(), supplier, receiver, origin, destination, category, quantity);
        }
    }

    /** Publishes the confirmation and returns the shipment it planned, once logistics holds it. */
    public static Shipment confirmed(Allocation a) {
        publish(CONFIRMED, a, UUID.randomUUID().toString());
        RegistryFeed.await(() -> shipmentOf(a.id()) != null);
        return shipmentOf(a.id());
    }

    public static ObjectNode payload(String type, Allocation a) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(Contracts.example(type));
            ObjectNode allocation = (ObjectNode) payload.get("allocation");
            allocation.put("id", a.id().toString()).put("supplier_id", a.supplier().toString())
                    .put("origin_region", a.origin()).put("destination_region", a.destination())
                    .put("item_category", a.category()).put("quantity", a.quantity())
                    .put("item_code", "MASK_MEDICAL_PROTECTIVE");
            if (a.receiver() == null) {
                allocation.remove("requester_org_id");
            } else {
                allocation.put("requester_org_id", a.receiver().toString());
            }
            return payload;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(String type, Allocation a, String eventId) {
        send(type, a.id().toString(), eventId, payload(type, a));
    }

    /** Sends an allocation event as it is, after checking it against the contract. */
    public static void send(String type, String allocationId, String eventId, ObjectNode payload) {
        Contracts.assertValid(type, payload.toString());
        try {
            KafkaEvents.publish("supply.allocations", allocationId, eventId, type, "/fugong/supply", payload.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Shipment shipmentOf(UUID allocationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Shipment.<Shipment>find("allocationId", allocationId).firstResult());
    }
}
