package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fugong.supply.allocation.AllocationEngine.Offer;
import org.fugong.supply.allocation.AllocationEngine.Placement;
import org.fugong.supply.allocation.AllocationEngine.Request;
import org.junit.jupiter.api.Test;

/** The rules one at a time, on small hand-made cases. */
class AllocationEngineTest {

    static final LocalDate TODAY = LocalDate.of(2020, 2, 25);
    static final AllocationEngine ENGINE = new AllocationEngine(
            new AllocationEngine.Settings(BigDecimal.ONE, List.of("42", "4201"), TODAY));

    static UUID id(int n) {
        return new UUID(0, n);
    }

    static Request request(int n, long quantity, Urgency urgency, String region) {
        return new Request(id(n), "MASK", quantity, urgency, region, null, null, Instant.EPOCH.plusSeconds(n));
    }

    static Offer offer(int n, long quantity, String origin) {
        return new Offer(id(100 + n), "MASK", quantity, origin, true, true, null);
    }

    @Test
    void criticalDemandIsServedBeforeOlderNormalDemand() {
        List<Placement> placements = ENGINE.allocate(
                List.of(request(1, 100, Urgency.NORMAL, "330106"), request(2, 100, Urgency.CRITICAL, "330106")),
                List.of(offer(1, 100, "330106")));
        assertThat(placements).singleElement().satisfies(p -> {
            assertThat(p.requestId()).isEqualTo(id(2));
            assertThat(p.quantity()).isEqualTo(100);
        });
    }

    @Test
    void wuhanComesBeforeTheRestOfHubeiBeforeElsewhereAtEqualUrgency() {
        List<Placement> placements = ENGINE.allocate(List.of(request(1, 10, Urgency.HIGH, "330106"),
                request(2, 10, Urgency.HIGH, "420502"), request(3, 10, Urgency.HIGH, "420102")),
                List.of(offer(1, 25, "110101")));
        assertThat(placements).extracting(Placement::requestId).containsExactly(id(3), id(2), id(1));
        assertThat(placements).extracting(Placement::quantity).containsExactly(10L, 10L, 5L);
    }

    @Test
    void fewerDaysOfSupplyThenEarlierNeedComeFirst() {
        Request plenty = new Request(id(1), "MASK", 10, Urgency.HIGH, "330106", 9, null, Instant.EPOCH);
        Request short1 = new Request(id(2), "MASK", 10, Urgency.HIGH, "330106", 2, LocalDate.of(2020, 3, 9), Instant.EPOCH);
        Request short2 = new Request(id(3), "MASK", 10, Urgency.HIGH, "330106", 2, LocalDate.of(2020, 3, 1), Instant.EPOCH);
        assertThat(ENGINE.allocate(List.of(plenty, short1, short2), List.of(offer(1, 30, "330106"))))
                .extracting(Placement::requestId).containsExactly(id(3), id(2), id(1));
    }

    @Test
    void theNearestCertifiedOfferIsDrawnFirstAndSplittingIsNormal() {
        Offer far = offer(1, 50, "110101");
        Offer province = offer(2, 50, "420502");
        Offer prefecture = offer(3, 30, "420111");
        List<Placement> placements = ENGINE.allocate(List.of(request(1, 60, Urgency.CRITICAL, "420102")),
                List.of(far, province, prefecture));
        assertThat(placements).extracting(Placement::offerId).containsExactly(prefecture.id(), province.id());
        assertThat(placements).extracting(Placement::quantity).containsExactly(30L, 30L);
        assertThat(placements).extracting(Placement::nearness)
                .containsExactly(Nearness.SAME_PREFECTURE, Nearness.SAME_PROVINCE);
        assertThat(placements.get(0).rule()).contains("same prefecture").contains("CRITICAL");
    }

    @Test
    void earlierExpiryIsUsedFirstAmongEquallyNearOffers() {
        Offer late = new Offer(id(101), "MASK", 10, "420102", true, true, LocalDate.of(2021, 1, 1));
        Offer soon = new Offer(id(102), "MASK", 10, "420102", true, true, LocalDate.of(2020, 6, 1));
        assertThat(ENGINE.allocate(List.of(request(1, 10, Urgency.NORMAL, "420102")), List.of(late, soon)))
                .extracting(Placement::offerId).containsExactly(soon.id());
    }

    @Test
    void uncertifiedSuspendedOrExpiredOffersGetNothing() {
        Offer uncertified = new Offer(id(101), "MASK", 100, "420102", false, true, null);
        Offer suspended = new Offer(id(102), "MASK", 100, "420102", true, false, null);
        Offer expired = new Offer(id(103), "MASK", 100, "420102", true, true, TODAY.minusDays(1));
        Offer good = new Offer(id(104), "MASK", 5, "330106", true, true, TODAY);
        assertThat(ENGINE.allocate(List.of(request(1, 100, Urgency.CRITICAL, "420102")),
                List.of(uncertified, suspended, expired, good)))
                .extracting(Placement::offerId).containsExactly(good.id());
    }

    @Test
    void theEquityCapSharesScarceSupplyThenTheRestIsGivenOut() {
        AllocationEngine capped = new AllocationEngine(
                new AllocationEngine.Settings(new BigDecimal("0.5"), List.of("42"), TODAY));
        List<Placement> placements = capped.allocate(
                List.of(request(1, 100, Urgency.CRITICAL, "420102"), request(2, 100, Urgency.CRITICAL, "420103"),
                        request(3, 10, Urgency.NORMAL, "330106")),
                List.of(offer(1, 100, "420102")));
        // First pass: 50 each to the two critical requests (half of the 100 free); nothing is left for the third.
        assertThat(placements).extracting(Placement::requestId).containsExactly(id(1), id(2));
        assertThat(placements).extracting(Placement::quantity).containsExactly(50L, 50L);
        assertThat(placements.get(0).capped()).isTrue();

        List<Placement> alone = capped.allocate(List.of(request(1, 100, Urgency.CRITICAL, "420102")),
                List.of(offer(1, 100, "420102")));
        assertThat(alone.stream().mapToLong(Placement::quantity).sum()).as("nobody else waits: all of it").isEqualTo(100);
    }

    @Test
    void itemsAreMatchedOnlyWithTheirOwnOffers() {
        Request ventilator = new Request(id(1), "VENTILATOR_ICU", 2, Urgency.CRITICAL, "420102", 1, null, Instant.EPOCH);
        assertThat(ENGINE.allocate(List.of(ventilator), List.of(offer(1, 100, "420102")))).isEmpty();
    }
}
