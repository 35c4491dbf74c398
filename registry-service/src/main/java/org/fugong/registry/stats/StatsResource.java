package org.fugong.registry.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/stats")
@Tag(name = "Statistics", description = "Resumption headline figures (aggregates only: open to readers)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER, Role.CHECKPOINT,
        Role.READER })
public class StatsResource {

    @Inject
    StatsService service;

    @Inject
    Caller caller;

    @GET
    @Path("/resumption")
    @Operation(summary = "Operating rate, employee return rate and capacity utilisation", description = "Grouped by region "
            + "(one level below the region filter), industry or tier, with a total. Except for administrators and "
            + "authorities whose scope covers the region filter, groups of fewer than 3 organisations show their count only.")
    public ResumptionStats resumption(
            @Parameter(description = "region (default), industry or tier") @QueryParam("group_by") String groupBy,
            @Parameter(description = "GB/T 2260 prefix, e.g. 42") @QueryParam("region") String region) {
        GroupBy by = groupBy == null || groupBy.isEmpty() ? GroupBy.REGION
                : QueryParams.enumValue("group_by", groupBy, GroupBy.class);
        String area = QueryParams.regionPrefix("region", region);
        return service.resumption(by, area, maySeeSmallGroups(area));
    }

    /** Officials may see what they could read enterprise by enterprise anyway: an administrator, an authority in its scope. */
    private boolean maySeeSmallGroups(String area) {
        return caller.isAdmin() || (caller.hasRole(Role.AUTHORITY) && area != null && caller.covers(area));
    }
}
