package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Supply's one lock order — the item's advisory lock before any row — made to matter: the test
 * holds the item's lock, lets a matching run queue for it, then starts a decline, a cancellation
 * or a suspension of the same item and releases the lock. An action that locked rows before
 * queueing for the item would hold the rows the run needs while waiting for the run's item lock:
 * a deadlock (40P01) and a 500.
 */
@QuarkusTest
@SupplyTest
class LockOrderTest {

    @Inject
    DataSource db;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "decline", "cancellation", "suspension" })
    void anActionQueuedBehindAMatchingRunHoldsNoRowsAndNeitherFails(String action) throws Exception {
        String item = Api.newItem(null);
        UUID near = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID far = RegistryFeed.organisation("ENTERPRISE", "440305", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        String offer = Api.as(Api.supplier(near)).body(Api.certifiedOffer(item, 40, "420111"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        Api.as(Api.supplier(far)).body(Api.certifiedOffer(item, 100, "440305")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 30, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations")
                .then().extract().path("items[0].id");

        CompletableFuture<Integer> run;
        CompletableFuture<Integer> act;
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "supply-item:" + item);
                lock.execute();
            }
            run = async(() -> Api.as(TestJwt.admin()).body(Map.of("item_codes", List.of(item)))
                    .post("/api/v1/matching-runs").then().extract().statusCode());
            awaitWaiters(item, 1);
            act = switch (action) {
                case "decline" -> async(() -> Api.as(Api.supplier(near)).put("/api/v1/allocations/" + allocation + "/decline")
                        .then().extract().statusCode());
                case "cancellation" -> async(() -> Api.as(Api.hospital(hospital))
                        .put("/api/v1/supply-requests/" + request + "/cancellation").then().extract().statusCode());
                default -> async(() -> {
                    RegistryFeed.publish(near, "ENTERPRISE", "420111", "SUSPENDED", 1,
                            "fugong.registry.enterprise.status-changed", UUID.randomUUID().toString());
                    RegistryFeed.await(() -> "CANCELLED".equals(Api.as(TestJwt.admin())
                            .get("/api/v1/allocations/" + allocation).then().extract().path("status")));
                    return 200;
                });
            };
            awaitWaiters(item, 2);
            // Both queue for the item; the action must not have taken the rows the run will need.
            assertRowFree("supply_request", request);
            assertRowFree("supply_offer", offer);
            holder.commit();
        }
        assertThat(run.get(30, TimeUnit.SECONDS)).as("the matching run").isEqualTo(200);
        assertThat(act.get(30, TimeUnit.SECONDS)).as("the " + action).isEqualTo(200);
    }

    @Test
    void aTransactionPostgresAbortsAsADeadlockVictimIsRunAgain() throws Exception {
        // Forces a real deadlock on a cancellation: the test holds the request's row and then asks for
        // the item the cancellation holds. With a longer deadlock_timeout of its own, the test is never
        // the victim: the cancellation is (40P01), and it must be run again, not answered with a 500.
        String item = Api.newItem(null);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 30, "HIGH"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        CompletableFuture<Integer> cancel;
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("SET LOCAL deadlock_timeout = '20s'");
                s.execute("SELECT 1 FROM supply_request WHERE id = '" + UUID.fromString(request) + "' FOR UPDATE");
            }
            cancel = async(() -> Api.as(Api.hospital(hospital)).put("/api/v1/supply-requests/" + request + "/cancellation")
                    .then().extract().statusCode());
            RegistryFeed.await(() -> count("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'") >= 1);
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "supply-item:" + item);
                lock.execute(); // granted once the cancellation's first attempt is aborted
            }
            holder.commit();
        }
        assertThat(cancel.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("status",
                org.hamcrest.Matchers.equalTo("CANCELLED"));
    }

    long count(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<Integer> async(Supplier<Integer> call) {
        return CompletableFuture.supplyAsync(call);
    }

    /** Polls pg_locks until this many transactions wait for the item's advisory lock. */
    void awaitWaiters(String item, int count) {
        RegistryFeed.await(() -> {
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                      AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0)""")) {
                q.setString(1, "supply-item:" + item);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) >= count;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void assertRowFree(String table, String id) {
        assertThatCode(() -> {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT 1 FROM " + table + " WHERE id = ?::uuid FOR UPDATE NOWAIT")) {
                    q.setString(1, id);
                    q.executeQuery().close();
                } finally {
                    c.rollback();
                }
            }
        }).as("%s %s is locked by a transaction still waiting for the item", table, id).doesNotThrowAnyException();
    }
}
