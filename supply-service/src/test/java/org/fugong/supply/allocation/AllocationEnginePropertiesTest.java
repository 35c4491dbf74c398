package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.fugong.supply.allocation.AllocationEngine.Offer;
import org.fugong.supply.allocation.AllocationEngine.Placement;
import org.fugong.supply.allocation.AllocationEngine.Request;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants over random markets: they must hold for every input, not just the examples. */
class AllocationEnginePropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2020, 2, 25);
    static final List<String> ITEMS = List.of("MASK", "SUIT", "VENTILATOR");
    static final List<String> REGIONS = List.of("420102", "420111", "420502", "330106", "440305", "110101");

    record Market(List<Request> requests, List<Offer> offers) {
        static Market of(List<RequestSpec> requests, List<OfferSpec> offers) {
            List<Request> r = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                RequestSpec s = requests.get(i);
                r.add(new Request(new UUID(1, i), s.item(), s.quantity(), s.urgency(), s.region(), s.days(),
                        s.neededBy(), Instant.EPOCH.plusSeconds(s.age())));
            }
            List<Offer> o = new ArrayList<>();
            for (int i = 0; i < offers.size(); i++) {
                OfferSpec s = offers.get(i);
                o.add(new Offer(new UUID(2, i), s.item(), s.quantity(), s.region(), s.certified(), s.active(),
                        s.expiry()));
            }
            return new Market(r, o);
        }
    }

    /**
     * Random markets built only from what jqwik generates (ids are positions in the lists, not
     * {@code UUID.randomUUID()}), so the seed jqwik reports on a failure replays the same market.
     */
    @Provide
    Arbitrary<Market> markets() {
        Arbitrary<RequestSpec> request = Combinators.combine(
                Arbitraries.of(ITEMS), Arbitraries.longs().between(1, 500), Arbitraries.of(Urgency.class),
                Arbitraries.of(REGIONS), Arbitraries.integers().between(0, 30).injectNull(0.2),
                Arbitraries.integers().between(0, 40).map(TODAY::plusDays).injectNull(0.3),
                Arbitraries.integers().between(0, 10_000))
                .as(RequestSpec::new);
        Arbitrary<OfferSpec> offer = Combinators.combine(
                Arbitraries.of(ITEMS), Arbitraries.longs().between(1, 800), Arbitraries.of(REGIONS),
                Arbitraries.of(true, true, true, false), Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(-5, 60).map(TODAY::plusDays).injectNull(0.3))
                .as(OfferSpec::new);
        return Combinators.combine(request.list().ofMaxSize(40), offer.list().ofMaxSize(25)).as(Market::of);
    }

    record RequestSpec(String item, long quantity, Urgency urgency, String region, Integer days, LocalDate neededBy,
            int age) {
    }

    record OfferSpec(String item, long quantity, String region, boolean certified, boolean active, LocalDate expiry) {
    }

    @Provide
    Arbitrary<BigDecimal> caps() {
        return Arbitraries.of(new BigDecimal("0.1"), new BigDecimal("0.25"), new BigDecimal("0.5"), BigDecimal.ONE);
    }

    @Provide
    Arbitrary<BigDecimal> capsBelowOne() {
        return Arbitraries.of(new BigDecimal("0.1"), new BigDecimal("0.25"), new BigDecimal("0.5"));
    }

    static AllocationEngine engine(BigDecimal cap) {
        return new AllocationEngine(new AllocationEngine.Settings(cap, List.of("42", "4201"), TODAY));
    }

    @Property(tries = 300)
    void offersAndRequestsAreNeverOverAllocated(@ForAll("markets") Market market, @ForAll("caps") BigDecimal cap) {
        List<Placement> placements = engine(cap).allocate(market.requests(), market.offers());
        Map<UUID, Long> perOffer = new HashMap<>();
        Map<UUID, Long> perRequest = new HashMap<>();
        for (Placement p : placements) {
            assertThat(p.quantity()).isPositive();
            perOffer.merge(p.offerId(), p.quantity(), Long::sum);
            perRequest.merge(p.requestId(), p.quantity(), Long::sum);
        }
        market.offers().forEach(o -> assertThat(perOffer.getOrDefault(o.id(), 0L)).isLessThanOrEqualTo(o.free()));
        market.requests().forEach(r -> assertThat(perRequest.getOrDefault(r.id(), 0L)).isLessThanOrEqualTo(r.remaining()));
    }

    @Property(tries = 300)
    void ineligibleOffersAndOtherItemsNeverReceiveAnything(@ForAll("markets") Market market) {
        Map<UUID, Offer> offers = new HashMap<>();
        market.offers().forEach(o -> offers.put(o.id(), o));
        Map<UUID, Request> requests = new HashMap<>();
        market.requests().forEach(r -> requests.put(r.id(), r));
        for (Placement p : engine(BigDecimal.ONE).allocate(market.requests(), market.offers())) {
            Offer offer = offers.get(p.offerId());
            assertThat(offer.certificateValid()).isTrue();
            assertThat(offer.supplierActive()).isTrue();
            assertThat(offer.expiry() == null || !offer.expiry().isBefore(TODAY)).isTrue();
            assertThat(offer.item()).isEqualTo(requests.get(p.requestId()).item());
        }
    }

    @Property(tries = 200)
    void theResultDoesNotDependOnInputOrder(@ForAll("markets") Market market, @ForAll("caps") BigDecimal cap,
            @ForAll long shuffleSeed) {
        List<Placement> first = engine(cap).allocate(market.requests(), market.offers());
        List<Request> requests = new ArrayList<>(market.requests());
        List<Offer> offers = new ArrayList<>(market.offers());
        Collections.reverse(requests);
        Collections.shuffle(offers, new Random(shuffleSeed));
        assertThat(engine(cap).allocate(requests, offers)).containsExactlyInAnyOrderElementsOf(first);
    }

    @Property(tries = 300)
    void aLessUrgentRequestIsServedOnlyWhenEveryMoreUrgentOneIsFull(@ForAll("markets") Market market,
            @ForAll("caps") BigDecimal cap) {
        // Whatever the cap: if a request is left short, supply of its item ran out while its class
        // was being served, so no request of a less urgent class got anything.
        AllocationEngine engine = engine(cap);
        Map<UUID, Long> got = received(engine.allocate(market.requests(), market.offers()));
        for (String item : ITEMS) {
            List<Request> ordered = market.requests().stream().filter(r -> r.item().equals(item))
                    .sorted(engine.requestOrder()).toList();
            Urgency starvedAt = null;
            for (Request r : ordered) {
                long received = got.getOrDefault(r.id(), 0L);
                if (starvedAt != null && r.urgency().compareTo(starvedAt) > 0) {
                    assertThat(received).as("%s served after a more urgent request was left short", r.urgency())
                            .isZero();
                }
                if (received < r.remaining() && starvedAt == null) {
                    starvedAt = r.urgency();
                }
            }
        }
    }

    @Property(tries = 300)
    void withinAClassALaterRankedRequestTakesNoMoreThanTheCapFromAnEarlierOneLeftShort(
            @ForAll("markets") Market market, @ForAll("caps") BigDecimal cap) {
        // The cap reorders only the first pass: in the second pass supply runs out in rank order,
        // so behind a request left short, its class had the first pass's capped share at most.
        AllocationEngine engine = engine(cap);
        Map<UUID, Long> got = received(engine.allocate(market.requests(), market.offers()));
        for (String item : ITEMS) {
            long share = capOf(market, engine, item, cap);
            for (Urgency urgency : Urgency.values()) {
                List<Request> ordered = market.requests().stream()
                        .filter(r -> r.item().equals(item) && r.urgency() == urgency).sorted(engine.requestOrder())
                        .toList();
                boolean starved = false;
                for (Request r : ordered) {
                    long received = got.getOrDefault(r.id(), 0L);
                    if (starved) {
                        assertThat(received).as("served beyond the cap after an earlier request was left short")
                                .isLessThanOrEqualTo(share);
                    }
                    starved |= received < r.remaining();
                }
            }
        }
    }

    @Property(tries = 300)
    void theEquityCapGivesEveryoneInAClassItsShareBeforeAnyoneTakesMore(@ForAll("markets") Market market,
            @ForAll("capsBelowOne") BigDecimal cap) {
        // Fails if the cap does nothing: without it the first request drains the item and the next
        // of its class, still short of its share, gets nothing.
        AllocationEngine engine = engine(cap);
        Map<UUID, Long> got = received(engine.allocate(market.requests(), market.offers()));
        for (String item : ITEMS) {
            long share = capOf(market, engine, item, cap);
            for (Urgency urgency : Urgency.values()) {
                List<Request> tier = market.requests().stream()
                        .filter(r -> r.item().equals(item) && r.urgency() == urgency).toList();
                boolean someoneTookMore = tier.stream().anyMatch(r -> got.getOrDefault(r.id(), 0L) > share);
                if (someoneTookMore) {
                    tier.forEach(r -> assertThat(got.getOrDefault(r.id(), 0L))
                            .as("a request of the class took more than its share while this one lacked its own")
                            .isGreaterThanOrEqualTo(Math.min(r.remaining(), share)));
                }
            }
        }
    }

    @Property(tries = 300)
    void aRequestDrawsOnFartherSupplyOnlyWhenNearerSupplyIsUsedUp(@ForAll("markets") Market market,
            @ForAll("caps") BigDecimal cap) {
        // Fails if nearness is ignored: a request served from another province while an eligible
        // offer in its own prefecture still has free supply left.
        AllocationEngine engine = engine(cap);
        List<Placement> placements = engine.allocate(market.requests(), market.offers());
        Map<UUID, Long> taken = new HashMap<>();
        placements.forEach(p -> taken.merge(p.offerId(), p.quantity(), Long::sum));
        Map<UUID, Request> requests = new HashMap<>();
        market.requests().forEach(r -> requests.put(r.id(), r));
        for (Placement p : placements) {
            Request r = requests.get(p.requestId());
            for (Offer nearer : market.offers()) {
                if (nearer.item().equals(r.item()) && engine.eligible(nearer)
                        && Nearness.between(nearer.originRegion(), r.deliveryRegion()).compareTo(p.nearness()) < 0) {
                    assertThat(nearer.free() - taken.getOrDefault(nearer.id(), 0L))
                            .as("free supply left nearer than the %s offer drawn on", p.nearness()).isZero();
                }
            }
        }
    }

    /** What one request may take in the first pass: the cap's share of the item's eligible free supply. */
    static long capOf(Market market, AllocationEngine engine, String item, BigDecimal cap) {
        long free = market.offers().stream().filter(o -> o.item().equals(item) && engine.eligible(o))
                .mapToLong(Offer::free).sum();
        return BigDecimal.valueOf(free).multiply(cap).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    static Map<UUID, Long> received(List<Placement> placements) {
        Map<UUID, Long> got = new HashMap<>();
        placements.forEach(p -> got.merge(p.requestId(), p.quantity(), Long::sum));
        return got;
    }

    @Property(tries = 200)
    void theEquityCapNeverWastesSupply(@ForAll("markets") Market market, @ForAll("caps") BigDecimal cap) {
        List<Placement> placements = engine(cap).allocate(market.requests(), market.offers());
        long placed = placements.stream().mapToLong(Placement::quantity).sum();
        long uncapped = engine(BigDecimal.ONE).allocate(market.requests(), market.offers()).stream()
                .mapToLong(Placement::quantity).sum();
        assertThat(placed).as("the cap only reorders who gets supply, it never wastes it").isEqualTo(uncapped);
    }

    @Property(tries = 300)
    void criticalFillIsNeverBelowFirstComeFirstServed(@ForAll("markets") Market market, @ForAll("caps") BigDecimal cap) {
        long critical = fill(engine(cap).allocate(market.requests(), market.offers()), market, Urgency.CRITICAL);
        long fcfs = fill(firstComeFirstServed(market), market, Urgency.CRITICAL);
        assertThat(critical).isGreaterThanOrEqualTo(fcfs);
    }

    static long fill(List<Placement> placements, Market market, Urgency urgency) {
        Map<UUID, Urgency> urgencies = new HashMap<>();
        market.requests().forEach(r -> urgencies.put(r.id(), r.urgency()));
        return placements.stream().filter(p -> urgencies.get(p.requestId()) == urgency).mapToLong(Placement::quantity)
                .sum();
    }

    /** The baseline: requests in arrival order take from any eligible offer of their item. */
    static List<Placement> firstComeFirstServed(Market market) {
        AllocationEngine rules = engine(BigDecimal.ONE);
        Map<UUID, Long> free = new HashMap<>();
        market.offers().stream().filter(rules::eligible).forEach(o -> free.put(o.id(), o.free()));
        List<Placement> placements = new ArrayList<>();
        market.requests().stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).forEach(r -> {
            long want = r.remaining();
            for (Offer o : market.offers()) {
                if (want == 0 || !o.item().equals(r.item()) || !free.containsKey(o.id())) {
                    continue;
                }
                long take = Math.min(want, free.get(o.id()));
                if (take > 0) {
                    free.merge(o.id(), -take, Long::sum);
                    want -= take;
                    placements.add(new Placement(r.id(), o.id(), take, 0, r.urgency(), 0, Nearness.ELSEWHERE, false, "fcfs"));
                }
            }
        });
        return placements;
    }
}
