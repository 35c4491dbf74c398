package org.fugong.supply.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.RegionScope;
import org.fugong.platform.security.Role;
import org.fugong.supply.SupplyEvents;
import org.fugong.supply.allocation.api.AllocationView;
import org.fugong.supply.offer.OfferStatus;
import org.fugong.supply.offer.SupplyOffer;
import org.fugong.supply.request.SupplyRequest;

/** The life of an allocation: PROPOSED → CONFIRMED | DECLINED → IN_TRANSIT → DELIVERED | CANCELLED. */
@ApplicationScoped
public class AllocationService {

    @Inject
    EntityManager em;

    @Inject
    SupplyEvents events;

    @Inject
    MatchingService matching;

    /** The supplier, the requesting hospital, authorities covering the delivery region, administrators. */
    public Allocation visible(Caller caller, UUID id) {
        Allocation a = id == null ? null : Allocation.findById(id);
        if (a == null || !canSee(caller, a)) {
            throw ProblemException.notFound("Allocation " + id);
        }
        return a;
    }

    private boolean canSee(Caller caller, Allocation a) {
        if (caller.isAdmin() || caller.actsFor(a.supplierId)) {
            return true;
        }
        SupplyRequest r = SupplyRequest.findById(a.requestId);
        return (r.requesterOrgId != null && caller.actsFor(r.requesterOrgId))
                || (caller.hasRole(Role.AUTHORITY) && caller.covers(r.deliveryRegion));
    }

    public Page<AllocationView> list(Caller caller, UUID requestId, String cursor, int limit) {
        String scope;
        Object scopeValue;
        if (caller.isAdmin()) {
            scope = "";
            scopeValue = null;
        } else if (caller.hasRole(Role.AUTHORITY) && caller.regionScope().isPresent()) {
            scope = " and a.requestId in (select r.id from SupplyRequest r where r.deliveryRegion like :scope)";
            scopeValue = RegionScope.prefixOf(caller.regionScope().get()) + "%";
        } else {
            scope = " and (a.supplierId = :scope or a.requestId in "
                    + "(select r.id from SupplyRequest r where r.requesterOrgId = :scope))";
            scopeValue = caller.orgId().orElse(new UUID(0, 0));
        }
        UUID after = Cursor.decodeUuid(cursor);
        var query = em.createQuery("from Allocation a where 1 = 1" + scope
                + (requestId == null ? "" : " and a.requestId = :request")
                + (after == null ? "" : " and a.id > :after") + " order by a.id", Allocation.class)
                .setMaxResults(limit + 1);
        if (scopeValue != null) {
            query.setParameter("scope", scopeValue);
        }
        if (requestId != null) {
            query.setParameter("request", requestId);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return Page.of(query.getResultList(), limit, AllocationView::of, a -> a.id.toString());
    }

    @Transactional
    public Allocation confirm(Caller caller, UUID id) {
        Allocation a = supplierAction(caller, id);
        if (a.status == AllocationStatus.CONFIRMED) {
            return a;
        }
        requireProposed(a);
        a.status = AllocationStatus.CONFIRMED;
        a.updatedAt = Instant.now();
        em.flush();
        events.allocation(a, "confirmed");
        return a;
    }

    /**
     * The supplier cannot deliver: the quantity goes back to the request, which is matched again
     * from other offers; it is taken off the offer, whose supplier just said it does not have it.
     */
    @Transactional
    public Allocation decline(Caller caller, UUID id) {
        Allocation a = supplierAction(caller, id);
        if (a.status == AllocationStatus.DECLINED) {
            return a;
        }
        requireProposed(a);
        SupplyOffer offer = em.find(SupplyOffer.class, a.offerId, LockModeType.PESSIMISTIC_WRITE);
        offer.quantity -= a.quantity;
        offer.allocated -= a.quantity;
        if (offer.quantity == 0) {
            offer.status = OfferStatus.WITHDRAWN;
        }
        offer.updatedAt = Instant.now();
        release(a, AllocationStatus.DECLINED);
        events.offer(offer, "updated");
        matching.match(List.of(a.itemCode));
        return a;
    }

    /** Logistics picked the goods up. Unknown or already-moved allocations are left as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipped(UUID allocationId) {
        Allocation a = em.find(Allocation.class, allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || (a.status != AllocationStatus.CONFIRMED && a.status != AllocationStatus.PROPOSED)) {
            return;
        }
        a.status = AllocationStatus.IN_TRANSIT;
        a.updatedAt = Instant.now();
        em.flush();
        events.allocation(a, "in-transit");
    }

    /**
     * The goods arrived: the received quantity (the proof of delivery, possibly less than shipped)
     * counts as delivered; a request whose allocations are all delivered is FULFILLED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(UUID allocationId, long received) {
        Allocation a = em.find(Allocation.class, allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.status == AllocationStatus.DELIVERED || !a.status.holdsQuantity()) {
            return;
        }
        long delivered = Math.max(0, Math.min(received, a.quantity));
        a.status = AllocationStatus.DELIVERED;
        a.delivered = delivered;
        a.updatedAt = Instant.now();
        SupplyRequest request = em.find(SupplyRequest.class, a.requestId, LockModeType.PESSIMISTIC_WRITE);
        request.delivered += delivered;
        boolean allDelivered = Allocation.count("requestId = ?1 and status in ?2 and id <> ?3", a.requestId,
                List.of(AllocationStatus.PROPOSED, AllocationStatus.CONFIRMED, AllocationStatus.IN_TRANSIT), a.id) == 0;
        if (allDelivered && request.allocated == request.quantity) {
            request.status = org.fugong.supply.request.RequestStatus.FULFILLED;
        }
        request.updatedAt = Instant.now();
        em.flush();
        events.allocation(a, "delivered");
        events.request(request, "updated");
    }

    /** Whether anything of the request has left a supplier. */
    public boolean anyShipped(UUID requestId) {
        return Allocation.count("requestId = ?1 and status in ?2", requestId,
                List.of(AllocationStatus.IN_TRANSIT, AllocationStatus.DELIVERED)) > 0;
    }

    /** Cancels a request's proposed and confirmed allocations, returning their quantity to the offers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelOpenFor(SupplyRequest request) {
        List<Allocation> open = Allocation.<Allocation>find("requestId = ?1 and status in ?2", request.id,
                List.of(AllocationStatus.PROPOSED, AllocationStatus.CONFIRMED)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        open.forEach(this::cancelReturningToOffer);
    }

    /**
     * A supplier the registry suspended or deregistered keeps no proposed allocations: they are
     * cancelled and their quantity returns to the requests. Confirmed ones stand (the goods may
     * already be packed); authorities see them and may act.
     *
     * @return the items whose requests need matching again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> cancelProposedOf(UUID supplierId) {
        List<Allocation> proposed = Allocation.<Allocation>find("supplierId = ?1 and status = ?2 order by id", supplierId,
                AllocationStatus.PROPOSED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        proposed.forEach(this::cancelReturningToOffer);
        return proposed.stream().map(a -> a.itemCode).distinct().toList();
    }

    /** Cancels an allocation: its quantity is free on the offer again and missing on the request. */
    private void cancelReturningToOffer(Allocation a) {
        SupplyOffer offer = em.find(SupplyOffer.class, a.offerId, LockModeType.PESSIMISTIC_WRITE);
        offer.allocated -= a.quantity;
        offer.refreshStatus();
        offer.updatedAt = Instant.now();
        release(a, AllocationStatus.CANCELLED);
        events.offer(offer, "updated");
    }

    /** Ends an allocation that no longer holds its quantity; the request gives it up too. */
    private void release(Allocation a, AllocationStatus status) {
        SupplyRequest request = em.find(SupplyRequest.class, a.requestId, LockModeType.PESSIMISTIC_WRITE);
        request.allocated -= a.quantity;
        request.refreshStatus();
        request.updatedAt = Instant.now();
        a.status = status;
        a.updatedAt = Instant.now();
        em.flush();
        events.allocation(a, status.name().toLowerCase());
        events.request(request, "updated");
    }

    private Allocation supplierAction(Caller caller, UUID id) {
        Allocation a = visible(caller, id);
        if (!caller.actsFor(a.supplierId) && !caller.isAdmin()) {
            // The requester may see it but not answer for the supplier.
            throw ProblemException.notFound("Allocation " + id);
        }
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        return a;
    }

    private static void requireProposed(Allocation a) {
        if (a.status != AllocationStatus.PROPOSED) {
            throw ProblemException.conflict("The allocation is " + a.status + "; only a PROPOSED one can be answered");
        }
    }
}
