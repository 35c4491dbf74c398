package org.fugong.finance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.support.Api;
import org.fugong.finance.support.Claims;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The policies an enterprise qualifies for without filling a form: the seeded 2020 measures
 * matched from what the registry announces, kept current by its events, and who may read them.
 */
@QuarkusTest
@FinanceTest
class PolicyMatchesTest {

    @Inject
    EntityManager em;

    static final String SME_OUTSIDE_HUBEI = "01706000-0000-7000-8000-000000000001";
    static final String LARGE_OUTSIDE_HUBEI = "01706000-0000-7000-8000-000000000002";
    static final String EVERY_ENTERPRISE_IN_HUBEI = "01706000-0000-7000-8000-000000000003";
    static final String VAT_HUBEI = "01706000-0000-7000-8000-000000000004";
    static final String VAT_OUTSIDE_HUBEI = "01706000-0000-7000-8000-000000000005";
    static final String INTEREST_SUBSIDY = "01706000-0000-7000-8000-000000000006";
    static final List<String> SEEDED = List.of(SME_OUTSIDE_HUBEI, LARGE_OUTSIDE_HUBEI, EVERY_ENTERPRISE_IN_HUBEI,
            VAT_HUBEI, VAT_OUTSIDE_HUBEI, INTEREST_SUBSIDY);
    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> seededMatches(Known enterprise) {
        List<String> ids = Api.as(TestJwt.admin()).queryParam("enterprise_id", enterprise.id()).queryParam("limit", 100)
                .get("/api/v1/policy-matches").then().statusCode(200).extract().path("items.policy_id");
        return ids.stream().filter(SEEDED::contains).sorted().toList();
    }

    @Test
    void each2020MeasureReachesTheEnterprisesItIsFor() {
        Known zhejiangSmall = Claims.enterprise("SMALL", "330106", Map.of("key_enterprise", false));
        Known zhejiangMedium = Claims.enterprise("MEDIUM", "330212", Map.of("key_enterprise", false));
        Known wuhanMaskMaker = Claims.enterprise("SMALL", "420102", Map.of("key_enterprise", true));
        Known beijingSoe = Claims.enterprise("LARGE", "110101", Map.of("key_enterprise", false, "ownership", "CENTRAL_SOE"));
        Known wuhanLarge = Claims.enterprise("LARGE", "420111", Map.of("key_enterprise", false));
        assertThat(seededMatches(zhejiangSmall)).containsExactly(SME_OUTSIDE_HUBEI, VAT_OUTSIDE_HUBEI);
        assertThat(seededMatches(zhejiangMedium)).as("VAT relief approximated by MICRO and SMALL")
                .containsExactly(SME_OUTSIDE_HUBEI);
        assertThat(seededMatches(wuhanMaskMaker)).containsExactly(EVERY_ENTERPRISE_IN_HUBEI, VAT_HUBEI, INTEREST_SUBSIDY);
        assertThat(seededMatches(beijingSoe)).containsExactly(LARGE_OUTSIDE_HUBEI);
        assertThat(seededMatches(wuhanLarge)).containsExactly(EVERY_ENTERPRISE_IN_HUBEI);
        // Organisations that are not enterprises qualify for nothing.
        Known body = Claims.governmentBody("420102");
        assertThat(seededMatches(body)).isEmpty();
        Api.as(Api.enterprise(wuhanMaskMaker.id())).queryParam("enterprise_id", wuhanMaskMaker.id())
                .get("/api/v1/policy-matches").then().statusCode(200)
                .body("items.find { it.policy_id == '" + INTEREST_SUBSIDY + "' }.document_number", equalTo("财金〔2020〕5号"))
                .body("items.find { it.policy_id == '" + INTEREST_SUBSIDY + "' }.decided_by[0].path",
                        equalTo("eligibility.key_enterprise"))
                .body("items.find { it.policy_id == '" + INTEREST_SUBSIDY + "' }.decided_by[0].actual", equalTo("true"))
                .body("items.find { it.policy_id == '" + EVERY_ENTERPRISE_IN_HUBEI + "' }.in_force", equalTo(false));
    }

    @Test
    void anSmeGrowingToLargeLosesItsSmePoliciesAndUnmatchedEventsFollow() throws Exception {
        Known sme = Claims.enterprise("SMALL", "330106", Map.of("key_enterprise", false));
        assertThat(seededMatches(sme)).containsExactly(SME_OUTSIDE_HUBEI, VAT_OUTSIDE_HUBEI);

        RegistryFeed.publish(sme, "ACTIVE", 1, Map.of("size_class", "LARGE", "employees", 1500,
                "annual_revenue", "520000000.00", "key_enterprise", false), "fugong.registry.enterprise.updated",
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(sme.id()).version == 1);
        assertThat(seededMatches(sme)).containsExactly(LARGE_OUTSIDE_HUBEI);

        List<ConsumerRecord<String, String>> lost = KafkaEvents.awaitAll(PolicyEvents.TOPIC,
                KafkaEvents.keyAndType(sme.id().toString(), PolicyEvents.UNMATCHED), 2, WAIT);
        assertThat(lost).extracting(r -> json(r).at("/match/policy_id").asText())
                .containsExactlyInAnyOrder(SME_OUTSIDE_HUBEI, VAT_OUTSIDE_HUBEI);
        for (ConsumerRecord<String, String> r : lost) {
            Contracts.assertValid(PolicyEvents.UNMATCHED, r.value());
            assertThat(KafkaEvents.header(r, "ce_subject")).isEqualTo(sme.id().toString());
            JsonNode payload = json(r);
            assertThat(payload.get("cause").asText()).isEqualTo("ENTERPRISE_CHANGED");
            assertThat(payload.at("/match/decided_by/0/attribute").asText()).isEqualTo("size_class");
            assertThat(payload.at("/match/decided_by/0/actual").asText()).isEqualTo("LARGE");
            assertThat(payload.at("/match/decided_by/0/held").asBoolean()).isFalse();
        }
        ConsumerRecord<String, String> gained = KafkaEvents.await(PolicyEvents.TOPIC,
                KafkaEvents.keyAndType(sme.id().toString(), PolicyEvents.MATCHED)
                        .and(r -> json(r).at("/match/policy_id").asText().equals(LARGE_OUTSIDE_HUBEI)), WAIT);
        Contracts.assertValid(PolicyEvents.MATCHED, gained.value());
    }

    @Test
    void theSameEventTwiceOrAStaleOneChangesNoMatch() {
        Known sme = Claims.enterprise("MICRO", "330106", Map.of("key_enterprise", false));
        String event = UUID.randomUUID().toString();
        RegistryFeed.publish(sme, "ACTIVE", 2, Map.of("key_enterprise", true), "fugong.registry.enterprise.updated", event);
        RegistryFeed.await(() -> RegistryFeed.read(sme.id()).version == 2);
        RegistryFeed.publish(sme, "ACTIVE", 2, Map.of("key_enterprise", true), "fugong.registry.enterprise.updated", event);
        // Older than what finance holds: the read model keeps version 2, and so do the matches.
        String stale = UUID.randomUUID().toString();
        RegistryFeed.publish(sme, "ACTIVE", 1, Map.of("size_class", "LARGE"), "fugong.registry.enterprise.updated", stale);
        RegistryFeed.await(() -> processed(event) == 1 && processed(stale) == 1);
        Organisation held = RegistryFeed.read(sme.id());
        assertThat(held.sizeClass).isEqualTo("MICRO");
        assertThat(seededMatches(sme)).containsExactly(SME_OUTSIDE_HUBEI, VAT_OUTSIDE_HUBEI, INTEREST_SUBSIDY);
    }

    @Test
    void aDeregisteredEnterpriseLosesEveryMatch() {
        Known sme = Claims.enterprise("SMALL", "330106", Map.of("key_enterprise", false));
        assertThat(seededMatches(sme)).hasSize(2);
        RegistryFeed.publish(sme, "DEREGISTERED", 1, Map.of(), "fugong.registry.enterprise.status-changed",
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(sme.id()).version == 1);
        assertThat(seededMatches(sme)).isEmpty();
        ConsumerRecord<String, String> lost = KafkaEvents.await(PolicyEvents.TOPIC,
                KafkaEvents.keyAndType(sme.id().toString(), PolicyEvents.UNMATCHED), WAIT);
        assertThat(json(lost).at("/match/decided_by").size()).isZero();
        Contracts.assertValid(PolicyEvents.UNMATCHED, lost.value());
    }

    @Test
    void theEnterpriseItsAuthoritiesAndAdministratorsSeeItsMatchesAnyoneElseGets404() {
        Known sme = Claims.enterprise("SMALL", "330106", Map.of());
        for (String token : List.of(Api.enterprise(sme.id()), TestJwt.authority("33"), TestJwt.authority("330106"),
                TestJwt.admin())) {
            Api.as(token).queryParam("enterprise_id", sme.id()).get("/api/v1/policy-matches").then().statusCode(200);
        }
        for (String token : List.of(Api.enterprise(RegistryFeed.sme().id()), TestJwt.authority("42"),
                TestJwt.as("AUTHORITY").orgId(sme.id()).regionScope("42").token())) {
            ProblemAssertions.problem(Api.as(token).queryParam("enterprise_id", sme.id()).get("/api/v1/policy-matches")
                    .then(), 404);
        }
        ProblemAssertions.problem(Api.as(TestJwt.as("LENDER").orgId(UUID.randomUUID()).token())
                .queryParam("enterprise_id", sme.id()).get("/api/v1/policy-matches").then(), 403);
        ProblemAssertions.problem(Api.as(TestJwt.admin()).get("/api/v1/policy-matches").then(), 400)
                .body("errors[0].field", equalTo("enterprise_id"));
        ProblemAssertions.problem(Api.as(TestJwt.admin()).queryParam("enterprise_id", "acme").get("/api/v1/policy-matches")
                .then(), 400).body("errors[0].field", equalTo("enterprise_id"));
        ProblemAssertions.problem(Api.as(TestJwt.admin()).queryParam("enterprise_id", sme.id()).queryParam("limit", 101)
                .get("/api/v1/policy-matches").then(), 400).body("errors[0].field", equalTo("limit"));
        List<String> first = Api.as(TestJwt.admin()).queryParam("enterprise_id", sme.id()).queryParam("limit", 1)
                .get("/api/v1/policy-matches").then().statusCode(200).extract().path("items.policy_id");
        String cursor = Api.as(TestJwt.admin()).queryParam("enterprise_id", sme.id()).queryParam("limit", 1)
                .get("/api/v1/policy-matches").then().extract().path("next_cursor");
        List<String> second = Api.as(TestJwt.admin()).queryParam("enterprise_id", sme.id()).queryParam("limit", 1)
                .queryParam("cursor", cursor).get("/api/v1/policy-matches").then().statusCode(200).extract()
                .path("items.policy_id");
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_group = 'finance.RegistryEventHandler' "
                        + "AND event_id = :id").setParameter("id", eventId).getSingleResult()).longValue());
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
