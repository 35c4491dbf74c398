package org.fugong.logistics;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.logistics.pass.GreenPass;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.paging.ScopedFilter.Scope;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

/**
 * Who may see and act on logistics' objects, for one object and for lists alike. Administrators
 * see everything. A pass is its enterprise's, and an authority's whose scope covers either end of
 * its route; only an authority covering its origin (or an administrator) decides one under review,
 * and any authority who sees it (one covering either end) revokes one.
 * The driver is shown to the enterprise and administrators only. Objects outside the caller's view
 * are answered 404 by the services, so ids cannot be probed.
 */
@ApplicationScoped
public class LogisticsAccess {

    public boolean canSee(Caller caller, GreenPass p) {
        return caller.isAdmin() || caller.actsFor(p.enterpriseId) || isAuthorityOver(caller, p.origin)
                || isAuthorityOver(caller, p.destination);
    }

    /** Driver data in full: the applying enterprise and administrators; everyone else sees it masked. */
    public boolean seesDriver(Caller caller, GreenPass p) {
        return caller.isAdmin() || caller.actsFor(p.enterpriseId);
    }

    /** An authority covering only the destination sees the pass but does not decide it: 403. */
    public void requireReviewerOf(Caller caller, GreenPass p) {
        if (!caller.isAdmin() && !isAuthorityOver(caller, p.origin)) {
            throw ProblemException.forbidden("Only an authority whose scope covers the origin " + p.origin
                    + " decides this pass");
        }
    }

    /** The enterprise a pass is applied for: the caller's own organisation, never one named in the body. */
    public UUID applyingEnterprise(Caller caller) {
        return caller.orgId().orElseThrow(
                () -> ProblemException.forbidden("Passes are applied for by an enterprise's own people (a token with org_id)"));
    }

    public ScopedFilter passesVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller,
                new Scope("origin like :region or destination like :region", "enterpriseId = :own"), cursor);
    }

    private static boolean isAuthorityOver(Caller caller, String regionCode) {
        return caller.hasRole(Role.AUTHORITY) && caller.covers(regionCode);
    }
}
