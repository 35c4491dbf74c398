package org.fugong.logistics.worker;

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
import org.fugong.logistics.worker.api.CharterTripView;
import org.fugong.logistics.worker.api.NewAssignment;
import org.fugong.logistics.worker.api.NewCharterTrip;
import org.fugong.logistics.worker.api.TripCancellation;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/charter-trips")
@Tag(name = "Worker return", description = "Point-to-point charter trips bringing employees back, at most half full")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE })
public class CharterTripResource {

    @Inject
    CharterTripService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Role.AUTHORITY, Role.ENTERPRISE })
    @Operation(summary = "Plan a charter trip", description = "By an authority whose scope covers the destination, "
            + "or by an enterprise for its own requests (destination: its own county). A trip from a HIGH-risk county "
            + "is refused (409 naming origin_region). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Planned")
    public Response plan(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewCharterTrip body) {
        return service.plan(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List charter trips in the caller's scope", description = "An authority those with an end "
            + "in its scope, an enterprise those it planned or that carry its requests, administrators all.")
    public Page<CharterTripView> list(@QueryParam("status") String status, @QueryParam("travel_date") String travelDate,
            @QueryParam("origin_region") String origin, @QueryParam("destination_region") String destination,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.enumValue("status", status, TripStatus.class),
                QueryParams.date("travel_date", travelDate), QueryParams.regionPrefix("origin_region", origin),
                QueryParams.regionPrefix("destination_region", destination), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a charter trip", description = "Counts of who is on board, never names.")
    public Response get(@PathParam("id") UUID id) {
        CharterTrip t = service.visible(caller, id);
        return Response.ok(service.view(caller, t)).tag(ETags.of(t.version)).build();
    }

    @POST
    @Path("/{id}/assignments")
    @Operation(summary = "Put a request on a planned trip", description = "By whoever runs the trip. Origin, "
            + "destination and date must match; the trip fills at most 50 % of its seats (configurable); a "
            + "HIGH-risk origin is refused. Answers the request, now ASSIGNED. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Assigned; Location is the request")
    public Response assign(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull NewAssignment body) {
        return service.assign(caller, id, body.requestId(), idempotencyKey).toResponse();
    }

    @PUT
    @Path("/{id}/dispatch")
    @Operation(summary = "Dispatch a planned trip", description = "Closes the manifest and applies for the trip's "
            + "RETURNING_WORKERS green pass (reviewed by an authority covering the origin, as every such pass). 409 "
            + "unless PLANNED with passengers.")
    public CharterTripView dispatch(@PathParam("id") UUID id) {
        return service.view(caller, service.dispatch(caller, id));
    }

    @PUT
    @Path("/{id}/arrival")
    @Operation(summary = "Mark a dispatched trip arrived", description = "Its requests arrive with it. 409 unless DISPATCHED.")
    public CharterTripView arrive(@PathParam("id") UUID id) {
        return service.view(caller, service.arrive(caller, id));
    }

    @PUT
    @Path("/{id}/cancellation")
    @Operation(summary = "Cancel a trip", description = "With a reason, before it arrives: its requests wait for "
            + "another trip and its pass, if any, is revoked. 409 once ARRIVED or CANCELLED.")
    public CharterTripView cancel(@PathParam("id") UUID id, @Valid @NotNull TripCancellation body) {
        return service.view(caller, service.cancel(caller, id, body.reason()));
    }
}
