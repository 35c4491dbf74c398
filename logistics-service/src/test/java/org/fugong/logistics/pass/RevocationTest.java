package org.fugong.logistics.pass;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.contracts.Contracts;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Revocation by an authority, with the enterprise's suspension, and the public delta list. */
@QuarkusTest
@LogisticsTest
class RevocationTest {

    static final String PASSES = "/api/v1/green-passes";

    static String apply(UUID enterprise) {
        return Api.as(Api.enterprise(enterprise)).body(Api.pass()).post(PASSES).then().statusCode(201).extract()
                .path("id");
    }

    static String number(String id) {
        return Api.as(TestJwt.admin()).get(PASSES + "/" + id).then().extract().path("number");
    }

    static JsonPath revocationsSince(long since) {
        return given().queryParam("since", since).queryParam("limit", 100).get(PASSES + "/revocations").then()
                .statusCode(200).extract().jsonPath();
    }

    static PassStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> GreenPass.<GreenPass>findById(UUID.fromString(id)).status);
    }

    @Test
    void anAuthorityCoveringAnEndRevokesWithAReasonOnceAndThePublicListShowsIt() {
        long before = revocationsSince(0).getLong("next_since");
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        String id = apply(enterprise);
        String revocation = PASSES + "/" + id + "/revocation";
        Map<String, Object> reason = Map.of("reason", "Seen off its route at the Xianning toll station");
        problem(Api.as(Api.enterprise(enterprise)).body(reason).put(revocation).then(), 403);
        problem(Api.as(TestJwt.authority("41")).body(reason).put(revocation).then(), 404);
        problem(Api.as(TestJwt.authority("4201")).body(Map.of("reason", " ")).put(revocation).then(), 400)
                .body("errors[0].field", equalTo("reason"));
        problem(Api.as(TestJwt.authority("4201")).body(reason).put(PASSES + "/" + UUID.randomUUID() + "/revocation")
                .then(), 404);
        assertThat(status(id)).isEqualTo(PassStatus.APPROVED);

        String revokedAt = Api.as(TestJwt.authority("4201")).body(reason).put(revocation).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revocation_reason", equalTo(reason.get("reason")))
                .extract().path("revoked_at");
        Api.as(TestJwt.authority("33")).body(Map.of("reason", "again")).put(revocation).then().statusCode(200)
                .body("revoked_at", equalTo(revokedAt)).body("revocation_reason", equalTo(reason.get("reason")));

        JsonPath list = revocationsSince(before);
        assertThat(list.getList("items.number")).contains(number(id));
        long next = list.getLong("next_since");
        assertThat(next).isGreaterThan(before);
        JsonPath nothingNew = revocationsSince(next);
        assertThat(nothingNew.getList("items")).isEmpty();
        assertThat(nothingNew.getLong("next_since")).isEqualTo(next);

        String event = KafkaEvents.await(PassEvents.TOPIC, KafkaEvents.keyAndType(id, PassEvents.REVOKED),
                Duration.ofSeconds(20)).value();
        Contracts.assertValid(PassEvents.REVOKED, event);
        assertThat(event).doesNotContain(Api.DRIVER_ID).doesNotContain(Api.DRIVER_PHONE);
    }

    @Test
    void aRefusedPassIsNotRevoked() {
        UUID enterprise = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
        String id = apply(enterprise);
        Api.as(TestJwt.authority("33")).body(Map.of("outcome", "REFUSED", "reason", "no")).put(PASSES + "/" + id
                + "/decision").then().statusCode(200);
        problem(Api.as(TestJwt.authority("33")).body(Map.of("reason", "x")).put(PASSES + "/" + id + "/revocation")
                .then(), 409);
        assertThat(status(id)).isEqualTo(PassStatus.REFUSED);
    }

    @Test
    void theRegistrySuspendingOrDeregisteringAnEnterpriseRevokesItsLivePasses() {
        UUID suspended = RegistryFeed.essentialEnterprise("330106");
        String approved = apply(suspended);
        String pending = Api.as(Api.enterprise(suspended)).body(Api.pass("330106", "420102", "RETURNING_WORKERS"))
                .post(PASSES).then().statusCode(201).extract().path("id");
        UUID deregistered = RegistryFeed.essentialEnterprise("330106");
        String other = apply(deregistered);
        UUID untouched = RegistryFeed.essentialEnterprise("330106");
        String stays = apply(untouched);

        RegistryFeed.publishEnterprise(suspended, "330106", "SUSPENDED", "ESSENTIAL", false, 1,
                RegistryFeed.STATUS_CHANGED, UUID.randomUUID().toString());
        RegistryFeed.publishEnterprise(deregistered, "330106", "DEREGISTERED", "ESSENTIAL", false, 1,
                RegistryFeed.STATUS_CHANGED, UUID.randomUUID().toString());
        RegistryFeed.await(() -> status(approved) == PassStatus.REVOKED && status(pending) == PassStatus.REVOKED
                && status(other) == PassStatus.REVOKED);
        Api.as(Api.enterprise(suspended)).get(PASSES + "/" + approved).then()
                .body("revocation_reason", equalTo("Enterprise SUSPENDED: Confirmed case among employees"));
        Api.as(Api.enterprise(deregistered)).get(PASSES + "/" + other).then()
                .body("revocation_reason", org.hamcrest.Matchers.startsWith("Enterprise DEREGISTERED"));
        assertThat(status(stays)).isEqualTo(PassStatus.APPROVED);
        assertThat(revocationsSince(0).getList("items.number")).contains(number(approved), number(pending), number(other))
                .doesNotContain(number(stays));
        problem(Api.as(TestJwt.authority("33")).body(Map.of("outcome", "APPROVED", "reason", "x"))
                .put(PASSES + "/" + pending + "/decision").then(), 409);
        KafkaEvents.await(PassEvents.TOPIC, KafkaEvents.keyAndType(approved, PassEvents.REVOKED), Duration.ofSeconds(20));
    }

    @Test
    void theListIsPublicPagedAndRefusesABadSince() {
        given().get(PASSES + "/revocations").then().statusCode(200);
        problem(given().queryParam("since", -1).get(PASSES + "/revocations").then(), 400)
                .body("errors[0].field", equalTo("since"));
        problem(given().queryParam("since", "yesterday").get(PASSES + "/revocations").then(), 400)
                .body("errors[0].field", equalTo("since"));
        problem(given().queryParam("limit", 0).get(PASSES + "/revocations").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        long before = revocationsSince(0).getLong("next_since");
        List<String> ids = List.of(apply(enterprise), apply(enterprise), apply(enterprise));
        ids.forEach(id -> Api.as(TestJwt.admin()).body(Map.of("reason", "test")).put(PASSES + "/" + id + "/revocation")
                .then().statusCode(200));
        JsonPath firstTwo = given().queryParam("since", before).queryParam("limit", 2).get(PASSES + "/revocations")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        JsonPath rest = given().queryParam("since", firstTwo.getLong("next_since")).get(PASSES + "/revocations").then()
                .statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items.number")).contains(number(ids.get(2)));
        assertThat(firstTwo.getList("items.number")).containsExactly(number(ids.get(0)), number(ids.get(1)));
    }
}
