package org.fugong.supply.allocation;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.supply.allocation.api.AllocationView;

@Path("/api/v1")
@Tag(name = "Allocations", description = "Who gets which supply, why, and the suppliers' answers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION })
public class AllocationResource {

    @Inject
    AllocationService service;

    @Inject
    MatchingService matching;

    @Inject
    Caller caller;

    @GET
    @Path("/allocations")
    @Operation(summary = "List allocations in the caller's scope", description = "A supplier's own, a hospital's for its requests, "
            + "an authority's for deliveries in its region.")
    public Page<AllocationView> list(@QueryParam("request_id") String requestId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.uuid("request_id", requestId), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/allocations/{id}")
    @Operation(summary = "Get an allocation and the rule that placed it")
    public AllocationView get(@PathParam("id") UUID id) {
        return AllocationView.of(service.visible(caller, id));
    }

    @PUT
    @Path("/allocations/{id}/confirmation")
    @RolesAllowed({ Role.ADMIN, Role.ENTERPRISE })
    @Operation(summary = "The supplier confirms it will deliver")
    public AllocationView confirm(@PathParam("id") UUID id) {
        return AllocationView.of(service.confirm(caller, id));
    }

    @PUT
    @Path("/allocations/{id}/decline")
    @RolesAllowed({ Role.ADMIN, Role.ENTERPRISE })
    @Operation(summary = "The supplier cannot deliver", description = "The quantity returns to the request and is matched again "
            + "from other offers.")
    public AllocationView decline(@PathParam("id") UUID id) {
        return AllocationView.of(service.decline(caller, id));
    }

    @Schema(name = "MatchingRunRequest")
    public record RunRequest(@Schema(description = "Items to match; all with open requests when absent") List<String> itemCodes) {
    }

    @Schema(name = "MatchingRun")
    public record RunView(UUID runId, int allocationsMade, List<AllocationView> allocations) {
    }

    @POST
    @Path("/matching-runs")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Match open requests with free supply now")
    public RunView run(@Valid RunRequest body) {
        MatchingService.Run run = matching.runNow(body == null ? null : body.itemCodes());
        return new RunView(run.runId(), run.allocations().size(),
                run.allocations().stream().map(AllocationView::of).toList());
    }
}
