package org.fugong.registry.health;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.registry.health.api.ComplianceView;
import org.fugong.registry.health.api.HealthFigures;
import org.fugong.registry.health.api.HealthReportView;

@Path("/api/v1/enterprises/{enterpriseId}/health-reports")
@Tag(name = "Health reports", description = "The daily zero-report system and its compliance view")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER })
public class HealthReportResource {

    @Inject
    HealthReportService service;

    @Inject
    Caller caller;

    @PUT
    @Path("/{date}")
    @RolesAllowed({ Role.ADMIN, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER })
    @Operation(summary = "Report a day's health figures", description = "Zeros are a report. A confirmed case, or suspected cases "
            + "at the configured threshold, raises an outbreak alert event. A second PUT for the same day corrects it.")
    @APIResponse(responseCode = "201", description = "First report for the day")
    @APIResponse(responseCode = "200", description = "The day's report was corrected")
    public Response put(@PathParam("enterpriseId") UUID enterpriseId, @PathParam("date") String date,
            @Valid @NotNull HealthFigures body) {
        HealthReportService.Saved saved = service.put(caller, enterpriseId, QueryParams.date("date", date), body);
        Response.ResponseBuilder response = saved.created()
                ? Response.status(201).location(java.net.URI.create(
                        "/api/v1/enterprises/" + enterpriseId + "/health-reports/" + saved.report().reportDate))
                : Response.ok();
        return response.entity(HealthReportView.of(saved.report())).tag(ETags.of(saved.report().version)).build();
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "Get a day's health report")
    public Response get(@PathParam("enterpriseId") UUID enterpriseId, @PathParam("date") String date) {
        HealthReport r = service.get(caller, enterpriseId, QueryParams.date("date", date));
        return Response.ok(HealthReportView.of(r)).tag(ETags.of(r.version)).build();
    }

    @GET
    @Operation(summary = "An organisation's health reports, newest first")
    public Page<HealthReportView> list(@PathParam("enterpriseId") UUID enterpriseId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, enterpriseId, cursor, Cursor.limit(limit));
    }
}
