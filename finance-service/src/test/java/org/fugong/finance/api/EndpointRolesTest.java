package org.fugong.finance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fugong.finance.receivable.ReceivableResource;
import org.fugong.testing.EndpointRoles;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, read from the resources' annotations the way Quarkus reads them (the method's
 * own annotation, else its class's). With deny-unannotated-endpoints on, a method with neither is
 * closed; this pins every endpoint's roles so that moving shared roles to the class changes none.
 */
class EndpointRolesTest {

    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("POST /api/v1/receivables", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/receivables", Set.of("ADMIN", "ENTERPRISE")),
            Map.entry("GET /api/v1/receivables/{id}", Set.of("ADMIN", "ENTERPRISE")),
            // The debtor's own people only: an administrator does not confirm a debt for anyone.
            Map.entry("PUT /api/v1/receivables/{id}/decision", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/receivables/{id}/pledge", Set.of("ADMIN", "ENTERPRISE")));

    @Test
    void everyEndpointAllowsExactlyTheRolesItAlwaysHas() {
        Map<String, Set<String>> effective = EndpointRoles.of(ReceivableResource.class);
        assertThat(effective).isEqualTo(new TreeMap<>(EXPECTED));
    }
}
