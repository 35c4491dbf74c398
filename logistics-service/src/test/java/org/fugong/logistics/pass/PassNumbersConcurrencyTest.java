package org.fugong.logistics.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Pass numbers under concurrent applications from one county: no gap, no duplicate. */
@QuarkusTest
@LogisticsTest
class PassNumbersConcurrencyTest {

    static final String COUNTY = "330102"; // Shangcheng, Hangzhou: no other test applies from it
    static final int APPLICATIONS = 12;

    @Test
    void concurrentApplicationsFromOneCountyGetConsecutiveSerialsFromOne() throws Exception {
        List<UUID> enterprises = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            enterprises.add(RegistryFeed.essentialEnterprise(COUNTY));
        }
        ExecutorService pool = Executors.newFixedThreadPool(APPLICATIONS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        try {
            for (int i = 0; i < APPLICATIONS; i++) {
                UUID enterprise = enterprises.get(i % enterprises.size());
                // Half of them review cases, half approved: both take a number the same way.
                String cargo = i % 2 == 0 ? "MEDICAL_SUPPLIES" : "RETURNING_WORKERS";
                Callable<String> apply = () -> {
                    start.await();
                    return Api.as(Api.enterprise(enterprise)).body(Api.pass(COUNTY, "420102", cargo))
                            .post("/api/v1/green-passes").then().statusCode(201).extract().path("number");
                };
                numbers.add(pool.submit(apply));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> n : numbers) {
                got.add(n.get(60, TimeUnit.SECONDS));
            }
            List<String> expected = IntStream.rangeClosed(1, APPLICATIONS)
                    .mapToObj(serial -> COUNTY + String.format("%06d", serial)).toList();
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
            List<String> stored = QuarkusTransaction.requiringNew().call(() -> GreenPass
                    .find("select number from GreenPass where origin = ?1 order by number", COUNTY)
                    .project(String.class).list());
            assertThat(stored).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLastSerialOfACountyIs999999AndTheNextApplicationIs409WritingNothing() {
        String county = "410102"; // Zhongyuan, Zhengzhou: no other test applies from it
        UUID enterprise = RegistryFeed.essentialEnterprise(county);
        QuarkusTransaction.requiringNew().run(() -> GreenPass.getEntityManager().createNativeQuery(
                "INSERT INTO pass_serial (county, last_serial) VALUES ('410102', 999998)").executeUpdate());
        String last = Api.as(Api.enterprise(enterprise)).body(Api.pass(county, "420102", "MEDICAL_SUPPLIES"))
                .post("/api/v1/green-passes").then().statusCode(201).extract().path("number");
        assertThat(last).isEqualTo("410102999999");
        org.fugong.testing.ProblemAssertions.problem(Api.as(Api.enterprise(enterprise))
                .body(Api.pass(county, "420102", "MEDICAL_SUPPLIES")).post("/api/v1/green-passes").then(), 409)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("route[0]"));
        long passes = QuarkusTransaction.requiringNew().call(() -> GreenPass.count("origin", county));
        assertThat(passes).isEqualTo(1);
    }
}
