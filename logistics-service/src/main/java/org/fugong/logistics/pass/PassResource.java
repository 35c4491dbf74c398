package org.fugong.logistics.pass;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.logistics.code.PassKeys;
import org.fugong.logistics.code.QrImages;
import org.fugong.logistics.pass.api.NewPass;
import org.fugong.logistics.pass.api.PassDecisionRequest;
import org.fugong.logistics.pass.api.PassView;
import org.fugong.logistics.pass.api.RevocationList;
import org.fugong.logistics.pass.api.RevocationRequest;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/green-passes")
@Tag(name = "Green passes", description = "One vehicle, one pass, one route; a signed code that checkpoints verify offline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE })
public class PassResource {

    @Inject
    PassService service;

    @Inject
    PassKeys keys;

    @Inject
    Revocations revocations;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Apply for a green pass", description = "By an enterprise for itself. Approved at once "
            + "by the rule, or left PENDING_REVIEW for an authority covering the origin; the rule that decided is "
            + "in `rule`. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Applied for; numbered, and signed if approved")
    public Response apply(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewPass body) {
        return service.apply(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List green passes in the caller's scope", description = "An enterprise its own, an "
            + "authority those with an end in its scope. Driver data masked but for the enterprise and administrators.")
    public Page<PassView> list(@QueryParam("status") String status, @QueryParam("cargo_category") String cargo,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.enumValue("status", status, PassStatus.class),
                QueryParams.enumValue("cargo_category", cargo, CargoCategory.class), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a green pass")
    public Response get(@PathParam("id") UUID id) {
        GreenPass p = service.visible(caller, id);
        return Response.ok(PassView.of(p, service.seesDriver(caller, p))).tag(ETags.of(p.version)).build();
    }

    @PUT
    @Path("/{id}/decision")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Approve or refuse a pass under review", description = "By an authority whose scope "
            + "covers the origin, with a reason. An approved pass gets its signed code.")
    public PassView decide(@PathParam("id") UUID id, @Valid @NotNull PassDecisionRequest body) {
        GreenPass p = service.decide(caller, id, body);
        return PassView.of(p, service.seesDriver(caller, p));
    }

    @PUT
    @Path("/{id}/revocation")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Revoke a pass", description = "By an authority whose scope covers either end of the route, "
            + "with a reason. The pass joins the public revocation list. Revoking it again changes nothing.")
    public PassView revoke(@PathParam("id") UUID id, @Valid @NotNull RevocationRequest body) {
        GreenPass p = service.revoke(caller, id, body.reason());
        return PassView.of(p, service.seesDriver(caller, p));
    }

    @GET
    @Path("/revocations")
    @PermitAll
    @Operation(summary = "Revoked passes since a point (public)", description = "The delta list a checkpoint's "
            + "handheld polls to keep its own list current: revocations after `since` (0 for all) in the order they "
            + "were made; store `next_since` and pass it next time.")
    public RevocationList revocations(@QueryParam("since") String since, @QueryParam("limit") String limit) {
        return revocations.since(sequence(since), Cursor.limit(limit));
    }

    @GET
    @Path("/{id}/qr.png")
    @Produces({ "image/png", "application/problem+json" })
    @Operation(summary = "The pass's signed code as a QR image", description = "409 until the pass is approved.")
    @APIResponse(responseCode = "200", description = "PNG image of the code")
    public Response qr(@PathParam("id") UUID id) {
        GreenPass p = service.visible(caller, id);
        if (p.code == null) {
            throw ProblemException.conflict("The pass is " + p.status + ": only an approved pass has a code");
        }
        return Response.ok(QrImages.png(p.code), "image/png").tag(ETags.of(p.version)).build();
    }

    private static long sequence(String since) {
        if (since == null || since.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(since);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // same answer as a negative number
        }
        throw ProblemException.invalid("since", "must be a revocation number from next_since (0 or more)");
    }

    @GET
    @Path("/keys")
    @PermitAll
    @Operation(summary = "The public keys of pass codes (JWKS)", description = "Public. The current key and those "
            + "of earlier ones whose codes may not have expired: what a checkpoint needs to verify codes offline.")
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.publicKeySet(), MediaType.APPLICATION_JSON).cacheControl(cache).build();
    }
}
