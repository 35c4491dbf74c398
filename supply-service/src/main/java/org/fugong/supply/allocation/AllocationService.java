package org.fugong.supply.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

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
import org.fugong.supply.allocation.api.AllocationView;
import org.fugong.supply.offer.OfferEvents;
import org.fugong.supply.offer.OfferStatus;
import org.fugong.supply.offer.SupplyOffer;
import org.fugong.supply.request.RequestEvents;
import org.fugong.supply.request.SupplyRequest;
import org.fugong.supply.tx.RetryTransientFailures;
import org.jboss.logging.Logger;

/** The life of an allocation: PROPOSED → CONFIRMED | DECLINED → IN_TRANSIT → DELIVERED | CANCELLED. */
@ApplicationScoped
public class AllocationService {

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

    @Inject
    EntityManager em;

    @Inject
    AllocationEvents allocationEvents;

    @Inject
    OfferEvents offerEvents;

    @Inject
    RequestEvents requestEvents;

    @Inject
    MatchingService matching;

    @Inject
    ItemLocks itemLocks;

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

    @RetryTransientFailures
    @Transactional
    public Allocation confirm(Caller caller, UUID id) {
        Allocation a = supplierAction(caller, id);
        if (a.status == AllocationStatus.CONFIRMED) {
            return a;
        }
        a.confirm();
        em.flush();
        allocationEvents.confirmed(a);
        return a;
    }

    /**
     * The supplier cannot deliver: the quantity goes back to the request, which is matched again
     * from other offers; it is taken off the offer, whose supplier just said it does not have it.
     */
    @RetryTransientFailures
    @Transactional
    public Allocation decline(Caller caller, UUID id) {
        Allocation a = supplierAction(caller, id);
        if (a.status == AllocationStatus.DECLINED) {
            return a;
        }
        a.decline();
        SupplyOffer offer = em.find(SupplyOffer.class, a.offerId, LockModeType.PESSIMISTIC_WRITE);
        offer.quantity -= a.quantity;
        offer.allocated -= a.quantity;
        if (offer.quantity == 0) {
            offer.status = OfferStatus.WITHDRAWN;
        }
        offer.updatedAt = Instant.now();
        release(a, allocationEvents::declined);
        offerEvents.updated(offer);
        matching.match(List.of(a.itemCode));
        return a;
    }

    /** Logistics picked the goods up. Unknown allocations are left alone, and only a confirmed one ships. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipped(UUID allocationId) {
        Allocation a = lockedForEvent(allocationId);
        if (a == null || a.status == AllocationStatus.IN_TRANSIT) {
            return;
        }
        if (!a.canShip()) {
            LOG.warnf("Pick-up of allocation %s ignored: it is %s, and only a CONFIRMED one ships", a.id, a.status);
            return;
        }
        a.ship();
        em.flush();
        allocationEvents.inTransit(a);
    }

    /**
     * The goods arrived: the received quantity (the proof of delivery, possibly less than shipped)
     * counts as delivered. A shortfall is demand again and is matched at once; the offer keeps it
     * allocated, since the supplier did ship it. A request is FULFILLED when all it asked for arrived.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(UUID allocationId, long received) {
        Allocation a = lockedForEvent(allocationId);
        if (a == null || a.status == AllocationStatus.DELIVERED) {
            return;
        }
        if (!a.canBeDelivered()) {
            LOG.warnf("Delivery of allocation %s ignored: it is %s, and only a confirmed one is delivered", a.id,
                    a.status);
            return;
        }
        long shortfall = a.deliver(received);
        SupplyRequest request = em.find(SupplyRequest.class, a.requestId, LockModeType.PESSIMISTIC_WRITE);
        request.received(a.delivered, shortfall);
        em.flush();
        allocationEvents.delivered(a);
        requestEvents.updated(request);
        if (shortfall > 0) {
            matching.match(List.of(a.itemCode));
        }
    }

    /** An allocation a logistics event names, locked in supply's lock order (its item first), or null. */
    private Allocation lockedForEvent(UUID allocationId) {
        Allocation a = em.find(Allocation.class, allocationId);
        if (a == null) {
            return null;
        }
        itemLocks.lock(List.of(a.itemCode));
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        return a;
    }

    /** Whether anything of the request has left a supplier. */
    public boolean anyShipped(UUID requestId) {
        return Allocation.count("requestId = ?1 and status in ?2", requestId,
                List.of(AllocationStatus.IN_TRANSIT, AllocationStatus.DELIVERED)) > 0;
    }

    /**
     * Cancels a request's proposed and confirmed allocations, returning their quantity to the offers.
     * The caller holds the item's lock already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelOpenFor(SupplyRequest request) {
        List<Allocation> open = Allocation.<Allocation>find("requestId = ?1 and status in ?2 order by id", request.id,
                List.of(AllocationStatus.PROPOSED, AllocationStatus.CONFIRMED)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        open.forEach(this::cancelReturningToOffer);
    }

    /**
     * A supplier the registry suspended or deregistered keeps no proposed allocations: they are
     * cancelled and their quantity returns to the requests. Confirmed ones stand (the goods may
     * already be packed); authorities see them and may act. Takes the locks of every item the
     * supplier has proposals or offers for before any row, so a matching run cannot add a proposal
     * for it behind our back nor deadlock with us.
     *
     * @return the items whose requests need matching again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> cancelProposedOf(UUID supplierId) {
        itemLocks.lock(itemsOf(supplierId));
        List<Allocation> proposed = Allocation.<Allocation>find("supplierId = ?1 and status = ?2 order by id", supplierId,
                AllocationStatus.PROPOSED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        proposed.forEach(this::cancelReturningToOffer);
        return proposed.stream().map(a -> a.itemCode).distinct().toList();
    }

    /** The items a supplier has proposed allocations or open offers for. */
    public List<String> itemsOf(UUID supplierId) {
        return em.createQuery("""
                select a.itemCode from Allocation a where a.supplierId = :supplier and a.status = :proposed
                union select o.itemCode from SupplyOffer o where o.supplierId = :supplier and o.status in :live""",
                String.class).setParameter("supplier", supplierId).setParameter("proposed", AllocationStatus.PROPOSED)
                .setParameter("live", List.of(OfferStatus.OPEN, OfferStatus.EXHAUSTED)).getResultList();
    }

    /** Cancels an allocation: its quantity is free on the offer again and missing on the request. */
    private void cancelReturningToOffer(Allocation a) {
        SupplyOffer offer = em.find(SupplyOffer.class, a.offerId, LockModeType.PESSIMISTIC_WRITE);
        offer.allocated -= a.quantity;
        offer.refreshStatus();
        offer.updatedAt = Instant.now();
        a.cancel();
        release(a, allocationEvents::cancelled);
        offerEvents.updated(offer);
    }

    /** An allocation that no longer holds its quantity: the request gives it up too. */
    private void release(Allocation a, Consumer<Allocation> published) {
        SupplyRequest request = em.find(SupplyRequest.class, a.requestId, LockModeType.PESSIMISTIC_WRITE);
        request.allocated -= a.quantity;
        request.refreshStatus();
        request.updatedAt = Instant.now();
        em.flush();
        published.accept(a);
        requestEvents.updated(request);
    }

    /** The allocation the caller answers for, locked in supply's lock order: its item, then its row. */
    private Allocation supplierAction(Caller caller, UUID id) {
        Allocation a = visible(caller, id);
        if (!caller.actsFor(a.supplierId) && !caller.isAdmin()) {
            // The requester may see it but not answer for the supplier.
            throw ProblemException.notFound("Allocation " + id);
        }
        itemLocks.lock(List.of(a.itemCode));
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        return a;
    }
}
