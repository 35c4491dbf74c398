package org.fugong.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.registry.support.Scenario;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Writers of one organisation queue on its row lock. Each must then see the row as the one before it
 * left it: a lock taken after a first unlocked read would find the row changed and fail.
 */
@QuarkusTest
@RegistryTest
class ConcurrentWritersTest {

    static final int ROUNDS = 12;

    @Test
    void reportsStatusChangesAndHealthReportsOnOneEnterpriseAllGetAnAnswer() throws Exception {
        // Baoshan (5305) is used by no other test.
        UUID id = Scenario.resuming("530502", "FOOD");
        String path = "/api/v1/enterprises/" + id;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Integer> statuses = race(
                round -> Api.as(Api.enterprise(id)).body(Map.of("report_date", today.minusDays(round).toString(),
                        "employees_total", 100, "employees_returned", 50, "capacity_utilisation", "50",
                        "measures", Api.measures(true))).post(path + "/resumption-reports").then().extract().statusCode(),
                round -> Api.as(Api.admin()).header("If-Match", "*")
                        .body(round % 2 == 0 ? Map.of("status", "SUSPENDED", "reason", "Inspection")
                                : Map.of("status", "ACTIVE"))
                        .put(path + "/status").then().extract().statusCode(),
                round -> Api.as(Api.enterprise(id)).body(Map.of("confirmed", 0, "suspected", 0, "fever", round,
                        "close_contacts", 0)).put(path + "/health-reports/" + today.minusDays(round)).then()
                        .extract().statusCode(),
                round -> Api.as(Api.admin()).header("If-Match", "*").body(Map.of("key_enterprise", round % 2 == 0))
                        .put(path + "/key-enterprise").then().extract().statusCode());
        // Reports and health reports of a suspended enterprise are refused (409); nothing fails.
        assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 409, "only 200, 201 or 409: " + statuses);
        assertThat(statuses).contains(200, 201);
    }

    @Test
    void riskLevelChangesOfOneCountyAllGetAnAnswer() throws Exception {
        List<Integer> statuses = race(
                round -> Api.as(Api.admin()).header("If-Match", "*").body(Map.of("risk_level", round % 2 == 0 ? "MEDIUM" : "LOW"))
                        .put("/api/v1/regions/530523/risk-level").then().extract().statusCode(),
                round -> Api.as(Api.admin()).header("If-Match", "*").body(Map.of("risk_level", round % 2 == 0 ? "HIGH" : "LOW"))
                        .put("/api/v1/regions/530523/risk-level").then().extract().statusCode());
        assertThat(statuses).as("every change answered 200").allMatch(s -> s == 200);
    }

    /** Runs each writer ROUNDS times, all writers starting each round together; the statuses they got. */
    @SafeVarargs
    static List<Integer> race(IntFunction<Integer>... writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.length);
        try {
            CyclicBarrier together = new CyclicBarrier(writers.length);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (IntFunction<Integer> writer : writers) {
                Callable<List<Integer>> rounds = () -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        together.await(30, TimeUnit.SECONDS);
                        statuses.add(writer.apply(round));
                    }
                    return statuses;
                };
                results.add(pool.submit(rounds));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
