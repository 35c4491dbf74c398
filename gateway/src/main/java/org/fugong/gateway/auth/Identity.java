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

    /**
     * Who an anonymous request's internal token names: one identity for every address, so its token
     * is signed once per service and cached, not once per address (rotating addresses would
     * otherwise cost an RSA signature each on the event loop). The address stays in the rate-limit
     * bucket's key, which is this record's {@link #subject()}.
     */
    static final Identity ANONYMOUS_CALLER = new Identity("anonymous", Set.of(org.fugong.platform.security.Role.READER),
            null, null, null);

    /** Whether this is an anonymous caller on a public path (counted per address). */
    public boolean isAnonymous() {
        return subject.startsWith("anonymous:");
    }

    public static Identity anonymous(String address, String tier) {
        return new Identity("anonymous:" + address, Set.of(org.fugong.platform.security.Role.READER), null, null, tier);
    }
}
