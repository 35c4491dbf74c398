package org.fugong.supply.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides who gets which supply, with no framework and no database: the same input always gives
 * the same placements.
 * <p>
 * Requests are served by urgency, then priority region (Wuhan before the rest of Hubei before
 * elsewhere, by default), then fewest days of supply left, then earliest needed-by, then age.
 * Offers are eligible only with a valid certificate, an active supplier and no expiry before
 * today; among them the nearest (same prefecture, same province, elsewhere), then the earliest
 * expiring, then the largest is drawn first. Requests may be served partly and from several offers.
 * <p>
 * The equity cap limits what one request may take in a first pass over its urgency class to a
 * share of the item's free supply at the start of the run; a second pass over the class then
 * gives what is left in the same order, so supply is never held back when nobody else of that
 * urgency is waiting, and no less urgent request is served before a more urgent one is full.
 */
public final class AllocationEngine {

    /** @param equityCap share (0, 1] of an item's free supply one request may take in the first pass */
    public record Settings(BigDecimal equityCap, List<String> priorityRegionPrefixes, LocalDate today) {
        public Settings {
            if (equityCap.signum() <= 0 || equityCap.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("equity cap must be in (0, 1]");
            }
            priorityRegionPrefixes = List.copyOf(priorityRegionPrefixes);
        }
    }

    public record Request(UUID id, String item, long remaining, Urgency urgency, String deliveryRegion,
            Integer daysOfSupplyLeft, LocalDate neededBy, Instant createdAt) {
    }

    public record Offer(UUID id, String item, long free, String originRegion, boolean certificateValid,
            boolean supplierActive, LocalDate expiry) {
    }

    /** One allocation and why it was made. */
    public record Placement(UUID requestId, UUID offerId, long quantity, int requestRank, Urgency urgency,
            int priorityRegionRank, Nearness nearness, boolean capped, String rule) {
    }

    private final Settings settings;

    public AllocationEngine(Settings settings) {
        this.settings = settings;
    }

    public List<Placement> allocate(List<Request> requests, List<Offer> offers) {
        Map<String, List<Request>> requestsByItem = new LinkedHashMap<>();
        requests.stream().filter(r -> r.remaining() > 0).sorted(Comparator.comparing(Request::item))
                .forEach(r -> requestsByItem.computeIfAbsent(r.item(), k -> new ArrayList<>()).add(r));
        Map<String, List<Offer>> offersByItem = new HashMap<>();
        offers.stream().filter(this::eligible)
                .forEach(o -> offersByItem.computeIfAbsent(o.item(), k -> new ArrayList<>()).add(o));
        List<Placement> placements = new ArrayList<>();
        requestsByItem.forEach((item, itemRequests) -> placements.addAll(
                allocateItem(itemRequests, offersByItem.getOrDefault(item, List.of()))));
        return placements;
    }

    /** Whether an offer may be drawn on at all. */
    public boolean eligible(Offer offer) {
        return offer.free() > 0 && offer.certificateValid() && offer.supplierActive()
                && (offer.expiry() == null || !offer.expiry().isBefore(settings.today()));
    }

    private List<Placement> allocateItem(List<Request> requests, List<Offer> offers) {
        List<Request> ordered = requests.stream().sorted(requestOrder()).toList();
        Map<UUID, Long> free = new HashMap<>();
        offers.forEach(o -> free.put(o.id(), o.free()));
        long totalFree = offers.stream().mapToLong(Offer::free).sum();
        long cap = BigDecimal.valueOf(totalFree).multiply(settings.equityCap()).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        Map<UUID, Long> remaining = new HashMap<>();
        ordered.forEach(r -> remaining.put(r.id(), r.remaining()));
        Map<String, Long> placed = new LinkedHashMap<>(); // request/offer pair → quantity, in placement order
        Map<String, Boolean> cappedPass = new HashMap<>();
        for (Urgency urgency : Urgency.values()) {
            List<Request> tier = ordered.stream().filter(r -> r.urgency() == urgency).toList();
            for (boolean firstPass : new boolean[] { true, false }) {
                for (Request request : tier) {
                long want = remaining.get(request.id());
                if (firstPass) {
                    want = Math.min(want, cap);
                }
                for (Offer offer : offers.stream().sorted(offerOrder(request)).toList()) {
                    if (want == 0) {
                        break;
                    }
                    long take = Math.min(want, free.get(offer.id()));
                    if (take == 0) {
                        continue;
                    }
                    free.merge(offer.id(), -take, Long::sum);
                    remaining.merge(request.id(), -take, Long::sum);
                    want -= take;
                    String key = request.id() + "/" + offer.id();
                    placed.merge(key, take, Long::sum);
                    cappedPass.putIfAbsent(key, firstPass);
                }
                }
            }
        }
        Map<UUID, Request> byId = new HashMap<>();
        ordered.forEach(r -> byId.put(r.id(), r));
        Map<UUID, Offer> offersById = new HashMap<>();
        offers.forEach(o -> offersById.put(o.id(), o));
        List<Placement> result = new ArrayList<>();
        placed.forEach((key, quantity) -> {
            Request request = byId.get(UUID.fromString(key.substring(0, 36)));
            Offer offer = offersById.get(UUID.fromString(key.substring(37)));
            result.add(placement(request, offer, quantity, ordered.indexOf(request) + 1,
                    cappedPass.get(key) && request.remaining() > cap));
        });
        return result;
    }

    private Placement placement(Request request, Offer offer, long quantity, int rank, boolean capped) {
        int priority = priorityRank(request.deliveryRegion());
        Nearness nearness = Nearness.between(offer.originRegion(), request.deliveryRegion());
        String rule = "Request ranked " + rank + " for " + request.item() + ": urgency " + request.urgency()
                + (priority > 0 ? ", priority region" : "")
                + (request.daysOfSupplyLeft() != null ? ", " + request.daysOfSupplyLeft() + " days of supply left" : "")
                + (request.neededBy() != null ? ", needed by " + request.neededBy() : "")
                + ". Offer chosen as " + nearness.name().toLowerCase().replace('_', ' ')
                + " with a valid certificate from an active supplier"
                + (offer.expiry() != null ? ", expiring " + offer.expiry() : "")
                + (capped ? ". Limited by the equity cap of " + settings.equityCap().movePointRight(2).stripTrailingZeros()
                        .toPlainString() + "% of free supply in the first pass" : "")
                + ".";
        return new Placement(request.id(), offer.id(), quantity, rank, request.urgency(), priority, nearness, capped,
                rule);
    }

    /** 2 for Wuhan with the defaults (both prefixes match), 1 for the rest of Hubei, 0 elsewhere. */
    int priorityRank(String region) {
        return (int) settings.priorityRegionPrefixes().stream().filter(region::startsWith).count();
    }

    Comparator<Request> requestOrder() {
        return Comparator.comparing(Request::urgency)
                .thenComparing(r -> -priorityRank(r.deliveryRegion()))
                .thenComparing(Request::daysOfSupplyLeft, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Request::neededBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Request::createdAt)
                .thenComparing(Request::id);
    }

    static Comparator<Offer> offerOrder(Request request) {
        return Comparator.comparing((Offer o) -> Nearness.between(o.originRegion(), request.deliveryRegion()))
                .thenComparing(Offer::expiry, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Offer::free, Comparator.reverseOrder())
                .thenComparing(Offer::id);
    }
}
