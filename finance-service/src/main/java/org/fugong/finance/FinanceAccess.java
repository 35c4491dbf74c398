package org.fugong.finance;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.finance.receivable.Receivable;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.paging.ScopedFilter.Scope;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;

/**
 * Who may see and act on finance's objects, for one object and for lists alike. Administrators see
 * everything. A receivable is its creditor's and its debtor's: both see it, only the debtor answers
 * for it. Objects outside the caller's view are answered 404 by the services, so ids cannot be
 * probed.
 */
@ApplicationScoped
public class FinanceAccess {

    /** Organisations whose county lies in an authority's scope: where a receivable's creditor is. */
    private static final String CREDITOR_IN_REGION =
            "creditorOrgId in (select o.id from Organisation o where o.regionCode like :region)";

    public boolean canSee(Caller caller, Receivable r) {
        return caller.isAdmin() || caller.actsFor(r.creditorOrgId) || caller.actsFor(r.debtorOrgId);
    }

    /**
     * Only the debtor's own people confirm or dispute: the creditor sees its receivable but cannot
     * confirm its own claim (403), and an administrator does not speak for a debtor either.
     */
    public void requireDebtorOf(Caller caller, Receivable r) {
        if (!caller.actsFor(r.debtorOrgId)) {
            throw ProblemException.forbidden("Only the debtor confirms or disputes a receivable");
        }
    }

    /** The creditor a receivable is recorded for: the caller's own organisation, never one named in the body. */
    public UUID recordingCreditor(Caller caller) {
        return caller.orgId().orElseThrow(
                () -> ProblemException.forbidden("Receivables are recorded by an enterprise's own people (a token with org_id)"));
    }

    /**
     * A creditor's and a debtor's receivables alike. The region condition serves authorities, which
     * no receivable endpoint admits today, so that widening the roles cannot widen the view unscoped.
     */
    public ScopedFilter receivablesVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, new Scope(CREDITOR_IN_REGION,
                "creditorOrgId = :own or debtorOrgId = :own"), cursor);
    }
}
