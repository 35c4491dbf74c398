package org.fugong.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.logging.Logger;

import org.fugong.supply.allocation.AllocationEngine;
import org.fugong.supply.allocation.AllocationEngine.Offer;
import org.fugong.supply.allocation.AllocationEngine.Placement;
import org.fugong.supply.allocation.AllocationEngine.Request;
import org.fugong.supply.allocation.Urgency;

/**
 * The allocation engine on a large market: 100,000 open requests against 10,000 offers over 14
 * items, its time and placements, and its CRITICAL fill against first-come-first-served on the
 * same data. Run with {@code bench/run-engine.sh}.
 */
public final class EngineBenchmark {

    private static final Logger LOG = Logger.getLogger(EngineBenchmark.class.getName());
    private static final LocalDate TODAY = LocalDate.of(2020, 2, 25);

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int requests = Integer.parseInt(System.getProperty("bench.requests", "100000"));
        int offers = Integer.parseInt(System.getProperty("bench.offers", "10000"));
        Random random = new Random(20200224);
        List<String> items = List.of("VENTILATOR_ICU", "VENTILATOR_NONINVASIVE", "CARDIAC_MONITOR", "PROTECTIVE_SUIT",
                "MASK_MEDICAL_PROTECTIVE", "MASK_SURGICAL", "MASK_KN95", "DISINFECTANT_ETHANOL", "MELT_BLOWN_FABRIC",
                "FERTILISER_COMPOUND", "AGRICULTURAL_FILM", "RICE", "COOKING_OIL", "HAND_SANITISER");
        List<String> regions = List.of("420102", "420103", "420111", "420502", "420606", "330106", "330212", "440305",
                "440106", "110101", "310101", "510104");
        List<Request> market = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            Urgency urgency = Urgency.values()[random.nextInt(10) < 2 ? 0 : random.nextInt(10) < 5 ? 1 : 2];
            market.add(new Request(UUID.randomUUID(), items.get(random.nextInt(items.size())), 1 + random.nextInt(500),
                    urgency, regions.get(random.nextInt(regions.size())), random.nextInt(30),
                    TODAY.plusDays(random.nextInt(30)), Instant.EPOCH.plusSeconds(random.nextInt(1_000_000))));
        }
        List<Offer> supply = new ArrayList<>(offers);
        for (int i = 0; i < offers; i++) {
            supply.add(new Offer(UUID.randomUUID(), items.get(random.nextInt(items.size())), 1 + random.nextInt(3000),
                    regions.get(random.nextInt(regions.size())), random.nextInt(10) > 0, random.nextInt(20) > 0,
                    random.nextInt(10) > 0 ? TODAY.plusDays(random.nextInt(400) - 20) : null));
        }
        AllocationEngine engine = new AllocationEngine(
                new AllocationEngine.Settings(new BigDecimal("0.5"), List.of("42", "4201"), TODAY));
        engine.allocate(market.subList(0, 5000), supply.subList(0, 500)); // warm up the JIT a little
        long start = System.nanoTime();
        List<Placement> placements = engine.allocate(market, supply);
        double seconds = (System.nanoTime() - start) / 1e9;
        long placed = placements.stream().mapToLong(Placement::quantity).sum();
        long criticalDemand = market.stream().filter(r -> r.urgency() == Urgency.CRITICAL).mapToLong(Request::remaining)
                .sum();
        double engineFill = critical(placements, market) * 100.0 / criticalDemand;
        double fcfsFill = critical(firstComeFirstServed(engine, market, supply), market) * 100.0 / criticalDemand;
        LOG.info(String.format("%d requests, %d offers: %.2f s, %d allocations, %d units placed", requests, offers,
                seconds, placements.size(), placed));
        LOG.info(String.format("CRITICAL fill: engine %.1f %%, first-come-first-served %.1f %%", engineFill, fcfsFill));
    }

    static long critical(List<Placement> placements, List<Request> market) {
        Map<UUID, Urgency> urgency = new HashMap<>();
        market.forEach(r -> urgency.put(r.id(), r.urgency()));
        return placements.stream().filter(p -> urgency.get(p.requestId()) == Urgency.CRITICAL)
                .mapToLong(Placement::quantity).sum();
    }

    /** Requests in arrival order take from any eligible offer of their item. */
    static List<Placement> firstComeFirstServed(AllocationEngine rules, List<Request> market, List<Offer> supply) {
        Map<String, List<Offer>> byItem = new HashMap<>();
        Map<UUID, Long> free = new HashMap<>();
        supply.stream().filter(rules::eligible).forEach(o -> {
            byItem.computeIfAbsent(o.item(), k -> new ArrayList<>()).add(o);
            free.put(o.id(), o.free());
        });
        List<Placement> placements = new ArrayList<>();
        market.stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).forEach(r -> {
            long want = r.remaining();
            for (Offer o : byItem.getOrDefault(r.item(), List.of())) {
                long take = Math.min(want, free.get(o.id()));
                if (take > 0) {
                    free.merge(o.id(), -take, Long::sum);
                    want -= take;
                    placements.add(new Placement(r.id(), o.id(), take, 0, r.urgency(), 0, null, false, "fcfs"));
                }
                if (want == 0) {
                    break;
                }
            }
        });
        return placements;
    }
}
