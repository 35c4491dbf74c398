package org.fugong.logistics.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Workers;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Assignments racing for a trip's last seats: the cap holds, and the seat count is the sum of what got on. */
@QuarkusTest
@LogisticsTest
class SeatCapConcurrencyTest {

    static final String HOME = "330113"; // Linping: only this test's enterprises
    static final String ORIGIN = "411602"; // Chuanhui, Zhoukou

    @Test
    void requestsRacingForTheLastSeatsNeverFillMoreThanTheCap() throws Exception {
        String authority = TestJwt.authority(HOME);
        // 20 seats: at most 10 passengers. Eight requests of 3 race for them: exactly three get on.
        String trip = Workers.plan(authority, Workers.trip(ORIGIN, HOME, 20));
        int racers = 8;
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
            requests.add(Workers.submit(enterprise, Workers.request(ORIGIN, Api.today().plusDays(2), i * 10, 3)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String request : requests) {
                Callable<Integer> assign = () -> {
                    start.await();
                    return Api.as(authority).body(Map.of("request_id", request))
                            .post(Workers.TRIPS + "/" + trip + "/assignments").then().extract().statusCode();
                };
                answers.add(pool.submit(assign));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        UUID tripId = UUID.fromString(trip);
        int seatsTaken = QuarkusTransaction.requiringNew().call(() -> CharterTrip.<CharterTrip>findById(tripId).passengers);
        long onBoard = QuarkusTransaction.requiringNew().call(() -> (Long) WorkerTransportRequest.getEntityManager()
                .createQuery("select coalesce(sum(r.passengers), 0) from WorkerTransportRequest r where r.tripId = :t")
                .setParameter("t", tripId).getSingleResult());
        assertThat(seatsTaken).isEqualTo(9);
        assertThat(onBoard).isEqualTo(9);
        Api.as(authority).get(Workers.TRIPS + "/" + trip).then().statusCode(200)
                .body("passengers", org.hamcrest.Matchers.equalTo(9)).body("requests", org.hamcrest.Matchers.equalTo(3));
    }
}
