package org.fugong.gateway.auth;

import java.util.Set;
import java.util.UUID;

/**
 * Who a forwarded request is made for, however the caller proved it: an API key, an OIDC token, or
 * nothing on a public path. Becomes the internal JWT's claims and the rate-limit bucket's key.
 *
 * @param subject {@code client:<key id>}, {@code oidc:<sub>} or {@code anonymous:<address>}
 */
public record Identity(String subject, Set<String> roles, UUID orgId, String regionScope, String tier) {

    public static Identity anonymous(String address, String tier) {
        return new Identity("anonymous:" + address, Set.of(org.fugong.platform.security.Role.READER), null, null, tier);
    }
}
