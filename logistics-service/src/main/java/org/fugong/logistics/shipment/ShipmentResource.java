package org.fugong.logistics.shipment;

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
import org.fugong.logistics.shipment.api.DeliveryProof;
import org.fugong.logistics.shipment.api.ShipmentView;
import org.fugong.logistics.shipment.api.VehicleAssignment;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/shipments")
@Tag(name = "Shipments", description = "Confirmed allocations on their way: vehicle and green pass, pick-up, checkpoints, proof of delivery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION })
public class ShipmentResource {

    @Inject
    ShipmentService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List shipments in the caller's scope", description = "The supplier's and the receiver's "
            + "own, an authority's those with origin or destination in its scope, administrators all; filters "
            + "`status` and `allocation_id`. Tracking is shown on a single shipment.")
    public Page<ShipmentView> list(@QueryParam("status") String status, @QueryParam("allocation_id") String allocationId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.enumValue("status", status, ShipmentStatus.class),
                QueryParams.uuid("allocation_id", allocationId), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a shipment with its tracking", description = "The driver is masked but for the "
            + "supplier and administrators.")
    public Response get(@PathParam("id") UUID id) {
        Shipment s = service.visible(caller, id);
        return Response.ok(service.view(caller, s)).tag(ETags.of(s.version)).build();
    }

    @POST
    @Path("/{id}/vehicle-assignment")
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Assign the vehicle and driver", description = "By the supplier, while the shipment is "
            + "PLANNED: a green pass is issued for the shipment's route (origin, `via`, destination) and cargo by the "
            + "pass rules, in the supplier's name, and the shipment records it. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Assigned; the shipment with its pass")
    public Response assignVehicle(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull VehicleAssignment body) {
        return service.assignVehicle(caller, id, body, idempotencyKey).toResponse();
    }

    @PUT
    @Path("/{id}/pick-up")
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Report the pick-up", description = "By the supplier, once a vehicle is assigned. "
            + "Reporting it again changes nothing.")
    public ShipmentView pickUp(@PathParam("id") UUID id) {
        return service.pickUp(caller, id);
    }

    @PUT
    @Path("/{id}/delivery")
    @RolesAllowed({ Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.AUTHORITY })
    @Operation(summary = "Record the proof of delivery", description = "By the receiving institution (or, for an "
            + "authority's request, an authority covering the destination): the quantity received, at most the "
            + "quantity shipped, and who signed. The same proof again changes nothing; another one is 409.")
    public ShipmentView deliver(@PathParam("id") UUID id, @Valid @NotNull DeliveryProof body) {
        return service.deliver(caller, id, body);
    }
}
