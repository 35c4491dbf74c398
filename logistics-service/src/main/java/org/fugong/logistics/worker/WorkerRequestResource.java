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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.logistics.worker.api.NewWorkerRequest;
import org.fugong.logistics.worker.api.WorkerRequestView;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/worker-transport-requests")
@Tag(name = "Worker return", description = "Point-to-point charter trips bringing employees back, at most half full")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE })
public class WorkerRequestResource {

    @Inject
    WorkerRequestService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Ask to bring employees back", description = "By an ACTIVE enterprise for itself, from one "
            + "county on one date, to its own county in the registry. The manifest (names, GB 11643 ID numbers, "
            + "optional phones) gives the number of people; each bad or repeated ID number is named by its index. "
            + "A HIGH-risk origin is refused (409 naming origin_region). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Submitted; waits for a charter trip")
    public Response submit(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewWorkerRequest body) {
        return service.submit(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List worker transport requests in the caller's scope", description = "An enterprise its "
            + "own, an authority those with an end in its scope, administrators all. The manifest is masked but for "
            + "the enterprise and administrators.")
    public Page<WorkerRequestView> list(@QueryParam("status") String status, @QueryParam("travel_date") String travelDate,
            @QueryParam("origin_region") String origin, @QueryParam("trip_id") String tripId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.enumValue("status", status, RequestStatus.class),
                QueryParams.date("travel_date", travelDate), QueryParams.regionPrefix("origin_region", origin),
                QueryParams.uuid("trip_id", tripId), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a worker transport request")
    public Response get(@PathParam("id") UUID id) {
        WorkerTransportRequest r = service.visible(caller, id);
        return Response.ok(service.view(caller, r)).tag(ETags.of(r.version)).build();
    }
}
