package org.fugong.finance;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.finance.application.FinancingApplication;
import org.fugong.finance.application.LenderReview;
import org.fugong.finance.application.api.ApplicationView.Viewer;
import org.fugong.finance.arrears.ArrearsClaim;
import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.receivable.Receivable;
import org.fugong.finance.receivable.ReceivablePledge;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.paging.ScopedFilter.Scope;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

/**
 * Who may see and act on finance's objects, for one object and for lists alike. Administrators see
 * everything. A receivable or an arrears claim is its creditor's and its debtor's: both see it, only
 * the debtor answers for it. Authorities see arrears claims whose debtor lies in their region scope
 * (receivables they do not see by region). Objects outside the caller's view are answered 404 by the
 * services, so ids cannot be probed. A financing application is its applicant's (ENTERPRISE people
 * of that organisation) and each of its lenders' (LENDER people of an organisation it was sent to),
 * each lender seeing only its own part; the loan and its schedule are the applicant's and the
 * accepted lender's.
 * <p>
 * An organisation's own people are the callers whose token names it ({@code org_id}); to answer for
 * it they also need the role of its kind: ENTERPRISE for an enterprise, AUTHORITY for a government
 * body (the gateway issues AUTHORITY keys naming the body they act for).
 */
@ApplicationScoped
public class FinanceAccess {

    /** Arrears claims' scope for an authority: where their debtor is. */
    private static final String DEBTOR_IN_REGION = "debtorRegionCode like :region";
    private static final String CREDITOR_OR_DEBTOR = "creditorOrgId = :own or debtorOrgId = :own";

    public boolean canSee(Caller caller, Receivable r) {
        return caller.isAdmin() || caller.actsFor(r.creditorOrgId) || caller.actsFor(r.debtorOrgId)
                || isLenderDecidingOn(caller, r);
    }

    /**
     * A lender sees a receivable while it backs an application sent to it: what it is asked to
     * finance, as the national receivables platform lets banks see what they bid on. Only through
     * the application: lenders list no receivables, and one the application does not pledge stays
     * out of their view.
     */
    private static boolean isLenderDecidingOn(Caller caller, Receivable r) {
        return caller.hasRole(Role.LENDER) && caller.orgId().map(lender -> LenderReview.count(
                "lenderOrgId = ?1 and application.id in (select p.applicationId from ReceivablePledge p"
                        + " where p.receivableId = ?2 and p.status = ?3)",
                lender, r.id, ReceivablePledge.Status.LIVE) > 0).orElse(false);
    }

    public boolean canSee(Caller caller, ArrearsClaim c) {
        return caller.isAdmin() || caller.actsFor(c.creditorOrgId) || caller.actsFor(c.debtorOrgId)
                || (caller.hasRole(Role.AUTHORITY) && caller.covers(c.debtorRegionCode));
    }

    /**
     * Only the debtor's own people confirm or dispute: the creditor sees its receivable but cannot
     * confirm its own claim (403), and an administrator does not speak for a debtor either.
     */
    public void requireDebtorOf(Caller caller, Receivable r) {
        requireSpeaksFor(caller, Organisation.findById(r.debtorOrgId), "Only the debtor confirms or disputes a receivable");
    }

    /**
     * The caller answers for the organisation: its token names it, with the role of the
     * organisation's kind. A government body reached with an ENTERPRISE key (the stop-gap before
     * AUTHORITY keys could name one) is refused: its key's role must say what it is.
     */
    public void requireSpeaksFor(Caller caller, Organisation org, String refusal) {
        if (org == null || !caller.actsFor(org.id)) {
            throw ProblemException.forbidden(refusal);
        }
        String role = roleOf(org);
        if (!caller.hasRole(role)) {
            throw ProblemException.forbidden(refusal + ": a " + org.kind + "'s people answer with a key of role " + role
                    + " naming it (org_id)");
        }
    }

    /** The role an organisation's own people act with. */
    static String roleOf(Organisation org) {
        return Organisation.GOVERNMENT_BODY.equals(org.kind) ? Role.AUTHORITY : Role.ENTERPRISE;
    }

    /** The creditor a receivable is recorded for: the caller's own organisation, never one named in the body. */
    public UUID recordingCreditor(Caller caller) {
        return caller.orgId().orElseThrow(
                () -> ProblemException.forbidden("Receivables are recorded by an enterprise's own people (a token with org_id)"));
    }

    /** The creditor an arrears claim is made for: the caller's own organisation, never one named in the body. */
    public UUID claimingCreditor(Caller caller) {
        return caller.orgId().orElseThrow(
                () -> ProblemException.forbidden("Arrears are claimed by an enterprise's own people (a token with org_id)"));
    }

    /**
     * A creditor's and a debtor's receivables alike, for every role: authorities see receivables only
     * as debtors (a government body's people), never by region.
     */
    public ScopedFilter receivablesVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, Scope.ownersOnly(CREDITOR_OR_DEBTOR), cursor);
    }

    /** Claims the caller's organisation makes or owes, and for authorities those whose debtor is in scope. */
    public ScopedFilter arrearsVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, new Scope(DEBTOR_IN_REGION, CREDITOR_OR_DEBTOR), cursor);
    }

    /** Applications of enterprises in an authority's scope (no application endpoint admits authorities today). */
    private static final String APPLICANT_IN_REGION =
            "applicantOrgId in (select o.id from Organisation o where o.regionCode like :region)";

    /** How the caller sees the application, if at all: administrator, its applicant, or one of its lenders. */
    public Optional<Viewer> viewerOf(Caller caller, FinancingApplication a) {
        if (caller.isAdmin()) {
            return Optional.of(Viewer.admin());
        }
        if (caller.hasRole(Role.ENTERPRISE) && caller.actsFor(a.applicantOrgId)) {
            return Optional.of(new Viewer(Viewer.Kind.APPLICANT, a.applicantOrgId));
        }
        if (caller.hasRole(Role.LENDER)) {
            return caller.orgId().filter(org -> a.lender(org).isPresent()).map(org -> new Viewer(Viewer.Kind.LENDER, org));
        }
        return Optional.empty();
    }

    /** The enterprise an application is made for: the caller's own organisation, never one named in the body. */
    public UUID applyingEnterprise(Caller caller) {
        return caller.orgId().orElseThrow(() -> ProblemException.forbidden(
                "Financing is applied for by an enterprise's own people (a token with org_id)"));
    }

    /** The lender the caller acts for on this application; 403 for a caller who sees it as someone else. */
    public UUID actingLender(Caller caller, FinancingApplication a) {
        return viewerOf(caller, a).filter(v -> v.kind() == Viewer.Kind.LENDER).map(Viewer::orgId).orElseThrow(
                () -> ProblemException.forbidden("Only the people of a lender the application was sent to answer it"));
    }

    /** The applicant's own people accept, and withdraw; 403 for anyone else who sees it. */
    public void requireApplicant(Caller caller, FinancingApplication a) {
        if (viewerOf(caller, a).filter(v -> v.kind() == Viewer.Kind.APPLICANT).isEmpty()) {
            throw ProblemException.forbidden("Only the applicant's own people accept an offer or withdraw");
        }
    }

    /** The loan and its schedule: administrators, the applicant and the lender whose offer was accepted. */
    public boolean seesLoan(Caller caller, FinancingApplication a) {
        return viewerOf(caller, a).map(v -> v.kind() != Viewer.Kind.LENDER || v.orgId().equals(a.acceptedLenderOrgId))
                .orElse(false);
    }

    /** A lender's review queue: its own people and administrators; anyone else's is out of scope (404). */
    public boolean seesQueueOf(Caller caller, UUID lenderOrgId) {
        return caller.isAdmin() || (caller.hasRole(Role.LENDER) && caller.actsFor(lenderOrgId));
    }

    /** An applicant's applications, or those sent to a lender; all for administrators. */
    public ScopedFilter applicationsVisibleTo(Caller caller, String cursor) {
        String own = caller.hasRole(Role.LENDER)
                ? "id in (select l.application.id from LenderReview l where l.lenderOrgId = :own)"
                : "applicantOrgId = :own";
        return ScopedFilter.forCaller(caller, new Scope(APPLICANT_IN_REGION, own), cursor);
    }
}
