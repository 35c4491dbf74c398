package org.fugong.finance.receivable;

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
import org.fugong.finance.receivable.api.NewReceivable;
import org.fugong.finance.receivable.api.PledgeView;
import org.fugong.finance.receivable.api.ReceivableDecision;
import org.fugong.finance.receivable.api.ReceivableView;
import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/receivables")
@Tag(name = "Receivables", description = "Invoices owed to SMEs, confirmed by their debtors, and the pledge registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE })
public class ReceivableResource {

    @Inject
    ReceivableService service;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Record a receivable", description = "By an ACTIVE SME (MICRO, SMALL or MEDIUM, as the registry "
            + "knows it) for an invoice owed to it by an enterprise or government body registered with the registry. "
            + "The same invoice number to the same debtor twice is a 409. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded, awaiting the debtor's confirmation")
    public Response record(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewReceivable body) {
        return service.record(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List receivables in the caller's scope", description = "Those owed to the caller's organisation "
            + "and those it owes (for an authority, those its government body owes: never by region); all for admins. "
            + "In id order, keyset-paged.")
    public Page<ReceivableView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(caller, status(status), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.LENDER })
    @Operation(summary = "Get a receivable", description = "Its creditor and its debtor see it, and the lenders of an "
            + "application it backs while the pledge is live; 404 for anyone else.")
    public Response get(@PathParam("id") UUID id) {
        Receivable r = service.visible(caller, id);
        return Response.ok(ReceivableView.of(r)).tag(ETags.of(r.version)).build();
    }

    @PUT
    @Path("/{id}/decision")
    @RolesAllowed({ Role.ENTERPRISE, Role.AUTHORITY })
    @Operation(summary = "Confirm or dispute a receivable", description = "By the debtor's own people: an enterprise's "
            + "ENTERPRISE key, a government body's AUTHORITY key naming it (org_id). A confirmation is final (409 after "
            + "it); a dispute needs a reason and may later be followed by a confirmation. The creditor is 403.")
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull ReceivableDecision body) {
        Receivable r = service.decide(caller, id, body);
        return Response.ok(ReceivableView.of(r)).tag(ETags.of(r.version)).build();
    }

    @GET
    @Path("/{id}/pledge")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.LENDER })
    @Operation(summary = "The receivable's entry in the pledge registry", description = "Whether it backs a live financing "
            + "application and before which lender; a receivable backs at most one. Seen by whoever sees the receivable.")
    public PledgeView pledge(@PathParam("id") UUID id) {
        return service.pledge(caller, id);
    }

    private static ReceivableStatus status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return ReceivableStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + java.util.Arrays.toString(ReceivableStatus.values()));
        }
    }
}
