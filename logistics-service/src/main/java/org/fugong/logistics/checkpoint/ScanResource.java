package org.fugong.logistics.checkpoint;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.logistics.checkpoint.api.NewScan;
import org.fugong.logistics.checkpoint.api.ScanView;
import org.fugong.platform.idempotency.IdempotencyKeys;
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
            + "health_check_required. Every scan is kept. A checkpoint outside the officer's scope is 404, as an "
            + "unknown one. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Scanned and kept; Location is the scan")
    public Response scan(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewScan body) {
        return service.scan(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.CHECKPOINT })
    @Operation(summary = "Get a scan", description = "For those who see its checkpoint: administrators, "
            + "authorities and officers whose scope covers its county.")
    public ScanView get(@PathParam("id") UUID id) {
        return service.scanVisibleTo(caller, id);
    }
}
