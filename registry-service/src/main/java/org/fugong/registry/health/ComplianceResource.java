package org.fugong.registry.health;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.registry.health.api.ComplianceView;

@Path("/api/v1/health-reports")
@Tag(name = "Health reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
public class ComplianceResource {

    @Inject
    HealthReportService service;

    @Inject
    Caller caller;

    @GET
    @Path("/compliance")
    @Operation(summary = "Who reported on a day", description = "Expected reporters are active enterprises back at work in the "
            + "region. Gives received, on time (by the configured deadline) and the missing ones. The region defaults to "
            + "the caller's scope and must lie inside it.")
    public ComplianceView compliance(@QueryParam("date") String date, @QueryParam("region") String region,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        LocalDate day = QueryParams.date("date", date);
        if (day == null) {
            throw ProblemException.invalid("date", "is required");
        }
        String area = QueryParams.regionPrefix("region", region);
        if (area == null) {
            area = caller.isAdmin() ? "" : caller.regionScope().orElse("");
        }
        if (!caller.isAdmin() && (area.isEmpty() || !caller.covers(area))) {
            throw ProblemException.forbidden("Your region scope does not cover " + (area.isEmpty() ? "all regions" : area));
        }
        return service.compliance(caller, day, area.isEmpty() ? null : area, cursor, Cursor.limit(limit));
    }
}
