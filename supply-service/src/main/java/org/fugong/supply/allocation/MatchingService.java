package org.fugong.supply.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.problem.ProblemException;
import org.fugong.supply.catalogue.SupplyItem;
import org.fugong.supply.config.SupplyConfig;
import org.fugong.supply.offer.CertificateRule;
import org.fugong.supply.offer.OfferEvents;
import org.fugong.supply.offer.OfferStatus;
import org.fugong.supply.offer.SupplyOffer;
import org.fugong.supply.request.RequestEvents;
import org.fugong.supply.request.RequestStatus;
import org.fugong.supply.request.SupplyRequest;
import org.fugong.supply.organisation.Organisation;
import org.fugong.supply.tx.RetryTransientFailures;

/**
 * Runs the allocation engine against the database. Matching of one item is serialised by the
 * item's advisory lock ({@link ItemLocks}: taken in code order, and before any row, by everything
 * that changes the item's offers, requests or allocations, so nothing deadlocks with a run), and
 * the rows it changes are locked too: concurrent runs and concurrent requests see each other's
 * allocations, and the CHECK constraints on allocated quantities are the last guard.
 */
@ApplicationScoped
public class MatchingService {

    @Inject
    EntityManager em;

    @Inject
    SupplyConfig config;

    @Inject
    AllocationEvents allocationEvents;

    @Inject
    OfferEvents offerEvents;

    @Inject
    RequestEvents requestEvents;

    @Inject
    ItemLocks itemLocks;

    public record Run(UUID runId, List<Allocation> allocations) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Run match(Collection<String> itemCodes) {
        UUID runId = UuidV7.next();
        List<Allocation> made = new ArrayList<>();
        for (String item : new TreeSet<>(itemCodes)) {
            made.addAll(matchItem(item, runId));
        }
        return new Run(runId, made);
    }

    /** A run on demand over the given items, or over every item with open requests. */
    @RetryTransientFailures
    @Transactional
    public Run runNow(List<String> itemCodes) {
        List<String> items = itemCodes == null || itemCodes.isEmpty() ? itemsWithOpenRequests() : itemCodes;
        for (String code : items) {
            if (code == null || SupplyItem.findById(code) == null) {
                throw ProblemException.invalid("item_codes", code + " is not in the catalogue");
            }
        }
        return match(items);
    }

    /** Items with open requests: what a run over everything covers. */
    public List<String> itemsWithOpenRequests() {
        return em.createQuery("select distinct r.itemCode from SupplyRequest r where r.status in :open", String.class)
                .setParameter("open", List.of(RequestStatus.OPEN, RequestStatus.PARTIALLY_ALLOCATED)).getResultList();
    }

    private List<Allocation> matchItem(String itemCode, UUID runId) {
        itemLocks.lock(List.of(itemCode));
        SupplyItem item = SupplyItem.findById(itemCode);
        LocalDate today = LocalDate.now(config.zone());
        List<SupplyRequest> requests = em.createQuery(
                "from SupplyRequest where itemCode = :item and status in :open order by id", SupplyRequest.class)
                .setParameter("item", itemCode)
                .setParameter("open", List.of(RequestStatus.OPEN, RequestStatus.PARTIALLY_ALLOCATED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (requests.isEmpty() || item == null) {
            return List.of();
        }
        List<SupplyOffer> offers = em.createQuery(
                "from SupplyOffer where itemCode = :item and status = :open order by id", SupplyOffer.class)
                .setParameter("item", itemCode).setParameter("open", OfferStatus.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Set<UUID> supplierIds = new LinkedHashSet<>();
        offers.forEach(o -> supplierIds.add(o.supplierId));
        Map<UUID, Organisation> suppliers = new HashMap<>();
        if (!supplierIds.isEmpty()) {
            Organisation.<Organisation>list("id in ?1", supplierIds).forEach(s -> suppliers.put(s.id, s));
        }
        Instant now = Instant.now();
        List<AllocationEngine.Offer> candidates = new ArrayList<>();
        List<SupplyOffer> expired = new ArrayList<>();
        for (SupplyOffer o : offers) {
            if (o.expire(today)) {
                expired.add(o); // the daily sweep has not met it yet
                continue;
            }
            Organisation supplier = suppliers.get(o.supplierId);
            candidates.add(new AllocationEngine.Offer(o.id, itemCode, o.free(), o.originRegion,
                    CertificateRule.satisfied(item.requiredStandard, o.certificateStandard, o.certificateNumber,
                            o.certificateValidUntil, today),
                    supplier != null && supplier.isActive(), o.expiryDate));
        }
        AllocationEngine engine = new AllocationEngine(
                new AllocationEngine.Settings(config.equityCap(), config.priorityRegions(), today));
        List<AllocationEngine.Placement> placements = engine.allocate(requests.stream()
                .map(r -> new AllocationEngine.Request(r.id, itemCode, r.remaining(), r.urgency, r.deliveryRegion,
                        r.daysOfSupplyLeft, r.neededBy, r.createdAt))
                .toList(), candidates);
        if (!expired.isEmpty()) {
            em.flush();
            expired.forEach(offerEvents::updated);
        }
        if (placements.isEmpty()) {
            return List.of();
        }
        Map<UUID, SupplyOffer> offerById = new HashMap<>();
        offers.forEach(o -> offerById.put(o.id, o));
        Map<UUID, SupplyRequest> requestById = new HashMap<>();
        requests.forEach(r -> requestById.put(r.id, r));
        List<Allocation> made = new ArrayList<>();
        for (AllocationEngine.Placement p : placements) {
            SupplyOffer offer = offerById.get(p.offerId());
            SupplyRequest request = requestById.get(p.requestId());
            offer.allocated += p.quantity();
            offer.refreshStatus();
            offer.updatedAt = now;
            request.allocated += p.quantity();
            request.refreshStatus();
            request.updatedAt = now;
            Allocation a = new Allocation();
            a.id = UuidV7.next();
            a.requestId = request.id;
            a.offerId = offer.id;
            a.supplierId = offer.supplierId;
            a.itemCode = itemCode;
            a.quantity = p.quantity();
            a.status = AllocationStatus.PROPOSED;
            a.requestRank = p.requestRank();
            a.nearness = p.nearness();
            a.capped = p.capped();
            a.rule = p.rule();
            a.runId = runId;
            a.createdAt = now;
            a.updatedAt = now;
            a.persist();
            made.add(a);
        }
        em.flush();
        made.forEach(allocationEvents::proposed);
        placements.stream().map(AllocationEngine.Placement::requestId).distinct()
                .forEach(id -> requestEvents.updated(requestById.get(id)));
        placements.stream().map(AllocationEngine.Placement::offerId).distinct()
                .forEach(id -> offerEvents.updated(offerById.get(id)));
        return made;
    }
}
