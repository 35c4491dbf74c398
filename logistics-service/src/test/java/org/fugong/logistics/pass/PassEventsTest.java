package org.fugong.logistics.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogCapture;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each pass transition produces its event on {@code logistics.passes} with the CloudEvents headers
 * and a payload valid against the contract — and neither the events nor anything logged on the
 * way carries the driver's phone or resident ID number.
 */
@QuarkusTest
@LogisticsTest
class PassEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    static String status(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value()).get("pass").get("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void assertEvent(ConsumerRecord<String, String> record, String type, String passId) {
        assertThat(KafkaEvents.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaEvents.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaEvents.header(record, "ce_source")).isEqualTo("/fugong/logistics");
        assertThat(KafkaEvents.header(record, "ce_subject")).isEqualTo(passId);
        assertThat(KafkaEvents.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaEvents.header(record, "ce_time")).isNotBlank();
        Contracts.assertValid(type, record.value());
        assertThat(record.value()).doesNotContain(Api.DRIVER_PHONE).doesNotContain(Api.DRIVER_ID)
                .doesNotContain("driver").doesNotContain("张伟");
    }

    @Test
    void issuedApprovedAndRefusedAreOnTheTopicValidAndWithoutTheDriver() {
        LogCapture capture = LogCapture.attach();
        try {
            // Proof that the capture sees what the application logs through JBoss Logging.
            org.jboss.logging.Logger.getLogger(PassService.class).info("capture attached");
            UUID essential = RegistryFeed.essentialEnterprise("330106");
            UUID standard = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
            String issued = Api.as(Api.enterprise(essential)).body(Api.pass()).post("/api/v1/green-passes").then()
                    .statusCode(201).extract().path("id");
            String approved = Api.as(Api.enterprise(standard)).body(Api.pass()).post("/api/v1/green-passes").then()
                    .statusCode(201).extract().path("id");
            String refused = Api.as(Api.enterprise(standard)).body(Api.pass()).post("/api/v1/green-passes").then()
                    .statusCode(201).extract().path("id");
            Api.as(TestJwt.authority("33")).body(Map.of("outcome", "APPROVED", "reason", "ok"))
                    .put("/api/v1/green-passes/" + approved + "/decision").then().statusCode(200);
            Api.as(TestJwt.authority("33")).body(Map.of("outcome", "REFUSED", "reason", "no manifest"))
                    .put("/api/v1/green-passes/" + refused + "/decision").then().statusCode(200);
            // Bad input too: the rejected ID number must not be echoed into a log line either.
            Map<String, Object> bad = Api.pass();
            bad.put("driver", Map.of("name", "张伟", "phone", Api.DRIVER_PHONE, "id_number", "110105194912310021"));
            Api.as(Api.enterprise(essential)).body(bad).post("/api/v1/green-passes").then().statusCode(400);

            ConsumerRecord<String, String> first = KafkaEvents.await(PassEvents.TOPIC,
                    KafkaEvents.keyAndType(issued, PassEvents.ISSUED), WAIT);
            assertEvent(first, PassEvents.ISSUED, issued);
            assertThat(status(first)).isEqualTo("APPROVED");
            ConsumerRecord<String, String> pending = KafkaEvents.await(PassEvents.TOPIC,
                    KafkaEvents.keyAndType(approved, PassEvents.ISSUED), WAIT);
            assertThat(status(pending)).isEqualTo("PENDING_REVIEW");
            assertEvent(KafkaEvents.await(PassEvents.TOPIC, KafkaEvents.keyAndType(approved, PassEvents.APPROVED), WAIT),
                    PassEvents.APPROVED, approved);
            assertEvent(KafkaEvents.await(PassEvents.TOPIC, KafkaEvents.keyAndType(refused, PassEvents.REFUSED), WAIT),
                    PassEvents.REFUSED, refused);
        } finally {
            capture.close();
        }
        assertThat(capture.lines()).contains("capture attached");
        assertThat(capture.lines()).noneMatch(line -> line.contains(Api.DRIVER_PHONE) || line.contains(Api.DRIVER_ID)
                || line.contains("110105194912310021"));
    }
}
