package org.fugong.registry.filing;

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
import org.fugong.registry.filing.api.FileResumption;
import org.fugong.registry.filing.api.FilingReview;
import org.fugong.registry.filing.api.FilingView;

@Path("/api/v1/enterprises/{enterpriseId}/resumption-filings")
@Tag(name = "Resumption filings", description = "Plans to resume work, decided by categorised guidance (opinion 10)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER })
public class FilingResource {

    @Inject
    FilingService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Role.ADMIN, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER })
    @Operation(summary = "File a resumption plan", description = "Decided at once from the county's risk level, the tier and the "
            + "measures: APPROVED, PENDING_REVIEW or REJECTED, with the rule that applied. Approval moves the enterprise to "
            + "RESUMING. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Filed and decided")
    public Response file(@PathParam("enterpriseId") UUID enterpriseId,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull FileResumption body) {
        return service.file(caller, enterpriseId, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List an organisation's filings")
    public Page<FilingView> list(@PathParam("enterpriseId") UUID enterpriseId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(caller, enterpriseId, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{filingId}")
    @Operation(summary = "Get a filing")
    public Response get(@PathParam("enterpriseId") UUID enterpriseId, @PathParam("filingId") UUID filingId) {
        ResumptionFiling f = service.get(caller, enterpriseId, filingId);
        return Response.ok(FilingView.of(f)).tag(ETags.of(f.version)).build();
    }

    @PUT
    @Path("/{filingId}/decision")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Decide a filing that waits for review", description = "An authority covering the organisation. "
            + "409 when the filing was already decided.")
    public Response review(@PathParam("enterpriseId") UUID enterpriseId, @PathParam("filingId") UUID filingId,
            @Valid @NotNull FilingReview body) {
        ResumptionFiling f = service.review(caller, enterpriseId, filingId, body);
        return Response.ok(FilingView.of(f)).tag(ETags.of(f.version)).build();
    }
}
