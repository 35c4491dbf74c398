package org.fugong.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published event contract: one JSON Schema (draft 2020-12) and one example per event type,
 * on the classpath under {@code contracts/}. Producers validate what they emit; consumers feed the
 * examples to their handlers.
 */
public final class Contracts {

    /** Every event type with a schema, by topic (Map.ofEntries: more topics than Map.of takes pairs). */
    public static final Map<String, List<String>> TYPES_BY_TOPIC = Map.ofEntries(
            Map.entry("registry.enterprises", List.of(
                    "fugong.registry.enterprise.registered",
                    "fugong.registry.enterprise.updated",
                    "fugong.registry.enterprise.status-changed",
                    "fugong.registry.enterprise.resumption-status-changed",
                    "fugong.registry.enterprise.outbreak-alerted")),
            Map.entry("registry.regions", List.of(
                    "fugong.registry.region.risk-level-changed")),
            Map.entry("supply.offers", List.of(
                    "fugong.supply.offer.published",
                    "fugong.supply.offer.updated",
                    "fugong.supply.offer.withdrawn")),
            Map.entry("supply.requests", List.of(
                    "fugong.supply.request.submitted",
                    "fugong.supply.request.updated",
                    "fugong.supply.request.cancelled")),
            Map.entry("supply.allocations", List.of(
                    "fugong.supply.allocation.proposed",
                    "fugong.supply.allocation.confirmed",
                    "fugong.supply.allocation.declined",
                    "fugong.supply.allocation.in-transit",
                    "fugong.supply.allocation.delivered",
                    "fugong.supply.allocation.cancelled")),
            Map.entry("logistics.shipments", List.of(
                    "fugong.logistics.shipment.planned",
                    "fugong.logistics.shipment.vehicle-assigned",
                    "fugong.logistics.shipment.picked-up",
                    "fugong.logistics.shipment.checkpoint-passed",
                    "fugong.logistics.shipment.delivered",
                    "fugong.logistics.shipment.cancelled")),
            Map.entry("logistics.passes", List.of(
                    "fugong.logistics.pass.issued",
                    "fugong.logistics.pass.approved",
                    "fugong.logistics.pass.refused",
                    "fugong.logistics.pass.revoked",
                    "fugong.logistics.pass.suspended",
                    "fugong.logistics.pass.expired")),
            Map.entry("logistics.worker-trips", List.of(
                    "fugong.logistics.worker-trip.planned",
                    "fugong.logistics.worker-trip.passengers-assigned",
                    "fugong.logistics.worker-trip.dispatched",
                    "fugong.logistics.worker-trip.arrived",
                    "fugong.logistics.worker-trip.cancelled")),
            Map.entry("finance.receivables", List.of(
                    "fugong.finance.receivable.recorded",
                    "fugong.finance.receivable.confirmed",
                    "fugong.finance.receivable.disputed")),
            Map.entry("finance.applications", List.of(
                    "fugong.finance.application.submitted",
                    "fugong.finance.application.review-started",
                    "fugong.finance.application.offered",
                    "fugong.finance.application.accepted",
                    "fugong.finance.application.disbursed",
                    "fugong.finance.application.repaid",
                    "fugong.finance.application.refused",
                    "fugong.finance.application.withdrawn",
                    "fugong.finance.application.lapsed",
                    "fugong.finance.application.put-on-hold",
                    "fugong.finance.application.resumed")),
            Map.entry("finance.arrears", List.of(
                    "fugong.finance.arrears.claimed",
                    "fugong.finance.arrears.acknowledged",
                    "fugong.finance.arrears.disputed",
                    "fugong.finance.arrears.plan-agreed",
                    "fugong.finance.arrears.payment-recorded",
                    "fugong.finance.arrears.settled")),
            Map.entry("finance.policies", List.of(
                    "fugong.finance.policy.created",
                    "fugong.finance.policy.updated",
                    "fugong.finance.policy.matched",
                    "fugong.finance.policy.unmatched")));

    private static final String BASE_URI = "https://fugong.dev/contracts/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE_URI, "classpath:contracts/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contracts() {
    }

    /** What is wrong with the payload for this event type; empty when it conforms. */
    public static List<String> violations(String type, String payload) {
        try {
            return violations(type, JSON.readTree(payload));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static List<String> violations(String type, JsonNode payload) {
        return schema(type).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Fails with every violation listed unless the payload conforms to the type's schema. */
    public static void assertValid(String type, String payload) {
        List<String> problems = violations(type, payload);
        if (!problems.isEmpty()) {
            throw new AssertionError(type + " payload violates its contract: " + problems + "\n" + payload);
        }
    }

    /** The published example of an event type. */
    public static String example(String type) {
        return resource("contracts/examples/" + type + ".json");
    }

    /** The AsyncAPI document. */
    public static String asyncApi() {
        return resource("contracts/asyncapi.yaml");
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            if (Contracts.class.getClassLoader().getResource("contracts/schemas/" + t + ".schema.json") == null) {
                throw new IllegalArgumentException("No contract for event type " + t);
            }
            return FACTORY.getSchema(SchemaLocation.of(BASE_URI + "schemas/" + t + ".schema.json"), CONFIG);
        });
    }

    private static String resource(String path) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No such contract resource: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
