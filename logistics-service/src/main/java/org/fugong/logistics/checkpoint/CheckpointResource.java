package org.fugong.logistics.checkpoint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import org.fugong.logistics.checkpoint.api.CheckpointStats;
import org.fugong.logistics.checkpoint.api.CheckpointView;
import org.fugong.logistics.checkpoint.api.NewCheckpoint;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/checkpoints")
@Tag(name = "Checkpoints", description = "Where passes are scanned, and their figures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.CHECKPOINT })
public class CheckpointResource {

    @Inject
    CheckpointService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.AUTHORITY)
    @Operation(summary = "Register a checkpoint", description = "By an authority, in a county of its scope. "
            + "Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response register(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewCheckpoint body) {
        return service.register(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List checkpoints in the caller's scope", description = "Authorities and checkpoint officers "
            + "those in their region scope, administrators all.")
    public Page<CheckpointView> list(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.enumValue("kind", kind, CheckpointKind.class), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a checkpoint")
    public Response get(@PathParam("id") UUID id) {
        Checkpoint c = service.visible(caller, id);
        return Response.ok(CheckpointView.of(c)).tag(ETags.of(c.version)).build();
    }

    @GET
    @Path("/{id}/stats")
    @Operation(summary = "A checkpoint's figures", description = "Over [from, to) (ISO instants; by default the "
            + "last 24 hours, at most 31 days): scans per hour, counts per result, waiting time p50/p90/max and the "
            + "share through within 15 minutes, of the scans that recorded a waiting time.")
    public CheckpointStats stats(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.stats(caller, id, instant("from", from), instant("to", to));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO date-time with offset (2020-02-25T08:00:00+08:00)");
        }
    }
}
