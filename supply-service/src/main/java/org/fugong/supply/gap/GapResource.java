package org.fugong.supply.gap;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1")
@Tag(name = "Shortages", description = "Open demand against free supply and declared production capacity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.READER })
public class GapResource {

    @Inject
    GapService service;

    @Inject
    Caller caller;

    @GET
    @Path("/supply-gaps")
    @Operation(summary = "Shortages by item", description = "Aggregates only. Demand is counted for delivery regions under the "
            + "region prefix; free supply and capacity everywhere, since supply travels.")
    public List<SupplyGap> gaps(@QueryParam("item") String item, @QueryParam("region") String region) {
        return service.gaps(item, QueryParams.regionPrefix("region", region));
    }

    @PUT
    @Path("/production-capacities")
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Declare daily production of an item", description = "By an ACTIVE supplier; replaces its earlier figure.")
    public Response declare(@Valid @NotNull CapacityDeclaration body) {
        service.declare(caller, body);
        return Response.noContent().build();
    }
}
