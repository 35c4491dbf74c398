package org.fugong.supply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fugong.supply.allocation.AllocationResource;
import org.fugong.supply.catalogue.CatalogueResource;
import org.fugong.supply.gap.GapResource;
import org.fugong.supply.offer.OfferResource;
import org.fugong.supply.request.RequestResource;
import org.fugong.testing.EndpointRoles;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, read from the resources' annotations the way Quarkus reads them (the method's
 * own annotation, else its class's). With deny-unannotated-endpoints on, a method with neither is
 * closed; this pins every endpoint's roles so that moving shared roles to the class changes none.
 */
class EndpointRolesTest {

    static final Set<String> EVERYONE = EndpointRoles.EVERYONE;

    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/v1/supply-items", EVERYONE),
            Map.entry("GET /api/v1/supply-items/{code}", EVERYONE),
            Map.entry("POST /api/v1/supply-items", Set.of("ADMIN")),
            Map.entry("POST /api/v1/supply-offers", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/supply-offers", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/supply-offers/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("PUT /api/v1/supply-offers/{id}/withdrawal", Set.of("ADMIN", "ENTERPRISE")),
            Map.entry("POST /api/v1/supply-requests", Set.of("HEALTH_INSTITUTION", "AUTHORITY")),
            Map.entry("GET /api/v1/supply-requests", Set.of("ADMIN", "AUTHORITY", "HEALTH_INSTITUTION")),
            Map.entry("GET /api/v1/supply-requests/{id}", Set.of("ADMIN", "AUTHORITY", "HEALTH_INSTITUTION")),
            Map.entry("PUT /api/v1/supply-requests/{id}/cancellation", Set.of("ADMIN", "AUTHORITY", "HEALTH_INSTITUTION")),
            Map.entry("GET /api/v1/allocations", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION")),
            Map.entry("GET /api/v1/allocations/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION")),
            Map.entry("PUT /api/v1/allocations/{id}/confirmation", Set.of("ADMIN", "ENTERPRISE")),
            Map.entry("PUT /api/v1/allocations/{id}/decline", Set.of("ADMIN", "ENTERPRISE")),
            Map.entry("POST /api/v1/matching-runs", Set.of("ADMIN", "AUTHORITY")),
            Map.entry("GET /api/v1/supply-gaps", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION", "READER")),
            Map.entry("PUT /api/v1/production-capacities", Set.of("ENTERPRISE")));

    @Test
    void everyEndpointAllowsExactlyTheRolesItAlwaysHas() {
        Map<String, Set<String>> effective = EndpointRoles.of(CatalogueResource.class, OfferResource.class,
                RequestResource.class, AllocationResource.class, GapResource.class);
        assertThat(effective).isEqualTo(new TreeMap<>(EXPECTED));
    }
}
