package org.fugong.registry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.KafkaEvents.header;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.registry.sql.NativeSql;
import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.SharedInfrastructure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Kafka down: writes still succeed, events wait in the outbox, and all arrive in order once it is back. */
@QuarkusTest
@RegistryTest
class RelayResilienceTest {

    @Test
    void eventsWrittenWhileTheBrokerIsDownArriveInOrderAfterItReturns() {
        EmbeddedKafka kafka = SharedInfrastructure.controllableKafka().orElse(null);
        Assumptions.assumeTrue(kafka != null, "KAFKA_BOOTSTRAP_SERVERS points at an external broker this test cannot stop");

        List<UUID> ids = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 3; i++) {
                Instant start = Instant.now();
                UUID id = Api.register();
                for (int employees = 300; employees <= 500; employees += 100) {
                    Api.as(Api.admin()).header("If-Match", "*").body(Map.of("employees", employees))
                            .patch("/api/v1/enterprises/" + id).then().statusCode(200);
                }
                assertThat(Duration.between(start, Instant.now())).as("requests do not wait for Kafka")
                        .isLessThan(Duration.ofSeconds(5));
                ids.add(id);
            }
            assertThat(unpublished(ids)).isEqualTo(12);
        } finally {
            kafka.start();
        }

        Set<String> keys = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitAll("registry.enterprises",
                r -> keys.contains(r.key()), 12, Duration.ofSeconds(60));
        for (UUID id : ids) {
            List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> r.key().equals(id.toString()))
                    .toList();
            assertThat(mine).extracting(r -> header(r, "ce_type")).containsExactly(
                    "fugong.registry.enterprise.registered", "fugong.registry.enterprise.updated",
                    "fugong.registry.enterprise.updated", "fugong.registry.enterprise.updated");
            List<Integer> employees = mine.stream().map(RelayResilienceTest::employees).toList();
            assertThat(employees).containsExactly(250, 300, 400, 500);
            mine.forEach(r -> Contracts.assertValid(header(r, "ce_type"), r.value()));
        }
        assertThat(unpublished(ids)).isZero();
    }

    static int employees(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value()).at("/enterprise/employees").asInt();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    long unpublished(List<UUID> ids) {
        return ((Number) NativeSql.query(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id IN (:ids)")
                .setParameter("ids", ids.stream().map(UUID::toString).toList()).getSingleResult()).longValue();
    }
}
