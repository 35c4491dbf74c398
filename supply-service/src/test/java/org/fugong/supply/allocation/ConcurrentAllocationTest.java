package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Parallel requests, offers and matching runs against the real database never over-allocate. */
@QuarkusTest
@SupplyTest
class ConcurrentAllocationTest {

    @Inject
    EntityManager em;

    @Test
    void concurrentRequestsAndRunsNeverAllocateAnOfferBeyondItsQuantity() throws Exception {
        String item = Api.newItem(null);
        UUID supplierA = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID supplierB = RegistryFeed.organisation("ENTERPRISE", "330106", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            work.add(() -> Api.as(Api.hospital(hospital)).body(Api.request(item, 7 + n % 5, n % 3 == 0 ? "CRITICAL" : "HIGH"))
                    .post("/api/v1/supply-requests").then().extract().statusCode());
        }
        for (int i = 0; i < 6; i++) {
            UUID supplier = i % 2 == 0 ? supplierA : supplierB;
            work.add(() -> Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 25, "420111"))
                    .post("/api/v1/supply-offers").then().extract().statusCode());
            work.add(() -> Api.as(TestJwt.admin()).body(Map.of("item_codes", List.of(item)))
                    .post("/api/v1/matching-runs").then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Integer> f : pool.invokeAll(work)) {
                assertThat(f.get()).isIn(200, 201);
            }
        } finally {
            pool.shutdownNow();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> offers = em.createNativeQuery("""
                    SELECT o.quantity, o.allocated, coalesce(sum(a.quantity) FILTER (WHERE a.status <> 'DECLINED'
                           AND a.status <> 'CANCELLED'), 0)
                    FROM supply_offer o LEFT JOIN allocation a ON a.offer_id = o.id
                    WHERE o.item_code = :item GROUP BY o.id""").setParameter("item", item).getResultList();
            assertThat(offers).hasSize(6);
            long totalAllocated = 0;
            for (Object[] o : offers) {
                long quantity = ((Number) o[0]).longValue();
                long allocated = ((Number) o[1]).longValue();
                long sum = ((Number) o[2]).longValue();
                assertThat(allocated).isEqualTo(sum).isLessThanOrEqualTo(quantity);
                totalAllocated += allocated;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> requests = em.createNativeQuery("""
                    SELECT r.quantity, r.allocated, coalesce(sum(a.quantity), 0)
                    FROM supply_request r LEFT JOIN allocation a ON a.request_id = r.id
                    WHERE r.item_code = :item GROUP BY r.id""").setParameter("item", item).getResultList();
            long demand = 0;
            for (Object[] r : requests) {
                assertThat(((Number) r[1]).longValue()).isEqualTo(((Number) r[2]).longValue())
                        .isLessThanOrEqualTo(((Number) r[0]).longValue());
                demand += ((Number) r[0]).longValue();
            }
            // 150 offered against more demand: everything offered ends up allocated, nothing twice.
            assertThat(demand).isGreaterThan(150);
            assertThat(totalAllocated).isEqualTo(150);
        });
    }
}
