package org.fugong.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class ContractsTest {

    static Stream<String> types() {
        return Contracts.TYPES_BY_TOPIC.values().stream().flatMap(List::stream);
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyExampleConformsToItsSchema(String type) {
        assertEquals(List.of(), Contracts.violations(type, Contracts.example(type)));
    }

    @ParameterizedTest
    @MethodSource("types")
    void aPayloadWithoutItsRequiredPropertiesIsRejected(String type) throws Exception {
        ObjectNode example = (ObjectNode) new ObjectMapper().readTree(Contracts.example(type));
        String first = example.fieldNames().next();
        example.remove(first);
        assertFalse(Contracts.violations(type, example).isEmpty(), "removing " + first + " must violate " + type);
    }

    @Test
    void wrongValuesInsideTheSharedStateAreRejected() throws Exception {
        String type = "fugong.registry.enterprise.registered";
        ObjectNode example = (ObjectNode) new ObjectMapper().readTree(Contracts.example(type));
        ((ObjectNode) example.get("enterprise")).put("annual_revenue", 12.5);
        ((ObjectNode) example.get("enterprise")).put("updated_at", "yesterday");
        List<String> violations = Contracts.violations(type, example);
        assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void unknownTypesHaveNoContract() {
        assertThrows(IllegalArgumentException.class, () -> Contracts.violations("fugong.nobody.thing.happened", "{}"));
    }

    @Test
    void asyncApiDocumentsEveryTopicAndType() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Contracts.asyncApi());
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        Set<String> addresses = new HashSet<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertEquals(Contracts.TYPES_BY_TOPIC.keySet(), addresses);

        List<String> documented = new ArrayList<>();
        doc.get("components").get("messages").forEach(message -> {
            documented.add(message.get("name").asText());
            String ref = message.get("payload").get("schema").get("$ref").asText();
            assertEquals("./schemas/" + message.get("name").asText() + ".schema.json", ref);
            assertNotNull(getClass().getClassLoader().getResource("contracts/" + ref.substring(2)), ref);
        });
        assertEquals(types().sorted().toList(), documented.stream().sorted().toList());
        assertTrue(doc.get("components").get("messageTraits").get("cloudEvent").get("headers").get("required")
                .toString().contains("ce_id"));
    }
}
