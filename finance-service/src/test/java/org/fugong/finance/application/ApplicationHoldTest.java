package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.finance.support.Api;
import org.fugong.finance.support.Applications;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The registry's word on an applicant reaching its applications: suspended → ON_HOLD (its lenders
 * see why), reinstated → back where it was, deregistered → WITHDRAWN with its receivables free.
 */
@QuarkusTest
@FinanceTest
class ApplicationHoldTest {

    static final String STATUS_CHANGED = "fugong.registry.enterprise.status-changed";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aSuspensionHoldsTheApplicationReinstatementResumesItDeregistrationWithdrawsIt() throws Exception {
        Known sme = RegistryFeed.sme();
        Known debtor = RegistryFeed.large();
        Known bank = RegistryFeed.lender();
        String receivable = Api.confirmed(sme.id(), debtor, "100000.00");
        String id = Applications.submitted(sme.id(), Applications.receivablesFinancing("80000.00", List.of(receivable),
                bank.id()));
        String maker = Applications.lender(bank.id());
        Applications.startReview(id, maker);

        RegistryFeed.change(sme, 1, "SUSPENDED", Map.of("status_reason", "Confirmed case among employees"),
                STATUS_CHANGED);
        RegistryFeed.await(() -> "ON_HOLD".equals(Api.as(maker).get(Applications.PATH + "/" + id).then().extract()
                .path("status")));
        Api.as(maker).get(Applications.PATH + "/" + id).then().body("held_from", equalTo("UNDER_REVIEW"))
                .body("hold_reason", equalTo("Enterprise SUSPENDED in the registry: Confirmed case among employees"));
        Api.as(maker).get("/api/v1/lenders/" + bank.id() + "/review-queue").then()
                .body("items[0].application_status", equalTo("ON_HOLD"))
                .body("items[0].hold_reason", containsString("Confirmed case among employees"));
        ProblemAssertions.problem(Api.as(maker).body(Applications.offer("80000.00", "3.15", 6, "EQUAL_PRINCIPAL"))
                .put(Applications.PATH + "/" + id + "/recommendation").then(), 409).body("detail", containsString("ON_HOLD"));
        // Still pledged while held: the application may come back.
        Api.as(Api.enterprise(sme.id())).get("/api/v1/receivables/" + receivable + "/pledge").then()
                .body("pledged", equalTo(true));

        RegistryFeed.change(sme, 2, "ACTIVE", Map.of(), STATUS_CHANGED);
        Api.as(maker).get(Applications.PATH + "/" + id).then().body("status", equalTo("UNDER_REVIEW"))
                .body("held_from", nullValue()).body("hold_reason", nullValue());
        Api.as(maker).body(Applications.offer("80000.00", "3.15", 6, "EQUAL_PRINCIPAL"))
                .put(Applications.PATH + "/" + id + "/recommendation").then().statusCode(200);

        RegistryFeed.change(sme, 3, "DEREGISTERED", Map.of("status_reason", "Merged into its parent"), STATUS_CHANGED);
        Api.as(Api.enterprise(sme.id())).get(Applications.PATH + "/" + id).then().body("status", equalTo("WITHDRAWN"))
                .body("withdrawal_reason", equalTo("Enterprise DEREGISTERED in the registry: Merged into its parent"))
                .body("lenders[0].status", equalTo("WITHDRAWN"));
        Api.as(Api.enterprise(sme.id())).get("/api/v1/receivables/" + receivable + "/pledge").then()
                .body("pledged", equalTo(false));

        for (String type : List.of(ApplicationEvents.PUT_ON_HOLD, ApplicationEvents.RESUMED, ApplicationEvents.WITHDRAWN)) {
            ConsumerRecord<String, String> record = KafkaEvents.await(ApplicationEvents.TOPIC,
                    KafkaEvents.keyAndType(id, type), WAIT);
            Contracts.assertValid(type, record.value());
        }
        String held = KafkaEvents.await(ApplicationEvents.TOPIC, KafkaEvents.keyAndType(id, ApplicationEvents.PUT_ON_HOLD),
                WAIT).value();
        assertThat(new ObjectMapper().readTree(held).at("/application/held_from").asText()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void aDisbursedLoanRunsOnWhateverHappensToItsBorrower() {
        Known sme = RegistryFeed.sme();
        Known bank = RegistryFeed.lender();
        String id = Applications.submitted(sme.id(), Applications.workingCapital("1000.00", bank.id()));
        Applications.offered(id, bank.id(), Applications.offer("1000.00", "3.15", 2, "EQUAL_PRINCIPAL"));
        Applications.accepted(id, sme.id(), bank.id());
        Applications.disbursed(id, bank.id(), null);
        RegistryFeed.change(sme, 1, "SUSPENDED", Map.of(), STATUS_CHANGED);
        Api.as(Api.enterprise(sme.id())).get(Applications.PATH + "/" + id).then().body("status", equalTo("DISBURSED"));
        Api.as(Applications.lender(bank.id())).body(Map.of("instalment_number", 1, "amount", "500.00"))
                .post(Applications.PATH + "/" + id + "/repayments").then().statusCode(201);
    }
}
