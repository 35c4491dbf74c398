package org.fugong.finance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.finance.application.ApplicationEvents;
import org.fugong.finance.receivable.ReceivableEvents;
import org.fugong.finance.support.Api;
import org.fugong.finance.support.Applications;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * REST calls put their events on finance's topics with the CloudEvents headers and payloads valid
 * against the contract — and no lender's offered figures ever reach the topic, not even the winner's.
 */
@QuarkusTest
@FinanceTest
class FinanceEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    static ConsumerRecord<String, String> event(String topic, String key, String type) {
        ConsumerRecord<String, String> record = KafkaEvents.await(topic, KafkaEvents.keyAndType(key, type), WAIT);
        assertThat(KafkaEvents.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaEvents.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaEvents.header(record, "ce_source")).isEqualTo("/fugong/finance");
        assertThat(KafkaEvents.header(record, "ce_subject")).isEqualTo(key);
        assertThat(KafkaEvents.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaEvents.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaEvents.header(record, "content-type")).isEqualTo("application/json");
        Contracts.assertValid(type, record.value());
        return record;
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void receivablesAreRecordedConfirmedAndDisputedOnTheirTopic() {
        Known creditor = RegistryFeed.sme();
        Known debtor = RegistryFeed.large();
        String confirmed = Api.confirmed(creditor.id(), debtor, "1250000.00");
        String disputed = Api.recorded(creditor.id(), debtor.uscc(), "99.50");
        Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "DISPUTE", "reason", "Lot 2 never arrived"))
                .put("/api/v1/receivables/" + disputed + "/decision").then().statusCode(200);
        JsonNode recorded = json(event(ReceivableEvents.TOPIC, confirmed, ReceivableEvents.RECORDED)).get("receivable");
        assertThat(recorded.get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(recorded.get("amount").asText()).isEqualTo("1250000.00");
        assertThat(recorded.get("version").asLong()).isZero();
        JsonNode confirmation = json(event(ReceivableEvents.TOPIC, confirmed, ReceivableEvents.CONFIRMED)).get("receivable");
        assertThat(confirmation.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmation.get("version").asLong()).isEqualTo(1);
        ConsumerRecord<String, String> dispute = event(ReceivableEvents.TOPIC, disputed, ReceivableEvents.DISPUTED);
        assertThat(dispute.value()).contains("\"DISPUTED\"").doesNotContain("Lot 2 never arrived");
    }

    @Test
    void anApplicationsLifeIsOnItsTopicWithoutAnyLendersFigures() {
        Known sme = RegistryFeed.sme();
        Known bankA = RegistryFeed.lender();
        Known bankB = RegistryFeed.lender();
        String id = Applications.submitted(sme.id(), Applications.workingCapital("1000000.00", bankA.id(), bankB.id()));
        Applications.offered(id, bankA.id(), Applications.offer("987654.32", "4.0512", 2, "EQUAL_PRINCIPAL"));
        Applications.offered(id, bankB.id(), Applications.offer("876543.21", "3.8877", 12, "EQUAL_INSTALMENTS"));
        Applications.accepted(id, sme.id(), bankA.id());
        Applications.disbursed(id, bankA.id(), null);
        for (int k = 1; k <= 2; k++) {
            String due = Api.as(Api.enterprise(sme.id())).get(Applications.PATH + "/" + id + "/schedule").then()
                    .extract().path("instalments[" + (k - 1) + "].payment");
            Api.as(Applications.lender(bankA.id())).body(Map.of("instalment_number", k, "amount", due))
                    .post(Applications.PATH + "/" + id + "/repayments").then().statusCode(201);
        }
        String withdrawn = Applications.submitted(sme.id(), Applications.workingCapital("10.00", bankA.id()));
        Api.as(Api.enterprise(sme.id())).body(Map.of("reason", "Our buyer paid"))
                .put(Applications.PATH + "/" + withdrawn + "/withdrawal").then().statusCode(200);
        String refused = Applications.submitted(sme.id(), Applications.workingCapital("10.00", bankB.id()));
        Applications.refused(refused, bankB.id(), "Outside our lending region");

        event(ApplicationEvents.TOPIC, id, ApplicationEvents.SUBMITTED);
        event(ApplicationEvents.TOPIC, id, ApplicationEvents.REVIEW_STARTED);
        List<ConsumerRecord<String, String>> offers = KafkaEvents.awaitAll(ApplicationEvents.TOPIC,
                KafkaEvents.keyAndType(id, ApplicationEvents.OFFERED), 2, WAIT);
        assertThat(offers).extracting(r -> json(r).get("lender_org_id").asText())
                .containsExactly(bankA.id().toString(), bankB.id().toString());
        offers.forEach(r -> Contracts.assertValid(ApplicationEvents.OFFERED, r.value()));
        JsonNode accepted = json(event(ApplicationEvents.TOPIC, id, ApplicationEvents.ACCEPTED));
        assertThat(accepted.get("lender_org_id").asText()).isEqualTo(bankA.id().toString());
        assertThat(accepted.get("application").get("accepted_lender_org_id").asText()).isEqualTo(bankA.id().toString());
        event(ApplicationEvents.TOPIC, id, ApplicationEvents.DISBURSED);
        JsonNode repaid = json(event(ApplicationEvents.TOPIC, id, ApplicationEvents.REPAID)).get("application");
        assertThat(repaid.get("status").asText()).isEqualTo("REPAID");
        assertThat(event(ApplicationEvents.TOPIC, withdrawn, ApplicationEvents.WITHDRAWN).value())
                .doesNotContain("Our buyer paid");
        assertThat(event(ApplicationEvents.TOPIC, refused, ApplicationEvents.REFUSED).value())
                .doesNotContain("Outside our lending region");

        List<ConsumerRecord<String, String>> all = KafkaEvents.awaitAll(ApplicationEvents.TOPIC, r -> id.equals(r.key()),
                7, WAIT);
        for (ConsumerRecord<String, String> r : all) {
            assertThat(r.value()).as(KafkaEvents.header(r, "ce_type")).doesNotContain("987654.32", "876543.21",
                    "4.0512", "3.8877", "annual_rate", "EQUAL_PRINCIPAL", "EQUAL_INSTALMENTS", "purpose");
        }
    }
}
