package org.fugong.gateway.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.fugong.platform.security.Role;

/**
 * Turns a verified OIDC token's claims into our roles and scope. The issuer's role names map to
 * ours only through the configured table: a role the issuer happens to call {@code ADMIN} gives
 * nothing unless an operator mapped it, since the issuer's names are not ours to trust. Organisation
 * roles need an organisation id and regional roles a GB/T 2260 prefix, or the token is refused: a
 * caller must never end up with a role and no scope. An authority may carry an organisation id
 * too (its government body); when the claim is there it must be one. The rate-limit tier is never read from the
 * token (a caller would pick its own); every OIDC caller gets the configured one.
 */
public final class ClaimMapping {

    static final Set<String> ROLES = Set.of(Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION,
            Role.LENDER, Role.CHECKPOINT, Role.READER);
    static final Set<String> ORGANISATION_ROLES = Set.of(Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER);
    static final Set<String> REGIONAL_ROLES = Set.of(Role.AUTHORITY, Role.CHECKPOINT);
    /**
     * Roles that may also act for one organisation without needing to: an authority's people
     * working for a government body (a debtor answering for what it owes) carry its id besides
     * their region scope.
     */
    static final Set<String> OPTIONAL_ORGANISATION_ROLES = Set.of(Role.AUTHORITY);
    private static final Pattern REGION_PREFIX = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    private final String rolesClaim;
    private final Map<String, String> roleMap;
    private final String orgClaim;
    private final String regionClaim;
    private final String tier;

    public ClaimMapping(String rolesClaim, Map<String, String> roleMap, String orgClaim, String regionClaim,
            String tier) {
        this.rolesClaim = rolesClaim;
        this.roleMap = Map.copyOf(roleMap);
        this.orgClaim = orgClaim;
        this.regionClaim = regionClaim;
        this.tier = tier;
    }

    /** @throws Rejection 403 when the claims give no role of ours or lack the scope a role needs */
    public Identity identify(Map<String, Object> claims) {
        Set<String> roles = new LinkedHashSet<>();
        for (String external : strings(walk(claims, rolesClaim))) {
            String role = roleMap.get(external);
            if (role != null && ROLES.contains(role)) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            throw Rejection.forbidden("The token's '" + rolesClaim + "' claim names no role mapped to this API");
        }
        UUID orgId = null;
        boolean orgRequired = roles.stream().anyMatch(ORGANISATION_ROLES::contains);
        Object org = walk(claims, orgClaim);
        if (orgRequired || (org != null && roles.stream().anyMatch(OPTIONAL_ORGANISATION_ROLES::contains))) {
            try {
                orgId = UUID.fromString(String.valueOf(org));
            } catch (IllegalArgumentException e) {
                throw Rejection.forbidden("The token's '" + orgClaim + "' claim must be an organisation id for roles "
                        + roles);
            }
        }
        String region = null;
        if (roles.stream().anyMatch(REGIONAL_ROLES::contains)) {
            Object scope = walk(claims, regionClaim);
            if (scope == null || !REGION_PREFIX.matcher(scope.toString()).matches()) {
                throw Rejection.forbidden("The token's '" + regionClaim + "' claim must be a GB/T 2260 prefix for roles "
                        + roles);
            }
            region = scope.toString();
        }
        return new Identity("oidc:" + claims.get("sub"), Set.copyOf(roles), orgId, region, tier);
    }

    private static Object walk(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return List.of(text.split("[ ,]+")); // space-separated, as in the "scope" claim
        }
        return List.of();
    }
}
