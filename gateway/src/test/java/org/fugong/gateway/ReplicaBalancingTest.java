package org.fugong.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.StandInServers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A service with several replicas (finance here, two stand-ins): requests are balanced over them,
 * a stopped replica is routed around — even for a POST without an Idempotency-Key, since a refused
 * connection sent nothing — and taken out by its circuit, and it is put back once it answers again.
 */
@QuarkusTest
@GatewayTestResources
class ReplicaBalancingTest {

    static final String RECEIVABLES = "/api/v1/receivables";

    static List<Integer> replicasAnswering(String key, int calls, boolean post) {
        List<Integer> replicas = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Response response = post
                    ? given().header("X-Api-Key", key).contentType("application/json").body("{\"amount\":\"1.00\"}").post(RECEIVABLES)
                    : given().header("X-Api-Key", key).get(RECEIVABLES);
            assertThat(response.statusCode()).as("call %d: %s", i, response.asString()).isEqualTo(200);
            assertThat(response.jsonPath().getString("service")).isEqualTo("finance");
            replicas.add(response.jsonPath().getInt("replica"));
        }
        return replicas;
    }

    @Test
    void requestsAreBalancedOverTheReplicas() {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        List<Integer> replicas = replicasAnswering(key, 20, false);
        assertThat(replicas).filteredOn(r -> r == 0).hasSizeGreaterThanOrEqualTo(5);
        assertThat(replicas).filteredOn(r -> r == 1).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aStoppedReplicaIsRoutedAroundTakenOutAndPutBackWhenItRecovers() {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        String stopped = StandInServers.financeReplicaAddress(1);
        StandInServers.stopFinanceReplica(1);
        try {
            // Every call succeeds on the replica still up; none is lost to the stopped one.
            assertThat(replicasAnswering(key, 12, true)).containsOnly(0);
            assertThat(replicasAnswering(key, 4, false)).containsOnly(0);
            given().get("/health").then().statusCode(200).body("upstreams.finance", equalTo("UP"))
                    .body("circuits.'finance " + stopped + "'", equalTo("OPEN"))
                    .body("circuits.'finance " + StandInServers.financeReplicaAddress(0) + "'", equalTo("CLOSED"));
        } finally {
            StandInServers.startFinanceReplica(1);
        }
        // Back up: after its open period (1 s here) a trial call reaches it and it is in the rotation again.
        Instant deadline = Instant.now().plusSeconds(15);
        List<Integer> seen = new ArrayList<>();
        while (!seen.contains(1) && Instant.now().isBefore(deadline)) {
            seen.addAll(replicasAnswering(key, 1, false));
        }
        assertThat(seen).contains(1);
        given().get("/health").then().body("circuits.'finance " + stopped + "'", equalTo("CLOSED"));
    }

    @Test
    void withEveryReplicaStoppedTheCallerGetsA503NamingTheService() {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        StandInServers.stopFinanceReplica(0);
        StandInServers.stopFinanceReplica(1);
        try {
            given().header("X-Api-Key", key).get(RECEIVABLES).then().statusCode(503)
                    .contentType("application/problem+json").body("service", equalTo("finance"));
            given().get("/health").then().statusCode(503).body("upstreams.finance", equalTo("DOWN"));
        } finally {
            StandInServers.startFinanceReplica(0);
            StandInServers.startFinanceReplica(1);
        }
        Instant deadline = Instant.now().plusSeconds(15);
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            status = given().header("X-Api-Key", key).get(RECEIVABLES).statusCode();
        }
        assertThat(status).isEqualTo(200);
    }
}
