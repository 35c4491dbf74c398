package org.fugong.supply.offer;

import java.util.UUID;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.supply.offer.api.NewOffer;
import org.fugong.supply.offer.api.OfferView;

@Path("/api/v1/supply-offers")
@Tag(name = "Offers", description = "Suppliers' stock and output, with quality certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE })
public class OfferResource {

    @Inject
    OfferService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Offer supply", description = "By an ACTIVE supplier (known from the registry's events). Items that name "
            + "a standard need a certificate to it, valid today. The offer is matched at once. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Published")
    public Response publish(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewOffer body) {
        return service.publish(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List offers in the caller's scope", description = "A supplier's own; an authority's region; all for admins.")
    public Page<OfferView> list(@QueryParam("item") String item, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(caller, item, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an offer")
    public Response get(@PathParam("id") UUID id) {
        SupplyOffer o = service.visible(caller, id);
        return Response.ok(service.view(o)).tag(ETags.of(o.version)).build();
    }

    @PUT
    @Path("/{id}/withdrawal")
    @RolesAllowed({ Role.ADMIN, Role.ENTERPRISE })
    @Operation(summary = "Withdraw an offer", description = "What is not yet allocated is no longer offered.")
    public OfferView withdraw(@PathParam("id") UUID id) {
        return service.view(service.withdraw(caller, id));
    }
}
