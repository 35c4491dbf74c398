package org.fugong.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the gateway's internal JWT: subject, roles and scope. An organisation's
 * people carry {@code org_id}; authorities and checkpoints carry {@code region_scope}, a GB/T 2260
 * prefix ("42" is Hubei, "4201" Wuhan). Services trust nothing else.
 */
@RequestScoped
public class Caller {

    public static final String ORG_ID_CLAIM = "org_id";
    public static final String REGION_SCOPE_CLAIM = "region_scope";

    @Inject
    JsonWebToken jwt;

    public String subject() {
        return jwt.getSubject();
    }

    public Set<String> roles() {
        Set<String> groups = jwt.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    /** The organisation the caller acts for, if the token names a valid one. */
    public Optional<UUID> orgId() {
        Object claim = jwt.getClaim(ORG_ID_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The region prefix the caller may act in, if any. */
    public Optional<String> regionScope() {
        Object claim = jwt.getClaim(REGION_SCOPE_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String scope = claim.toString().replace("\"", "");
        return RegionScope.isValidScope(scope) ? Optional.of(scope) : Optional.empty();
    }

    /** Whether the caller acts for this organisation. */
    public boolean actsFor(UUID organisationId) {
        return organisationId != null && orgId().map(organisationId::equals).orElse(false);
    }

    /** Whether the caller's region scope covers the region code (an administrator's covers all). */
    public boolean covers(String regionCode) {
        return isAdmin() || regionScope().map(scope -> RegionScope.covers(scope, regionCode)).orElse(false);
    }
}
