package org.fugong.logistics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fugong.logistics.checkpoint.CheckpointResource;
import org.fugong.logistics.checkpoint.ScanResource;
import org.fugong.logistics.pass.PassResource;
import org.fugong.logistics.worker.CharterTripResource;
import org.fugong.logistics.worker.WorkerRequestResource;
import org.fugong.logistics.shipment.ShipmentResource;
import org.fugong.testing.EndpointRoles;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, read from the resources' annotations the way Quarkus reads them (the method's
 * own annotation, else its class's). With deny-unannotated-endpoints on, a method with neither is
 * closed; this pins every endpoint's roles.
 */
class EndpointRolesTest {

    static final Set<String> PUBLIC = Set.of("*");

    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("POST /api/v1/green-passes", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/green-passes", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/green-passes/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/green-passes/{id}/qr.png", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("PUT /api/v1/green-passes/{id}/decision", Set.of("ADMIN", "AUTHORITY")),
            Map.entry("PUT /api/v1/green-passes/{id}/revocation", Set.of("ADMIN", "AUTHORITY")),
            Map.entry("GET /api/v1/green-passes/revocations", PUBLIC),
            Map.entry("GET /api/v1/green-passes/keys", PUBLIC),
            Map.entry("POST /api/v1/checkpoints", Set.of("AUTHORITY")),
            Map.entry("GET /api/v1/checkpoints", Set.of("ADMIN", "AUTHORITY", "CHECKPOINT")),
            Map.entry("GET /api/v1/checkpoints/{id}", Set.of("ADMIN", "AUTHORITY", "CHECKPOINT")),
            Map.entry("GET /api/v1/checkpoints/{id}/stats", Set.of("ADMIN", "AUTHORITY", "CHECKPOINT")),
            Map.entry("POST /api/v1/checkpoint-scans", Set.of("CHECKPOINT")),
            Map.entry("GET /api/v1/checkpoint-scans/{id}", Set.of("ADMIN", "AUTHORITY", "CHECKPOINT")),
            Map.entry("POST /api/v1/worker-transport-requests", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/worker-transport-requests", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/worker-transport-requests/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("POST /api/v1/charter-trips", Set.of("AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/charter-trips", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/charter-trips/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("POST /api/v1/charter-trips/{id}/assignments", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("PUT /api/v1/charter-trips/{id}/dispatch", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("PUT /api/v1/charter-trips/{id}/arrival", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("PUT /api/v1/charter-trips/{id}/cancellation", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/shipments", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION")),
            Map.entry("GET /api/v1/shipments/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION")),
            Map.entry("POST /api/v1/shipments/{id}/vehicle-assignment", Set.of("ENTERPRISE")),
            Map.entry("PUT /api/v1/shipments/{id}/pick-up", Set.of("ENTERPRISE")),
            Map.entry("PUT /api/v1/shipments/{id}/delivery", Set.of("AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION")));

    @Test
    void everyEndpointAllowsExactlyTheRolesItAlwaysHas() {
        Map<String, Set<String>> effective = EndpointRoles.of(PassResource.class, CheckpointResource.class,
                ScanResource.class, WorkerRequestResource.class, CharterTripResource.class,
                ShipmentResource.class);
        assertThat(effective).isEqualTo(new TreeMap<>(EXPECTED));
    }
}
