package org.fugong.registry.report;

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
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.registry.report.api.ResumptionReportView;
import org.fugong.registry.report.api.SubmitResumptionReport;

@Path("/api/v1/enterprises/{enterpriseId}/resumption-reports")
@Tag(name = "Resumption reports", description = "Periodic resumption figures that drive resumption_status and the statistics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER })
public class ResumptionReportResource {

    @Inject
    ResumptionReportService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Role.ADMIN, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER })
    @Operation(summary = "Report resumption figures", description = "Needs an approved filing. At or above the configured capacity "
            + "(80 % by default) the enterprise is RESUMED. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response submit(@PathParam("enterpriseId") UUID enterpriseId,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull SubmitResumptionReport body) {
        return service.submit(caller, enterpriseId, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List an organisation's resumption reports")
    public Page<ResumptionReportView> list(@PathParam("enterpriseId") UUID enterpriseId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, enterpriseId, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{reportId}")
    @Operation(summary = "Get a resumption report")
    public ResumptionReportView get(@PathParam("enterpriseId") UUID enterpriseId, @PathParam("reportId") UUID reportId) {
        return ResumptionReportView.of(service.get(caller, enterpriseId, reportId));
    }
}
