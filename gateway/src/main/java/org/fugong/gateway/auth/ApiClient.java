package org.fugong.gateway.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A client application behind an API key: its role, scope and rate-limit tier, and who issued and
 * (if it was) revoked it, by their own key ids.
 */
public record ApiClient(UUID id, String name, String keyPrefix, String role, UUID orgId, String regionScope, String tier,
        Instant createdAt, Instant lastUsedAt, UUID issuedBy, Instant revokedAt, UUID revokedBy) {

    public Identity identity() {
        return new Identity("client:" + id, Set.of(role), orgId, regionScope, tier);
    }
}
