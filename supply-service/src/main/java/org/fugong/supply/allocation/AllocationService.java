package org.fugong.supply.allocation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.supply.SupplyAccess;
import org.fugong.supply.allocation.api.AllocationView;
import org.fugong.supply.offer.OfferEvents;
import org.fugong.supply.offer.OfferStatus;
import org.fugong.supply.offer.SupplyOffer;
import org.fugong.supply.request.RequestEvents;
import org.fugong.supply.request.SupplyRequest;
import org.fugong.supply.tx.RetryTransientFailures;
import org.jboss.logging.Logger;

/**
 * The life of an allocation: PROPOSED → CONFIRMED | DECLINED → IN_TRANSIT → DELIVERED | CANCELLED.
 * The transitions and their preconditions are {@link Allocation}'s; this locks, calls and publishes.
 */
@ApplicationScoped
public class AllocationService {

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

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

    @Inject
    SupplyAccess access;

    public Allocation visible(Caller caller, UUID id) {
        Allocation a = id == null ? null : Allocation.findById(id);
        if (a == null || !access.canSee(caller, a)) {
            throw ProblemException.notFound("Allocation " + id);
        }
        return a;
    }

    public Page<AllocationView> list(Caller caller, UUID requestId, String cursor, int limit) {
        ScopedFilter where = access.allocationsVisibleTo(caller, cursor).equal("requestId", requestId);
        List<Allocation> rows = Allocation.<Allocation>find(where.query(), where.params()).range(0, limit).list();
        return Page.of(rows, limit, AllocationView::of, a -> a.id.toString());
    }

    @RetryTransientFailures
    @Transactional
    public Allocation confirm(Caller caller, UUID id) {
        Allocation a = answeredBy(caller, id);
        if (a.confirm()) {
            Allocation.flush();
            allocationEvents.confirmed(a);
        }
        return a;
    }

    /**
     * The supplier cannot deliver: the quantity goes back to the request, which is matched again
     * from other offers; it is taken off the offer, whose supplier just said it does not have it.
     */
    @RetryTransientFailures
    @Transactional
    public Allocation decline(Caller caller, UUID id) {
        Allocation a = answeredBy(caller, id);
        if (!a.decline()) {
            return a;
        }
        SupplyOffer offer = SupplyOffer.findById(a.offerId, LockModeType.PESSIMISTIC_WRITE);
        offer.takeOffDeclined(a.quantity);
        giveBackToRequest(a, allocationEvents::declined);
        offerEvents.updated(offer);
        matching.match(List.of(a.itemCode));
        return a;
    }

    /**
     * Logistics picked the goods up. Unknown allocations are left alone, and a pick-up the
     * allocation refuses (it was never confirmed) is logged, not retried: retrying cannot change it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipped(UUID allocationId) {
        Allocation a = lockedInLockOrder(allocationId);
        if (a == null) {
            return;
        }
        try {
            if (!a.ship()) {
                return;
            }
        } catch (ProblemException refused) {
            LOG.warnf("Pick-up of allocation %s ignored: %s", a.id, refused.getMessage());
            return;
        }
        Allocation.flush();
        allocationEvents.inTransit(a);
    }

    /**
     * The goods arrived: the received quantity (the proof of delivery, possibly less than shipped)
     * counts as delivered. A shortfall is demand again and is matched at once; the offer keeps it
     * allocated, since the supplier did ship it. A request is FULFILLED when all it asked for arrived.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(UUID allocationId, long received) {
        Allocation a = lockedInLockOrder(allocationId);
        if (a == null) {
            return;
        }
        try {
            if (!a.deliver(received)) {
                return;
            }
        } catch (ProblemException refused) {
            LOG.warnf("Delivery of allocation %s ignored: %s", a.id, refused.getMessage());
            return;
        }
        SupplyRequest request = SupplyRequest.findById(a.requestId, LockModeType.PESSIMISTIC_WRITE);
        request.received(a.delivered, a.shortfall());
        SupplyRequest.flush();
        allocationEvents.delivered(a);
        requestEvents.updated(request);
        if (a.shortfall() > 0) {
            matching.match(List.of(a.itemCode));
        }
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
        Set<String> items = new TreeSet<>(Allocation.find(
                "select distinct itemCode from Allocation where supplierId = ?1 and status = ?2", supplierId,
                AllocationStatus.PROPOSED).project(String.class).list());
        items.addAll(SupplyOffer.find("select distinct itemCode from SupplyOffer where supplierId = ?1 and status in ?2",
                supplierId, List.of(OfferStatus.OPEN, OfferStatus.EXHAUSTED)).project(String.class).list());
        return List.copyOf(items);
    }

    /** Cancels an allocation: its quantity is free on the offer again and missing on the request. */
    private void cancelReturningToOffer(Allocation a) {
        SupplyOffer offer = SupplyOffer.findById(a.offerId, LockModeType.PESSIMISTIC_WRITE);
        offer.release(a.quantity);
        a.cancel();
        giveBackToRequest(a, allocationEvents::cancelled);
        offerEvents.updated(offer);
    }

    /** An allocation that no longer holds its quantity: the request gives it up too. */
    private void giveBackToRequest(Allocation a, Consumer<Allocation> publishAllocation) {
        SupplyRequest request = SupplyRequest.findById(a.requestId, LockModeType.PESSIMISTIC_WRITE);
        request.release(a.quantity);
        SupplyRequest.flush();
        publishAllocation.accept(a);
        requestEvents.updated(request);
    }

    /**
     * The allocation the caller answers for. Only its supplier does: anyone else, the requester
     * included, gets 404 as if it did not exist.
     */
    private Allocation answeredBy(Caller caller, UUID id) {
        Allocation a = id == null ? null : lockedInLockOrder(id);
        if (a == null || !access.canAnswer(caller, a)) {
            throw ProblemException.notFound("Allocation " + id);
        }
        return a;
    }

    /**
     * An allocation locked in supply's lock order — its item, then its row — and loaded only then,
     * so it shows whatever changed while we waited; null if there is none.
     */
    private Allocation lockedInLockOrder(UUID id) {
        String item = Allocation.itemCodeOf(id);
        if (item == null) {
            return null;
        }
        itemLocks.lock(List.of(item));
        return Allocation.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
