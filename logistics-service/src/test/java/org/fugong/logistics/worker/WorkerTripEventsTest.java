package org.fugong.logistics.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.logistics.pass.PassEvents;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogCapture;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Workers;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each trip transition puts its event on {@code logistics.worker-trips} with the CloudEvents
 * headers and a payload valid against the contract, telling the destination who arrives when in
 * counts only — and neither those events, nor the trip's pass events, nor anything logged while
 * manifests are submitted (good ones and refused ones) and trips run, carries a passenger's or the
 * driver's ID number, phone or name.
 */
@QuarkusTest
@LogisticsTest
class WorkerTripEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HOME = "330114"; // Qiantang: only this test's enterprises
    static final String ORIGIN = "411603"; // Huaiyang, Zhoukou
    static final String BAD_ID = "110105194912310021";

    /** Everything that identifies a person in this test's manifests and trips. */
    static List<String> personalData(int passengers) {
        List<String> data = new ArrayList<>(List.of(Workers.TRIP_DRIVER_ID, Workers.TRIP_DRIVER_PHONE, "王师傅", BAD_ID));
        for (int i = 0; i < passengers; i++) {
            data.add(Workers.residentId(i));
            data.add(Workers.phone(i));
            data.add("工人" + i);
        }
        return data;
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ConsumerRecord<String, String> event(String trip, String type) {
        return check(KafkaEvents.await(WorkerTripEvents.TOPIC, KafkaEvents.keyAndType(trip, type), WAIT), trip, type);
    }

    static ConsumerRecord<String, String> check(ConsumerRecord<String, String> record, String trip, String type) {
        assertThat(KafkaEvents.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaEvents.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaEvents.header(record, "ce_source")).isEqualTo("/fugong/logistics");
        assertThat(KafkaEvents.header(record, "ce_subject")).isEqualTo(trip);
        assertThat(KafkaEvents.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaEvents.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaEvents.header(record, "content-type")).isEqualTo("application/json");
        Contracts.assertValid(type, record.value());
        return record;
    }

    @Test
    void theDestinationLearnsWhoArrivesWhenInCountsOnlyAndNoPersonalDataIsPublishedOrLogged() {
        String authority = TestJwt.authority(HOME);
        List<String> published = new ArrayList<>();
        String trip;
        String cancelled;
        String pass;
        UUID enterprise;
        UUID other;
        LogCapture capture = LogCapture.attach();
        try {
            // Proof that the capture sees what the application logs through JBoss Logging.
            org.jboss.logging.Logger.getLogger(WorkerRequestService.class).info("capture attached");
            enterprise = RegistryFeed.essentialEnterprise(HOME);
            other = RegistryFeed.organisation(HOME, "ACTIVE", "STANDARD", false);
            trip = Workers.plan(authority, Workers.trip(ORIGIN, HOME, 45));
            String first = Workers.submit(enterprise, Workers.request(ORIGIN, Api.today().plusDays(2), 0, 5));
            String second = Workers.submit(other, Workers.request(ORIGIN, Api.today().plusDays(2), 5, 3));
            // Refused manifests too: neither the bad nor the repeated numbers may be echoed into a log line.
            Map<String, Object> bad = Workers.request(ORIGIN, Api.today().plusDays(2), 0, 3);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> passengers = (List<Map<String, Object>>) bad.get("passengers");
            passengers.get(1).put("id_number", BAD_ID);
            Api.as(Api.enterprise(enterprise)).body(bad).post(Workers.REQUESTS).then().statusCode(400);
            Api.as(Api.enterprise(enterprise)).body(Workers.request(ORIGIN, Api.today().plusDays(2), 0, 2))
                    .post(Workers.REQUESTS).then().statusCode(409);
            Workers.assign(authority, trip, first);
            Workers.assign(authority, trip, second);
            pass = Api.as(authority).put(Workers.TRIPS + "/" + trip + "/dispatch").then().statusCode(200).extract()
                    .path("pass_id");
            Api.as(authority).put(Workers.TRIPS + "/" + trip + "/arrival").then().statusCode(200);

            cancelled = Workers.plan(authority, Workers.trip(ORIGIN, HOME, 45));
            Api.as(authority).body(Map.of("reason", "Not needed")).put(Workers.TRIPS + "/" + cancelled + "/cancellation")
                    .then().statusCode(200);

            JsonNode planned = json(event(trip, WorkerTripEvents.PLANNED)).get("trip");
            assertThat(planned.get("status").asText()).isEqualTo("PLANNED");
            assertThat(planned.get("passengers").asInt()).isZero();
            assertThat(planned.get("max_passengers").asInt()).isEqualTo(22);

            List<ConsumerRecord<String, String>> assigned = KafkaEvents.awaitAll(WorkerTripEvents.TOPIC,
                    KafkaEvents.keyAndType(trip, WorkerTripEvents.PASSENGERS_ASSIGNED), 2, WAIT);
            assigned.forEach(r -> check(r, trip, WorkerTripEvents.PASSENGERS_ASSIGNED));
            JsonNode lastAssigned = json(assigned.get(1));
            assertThat(lastAssigned.get("request_id").asText()).isEqualTo(second);
            assertThat(lastAssigned.get("enterprise_id").asText()).isEqualTo(other.toString());
            assertThat(lastAssigned.get("passengers").asInt()).isEqualTo(3);
            assertThat(lastAssigned.at("/trip/passengers").asInt()).isEqualTo(8);

            JsonNode dispatched = json(event(trip, WorkerTripEvents.DISPATCHED)).get("trip");
            assertThat(dispatched.get("status").asText()).isEqualTo("DISPATCHED");
            assertThat(dispatched.get("travel_date").asText()).isEqualTo(Api.today().plusDays(2).toString());
            assertThat(dispatched.get("destination_region").asText()).isEqualTo(HOME);
            assertThat(dispatched.get("passengers").asInt()).isEqualTo(8);
            assertThat(dispatched.get("requests").asInt()).isEqualTo(2);
            assertThat(dispatched.get("pass_number").asText()).startsWith(ORIGIN);
            assertThat(dispatched.get("passengers_by_origin")).hasSize(1);
            assertThat(dispatched.at("/passengers_by_origin/0/origin_region").asText()).isEqualTo(ORIGIN);
            assertThat(dispatched.at("/passengers_by_origin/0/passengers").asInt()).isEqualTo(8);
            Map<String, Integer> byEnterprise = new java.util.HashMap<>();
            dispatched.get("passengers_by_enterprise")
                    .forEach(e -> byEnterprise.put(e.get("enterprise_id").asText(), e.get("passengers").asInt()));
            assertThat(byEnterprise).isEqualTo(Map.of(enterprise.toString(), 5, other.toString(), 3));

            JsonNode arrived = json(event(trip, WorkerTripEvents.ARRIVED)).get("trip");
            assertThat(arrived.get("status").asText()).isEqualTo("ARRIVED");
            assertThat(arrived.get("arrived_at").asText()).isNotBlank();
            assertThat(arrived.get("passengers").asInt()).isEqualTo(8);

            json(event(cancelled, WorkerTripEvents.PLANNED));
            JsonNode off = json(event(cancelled, WorkerTripEvents.CANCELLED)).get("trip");
            assertThat(off.get("cancellation_reason").asText()).isEqualTo("Not needed");

            for (String id : List.of(trip, cancelled)) {
                KafkaEvents.awaitAll(WorkerTripEvents.TOPIC, r -> id.equals(r.key()), id.equals(trip) ? 5 : 2, WAIT)
                        .forEach(r -> published.add(r.value()));
            }
            KafkaEvents.awaitAll(PassEvents.TOPIC, KafkaEvents.keyAndType(pass, PassEvents.ISSUED), 1, WAIT)
                    .forEach(r -> published.add(r.value()));
        } finally {
            capture.close();
        }
        assertThat(published).hasSize(8);
        List<String> personal = personalData(8);
        for (String payload : published) {
            assertThat(personal).as("personal data in " + payload).noneMatch(payload::contains);
            assertThat(payload).doesNotContain("driver").doesNotContain("id_number").doesNotContain("phone");
        }
        assertThat(capture.lines()).contains("capture attached");
        assertThat(capture.lines()).noneMatch(line -> personal.stream().anyMatch(line::contains));
    }
}
