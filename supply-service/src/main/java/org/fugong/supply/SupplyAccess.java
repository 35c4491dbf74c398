package org.fugong.supply;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.paging.ScopedFilter.Scope;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.supply.allocation.Allocation;
import org.fugong.supply.offer.SupplyOffer;
import org.fugong.supply.request.SupplyRequest;

/**
 * Who may see and act on supply's objects, for one object and for lists alike. Administrators see
 * everything. An offer is its supplier's, and an authority's whose scope covers its origin; a
 * request is its hospital's, and an authority's whose scope covers its delivery region; an
 * allocation is its supplier's, and whoever sees its request. Only the supplier (or an
 * administrator) answers for an offer or an allocation. Objects outside the caller's view are
 * answered 404 by the services, so ids cannot be probed.
 */
@ApplicationScoped
public class SupplyAccess {

    /** The allocation's request, by id: where an allocation's delivery region and requester are. */
    private static final String REQUESTS_DELIVERED_TO_REGION =
            "requestId in (select r.id from SupplyRequest r where r.deliveryRegion like :region)";
    private static final String REQUESTS_OF_OWN_ORGANISATION =
            "requestId in (select r.id from SupplyRequest r where r.requesterOrgId = :own)";

    public boolean canSee(Caller caller, SupplyOffer o) {
        return caller.isAdmin() || caller.actsFor(o.supplierId) || isAuthorityOver(caller, o.originRegion);
    }

    public boolean canSee(Caller caller, SupplyRequest r) {
        return caller.isAdmin() || (r.requesterOrgId != null && caller.actsFor(r.requesterOrgId))
                || isAuthorityOver(caller, r.deliveryRegion);
    }

    public boolean canSee(Caller caller, Allocation a) {
        return caller.isAdmin() || caller.actsFor(a.supplierId)
                || canSee(caller, SupplyRequest.<SupplyRequest>findById(a.requestId));
    }

    /** The supplier confirms or declines; the requester and authorities see the allocation but do not answer for it. */
    public boolean canAnswer(Caller caller, Allocation a) {
        return caller.isAdmin() || caller.actsFor(a.supplierId);
    }

    /** Whoever sees a request may cancel it: its hospital, an authority covering its delivery region. */
    public boolean canCancel(Caller caller, SupplyRequest r) {
        return canSee(caller, r);
    }

    /** An authority covering the offer sees it but does not withdraw it for the supplier: 403. */
    public void requireSupplierOf(Caller caller, SupplyOffer o) {
        if (!caller.isAdmin() && !caller.actsFor(o.supplierId)) {
            throw ProblemException.forbidden("Only the supplier withdraws its offer");
        }
    }

    /** The supplier an offer is made for: the caller's own organisation, never one named in the body. */
    public UUID offeringSupplier(Caller caller) {
        return caller.orgId().orElseThrow(
                () -> ProblemException.forbidden("Offers are made by a supplier's own people (a token with org_id)"));
    }

    public ScopedFilter offersVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, Scope.fields("originRegion", "supplierId"), cursor);
    }

    public ScopedFilter requestsVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, Scope.fields("deliveryRegion", "requesterOrgId"), cursor);
    }

    public ScopedFilter allocationsVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, new Scope(REQUESTS_DELIVERED_TO_REGION,
                "supplierId = :own or " + REQUESTS_OF_OWN_ORGANISATION), cursor);
    }

    private static boolean isAuthorityOver(Caller caller, String regionCode) {
        return caller.hasRole(Role.AUTHORITY) && caller.covers(regionCode);
    }
}
