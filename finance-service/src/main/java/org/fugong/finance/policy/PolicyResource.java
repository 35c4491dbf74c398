package org.fugong.finance.policy;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.finance.policy.api.PolicyBody;
import org.fugong.finance.policy.api.PolicyView;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/policies")
@Tag(name = "Policies", description = "Preferential measures with eligibility as data, maintained by administrators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER, Role.CHECKPOINT,
        Role.READER })
public class PolicyResource {

    @Inject
    PolicyService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Create a policy", description = "Eligibility in the rule language of docs/finance.md; every bad "
            + "node is named by its path. Matched against every enterprise finance knows before the answer, and "
            + "published. The same name twice under one document is a 409. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created and matched")
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull PolicyBody body) {
        return service.create(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List policies", description = "Every authenticated caller; optionally of one kind. In id order, "
            + "keyset-paged.")
    public Page<PolicyView> list(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(QueryParams.enumValue("kind", kind, PolicyKind.class), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a policy", description = "With its ETag, for If-Match.")
    public Response get(@PathParam("id") UUID id) {
        Policy p = service.get(id);
        return Response.ok(service.view(p)).tag(ETags.of(p.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Replace a policy", description = "The whole policy, at the version of If-Match (428 without, "
            + "412 when it changed). Its matches are re-evaluated before the answer; enterprises that gain or lose it "
            + "are published.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PolicyBody body) {
        PolicyView p = service.update(id, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }
}
