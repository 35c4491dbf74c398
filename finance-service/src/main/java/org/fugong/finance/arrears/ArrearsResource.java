package org.fugong.finance.arrears;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.finance.arrears.api.ArrearsClaimView;
import org.fugong.finance.arrears.api.ArrearsResponse;
import org.fugong.finance.arrears.api.ArrearsStatsView;
import org.fugong.finance.arrears.api.NewArrearsClaim;
import org.fugong.finance.arrears.api.NewPayment;
import org.fugong.finance.arrears.api.NewSettlementPlan;
import org.fugong.finance.arrears.api.PaymentView;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/arrears-claims")
@Tag(name = "Arrears claims", description = "Overdue payments SMEs claim from government bodies and large enterprises, "
        + "their settlement plans and payments, and the authorities' statistics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE })
public class ArrearsResource {

    @Inject
    ArrearsService service;

    @Inject
    ArrearsStats stats;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Claim overdue payment", description = "By an ACTIVE SME (MICRO, SMALL or MEDIUM, as the registry "
            + "knows it), from a government body or a LARGE enterprise registered with the registry, for a contract whose "
            + "payment was due before today. The same contract reference against the same debtor twice is a 409. "
            + "Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Claimed, awaiting the debtor's answer")
    public Response claim(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewArrearsClaim body) {
        return service.claim(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List arrears claims in the caller's scope", description = "Those the caller's organisation made "
            + "or owes; for authorities also those whose debtor lies in their region scope; all for admins. In id order, "
            + "keyset-paged.")
    public Page<ArrearsClaimView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.enumValue("status", status, ArrearsStatus.class), cursor,
                Cursor.limit(limit));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({ Role.ADMIN, Role.AUTHORITY })
    @Operation(summary = "Outstanding arrears by age", description = "What is still owed on claims not settled, in buckets "
            + "of 0–30, 31–90, 91–180 and over 180 days overdue as of today (finance zone), in total and per debtor "
            + "(group_by=debtor) or per county of the debtor (group_by=region), over the debtors in the caller's region "
            + "scope. Groups in key order, keyset-paged.")
    public ArrearsStatsView stats(@QueryParam("group_by") String groupBy, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        if (groupBy == null || groupBy.isEmpty()) {
            throw ProblemException.invalid("group_by", "is required: debtor or region");
        }
        return stats.stats(caller, QueryParams.enumValue("group_by", groupBy, ArrearsStats.GroupBy.class), cursor,
                Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an arrears claim", description = "Its creditor, its debtor and authorities covering the "
            + "debtor see it; 404 for anyone else.")
    public Response get(@PathParam("id") UUID id) {
        ArrearsClaim c = service.visible(caller, id);
        return Response.ok(service.view(c)).tag(ETags.of(c.version)).build();
    }

    @PUT
    @Path("/{id}/response")
    @RolesAllowed({ Role.ENTERPRISE, Role.AUTHORITY })
    @Operation(summary = "Acknowledge or dispute a claim", description = "By the debtor's own people: an enterprise's "
            + "ENTERPRISE key, a government body's AUTHORITY key naming it (org_id). A dispute needs a reason and may "
            + "later be followed by an acknowledgement; after an acknowledgement, 409.")
    public Response respond(@PathParam("id") UUID id, @Valid @NotNull ArrearsResponse body) {
        ArrearsClaimView c = service.respond(caller, id, body);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @PUT
    @Path("/{id}/settlement-plan")
    @RolesAllowed({ Role.ENTERPRISE, Role.AUTHORITY })
    @Operation(summary = "Agree a settlement plan", description = "By the debtor, once, after acknowledging: dated "
            + "instalments in date order, none in the past, summing exactly to what is outstanding.")
    public Response agreePlan(@PathParam("id") UUID id, @Valid @NotNull NewSettlementPlan body) {
        ArrearsClaimView c = service.agreePlan(caller, id, body);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({ Role.ENTERPRISE, Role.AUTHORITY })
    @Operation(summary = "Record a payment", description = "By the debtor, against the agreed plan: applied to the "
            + "instalments in order; at most what is outstanding; the last cent settles the claim. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response recordPayment(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull NewPayment body) {
        return service.recordPayment(caller, id, body, idempotencyKey).toResponse();
    }

    @GET
    @Path("/{id}/payments")
    @Operation(summary = "List a claim's payments", description = "For whoever sees the claim; in id order, keyset-paged.")
    public Page<PaymentView> payments(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.payments(caller, id, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}/payments/{paymentId}")
    @Operation(summary = "Get a payment", description = "For whoever sees the claim. Payments never change.")
    public Response payment(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId) {
        return Response.ok(service.payment(caller, id, paymentId)).tag(new EntityTag(ArrearsService.PAYMENT_ETAG)).build();
    }
}
