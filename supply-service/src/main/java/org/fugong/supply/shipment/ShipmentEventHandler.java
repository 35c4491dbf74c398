package org.fugong.supply.shipment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.events.CloudEvent;
import org.fugong.platform.inbox.EventHandler;
import org.fugong.supply.allocation.AllocationService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Moves allocations along as logistics ships them: picked up → IN_TRANSIT, delivered → DELIVERED. */
@ApplicationScoped
public class ShipmentEventHandler implements EventHandler {

    public static final String PICKED_UP = "fugong.logistics.shipment.picked-up";
    public static final String DELIVERED = "fugong.logistics.shipment.delivered";

    @Inject
    ObjectMapper json;

    @Inject
    AllocationService allocations;

    /** The name this consumer group has had since it first ran: renaming the class must not change it. */
    @Override
    public String group() {
        return "supply.ShipmentEventHandler";
    }

    @Override
    public List<String> topics() {
        return List.of("logistics.shipments");
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        JsonNode shipment = json.readTree(event.data()).get("shipment");
        UUID allocation = UUID.fromString(shipment.get("allocation_id").asText());
        switch (event.type()) {
            case PICKED_UP -> allocations.shipped(allocation);
            case DELIVERED -> allocations.delivered(allocation,
                    shipment.hasNonNull("received_quantity") ? shipment.get("received_quantity").asLong()
                            : shipment.get("quantity").asLong());
            default -> {
                // other shipment events are of no concern to supply
            }
        }
    }
}
