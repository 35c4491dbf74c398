package org.fugong.logistics.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CharterTripTransitionsTest {

    static final LocalDate DAY = LocalDate.of(2020, 2, 25);
    static final Instant NOW = Instant.parse("2020-02-24T02:00:00Z");

    static CharterTrip planned(int seats) {
        CharterTrip t = new CharterTrip();
        t.id = UUID.randomUUID();
        t.seats = seats;
        t.origin = "411502";
        t.destination = "330109";
        t.travelDate = DAY;
        t.status = TripStatus.PLANNED;
        return t;
    }

    static WorkerTransportRequest request(int passengers) {
        WorkerTransportRequest r = new WorkerTransportRequest();
        r.id = UUID.randomUUID();
        r.origin = "411502";
        r.destination = "330109";
        r.travelDate = DAY;
        r.passengers = passengers;
        r.status = RequestStatus.SUBMITTED;
        return r;
    }

    static ProblemException problem(Runnable change) {
        try {
            change.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("expected a ProblemException");
    }

    @Test
    void assignedRequestsFillAtMostTheCapAndARefusedOneChangesNothing() {
        CharterTrip t = planned(45);
        WorkerTransportRequest first = request(20);
        t.assign(first, 50, NOW);
        assertThat(t.passengers).isEqualTo(20);
        assertThat(first.status).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(first.tripId).isEqualTo(t.id);

        WorkerTransportRequest tooMany = request(3);
        ProblemException refused = problem(() -> t.assign(tooMany, 50, NOW));
        assertThat(refused.problem().status()).isEqualTo(409);
        assertThat(refused.problem().errors().get(0).field()).isEqualTo("request_id");
        assertThat(refused.problem().errors().get(0).message()).contains("at most 22 (50 %)");
        assertThat(t.passengers).isEqualTo(20);
        assertThat(tooMany.status).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(tooMany.tripId).isNull();

        t.assign(request(2), 50, NOW);
        assertThat(t.passengers).isEqualTo(22);
    }

    @Test
    void originDestinationAndDateMustMatchAndARequestRidesOnce() {
        CharterTrip t = planned(45);
        WorkerTransportRequest otherOrigin = request(1);
        otherOrigin.origin = "411503";
        assertThat(problem(() -> t.assign(otherOrigin, 50, NOW)).problem().errors().get(0).field()).isEqualTo("origin_region");
        WorkerTransportRequest otherDestination = request(1);
        otherDestination.destination = "330106";
        assertThat(problem(() -> t.assign(otherDestination, 50, NOW)).problem().errors().get(0).field())
                .isEqualTo("destination_region");
        WorkerTransportRequest otherDay = request(1);
        otherDay.travelDate = DAY.plusDays(1);
        assertThat(problem(() -> t.assign(otherDay, 50, NOW)).problem().errors().get(0).field()).isEqualTo("travel_date");

        WorkerTransportRequest r = request(1);
        t.assign(r, 50, NOW);
        ProblemException twice = problem(() -> planned(45).assign(r, 50, NOW));
        assertThat(twice.problem().status()).isEqualTo(409);
        assertThat(r.tripId).isEqualTo(t.id);
        assertThat(t.passengers).isEqualTo(1);
    }

    @Test
    void plannedDispatchedArrivedInThatOrderOnly() {
        CharterTrip empty = planned(45);
        assertThat(problem(() -> empty.dispatch(DAY, NOW)).problem().status()).isEqualTo(409);
        assertThat(empty.status).isEqualTo(TripStatus.PLANNED);

        CharterTrip t = planned(45);
        WorkerTransportRequest r = request(10);
        t.assign(r, 50, NOW);
        assertThat(problem(() -> t.arrive(List.of(r), NOW)).problem().status()).isEqualTo(409);
        assertThat(problem(() -> t.dispatch(DAY.plusDays(1), NOW)).problem().errors().get(0).field())
                .isEqualTo("travel_date");
        t.dispatch(DAY, NOW);
        assertThat(t.status).isEqualTo(TripStatus.DISPATCHED);
        assertThat(t.dispatchedAt).isEqualTo(NOW);
        assertThat(problem(() -> t.dispatch(DAY, NOW)).problem().status()).isEqualTo(409);
        assertThat(problem(() -> t.assign(request(1), 50, NOW)).problem().status()).isEqualTo(409);
        t.carryPass(UUID.randomUUID());
        assertThatThrownBy(() -> t.carryPass(UUID.randomUUID())).isInstanceOf(IllegalStateException.class);

        t.arrive(List.of(r), NOW);
        assertThat(t.status).isEqualTo(TripStatus.ARRIVED);
        assertThat(r.status).isEqualTo(RequestStatus.ARRIVED);
        assertThat(problem(() -> t.arrive(List.of(), NOW)).problem().status()).isEqualTo(409);
        assertThat(problem(() -> t.cancel("late", List.of(), NOW)).problem().status()).isEqualTo(409);
        assertThat(t.status).isEqualTo(TripStatus.ARRIVED);
    }

    @Test
    void aCancelledTripFreesItsRequestsAndSeatsAndStaysCancelled() {
        CharterTrip t = planned(45);
        WorkerTransportRequest r = request(10);
        t.assign(r, 50, NOW);
        t.dispatch(DAY, NOW);
        t.cancel("The bus failed its inspection", List.of(r), NOW);
        assertThat(t.status).isEqualTo(TripStatus.CANCELLED);
        assertThat(t.passengers).isZero();
        assertThat(t.cancellationReason).isEqualTo("The bus failed its inspection");
        assertThat(r.status).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(r.tripId).isNull();
        assertThat(problem(() -> t.cancel("again", List.of(), NOW)).problem().status()).isEqualTo(409);
        assertThat(problem(() -> t.dispatch(DAY, NOW)).problem().status()).isEqualTo(409);
        // The freed request rides on another trip.
        planned(45).assign(r, 50, NOW);
        assertThat(r.status).isEqualTo(RequestStatus.ASSIGNED);
    }

    @Test
    void aHighOriginIsRefusedNamingOriginRegionWithTheRule() {
        assertThat(OriginRule.allows("LOW")).isTrue();
        assertThat(OriginRule.allows("MEDIUM")).isTrue();
        assertThat(OriginRule.allows("HIGH")).isFalse();
        ProblemException e = problem(() -> OriginRule.require("420102", "HIGH"));
        assertThat(e.problem().status()).isEqualTo(409);
        assertThat(e.problem().errors().get(0).field()).isEqualTo("origin_region");
        assertThat(e.problem().errors().get(0).message()).contains(OriginRule.ORIGIN_HIGH_RISK_REFUSED).contains("420102");
        OriginRule.require("420102", "MEDIUM");
    }
}
