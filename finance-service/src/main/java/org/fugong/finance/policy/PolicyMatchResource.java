package org.fugong.finance.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.finance.policy.api.PolicyMatchView;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

/** Finance's own path for an enterprise's matches: the gateway routes /enterprises/... to the registry. */
@Path("/api/v1/policy-matches")
@Tag(name = "Policy matches", description = "The policies an enterprise qualifies for, from what the registry knows of it")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE })
public class PolicyMatchResource {

    @Inject
    PolicyService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The policies an enterprise qualifies for", description = "Each with the conditions that "
            + "decided it; kept current on every registry event and every policy change. The enterprise's own people, "
            + "authorities covering its region and administrators; 404 for anyone else. In policy id order, keyset-paged.")
    public Page<PolicyMatchView> matches(@QueryParam("enterprise_id") String enterpriseId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        java.util.UUID id = QueryParams.uuid("enterprise_id", enterpriseId);
        if (id == null) {
            throw ProblemException.invalid("enterprise_id", "is required");
        }
        return service.matches(caller, id, cursor, Cursor.limit(limit));
    }
}
