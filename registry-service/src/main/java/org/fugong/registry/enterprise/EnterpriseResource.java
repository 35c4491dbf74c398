package org.fugong.registry.enterprise;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.registry.enterprise.api.EnterpriseView;
import org.fugong.registry.enterprise.api.KeyEnterpriseFlag;
import org.fugong.registry.enterprise.api.RegisterEnterprise;
import org.fugong.registry.enterprise.api.StatusChange;
import org.fugong.registry.enterprise.api.UpdateEnterprise;

@Path("/api/v1/enterprises")
@Tag(name = "Enterprises", description = "Organisations of every kind, their status and white-list flag")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER })
public class EnterpriseResource {

    @Inject
    EnterpriseService service;

    @Inject
    EnterpriseAccess access;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Register an organisation", description = "An authority registers organisations in its region scope. "
            + "Size class and priority tier are derived. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the new organisation")
    public Response register(
            @Parameter(description = "Repeat-safe key for this creation (24 h)") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull RegisterEnterprise body) {
        return service.register(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List organisations in the caller's scope", description = "Ordered by id; filters combine.")
    public Page<EnterpriseView> list(
            @Parameter(description = "GB/T 2260 prefix or code, e.g. 42 or 420100") @QueryParam("region") String region,
            @Parameter(description = "An Industry value") @QueryParam("industry") String industry,
            @Parameter(description = "ESSENTIAL, KEY_INDUSTRY, STRATEGIC_EMERGING or STANDARD") @QueryParam("tier") String tier,
            @Parameter(description = "LARGE, MEDIUM, SMALL or MICRO") @QueryParam("size") String size,
            @Parameter(description = "ACTIVE, SUSPENDED or DEREGISTERED") @QueryParam("status") String status,
            @Parameter(description = "An OrganisationKind value") @QueryParam("kind") String kind,
            @Parameter(description = "NOT_RESUMED, RESUMING, RESUMED or HALTED") @QueryParam("resumption_status") String resumptionStatus,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        EnterpriseService.Filter filter = new EnterpriseService.Filter(
                QueryParams.regionPrefix("region", region),
                QueryParams.enumValue("industry", industry, Industry.class),
                QueryParams.enumValue("tier", tier, PriorityTier.class),
                QueryParams.enumValue("size", size, SizeClass.class),
                QueryParams.enumValue("status", status, EnterpriseStatus.class),
                QueryParams.enumValue("kind", kind, OrganisationKind.class),
                QueryParams.enumValue("resumption_status", resumptionStatus, ResumptionStatus.class));
        return service.list(caller, filter, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an organisation", description = "404 when it is outside the caller's scope. The ETag is for If-Match.")
    public Response get(@PathParam("id") UUID id) {
        Enterprise e = service.visible(caller, id);
        return Response.ok(access.view(caller, e)).tag(ETags.of(e.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(summary = "Change an organisation's details", description = "Merge patch; requires If-Match.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateEnterprise body) {
        return withETag(service.update(caller, id, body, ifMatch));
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Suspend, reinstate or deregister", description = "An authority covering the organisation; requires If-Match. "
            + "Suspension needs a reason and halts resumption.")
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChange body) {
        return withETag(service.changeStatus(caller, id, body, ifMatch));
    }

    @PUT
    @Path("/{id}/key-enterprise")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Put on or take off the white list of key enterprises", description = "Requires If-Match.")
    public Response setKeyEnterprise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull KeyEnterpriseFlag body) {
        return withETag(service.setKeyEnterprise(caller, id, body.keyEnterprise(), ifMatch));
    }

    private Response withETag(Enterprise e) {
        return Response.ok(access.view(caller, e)).tag(ETags.of(e.version)).build();
    }
}
