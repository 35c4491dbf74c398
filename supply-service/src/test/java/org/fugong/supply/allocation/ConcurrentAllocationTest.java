package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

/**
 * Parallel requests, offers, declines, cancellations, suspensions and matching runs against the
 * real database: none fails, nothing is over-allocated, and the books add up.
 */
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

    @Test
    void declinesCancellationsSuspensionsAndRunsInParallelNeverFailAndKeepTheBooks() throws Exception {
        String item = Api.newItem(null);
        List<UUID> suppliers = new ArrayList<>();
        String[] counties = { "420111", "420502", "330106", "440305" };
        for (String county : counties) {
            UUID supplier = RegistryFeed.organisation("ENTERPRISE", county, "ACTIVE", 0);
            suppliers.add(supplier);
            for (int i = 0; i < 2; i++) {
                Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 30, county)).post("/api/v1/supply-offers")
                        .then().statusCode(201);
            }
        }
        UUID wuhan = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        UUID hangzhou = RegistryFeed.organisation("HEALTH_INSTITUTION", "330106", "ACTIVE", 0);
        Random random = new Random(20200224);
        List<String> requests = new ArrayList<>();
        Map<String, UUID> requester = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            UUID hospital = i % 2 == 0 ? wuhan : hangzhou;
            String id = Api.as(Api.hospital(hospital)).body(Api.request(item, 5 + random.nextInt(11),
                    i % 3 == 0 ? "CRITICAL" : "HIGH")).post("/api/v1/supply-requests").then().statusCode(201)
                    .extract().path("id");
            requests.add(id);
            requester.put(id, hospital);
        }
        List<Map<String, Object>> proposed = Api.as(TestJwt.admin()).queryParam("limit", 100).get("/api/v1/allocations")
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("items").stream()
                .filter(a -> item.equals(a.get("item_code"))).toList();
        assertThat(proposed).hasSizeGreaterThan(10);

        List<Callable<Integer>> work = new ArrayList<>();
        List<UUID> suspended = List.of(suppliers.get(0), suppliers.get(2));
        for (UUID supplier : suspended) {
            work.add(() -> {
                RegistryFeed.publish(supplier, "ENTERPRISE", "420111", "SUSPENDED", 1,
                        "fugong.registry.enterprise.status-changed", UUID.randomUUID().toString());
                return 200;
            });
        }
        for (Map<String, Object> a : proposed) {
            if (random.nextBoolean()) {
                UUID supplier = UUID.fromString((String) a.get("supplier_id"));
                work.add(() -> Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + a.get("id") + "/decline")
                        .then().extract().statusCode());
            }
        }
        for (String request : requests.subList(0, 6)) {
            work.add(() -> Api.as(Api.hospital(requester.get(request))).put("/api/v1/supply-requests/" + request
                    + "/cancellation").then().extract().statusCode());
        }
        for (int i = 0; i < 6; i++) {
            work.add(() -> Api.as(TestJwt.admin()).body(Map.of("item_codes", List.of(item))).post("/api/v1/matching-runs")
                    .then().extract().statusCode());
        }
        for (int i = 0; i < 3; i++) {
            UUID supplier = suppliers.get(1 + 2 * (i % 2));
            work.add(() -> Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 10, "440305"))
                    .post("/api/v1/supply-offers").then().extract().statusCode());
        }
        Collections.shuffle(work, random);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            for (Future<Integer> f : pool.invokeAll(work)) {
                // 409: a decline that met an allocation already cancelled by a suspension or a cancellation.
                assertThat(f.get()).isIn(200, 201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        // The suspensions arrive through Kafka: wait until their proposals are gone.
        RegistryFeed.await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM allocation WHERE item_code = :item AND status = 'PROPOSED' AND supplier_id IN :s")
                .setParameter("item", item).setParameter("s", suspended).getSingleResult()).longValue() == 0));
        QuarkusTransaction.requiringNew().run(() -> {
            String held = "a.status IN ('PROPOSED', 'CONFIRMED', 'IN_TRANSIT', 'DELIVERED')";
            @SuppressWarnings("unchecked")
            List<Object[]> offers = em.createNativeQuery("""
                    SELECT o.quantity, o.allocated, coalesce(sum(a.quantity) FILTER (WHERE %s), 0)
                    FROM supply_offer o LEFT JOIN allocation a ON a.offer_id = o.id
                    WHERE o.item_code = :item GROUP BY o.id""".formatted(held)).setParameter("item", item)
                    .getResultList();
            for (Object[] o : offers) {
                assertThat(((Number) o[1]).longValue()).as("offer allocated = its held allocations")
                        .isEqualTo(((Number) o[2]).longValue()).isBetween(0L, ((Number) o[0]).longValue());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT r.quantity, r.allocated, coalesce(sum(a.quantity) FILTER (WHERE %s), 0), r.status
                    FROM supply_request r LEFT JOIN allocation a ON a.request_id = r.id
                    WHERE r.item_code = :item GROUP BY r.id""".formatted(held)).setParameter("item", item)
                    .getResultList();
            for (Object[] r : rows) {
                long allocated = ((Number) r[1]).longValue();
                assertThat(allocated).as("request allocated = its held allocations")
                        .isEqualTo(((Number) r[2]).longValue()).isBetween(0L, ((Number) r[0]).longValue());
                if ("CANCELLED".equals(r[3])) {
                    assertThat(allocated).as("a cancelled request holds nothing").isZero();
                }
            }
        });
    }
}
