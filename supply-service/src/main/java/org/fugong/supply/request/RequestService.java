package org.fugong.supply.request;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.supply.SupplyAccess;
import org.fugong.supply.allocation.AllocationService;
import org.fugong.supply.allocation.ItemLocks;
import org.fugong.supply.allocation.MatchingService;
import org.fugong.supply.catalogue.SupplyItem;
import org.fugong.supply.config.SupplyConfig;
import org.fugong.supply.organisation.Organisation;
import org.fugong.supply.request.api.NewRequest;
import org.fugong.supply.request.api.RequestView;
import org.fugong.supply.tx.RetryTransientFailures;


@ApplicationScoped
public class RequestService {

    @Inject
    RequestEvents events;

    @Inject
    MatchingService matching;

    @Inject
    AllocationService allocations;

    @Inject
    ItemLocks itemLocks;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    SupplyConfig config;

    @Inject
    SupplyAccess access;

    @RetryTransientFailures
    @Transactional
    public IdempotentResponse submit(Caller caller, NewRequest body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/supply-requests", body, () -> {
            String region;
            UUID requester = null;
            if (caller.hasRole(Role.HEALTH_INSTITUTION)) {
                Organisation hospital = caller.orgId().map(id -> Organisation.<Organisation>findById(id)).orElseThrow(
                        () -> ProblemException.conflict("Your organisation is not known to supply yet"));
                if (!hospital.isActive()) {
                    throw ProblemException.conflict("Your organisation is " + hospital.status);
                }
                requester = hospital.id;
                region = DeliveryRegionRule.forHospital(hospital.regionCode, body.deliveryRegion());
            } else {
                region = DeliveryRegionRule.forAuthority(body.deliveryRegion(), caller::covers);
            }
            if (SupplyItem.findById(body.itemCode()) == null) {
                throw ProblemException.invalid("item_code", "is not in the catalogue");
            }
            if (body.neededBy() != null && body.neededBy().isBefore(LocalDate.now(config.zone()))) {
                throw ProblemException.invalid("needed_by", "is in the past");
            }
            itemLocks.lock(List.of(body.itemCode())); // supply's lock order, though the new row is ours alone
            SupplyRequest r = new SupplyRequest();
            r.id = UuidV7.next();
            r.requesterOrgId = requester;
            r.requestedBy = caller.subject();
            r.itemCode = body.itemCode();
            r.quantity = body.quantity();
            r.urgency = body.urgency();
            r.daysOfSupplyLeft = body.daysOfSupplyLeft();
            r.deliveryRegion = region;
            r.neededBy = body.neededBy();
            r.status = RequestStatus.OPEN;
            r.createdAt = Instant.now();
            r.updatedAt = r.createdAt;
            r.persistAndFlush();
            events.submitted(r);
            matching.match(List.of(r.itemCode));
            return new Created<>(URI.create("/api/v1/supply-requests/" + r.id), RequestView.of(r), null);
        });
    }

    public SupplyRequest visible(Caller caller, UUID id) {
        SupplyRequest r = SupplyRequest.findById(id);
        if (r == null || !access.canSee(caller, r)) {
            throw ProblemException.notFound("Supply request " + id);
        }
        return r;
    }

    public Page<RequestView> list(Caller caller, String item, RequestStatus status, String cursor, int limit) {
        ScopedFilter where = access.requestsVisibleTo(caller, cursor).equal("itemCode", item).equal("status", status);
        List<SupplyRequest> rows = SupplyRequest.<SupplyRequest>find(where.query(), where.params()).range(0, limit)
                .list();
        return Page.of(rows, limit, RequestView::of, r -> r.id.toString());
    }

    /** Cancels what has not shipped: proposed and confirmed allocations give their quantity back. */
    @RetryTransientFailures
    @Transactional
    public SupplyRequest cancel(Caller caller, UUID id) {
        SupplyRequest r = lockedInLockOrder(id);
        if (r == null || !access.canCancel(caller, r)) {
            throw ProblemException.notFound("Supply request " + id);
        }
        boolean anythingShipped = allocations.anyShipped(r.id);
        if (!r.canBeCancelled(anythingShipped)) {
            return r;
        }
        allocations.cancelOpenFor(r);
        r.cancel(anythingShipped);
        SupplyRequest.flush();
        events.cancelled(r);
        matching.match(List.of(r.itemCode)); // what it held goes to the next in line
        return r;
    }

    /**
     * A request locked in supply's lock order — its item, then its row — and loaded only then, so it
     * shows whatever changed while we waited; null if there is none.
     */
    private SupplyRequest lockedInLockOrder(UUID id) {
        String item = SupplyRequest.itemCodeOf(id);
        if (item == null) {
            return null;
        }
        itemLocks.lock(List.of(item));
        return SupplyRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
