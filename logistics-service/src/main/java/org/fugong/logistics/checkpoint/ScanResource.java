package org.fugong.logistics.checkpoint;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.logistics.checkpoint.api.NewScan;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/checkpoint-scans")
@Tag(name = "Checkpoints", description = "Where passes are scanned, and their figures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CHECKPOINT)
public class ScanResource {

    @Inject
    CheckpointService service;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Scan a pass at a checkpoint", description = "By an officer whose scope covers the "
            + "checkpoint's county. One result, the first that applies: FORGED, UNKNOWN, REVOKED, EXPIRED, "
            + "NOT_YET_VALID, WRONG_VEHICLE, OFF_ROUTE, VALID; a driver at 37.3 °C or more sets "
            + "health_check_required. Every scan is kept.")
    @APIResponse(responseCode = "201", description = "Scanned and kept")
    public Response scan(@Valid @NotNull NewScan body) {
        return Response.status(Response.Status.CREATED).entity(service.scan(caller, body)).build();
    }
}
