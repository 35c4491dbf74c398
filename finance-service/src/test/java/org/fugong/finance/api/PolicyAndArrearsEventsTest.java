package org.fugong.finance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.finance.arrears.ArrearsEvents;
import org.fugong.finance.policy.PolicyEvents;
import org.fugong.finance.support.Api;
import org.fugong.finance.support.Claims;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * finance.arrears and finance.policies: REST calls and registry events put payloads valid against
 * the contract on the topics, with the CloudEvents headers and without the callers who acted (that
 * every type is in the contract at all is {@link PublishedEventContractsTest}'s).
 */
@QuarkusTest
@FinanceTest
class PolicyAndArrearsEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    static void assertEvent(ConsumerRecord<String, String> record, String type, String subject) {
        assertThat(KafkaEvents.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaEvents.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaEvents.header(record, "ce_source")).isEqualTo("/fugong/finance");
        assertThat(KafkaEvents.header(record, "ce_subject")).isEqualTo(subject);
        assertThat(KafkaEvents.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaEvents.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaEvents.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.key()).isEqualTo(subject);
        Contracts.assertValid(type, record.value());
        // Organisations act, never a named caller: no token subject travels in an event.
        assertThat(record.value()).doesNotContain("test-enterprise-").doesNotContain("test-authority-")
                .doesNotContain("test-admin-").doesNotContain("TRF-");
    }

    @Test
    void anArrearsClaimFromClaimToSettlementPutsEachStepOnFinanceArrears() {
        Known creditor = RegistryFeed.sme();
        Known government = Claims.governmentBody("420102");
        String debtor = Claims.government(government);
        String id = Claims.claimed(creditor, government, "300.00", "2019-12-31");
        Api.as(debtor).body(Map.of("decision", "DISPUTE", "reason", "Lot 3 not yet due"))
                .put("/api/v1/arrears-claims/" + id + "/response").then().statusCode(200);
        Claims.acknowledged(government, id);
        Api.as(debtor).body(Claims.plan("100.00", "200.00")).put("/api/v1/arrears-claims/" + id + "/settlement-plan")
                .then().statusCode(200);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        for (String amount : List.of("100.00", "200.00")) {
            Api.as(debtor).body(Map.of("amount", amount, "paid_on", today, "reference", "TRF-" + amount))
                    .post("/api/v1/arrears-claims/" + id + "/payments").then().statusCode(201);
        }
        List<String> order = List.of(ArrearsEvents.CLAIMED, ArrearsEvents.DISPUTED, ArrearsEvents.ACKNOWLEDGED,
                ArrearsEvents.PLAN_AGREED, ArrearsEvents.PAYMENT_RECORDED, ArrearsEvents.PAYMENT_RECORDED,
                ArrearsEvents.SETTLED);
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitAll(ArrearsEvents.TOPIC, r -> id.equals(r.key()),
                order.size(), WAIT);
        assertThat(records).extracting(r -> KafkaEvents.header(r, "ce_type")).containsExactlyElementsOf(order);
        for (int i = 0; i < records.size(); i++) {
            assertEvent(records.get(i), order.get(i), id);
        }
        JsonNode disputed = json(records.get(1));
        assertThat(disputed.at("/claim/dispute_reason").asText()).isEqualTo("Lot 3 not yet due");
        JsonNode firstPayment = json(records.get(4));
        assertThat(firstPayment.at("/payment/amount").asText()).isEqualTo("100.00");
        assertThat(firstPayment.at("/claim/outstanding").asText()).isEqualTo("200.00");
        assertThat(firstPayment.at("/claim/plan/0/paid").asText()).isEqualTo("100.00");
        JsonNode settled = json(records.get(6));
        assertThat(settled.at("/claim/status").asText()).isEqualTo("SETTLED");
        assertThat(settled.at("/claim/version").asLong()).isEqualTo(5);
        assertThat(settled.at("/claim/debtor_region_code").asText()).isEqualTo("420102");
    }

    @Test
    void aPolicyAndTheMatchesItsChangesCauseGoOnFinancePolicies() {
        Known micro = Claims.enterprise("MICRO", "421023", Map.of());
        Known medium = Claims.enterprise("MEDIUM", "421023", Map.of());
        Map<String, Object> body = Claims.policy(Map.of("region_prefix", List.of("421023")));
        String id = Api.as(TestJwt.admin()).body(body).post("/api/v1/policies").then().statusCode(201).extract().path("id");
        assertEvent(KafkaEvents.await(PolicyEvents.TOPIC, KafkaEvents.keyAndType(id, PolicyEvents.CREATED), WAIT),
                PolicyEvents.CREATED, id);
        for (Known enterprise : List.of(micro, medium)) {
            ConsumerRecord<String, String> matched = KafkaEvents.await(PolicyEvents.TOPIC,
                    KafkaEvents.keyAndType(enterprise.id().toString(), PolicyEvents.MATCHED)
                            .and(r -> id.equals(json(r).at("/match/policy_id").asText())), WAIT);
            assertEvent(matched, PolicyEvents.MATCHED, enterprise.id().toString());
            assertThat(json(matched).get("cause").asText()).isEqualTo("POLICY_CHANGED");
        }
        Map<String, Object> microOnly = new java.util.HashMap<>(body);
        microOnly.put("eligibility", Map.of("all_of", List.of(Map.of("region_prefix", List.of("421023")),
                Map.of("size_class", List.of("MICRO")))));
        // Now an interest subsidy, with its terms: they travel with the policy's state.
        microOnly.put("kind", "INTEREST_SUBSIDY");
        microOnly.put("subsidy", Map.of("basis", "LOAN_RATE", "share_percent", "50", "months", 12));
        Api.as(TestJwt.admin()).header("If-Match", "\"0\"").body(microOnly).put("/api/v1/policies/" + id).then()
                .statusCode(200);
        ConsumerRecord<String, String> updated = KafkaEvents.await(PolicyEvents.TOPIC,
                KafkaEvents.keyAndType(id, PolicyEvents.UPDATED), WAIT);
        assertEvent(updated, PolicyEvents.UPDATED, id);
        assertThat(json(updated).at("/policy/version").asLong()).isEqualTo(1);
        assertThat(json(updated).at("/policy/subsidy/basis").asText()).isEqualTo("LOAN_RATE");
        assertThat(json(updated).at("/policy/subsidy/share_percent").asText()).isEqualTo("50.00");
        ConsumerRecord<String, String> lost = KafkaEvents.await(PolicyEvents.TOPIC,
                KafkaEvents.keyAndType(medium.id().toString(), PolicyEvents.UNMATCHED)
                        .and(r -> id.equals(json(r).at("/match/policy_id").asText())), WAIT);
        assertEvent(lost, PolicyEvents.UNMATCHED, medium.id().toString());
        assertThat(json(lost).at("/match/decided_by/0/path").asText()).isEqualTo("eligibility.all_of[1].size_class");
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
