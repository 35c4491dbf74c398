package org.fugong.supply.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.fugong.supply.organisation.Organisation;
import org.fugong.supply.request.RequestEvents;
import org.fugong.supply.request.RequestStatus;
import org.fugong.supply.request.SupplyRequest;
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

    private static final List<RequestStatus> OPEN_REQUESTS = List.of(RequestStatus.OPEN,
            RequestStatus.PARTIALLY_ALLOCATED);

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

    /** One item's open requests and open offers by id (in id order), locked, with the offers' suppliers. */
    private record Market(SupplyItem item, Map<UUID, SupplyRequest> requests, Map<UUID, SupplyOffer> offers,
            Map<UUID, Organisation> suppliers) {
    }

    private record EngineInputs(List<AllocationEngine.Request> requests, List<AllocationEngine.Offer> offers) {
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
        return SupplyRequest.find("select distinct itemCode from SupplyRequest where status in ?1", OPEN_REQUESTS)
                .project(String.class).list();
    }

    private List<Allocation> matchItem(String itemCode, UUID runId) {
        Market market = lockOpenMarket(itemCode);
        if (market == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(config.zone());
        expireOffersPastTheirDate(market, today);
        EngineInputs inputs = engineInputs(market, today);
        AllocationEngine engine = new AllocationEngine(
                new AllocationEngine.Settings(config.equityCap(), config.priorityRegions(), today));
        return applyPlacements(market, engine.allocate(inputs.requests(), inputs.offers()), runId);
    }

    /**
     * Takes the item's lock, then locks its open requests and, if there are any, its open offers.
     *
     * @return null when there is nothing to match: no open request, or no such item
     */
    private Market lockOpenMarket(String itemCode) {
        itemLocks.lock(List.of(itemCode));
        SupplyItem item = SupplyItem.findById(itemCode);
        List<SupplyRequest> requests = SupplyRequest.<SupplyRequest>find(
                "itemCode = ?1 and status in ?2 order by id", itemCode, OPEN_REQUESTS)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (requests.isEmpty() || item == null) {
            return null;
        }
        List<SupplyOffer> offers = SupplyOffer.<SupplyOffer>find("itemCode = ?1 and status = ?2 order by id", itemCode,
                OfferStatus.OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<UUID> supplierIds = offers.stream().map(o -> o.supplierId).distinct().toList();
        Map<UUID, Organisation> suppliers = supplierIds.isEmpty() ? Map.of()
                : Organisation.<Organisation>list("id in ?1", supplierIds).stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return new Market(item, byId(requests, r -> r.id), byId(offers, o -> o.id), suppliers);
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Offers the daily sweep has not met yet are expired now, with their event, and never drawn on. */
    private void expireOffersPastTheirDate(Market market, LocalDate today) {
        List<SupplyOffer> expired = market.offers().values().stream().filter(o -> o.expire(today)).toList();
        if (!expired.isEmpty()) {
            SupplyOffer.flush();
            expired.forEach(offerEvents::updated);
        }
    }

    /** The market as the engine sees it: what each request still needs, what each offer has free and may give. */
    private static EngineInputs engineInputs(Market market, LocalDate today) {
        String itemCode = market.item().code;
        List<AllocationEngine.Request> requests = market.requests().values().stream()
                .map(r -> new AllocationEngine.Request(r.id, itemCode, r.remaining(), r.urgency, r.deliveryRegion,
                        r.daysOfSupplyLeft, r.neededBy, r.createdAt))
                .toList();
        List<AllocationEngine.Offer> offers = market.offers().values().stream().filter(o -> o.status == OfferStatus.OPEN)
                .map(o -> {
                    Organisation supplier = market.suppliers().get(o.supplierId);
                    return new AllocationEngine.Offer(o.id, itemCode, o.free(), o.originRegion,
                            CertificateRule.satisfied(market.item().requiredStandard, o.certificateStandard,
                                    o.certificateNumber, o.certificateValidUntil, today),
                            supplier != null && supplier.isActive(), o.expiryDate);
                })
                .toList();
        return new EngineInputs(requests, offers);
    }

    /** Each placement becomes a PROPOSED allocation, taken from its offer and given to its request. */
    private List<Allocation> applyPlacements(Market market, List<AllocationEngine.Placement> placements, UUID runId) {
        if (placements.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<Allocation> made = new ArrayList<>();
        for (AllocationEngine.Placement p : placements) {
            SupplyOffer offer = market.offers().get(p.offerId());
            SupplyRequest request = market.requests().get(p.requestId());
            offer.allocate(p.quantity());
            request.allocate(p.quantity());
            Allocation a = Allocation.proposed(p, offer, request, market.item(), runId, now);
            a.persist();
            made.add(a);
        }
        Allocation.flush();
        made.forEach(allocationEvents::proposed);
        placements.stream().map(AllocationEngine.Placement::requestId).distinct()
                .forEach(id -> requestEvents.updated(market.requests().get(id)));
        placements.stream().map(AllocationEngine.Placement::offerId).distinct()
                .forEach(id -> offerEvents.updated(market.offers().get(id)));
        return made;
    }
}
