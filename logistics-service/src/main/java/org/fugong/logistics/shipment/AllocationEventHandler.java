package org.fugong.logistics.shipment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.logistics.pass.CargoCategory;
import org.fugong.platform.events.CloudEvent;
import org.fugong.platform.inbox.EventHandler;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plans shipments from supply's allocations: CONFIRMED → a PLANNED shipment, CANCELLED → the
 * shipment CANCELLED (unless delivered). Through the platform's idempotent consumer, so an event
 * delivered twice is applied once. Other allocation types are of no concern here.
 *
 * <p>A confirmed allocation from a supply that does not publish the shipping details yet (no
 * {@code origin_region}, {@code destination_region} or {@code item_category}: optional in the
 * contract) plans nothing: a shipment without both ends can get no green pass. It is skipped with a
 * log line naming the allocation (no personal data), and the event counts as handled rather than
 * being retried or dead-lettered — retrying cannot add the fields. Likewise an item category that
 * {@link CargoMapping} does not know.
 */
@ApplicationScoped
public class AllocationEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(AllocationEventHandler.class);

    static final String CONFIRMED = "fugong.supply.allocation.confirmed";
    static final String CANCELLED = "fugong.supply.allocation.cancelled";

    @Inject
    ObjectMapper json;

    @Inject
    ShipmentService shipments;

    /** The name this consumer group has had since it first ran: renaming the class must not change it. */
    @Override
    public String group() {
        return "logistics.AllocationEventHandler";
    }

    @Override
    public List<String> topics() {
        return List.of("supply.allocations");
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        JsonNode allocation = json.readTree(event.data()).get("allocation");
        switch (event.type()) {
            case CONFIRMED -> confirmed(allocation);
            case CANCELLED -> shipments.allocationCancelled(UUID.fromString(allocation.get("id").asText()));
            default -> {
                // proposals, declines and supply's echoes of our own pick-ups and deliveries
            }
        }
    }

    private void confirmed(JsonNode a) {
        String id = a.get("id").asText();
        String origin = text(a, "origin_region");
        String destination = text(a, "destination_region");
        String category = text(a, "item_category");
        if (origin == null || destination == null || category == null) {
            LOG.infof("Allocation %s was confirmed without origin_region, destination_region or item_category "
                    + "(a supply from before they were published): no shipment planned", id);
            return;
        }
        Optional<CargoCategory> cargo = CargoMapping.cargoOf(category);
        if (cargo.isEmpty()) {
            LOG.warnf("Allocation %s has the item category %s, which has no green-channel cargo category: "
                    + "no shipment planned", id, category);
            return;
        }
        String receiver = text(a, "requester_org_id");
        shipments.plan(new Shipment.ConfirmedAllocation(UUID.fromString(id),
                UUID.fromString(a.get("supplier_id").asText()), receiver == null ? null : UUID.fromString(receiver),
                a.get("item_code").asText(), category, a.get("quantity").asLong(), origin, destination), cargo.get());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
