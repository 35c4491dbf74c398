package org.fugong.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ClaimMappingTest {

    private final ClaimMapping mapping = new ClaimMapping("realm_access.roles",
            Map.of("gov-official", "AUTHORITY", "company", "ENTERPRISE", "typo", "EMPEROR", "viewer", "READER"), "org",
            "region_scope", "standard");

    private static Map<String, Object> claims(Object roles, Map<String, Object> more) {
        Map<String, Object> claims = new java.util.HashMap<>(more);
        claims.put("sub", "u1");
        claims.put("realm_access", Map.of("roles", roles));
        return claims;
    }

    @Test
    void mapsTheIssuersRoleNamesThroughTheTableOnly() {
        Identity official = mapping.identify(claims(List.of("gov-official", "uma_authorization"),
                Map.of("region_scope", "4201", "tier", "partner")));
        assertThat(official.roles()).containsExactly("AUTHORITY");
        assertThat(official.regionScope()).isEqualTo("4201");
        assertThat(official.tier()).as("the tier is configured, never claimed").isEqualTo("standard");
        assertThat(official.subject()).isEqualTo("oidc:u1");
        assertThat(mapping.identify(claims("viewer", Map.of())).roles()).containsExactly("READER");
        assertThatThrownBy(() -> mapping.identify(claims(List.of("ADMIN", "READER"), Map.of())))
                .as("our own names are not trusted from the issuer unless mapped").isInstanceOf(Rejection.class);
    }

    @Test
    void organisationRolesNeedAnOrganisationIdAndRegionalRolesAPrefix() {
        UUID org = UUID.randomUUID();
        Identity company = mapping.identify(claims(List.of("company"), Map.of("org", org.toString())));
        assertThat(company.orgId()).isEqualTo(org);
        assertThat(company.regionScope()).isNull();
        assertThatThrownBy(() -> mapping.identify(claims(List.of("company"), Map.of())))
                .isInstanceOf(Rejection.class).hasMessageContaining("'org'");
        assertThatThrownBy(() -> mapping.identify(claims(List.of("company"), Map.of("org", "acme"))))
                .isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> mapping.identify(claims(List.of("gov-official"), Map.of("region_scope", "420"))))
                .isInstanceOf(Rejection.class).hasMessageContaining("region_scope");
    }

    @Test
    void anAuthorityMayAlsoActForItsGovernmentBodyButAMalformedOrganisationIsRefused() {
        UUID body = UUID.randomUUID();
        Identity official = mapping.identify(claims(List.of("gov-official"),
                Map.of("region_scope", "4201", "org", body.toString())));
        assertThat(official.orgId()).isEqualTo(body);
        assertThat(official.regionScope()).isEqualTo("4201");
        assertThat(mapping.identify(claims(List.of("gov-official"), Map.of("region_scope", "4201"))).orgId())
                .as("optional for an authority").isNull();
        assertThatThrownBy(() -> mapping.identify(claims(List.of("gov-official"),
                Map.of("region_scope", "4201", "org", "finance-bureau"))))
                .isInstanceOf(Rejection.class).hasMessageContaining("'org'");
        assertThat(mapping.identify(claims("viewer", Map.of("org", body.toString()))).orgId())
                .as("a reader never acts for an organisation").isNull();
    }

    @Test
    void noRoleOfOursIsForbidden() {
        assertThatThrownBy(() -> mapping.identify(claims(List.of("typo", "offline_access"), Map.of())))
                .isInstanceOf(Rejection.class).extracting(e -> ((Rejection) e).status()).isEqualTo(403);
        assertThatThrownBy(() -> mapping.identify(Map.of("sub", "u"))).isInstanceOf(Rejection.class);
    }

    @Test
    void anIssuerWithoutAnAudienceIsRefusedAtStartUp() {
        assertThatThrownBy(() -> OidcTokens.requireAudience(Optional.of("https://issuer.example"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience");
        assertThatThrownBy(() -> OidcTokens.requireAudience(Optional.of("https://issuer.example"), Optional.of(" ")))
                .isInstanceOf(IllegalStateException.class);
        OidcTokens.requireAudience(Optional.empty(), Optional.empty()); // OIDC off: nothing to require
        OidcTokens.requireAudience(Optional.of("https://issuer.example"), Optional.of("fugong-api"));
    }

    @Test
    void publicPathsMatchMethodAndWholeSegments() {
        PublicPaths paths = new PublicPaths(List.of("GET /api/v1/stats", " GET /api/v1/supply-items/ "));
        assertThat(paths.isPublic("GET", "/api/v1/stats")).isTrue();
        assertThat(paths.isPublic("GET", "/api/v1/stats/resumption")).isTrue();
        assertThat(paths.isPublic("HEAD", "/api/v1/stats")).isTrue();
        assertThat(paths.isPublic("GET", "/api/v1/statsx")).isFalse();
        assertThat(paths.isPublic("POST", "/api/v1/stats")).isFalse();
        assertThat(paths.isPublic("GET", "/api/v1/supply-items/123")).isTrue();
        assertThatThrownBy(() -> new PublicPaths(List.of("/api/v1/stats"))).isInstanceOf(IllegalArgumentException.class);
    }
}
