package org.fugong.finance.application;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.finance.application.ApplicationService.Visible;
import org.fugong.finance.application.api.Acceptance;
import org.fugong.finance.application.api.ApplicationView;
import org.fugong.finance.application.api.Approval;
import org.fugong.finance.application.api.Disbursement;
import org.fugong.finance.application.api.NewApplication;
import org.fugong.finance.application.api.NewRepayment;
import org.fugong.finance.application.api.Recommendation;
import org.fugong.finance.application.api.RepaymentView;
import org.fugong.finance.application.api.ScheduleView;
import org.fugong.finance.application.api.Withdrawal;
import org.fugong.platform.http.ETags;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/financing-applications")
@Tag(name = "Financing applications", description = "One application to one or several lenders, each answering with an "
        + "offer or a refusal (maker recommends, checker approves); the loan, its schedule and its repayments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.ENTERPRISE, Role.LENDER })
public class ApplicationResource {

    @Inject
    ApplicationService service;

    @Inject
    Loans loans;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Apply for financing", description = "By an enterprise's own people, for their organisation. "
            + "Eligibility from the registry: ACTIVE SMEs (MICRO, SMALL, MEDIUM) for every product, and key enterprises "
            + "on the white list of any size for WORKING_CAPITAL_LOAN (the 2020 special relending); refused with the rule "
            + "that failed. RECEIVABLES_FINANCING pledges the named confirmed receivables (a 409 if one already backs a "
            + "live application) and asks at most the advance rate of their face value. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Submitted to every lender named",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response submit(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewApplication body) {
        return service.submit(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List financing applications in the caller's scope", description = "The applicant's own; those "
            + "sent to a lender (with only its own part); all for admins. In id order, keyset-paged.")
    public Page<ApplicationView> list(@QueryParam("status") String status, @QueryParam("product") String product,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller, QueryParams.enumValue("status", status, ApplicationStatus.class),
                QueryParams.enumValue("product", product, Product.class), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a financing application", description = "The applicant sees every lender's status and the "
            + "approved offers; a lender only its own part; 404 for anyone else.")
    @APIResponse(responseCode = "200", description = "The application as the caller may see it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response get(@PathParam("id") UUID id) {
        return answer(service.visible(caller, id));
    }

    @PUT
    @Path("/{id}/review")
    @RolesAllowed(Role.LENDER)
    @Operation(summary = "Start the lender's review", description = "By a reviewer of a lender the application was sent "
            + "to; no body. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "The application as the caller may see it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response startReview(@PathParam("id") UUID id) {
        return answer(service.startReview(caller, id));
    }

    @PUT
    @Path("/{id}/recommendation")
    @RolesAllowed(Role.LENDER)
    @Operation(summary = "Recommend the lender's answer (maker)", description = "An OFFER (amount up to what was asked, "
            + "annual rate 0–36 %, term 1–360 months, repayment method) or a REFUSE with its reason, by a reviewer of the "
            + "lender once its review started. It awaits another reviewer's approval and cannot be changed meanwhile; the "
            + "applicant does not see it.")
    @APIResponse(responseCode = "200", description = "The application as the caller may see it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response recommend(@PathParam("id") UUID id, @Valid @NotNull Recommendation body) {
        return answer(service.recommend(caller, id, body));
    }

    @PUT
    @Path("/{id}/approval")
    @RolesAllowed(Role.LENDER)
    @Operation(summary = "Approve or return the recommendation (checker)", description = "By another reviewer of the same "
            + "lender: the caller who recommended is a 403. APPROVE makes an offer visible to the applicant (open for the "
            + "configured days) or makes the refusal final; RETURN sends it back with a reason.")
    @APIResponse(responseCode = "200", description = "The application as the caller may see it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response approve(@PathParam("id") UUID id, @Valid @NotNull Approval body) {
        return answer(service.approve(caller, id, body));
    }

    @PUT
    @Path("/{id}/acceptance")
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Accept one offer", description = "By the applicant's own people; every other lender's part "
            + "lapses, and pledged receivables are now before the accepted lender.")
    @APIResponse(responseCode = "200", description = "The application as the caller may see it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response accept(@PathParam("id") UUID id, @Valid @NotNull Acceptance body) {
        return answer(service.accept(caller, id, body));
    }

    @PUT
    @Path("/{id}/withdrawal")
    @RolesAllowed(Role.ENTERPRISE)
    @Operation(summary = "Withdraw the application", description = "By the applicant's own people, before the money is "
            + "paid out; pledged receivables are released.")
    @APIResponse(responseCode = "200", description = "The application as the caller may see it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull Withdrawal body) {
        return answer(service.withdraw(caller, id, body));
    }

    @PUT
    @Path("/{id}/disbursement")
    @RolesAllowed(Role.LENDER)
    @Operation(summary = "Record the disbursement", description = "By the lender whose offer was accepted (another lender "
            + "is a 403): the loan takes the offer's terms and its monthly schedule is fixed, with the interest subsidy's "
            + "part of each instalment for a working-capital loan to a key enterprise under the special relending.")
    @APIResponse(responseCode = "200", description = "The application as the caller may see it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response disburse(@PathParam("id") UUID id, @Valid @NotNull Disbursement body) {
        return answer(loans.disburse(caller, id, body));
    }

    @GET
    @Path("/{id}/schedule")
    @Operation(summary = "The loan's repayment schedule", description = "Every instalment with its principal, interest "
            + "(the borrower's and the subsidy's parts), what was paid and whether it is overdue as of today in the finance "
            + "zone. The applicant, the lender of the loan and admins; 404 for others and before disbursement.")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    public Response schedule(@PathParam("id") UUID id) {
        Loans.Schedule schedule = loans.schedule(caller, id);
        return Response.ok(schedule.view()).tag(new EntityTag(schedule.etag())).build();
    }

    @POST
    @Path("/{id}/repayments")
    @RolesAllowed(Role.LENDER)
    @Operation(summary = "Record a repayment", description = "By the lender of the loan, against one instalment: at most "
            + "what is still due on it, exact to the cent. When every instalment is paid the application is REPAID and its "
            + "receivables are released. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = RepaymentView.class)))
    public Response repay(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @PathParam("id") UUID id,
            @Valid @NotNull NewRepayment body) {
        return loans.repay(caller, id, body, idempotencyKey).toResponse();
    }

    @GET
    @Path("/{id}/repayments")
    @Operation(summary = "List the loan's repayments", description = "In the order recorded, keyset-paged; as the schedule.")
    public Page<RepaymentView> repayments(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return loans.repayments(caller, id, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{id}/repayments/{repaymentId}")
    @Operation(summary = "Get a repayment", description = "Repayments never change; as the schedule.")
    @APIResponse(responseCode = "200", description = "The repayment",
            content = @Content(schema = @Schema(implementation = RepaymentView.class)))
    public Response repayment(@PathParam("id") UUID id, @PathParam("repaymentId") UUID repaymentId) {
        return Response.ok(loans.repayment(caller, id, repaymentId)).tag(ETags.of(0)).build();
    }

    private Response answer(Visible v) {
        return Response.ok(service.view(v.application(), v.viewer())).tag(ETags.of(v.application().version)).build();
    }
}
