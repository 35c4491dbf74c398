package org.fugong.logistics.pass;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.contracts.Contracts;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Shipments;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * When an end of a route turns HIGH, approved passes whose cargo the rule would no longer approve
 * there go back to review — all at once, each listed for the handhelds — while medical supplies and
 * livelihood goods stand; an authority covering the origin decides them again.
 */
@QuarkusTest
@LogisticsTest
class HighRiskReviewTest {

    static final String PASSES = "/api/v1/green-passes";
    /** Jiangxia, Wuhan: only this test routes there, and only this test changes its risk level. */
    static final String TURNS_HIGH = "420115";

    static JsonPath apply(UUID enterprise, String destination, String cargo) {
        return Api.as(Api.enterprise(enterprise)).body(Api.pass("330106", destination, cargo)).post(PASSES).then()
                .statusCode(201).extract().jsonPath();
    }

    static JsonPath read(String id) {
        return Api.as(TestJwt.admin()).get(PASSES + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath listedSince(long since) {
        return given().queryParam("since", since).queryParam("limit", 100).get(PASSES + "/revocations").then()
                .statusCode(200).extract().jsonPath();
    }

    static String scan(String checkpoint, String code) {
        return Api.as(Shipments.officer()).body(Map.of("checkpoint_id", checkpoint, "code", code, "plate_read", "浙A12345"))
                .post("/api/v1/checkpoint-scans").then().statusCode(201).extract().path("result");
    }

    @Test
    void approvedPassesWhoseCargoDoesNotStandGoBackToReviewAndMedicalAndLivelihoodStand() {
        UUID essential = RegistryFeed.essentialEnterprise("330106");
        UUID standard = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
        JsonPath components = apply(essential, TURNS_HIGH, "COMPONENTS");
        JsonPath materials = apply(essential, TURNS_HIGH, "PRODUCTION_MATERIALS");
        JsonPath medical = apply(essential, TURNS_HIGH, "MEDICAL_SUPPLIES");
        JsonPath livelihood = apply(essential, TURNS_HIGH, "LIVELIHOOD_GOODS");
        JsonPath elsewhere = apply(essential, "420102", "COMPONENTS");
        JsonPath pending = apply(standard, TURNS_HIGH, "COMPONENTS");
        JsonPath revoked = apply(essential, TURNS_HIGH, "COMPONENTS");
        Api.as(TestJwt.authority("42")).body(Map.of("reason", "Off its route")).put(PASSES + "/" + revoked.getString("id")
                + "/revocation").then().statusCode(200);
        for (JsonPath p : List.of(components, materials, medical, livelihood, elsewhere)) {
            assertThat(p.getString("status")).isEqualTo("APPROVED");
        }
        assertThat(pending.getString("status")).isEqualTo("PENDING_REVIEW");
        long before = listedSince(0).getLong("next_since");
        String checkpoint = Shipments.checkpoint(Shipments.OFF_THE_WAY); // Macheng, inside the routes' 420000
        assertThat(scan(checkpoint, components.getString("code"))).isEqualTo("VALID");

        RegistryFeed.riskLevel(TURNS_HIGH, "HIGH", 1);

        for (JsonPath p : List.of(components, materials)) {
            Api.as(Api.enterprise(essential)).get(PASSES + "/" + p.getString("id")).then()
                    .body("status", equalTo("PENDING_REVIEW")).body("suspended_at", notNullValue())
                    .body("suspension_reason", containsString(TURNS_HIGH))
                    .body("suspension_reason", containsString(PassDecision.HIGH_RISK_END))
                    .body("rule", equalTo(PassDecision.APPROVED)).body("code", equalTo(p.getString("code")))
                    .body("version", equalTo(p.getInt("version") + 1));
            assertThat(scan(checkpoint, p.getString("code"))).as("suspended until an authority decides").isEqualTo("REVOKED");
        }
        for (JsonPath p : List.of(medical, livelihood, elsewhere)) {
            Api.as(TestJwt.admin()).get(PASSES + "/" + p.getString("id")).then().body("status", equalTo("APPROVED"))
                    .body("suspended_at", nullValue()).body("version", equalTo(p.getInt("version")));
        }
        assertThat(scan(checkpoint, medical.getString("code"))).isEqualTo("VALID");
        assertThat(read(pending.getString("id")).getString("suspended_at")).as("was never approved").isNull();
        assertThat(read(pending.getString("id")).getString("status")).isEqualTo("PENDING_REVIEW");
        assertThat(read(revoked.getString("id")).getString("status")).isEqualTo("REVOKED");

        // The handhelds' list: one entry each, numbered together, saying to stop them.
        JsonPath listed = listedSince(before);
        assertThat(listed.<String>getList("items.number"))
                .containsExactlyInAnyOrder(components.getString("number"), materials.getString("number"));
        assertThat(listed.<String>getList("items.status")).containsOnly("PENDING_REVIEW");
        List<Integer> seqs = listed.getList("items.seq");
        assertThat(seqs.get(1) - seqs.get(0)).isEqualTo(1);
        assertThat(listed.<String>getList("items.listed_at")).hasSize(2).doesNotContainNull();
        assertThat(listed.getString("items[0].listed_at")).isEqualTo(listed.getString("items[1].listed_at"));

        for (JsonPath p : List.of(components, materials)) {
            var event = KafkaEvents.await(PassEvents.TOPIC, KafkaEvents.keyAndType(p.getString("id"), PassEvents.SUSPENDED),
                    Duration.ofSeconds(20));
            Contracts.assertValid(PassEvents.SUSPENDED, event.value());
            assertThat(event.value()).contains("\"PENDING_REVIEW\"").doesNotContain(Api.DRIVER_PHONE)
                    .doesNotContain(Api.DRIVER_ID);
        }

        // An authority covering the origin decides again: approved, the same code is good again and the
        // handhelds learn it from a new entry; refused, it stays stopped.
        long beforeDecisions = listed.getLong("next_since");
        Api.as(TestJwt.authority("33")).body(Map.of("outcome", "APPROVED", "reason", "Factory on the essential list"))
                .put(PASSES + "/" + components.getString("id") + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("code", equalTo(components.getString("code")));
        Api.as(TestJwt.authority("33")).body(Map.of("outcome", "REFUSED", "reason", "Not needed now"))
                .put(PASSES + "/" + materials.getString("id") + "/decision").then().statusCode(200)
                .body("status", equalTo("REFUSED"));
        JsonPath decided = listedSince(beforeDecisions);
        assertThat(decided.<String>getList("items.number")).containsExactly(components.getString("number"));
        assertThat(decided.<String>getList("items.status")).containsExactly("APPROVED");
        assertThat(scan(checkpoint, components.getString("code"))).isEqualTo("VALID");
        assertThat(scan(checkpoint, materials.getString("code"))).isEqualTo("REVOKED");
    }
}
