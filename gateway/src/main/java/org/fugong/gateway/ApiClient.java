package org.fugong.gateway;

import java.util.UUID;

/** A client application behind an API key: its role and scope become the internal JWT's claims. */
public record ApiClient(UUID id, String name, String role, UUID orgId, String regionScope) {
}
