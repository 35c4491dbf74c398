package org.fugong.finance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fugong.finance.application.ApplicationResource;
import org.fugong.finance.application.ReviewQueueResource;
import org.fugong.finance.arrears.ArrearsResource;
import org.fugong.finance.policy.PolicyMatchResource;
import org.fugong.finance.policy.PolicyResource;
import org.fugong.finance.receivable.ReceivableResource;
import org.fugong.testing.EndpointRoles;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, read from the resources' annotations the way Quarkus reads them (the method's
 * own annotation, else its class's). With deny-unannotated-endpoints on, a method with neither is
 * closed; this pins every endpoint's roles so that moving shared roles to the class changes none.
 */
class EndpointRolesTest {

    static final Class<?>[] RESOURCES = { ReceivableResource.class, ApplicationResource.class, ReviewQueueResource.class,
            ArrearsResource.class, PolicyResource.class, PolicyMatchResource.class };

    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("POST /api/v1/receivables", Set.of("ENTERPRISE")),
            // AUTHORITY: a government body's people (a key naming it) see and answer what it owes.
            Map.entry("GET /api/v1/receivables", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/receivables/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "LENDER")),
            // The debtor's own people only: an administrator does not confirm a debt for anyone.
            Map.entry("PUT /api/v1/receivables/{id}/decision", Set.of("ENTERPRISE", "AUTHORITY")),
            Map.entry("GET /api/v1/receivables/{id}/pledge", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "LENDER")),
            Map.entry("POST /api/v1/arrears-claims", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/arrears-claims", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/arrears-claims/stats", Set.of("ADMIN", "AUTHORITY")),
            Map.entry("GET /api/v1/arrears-claims/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("PUT /api/v1/arrears-claims/{id}/response", Set.of("ENTERPRISE", "AUTHORITY")),
            Map.entry("PUT /api/v1/arrears-claims/{id}/settlement-plan", Set.of("ENTERPRISE", "AUTHORITY")),
            Map.entry("POST /api/v1/arrears-claims/{id}/payments", Set.of("ENTERPRISE", "AUTHORITY")),
            Map.entry("GET /api/v1/arrears-claims/{id}/payments", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/arrears-claims/{id}/payments/{paymentId}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("POST /api/v1/policies", Set.of("ADMIN")),
            Map.entry("GET /api/v1/policies", EndpointRoles.EVERYONE),
            Map.entry("GET /api/v1/policies/{id}", EndpointRoles.EVERYONE),
            Map.entry("PUT /api/v1/policies/{id}", Set.of("ADMIN")),
            Map.entry("GET /api/v1/policy-matches", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            // Applicants are enterprises' own people; lenders answer for themselves; admins read, and act for neither.
            Map.entry("POST /api/v1/financing-applications", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/financing-applications", Set.of("ADMIN", "ENTERPRISE", "LENDER")),
            Map.entry("GET /api/v1/financing-applications/{id}", Set.of("ADMIN", "ENTERPRISE", "LENDER")),
            Map.entry("PUT /api/v1/financing-applications/{id}/review", Set.of("LENDER")),
            Map.entry("PUT /api/v1/financing-applications/{id}/recommendation", Set.of("LENDER")),
            Map.entry("PUT /api/v1/financing-applications/{id}/approval", Set.of("LENDER")),
            Map.entry("PUT /api/v1/financing-applications/{id}/acceptance", Set.of("ENTERPRISE")),
            Map.entry("PUT /api/v1/financing-applications/{id}/withdrawal", Set.of("ENTERPRISE")),
            Map.entry("PUT /api/v1/financing-applications/{id}/disbursement", Set.of("LENDER")),
            Map.entry("GET /api/v1/financing-applications/{id}/schedule", Set.of("ADMIN", "ENTERPRISE", "LENDER")),
            Map.entry("POST /api/v1/financing-applications/{id}/repayments", Set.of("LENDER")),
            Map.entry("GET /api/v1/financing-applications/{id}/repayments", Set.of("ADMIN", "ENTERPRISE", "LENDER")),
            Map.entry("GET /api/v1/financing-applications/{id}/repayments/{repaymentId}",
                    Set.of("ADMIN", "ENTERPRISE", "LENDER")),
            Map.entry("GET /api/v1/lenders/{org}/review-queue", Set.of("ADMIN", "LENDER")));

    @Test
    void everyEndpointAllowsExactlyTheRolesItAlwaysHas() {
        Map<String, Set<String>> effective = new TreeMap<>();
        for (Class<?> resource : RESOURCES) {
            effective.putAll(EndpointRoles.of(resource));
        }
        assertThat(effective).isEqualTo(new TreeMap<>(EXPECTED));
    }
}
