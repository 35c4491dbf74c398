package org.fugong.registry.region;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.registry.region.api.RegionView;
import org.fugong.registry.region.api.RiskChangeView;
import org.fugong.registry.region.api.SetRiskLevel;

@Path("/api/v1/regions")
@Tag(name = "Regions", description = "GB/T 2260 divisions and their epidemic risk levels (public information)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER, Role.CHECKPOINT,
        Role.READER })
public class RegionResource {

    @Inject
    RegionService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List regions", description = "Ordered by code; filter by parent, level or risk level.")
    public Page<RegionView> list(
            @QueryParam("parent") String parent,
            @QueryParam("level") String level,
            @QueryParam("risk_level") String riskLevel,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        if (parent != null && !parent.matches("\\d{6}")) {
            throw ProblemException.invalid("parent", "must be a six-digit GB/T 2260 code");
        }
        return service.list(parent, QueryParams.enumValue("level", level, RegionLevel.class),
                QueryParams.enumValue("risk_level", riskLevel, RiskLevel.class), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a region and its risk level")
    public Response get(@PathParam("code") String code) {
        Region r = service.get(code);
        return Response.ok(RegionView.of(r)).tag(ETags.of(r.version)).build();
    }

    @PUT
    @Path("/{code}/risk-level")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Set the risk level", description = "An authority whose scope covers the region. On a prefecture or "
            + "province it applies to every county below; history is kept. Requires If-Match.")
    public Response setRiskLevel(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SetRiskLevel body) {
        service.get(code);
        if (!caller.covers(code)) {
            throw ProblemException.forbidden("Your region scope does not cover " + code);
        }
        Region r = service.setRiskLevel(caller, code, body.riskLevel(), body.reason(), ifMatch);
        return Response.ok(RegionView.of(r)).tag(ETags.of(r.version)).build();
    }

    @GET
    @Path("/{code}/risk-history")
    @Operation(summary = "A region's risk level changes, newest first")
    public Page<RiskChangeView> history(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.history(code, cursor, Cursor.limit(limit));
    }
}
