package org.fugong.supply.request;

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
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.supply.request.api.NewRequest;
import org.fugong.supply.request.api.RequestView;

@Path("/api/v1/supply-requests")
@Tag(name = "Requests", description = "What hospitals and authorities need, and how much of it is allocated and delivered")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.HEALTH_INSTITUTION })
public class RequestResource {

    @Inject
    RequestService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Role.HEALTH_INSTITUTION, Role.AUTHORITY })
    @Operation(summary = "Request supply", description = "By a hospital (delivered to its own county) or an "
            + "authority for a region in its scope. Matched at once. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Submitted")
    public Response submit(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewRequest body) {
        return service.submit(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List requests in the caller's scope")
    public Page<RequestView> list(@QueryParam("item") String item, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, item, QueryParams.enumValue("status", status, RequestStatus.class), cursor,
                Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a request with its allocated and delivered quantities")
    public Response get(@PathParam("id") UUID id) {
        SupplyRequest r = service.visible(caller, id);
        return Response.ok(RequestView.of(r)).tag(ETags.of(r.version)).build();
    }

    @PUT
    @Path("/{id}/cancellation")
    @Operation(summary = "Cancel a request", description = "Until something has shipped; its allocations give their quantity back.")
    public RequestView cancel(@PathParam("id") UUID id) {
        return RequestView.of(service.cancel(caller, id));
    }
}
