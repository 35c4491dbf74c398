package org.fugong.logistics.shipment;

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
import org.fugong.logistics.support.Shipments;
import org.fugong.logistics.support.SupplyFeed;
import org.fugong.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every shipment transition puts its event on {@code logistics.shipments} with the CloudEvents
 * headers and a payload valid against the contract; picked-up and delivered carry what supply's
 * consumer reads ({@code shipment.allocation_id}, {@code shipment.received_quantity}); no event and
 * no log line carries the driver's phone or ID number.
 */
@QuarkusTest
@LogisticsTest
class ShipmentEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    static Payload event(String shipment, String type) throws Exception {
        ConsumerRecord<String, String> record = KafkaEvents.await(ShipmentEvents.TOPIC,
                KafkaEvents.keyAndType(shipment, type), WAIT);
        assertThat(KafkaEvents.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaEvents.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaEvents.header(record, "ce_source")).isEqualTo("/fugong/logistics");
        assertThat(KafkaEvents.header(record, "ce_subject")).isEqualTo(shipment);
        assertThat(KafkaEvents.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaEvents.header(record, "ce_time")).isNotBlank();
        Contracts.assertValid(type, record.value());
        assertThat(record.value()).doesNotContain(Api.DRIVER_PHONE).doesNotContain(Api.DRIVER_ID)
                .doesNotContain("driver").doesNotContain("张伟").doesNotContain("李娜");
        return new Payload(JSON.readTree(record.value()));
    }

    /** A payload, read as supply's consumer reads it. */
    record Payload(JsonNode root) {
        JsonNode shipment() {
            return root.get("shipment");
        }
    }

    @Test
    void everyTransitionIsOnTheTopicValidWithoutTheDriverAndReadableBySupply() throws Exception {
        LogCapture capture = LogCapture.attach();
        UUID supplier = RegistryFeed.essentialEnterprise(Shipments.ORIGIN);
        UUID hospital = UUID.randomUUID();
        SupplyFeed.Allocation delivered = SupplyFeed.Allocation.of(supplier, hospital, Shipments.ORIGIN,
                Shipments.DESTINATION, "MEDICAL_EQUIPMENT", 60);
        SupplyFeed.Allocation cancelled = SupplyFeed.Allocation.of(supplier, hospital, Shipments.ORIGIN,
                Shipments.DESTINATION, "DAILY_NECESSITY", 40);
        String shipment;
        String other;
        try (capture) {
            org.jboss.logging.Logger.getLogger(ShipmentService.class).info("capture attached");
            shipment = SupplyFeed.confirmed(delivered).id.toString();
            other = SupplyFeed.confirmed(cancelled).id.toString();
            // Bad input too: the rejected ID number must not be echoed into a log line.
            Map<String, Object> bad = Shipments.vehicle();
            bad.put("driver", Map.of("name", "张伟", "phone", Api.DRIVER_PHONE, "id_number", "110105194912310021"));
            Api.as(Api.enterprise(supplier)).body(bad).post(Shipments.SHIPMENTS + "/" + other + "/vehicle-assignment")
                    .then().statusCode(400);
            String passId = Shipments.assign(supplier, UUID.fromString(shipment)).getString("green_pass_id");
            Shipments.assign(supplier, UUID.fromString(other));
            Shipments.pickUp(supplier, UUID.fromString(shipment));
            assertThat(Shipments.scan(Shipments.checkpoint(Shipments.ON_THE_WAY), Shipments.codeOf(supplier, passId)))
                    .isEqualTo("VALID");
            Api.as(Shipments.hospital(hospital)).body(Map.of("received_quantity", 58, "receiver_name", "李娜"))
                    .put(Shipments.SHIPMENTS + "/" + shipment + "/delivery").then().statusCode(200);
            SupplyFeed.publish(SupplyFeed.CANCELLED, cancelled, UUID.randomUUID().toString());
            RegistryFeed.await(() -> SupplyFeed.shipmentOf(cancelled.id()).status == ShipmentStatus.CANCELLED);

            JsonNode planned = event(shipment, ShipmentEvents.PLANNED).shipment();
            assertThat(planned.get("status").asText()).isEqualTo("PLANNED");
            assertThat(planned.get("cargo_category").asText()).isEqualTo("MEDICAL_SUPPLIES");
            assertThat(planned.get("receiver_id").asText()).isEqualTo(hospital.toString());
            JsonNode assigned = event(shipment, ShipmentEvents.VEHICLE_ASSIGNED).shipment();
            assertThat(assigned.get("green_pass_id").asText()).isEqualTo(passId);
            assertThat(assigned.get("plate").asText()).isEqualTo(Shipments.PLATE);
            JsonNode pickedUp = event(shipment, ShipmentEvents.PICKED_UP).shipment();
            assertThat(pickedUp.get("allocation_id").asText()).isEqualTo(delivered.id().toString());
            assertThat(pickedUp.get("status").asText()).isEqualTo("PICKED_UP");
            Payload passed = event(shipment, ShipmentEvents.CHECKPOINT_PASSED);
            assertThat(passed.shipment().get("status").asText()).isEqualTo("IN_TRANSIT");
            assertThat(passed.root().at("/checkpoint/county_code").asText()).isEqualTo(Shipments.ON_THE_WAY);
            JsonNode arrived = event(shipment, ShipmentEvents.DELIVERED).shipment();
            assertThat(arrived.get("allocation_id").asText()).isEqualTo(delivered.id().toString());
            assertThat(arrived.get("received_quantity").asLong()).isEqualTo(58);
            assertThat(arrived.get("quantity").asLong()).isEqualTo(60);
            assertThat(arrived.get("receiver").asText()).isEqualTo("李*");
            JsonNode gone = event(other, ShipmentEvents.CANCELLED).shipment();
            assertThat(gone.get("allocation_id").asText()).isEqualTo(cancelled.id().toString());
            assertThat(gone.get("cargo_category").asText()).isEqualTo("LIVELIHOOD_GOODS");
        }
        assertThat(capture.lines()).contains("capture attached");
        assertThat(capture.lines()).noneMatch(line -> line.contains(Api.DRIVER_PHONE) || line.contains(Api.DRIVER_ID)
                || line.contains("110105194912310021"));
    }
}
