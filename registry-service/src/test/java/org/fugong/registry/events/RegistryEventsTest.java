package org.fugong.registry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.KafkaEvents.header;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.registry.sql.NativeSql;
import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.registry.support.Scenario;
import org.fugong.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Every event the registry emits reaches Kafka with CloudEvents headers and a payload valid against contracts/. */
@QuarkusTest
@RegistryTest
class RegistryEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ENTERPRISES = "registry.enterprises";

    static ConsumerRecord<String, String> awaitEvent(String topic, String key, String type) {
        ConsumerRecord<String, String> record = KafkaEvents.await(topic, KafkaEvents.keyAndType(key, type), WAIT);
        Contracts.assertValid(type, record.value());
        return record;
    }

    static JsonNode json(ConsumerRecord<String, String> record) throws Exception {
        return new ObjectMapper().readTree(record.value());
    }

    @Test
    void registrationCarriesCloudEventsHeadersAndTheRequestsTrace() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String id = Api.as(Api.admin()).header("traceparent", traceparent).body(Api.enterpriseBody())
                .post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> record = awaitEvent(ENTERPRISES, id, "fugong.registry.enterprise.registered");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_source")).isEqualTo("/fugong/registry");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isBefore(OffsetDateTime.now().plusSeconds(1));
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).isEqualTo(traceparent);
        JsonNode payload = json(record);
        assertThat(payload.at("/enterprise/id").asText()).isEqualTo(id);
        assertThat(payload.at("/enterprise/priority_tier").asText()).isEqualTo("ESSENTIAL");
        assertThat(payload.at("/enterprise").has("contact")).as("personal data stays out of events").isFalse();
    }

    @Test
    void updatesStatusChangesAndResumptionAreEachPublished() throws Exception {
        UUID id = Scenario.resuming("420222", "FOOD");
        String key = id.toString();
        ConsumerRecord<String, String> resuming = awaitEvent(ENTERPRISES, key,
                "fugong.registry.enterprise.resumption-status-changed");
        assertThat(json(resuming).get("cause").asText()).isEqualTo("FILING_APPROVED");

        Api.as(Api.authority("42")).header("If-Match", "*").body(Map.of("employees", 1500))
                .patch("/api/v1/enterprises/" + id).then().statusCode(200);
        ConsumerRecord<String, String> updated = awaitEvent(ENTERPRISES, key, "fugong.registry.enterprise.updated");
        assertThat(json(updated).get("changed").toString()).contains("employees");

        Api.as(Api.authority("42")).header("If-Match", "*")
                .body(Map.of("status", "SUSPENDED", "reason", "Confirmed case")).put("/api/v1/enterprises/" + id + "/status")
                .then().statusCode(200);
        ConsumerRecord<String, String> suspended = awaitEvent(ENTERPRISES, key,
                "fugong.registry.enterprise.status-changed");
        assertThat(json(suspended).get("status").asText()).isEqualTo("SUSPENDED");
        List<ConsumerRecord<String, String>> resumption = KafkaEvents.awaitAll(ENTERPRISES,
                KafkaEvents.keyAndType(key, "fugong.registry.enterprise.resumption-status-changed"), 2, WAIT);
        assertThat(json(resumption.get(1)).get("resumption_status").asText()).isEqualTo("HALTED");
    }

    @Test
    void aConfirmedCaseRaisesOneOutbreakAlertPerDay() throws Exception {
        UUID id = Scenario.resuming("420281", "FOOD");
        Map<String, Integer> sick = Map.of("confirmed", 1, "suspected", 0, "fever", 2, "close_contacts", 9);
        String path = "/api/v1/enterprises/" + id + "/health-reports/2020-03-10";
        Api.as(Api.enterprise(id)).body(sick).put(path).then().statusCode(201);
        Api.as(Api.enterprise(id)).body(sick).put(path).then().statusCode(200);
        ConsumerRecord<String, String> alert = awaitEvent(ENTERPRISES, id.toString(),
                "fugong.registry.enterprise.outbreak-alerted");
        assertThat(json(alert).get("rule").asText()).isEqualTo("CONFIRMED_CASE");
        assertThat(json(alert).get("close_contacts").asInt()).isEqualTo(9);
        assertThat(outboxCount(id.toString(), "fugong.registry.enterprise.outbreak-alerted")).isEqualTo(1);
    }

    @Test
    void aRiskLevelChangePublishesOneEventPerRegionThatChanged() throws Exception {
        Api.as(Api.admin()).header("If-Match", "*").body(Map.of("risk_level", "MEDIUM", "reason", "test"))
                .put("/api/v1/regions/420300/risk-level").then().statusCode(200);
        long counties = org.fugong.registry.region.Region.count("code like '4203%'");
        List<ConsumerRecord<String, String>> changes = KafkaEvents.awaitAll("registry.regions",
                r -> r.key().startsWith("4203") && "fugong.registry.region.risk-level-changed".equals(header(r, "ce_type")),
                (int) counties, WAIT);
        for (ConsumerRecord<String, String> change : changes) {
            Contracts.assertValid("fugong.registry.region.risk-level-changed", change.value());
            assertThat(json(change).get("set_on_code").asText()).isEqualTo("420300");
        }
    }

    @Test
    void aRejectedRequestWritesNoEvent() {
        java.util.Map<String, Object> body = Api.enterpriseBody();
        Api.register(body);
        long before = outboxCount(null, null);
        Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then().statusCode(409);
        body.put("uscc", "91110000600037341M");
        Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then().statusCode(400);
        assertThat(outboxCount(null, null)).isEqualTo(before);
    }

    long outboxCount(String aggregateId, String type) {
        var query = aggregateId == null ? NativeSql.query("SELECT count(*) FROM outbox_event")
                : NativeSql.query("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id AND type = :type")
                        .setParameter("id", aggregateId).setParameter("type", type);
        return ((Number) query.getSingleResult()).longValue();
    }
}
