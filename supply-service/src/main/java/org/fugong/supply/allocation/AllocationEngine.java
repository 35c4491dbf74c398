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
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

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
        long totalFree = offers.stream().mapToLong(Offer::free).sum();
        long cap = BigDecimal.valueOf(totalFree).multiply(settings.equityCap()).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        Supply supply = new Supply(offers);
        Map<UUID, Long> remaining = new HashMap<>();
        ordered.forEach(r -> remaining.put(r.id(), r.remaining()));
        Map<Pair, Long> placed = new LinkedHashMap<>(); // in placement order
        Map<Pair, Boolean> firstPassOnly = new HashMap<>();
        for (Urgency urgency : Urgency.values()) {
            List<Request> tier = ordered.stream().filter(r -> r.urgency() == urgency).toList();
            for (boolean firstPass : new boolean[] { true, false }) {
                for (Request request : tier) {
                    long want = firstPass ? Math.min(remaining.get(request.id()), cap) : remaining.get(request.id());
                    boolean first = firstPass;
                    supply.draw(request.deliveryRegion(), want, (offer, take) -> {
                        remaining.merge(request.id(), -take, Long::sum);
                        Pair key = new Pair(request, offer);
                        placed.merge(key, take, Long::sum);
                        firstPassOnly.putIfAbsent(key, first);
                    });
                }
            }
        }
        Map<UUID, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put(ordered.get(i).id(), i + 1);
        }
        List<Placement> result = new ArrayList<>(placed.size());
        placed.forEach((pair, quantity) -> result.add(placement(pair.request(), pair.offer(), quantity,
                rank.get(pair.request().id()), firstPassOnly.get(pair) && pair.request().remaining() > cap)));
        return result;
    }

    private record Pair(Request request, Offer offer) {
    }

    /**
     * The free supply of one item, indexed for "nearest first": offers in base order (earliest
     * expiry, then largest, then id) per prefecture, per province and overall. An offer leaves
     * every index when it is used up, so a run costs about (requests + offers) × log(offers)
     * instead of requests × offers.
     */
    private static final class Supply {
        private static final Comparator<Offer> BASE = Comparator
                .comparing(Offer::expiry, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Offer::free, Comparator.reverseOrder())
                .thenComparing(Offer::id);

        private final Map<UUID, Long> free = new HashMap<>();
        private final TreeSet<Offer> all = new TreeSet<>(BASE);
        private final Map<String, TreeSet<Offer>> byPrefecture = new HashMap<>();
        private final Map<String, TreeSet<Offer>> byProvince = new HashMap<>();

        Supply(List<Offer> offers) {
            for (Offer o : offers) {
                free.put(o.id(), o.free());
                all.add(o);
                byPrefecture.computeIfAbsent(o.originRegion().substring(0, 4), k -> new TreeSet<>(BASE)).add(o);
                byProvince.computeIfAbsent(o.originRegion().substring(0, 2), k -> new TreeSet<>(BASE)).add(o);
            }
        }

        /**
         * Takes up to {@code want} from the offers with supply left, same prefecture first, then
         * same province, then elsewhere, reporting each draw. Offers used up leave the indexes
         * afterwards (not while they are being walked).
         */
        void draw(String region, long want, BiConsumer<Offer, Long> drawn) {
            if (want == 0) {
                return;
            }
            String prefecture = region.substring(0, 4);
            String province = region.substring(0, 2);
            List<Offer> usedUp = new ArrayList<>();
            long left = want;
            left = drawFrom(byPrefecture.getOrDefault(prefecture, EMPTY), o -> true, left, drawn, usedUp);
            if (left > 0) {
                left = drawFrom(byProvince.getOrDefault(province, EMPTY), o -> !o.originRegion().startsWith(prefecture),
                        left, drawn, usedUp);
            }
            if (left > 0) {
                drawFrom(all, o -> !o.originRegion().startsWith(province), left, drawn, usedUp);
            }
            for (Offer o : usedUp) {
                all.remove(o);
                byPrefecture.get(o.originRegion().substring(0, 4)).remove(o);
                byProvince.get(o.originRegion().substring(0, 2)).remove(o);
            }
        }

        private long drawFrom(TreeSet<Offer> offers, Predicate<Offer> include, long want, BiConsumer<Offer, Long> drawn,
                List<Offer> usedUp) {
            long left = want;
            for (Offer o : offers) {
                if (left == 0) {
                    break;
                }
                long available = free.get(o.id());
                if (available == 0 || !include.test(o)) {
                    continue;
                }
                long take = Math.min(left, available);
                free.put(o.id(), available - take);
                if (available == take) {
                    usedUp.add(o);
                }
                left -= take;
                drawn.accept(o, take);
            }
            return left;
        }

        private static final TreeSet<Offer> EMPTY = new TreeSet<>(BASE);
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
}
