package org.fugong.gateway.auth;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.gateway.GatewayConfig;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Role;

/** Issuing, listing and revoking client applications' API keys: administrators only, by their own API key. */
@Path("/admin/api-keys")
@Tag(name = "API keys", description = "Client applications' keys (ADMIN)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class ApiKeyResource {

    @Inject
    ApiKeys apiKeys;

    @Inject
    GatewayConfig config;

    public record NewKey(@NotBlank @Size(max = 100) String name,
            @NotNull @Pattern(regexp = "ADMIN|AUTHORITY|ENTERPRISE|HEALTH_INSTITUTION|LENDER|CHECKPOINT|READER",
                    message = "must be one of ADMIN, AUTHORITY, ENTERPRISE, HEALTH_INSTITUTION, LENDER, CHECKPOINT, READER") String role,
            UUID orgId,
            @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}", message = "must be a GB/T 2260 prefix of 2, 4 or 6 digits") String regionScope,
            String tier) {
    }

    /** A key as listed: never the key itself, only its first characters; who issued and revoked it by key id. */
    public record KeyView(UUID id, String name, String keyPrefix, String role, UUID orgId, String regionScope, String tier,
            Instant createdAt, Instant lastUsedAt, UUID issuedBy, Instant revokedAt, UUID revokedBy) {
        static KeyView of(ApiClient c) {
            return new KeyView(c.id(), c.name(), c.keyPrefix(), c.role(), c.orgId(), c.regionScope(), c.tier(),
                    c.createdAt(), c.lastUsedAt(), c.issuedBy(), c.revokedAt(), c.revokedBy());
        }
    }

    public record IssuedKey(UUID id, String name, String role, UUID orgId, String regionScope, String tier, String apiKey) {
    }

    @POST
    @Operation(summary = "Issue a key", description = "The key is shown once; only its hash is kept. Organisation roles need "
            + "org_id, AUTHORITY and CHECKPOINT need region_scope; AUTHORITY may also carry the org_id of the government "
            + "body it acts for. tier names a rate-limit tier (default: standard).")
    public Response issue(@HeaderParam("X-Api-Key") String key, @Valid @NotNull NewKey body) {
        ApiClient admin = requireAdmin(key);
        boolean organisation = ClaimMapping.ORGANISATION_ROLES.contains(body.role());
        if (organisation && body.orgId() == null) {
            throw ProblemException.invalid("org_id", "is required for " + body.role());
        }
        // An authority's key may also act for its government body (finance: a debtor answering claims).
        UUID orgId = organisation || ClaimMapping.OPTIONAL_ORGANISATION_ROLES.contains(body.role()) ? body.orgId() : null;
        boolean regional = ClaimMapping.REGIONAL_ROLES.contains(body.role());
        if (regional && body.regionScope() == null) {
            throw ProblemException.invalid("region_scope", "is required for " + body.role());
        }
        String tier = body.tier() == null ? config.rateLimit().defaultTier() : body.tier();
        if (!config.rateLimit().tiers().containsKey(tier)) {
            throw ProblemException.invalid("tier", "must be one of " + config.rateLimit().tiers().keySet());
        }
        ApiKeys.Issued issued = apiKeys.issue(body.name().strip(), body.role(), orgId,
                regional ? body.regionScope() : null, tier, admin.id());
        ApiClient c = issued.client();
        return Response.created(URI.create("/admin/api-keys/" + c.id()))
                .entity(new IssuedKey(c.id(), c.name(), c.role(), c.orgId(), c.regionScope(), c.tier(), issued.key()))
                .build();
    }

    @GET
    @Operation(summary = "List keys", description = "Active keys, oldest first, with when each was last used (recorded every "
            + "few seconds) and which administrator key issued it; with revoked=true revoked keys too, with when and by whom.")
    public Page<KeyView> list(@HeaderParam("X-Api-Key") String key, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @QueryParam("revoked") String revoked) {
        requireAdmin(key);
        int size = Cursor.limit(limit);
        if (revoked != null && !revoked.equals("true") && !revoked.equals("false")) {
            throw ProblemException.invalid("revoked", "must be true or false");
        }
        return Page.of(apiKeys.list(Cursor.decodeUuid(cursor), size + 1, "true".equals(revoked)), size, KeyView::of,
                c -> c.id().toString());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key", description = "Effective at once on this replica and within seconds on the others.")
    public Response revoke(@HeaderParam("X-Api-Key") String key, @PathParam("id") UUID id) {
        ApiClient admin = requireAdmin(key);
        if (!apiKeys.revoke(id, admin.id())) {
            throw ProblemException.notFound("API key " + id);
        }
        return Response.noContent().build();
    }

    private ApiClient requireAdmin(String key) {
        ApiClient caller = apiKeys.authenticate(key).orElseThrow(() -> new ProblemException(401, "unauthenticated",
                "Unauthenticated", "A valid X-Api-Key is required", List.of(), Map.of("WWW-Authenticate", "ApiKey")));
        if (!Role.ADMIN.equals(caller.role())) {
            throw ProblemException.forbidden("Only administrators manage API keys");
        }
        return caller;
    }
}
