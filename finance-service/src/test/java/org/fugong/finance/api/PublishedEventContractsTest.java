package org.fugong.finance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fugong.contracts.Contracts;
import org.fugong.finance.application.ApplicationEvents;
import org.fugong.finance.receivable.ReceivableEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every event type finance can publish — each type constant of its events classes, which are the
 * only places that write finance's events to the outbox — has a schema, a conforming example and a
 * message in asyncapi.yaml on the channel of the topic it is published on.
 */
class PublishedEventContractsTest {

    static final Class<?>[] PUBLISHERS = { ReceivableEvents.class, ApplicationEvents.class };

    static Stream<Arguments> publishedTypes() throws Exception {
        List<Arguments> types = new ArrayList<>();
        for (Class<?> publisher : PUBLISHERS) {
            String topic = (String) publisher.getField("TOPIC").get(null);
            int before = types.size();
            for (Field f : publisher.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                        && ((String) f.get(null)).startsWith("fugong.")) {
                    types.add(Arguments.of(topic, f.get(null)));
                }
            }
            assertThat(types.size()).as("event types of " + publisher.getSimpleName()).isGreaterThan(before);
        }
        return types.stream();
    }

    @Test
    void financePublishesExactlyTheTypesItsTopicsHoldInTheContract() throws Exception {
        List<Arguments> types = publishedTypes().toList();
        for (Class<?> publisher : PUBLISHERS) {
            String topic = (String) publisher.getField("TOPIC").get(null);
            assertThat(types.stream().filter(a -> a.get()[0].equals(topic)).map(a -> (String) a.get()[1]))
                    .as(topic).containsExactlyInAnyOrderElementsOf(Contracts.TYPES_BY_TOPIC.get(topic));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("publishedTypes")
    void hasASchemaAndAConformingExample(String topic, String type) {
        assertThat(Contracts.TYPES_BY_TOPIC.get(topic)).as("types with a schema on " + topic).contains(type);
        assertThat(Contracts.violations(type, Contracts.example(type))).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("publishedTypes")
    void isAMessageOfItsTopicsChannelInAsyncApi(String topic, String type) throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Contracts.asyncApi());
        List<String> messagesOfTopic = new ArrayList<>();
        doc.get("channels").forEach(channel -> {
            if (topic.equals(channel.get("address").asText())) {
                channel.get("messages").forEach(ref -> {
                    String key = ref.get("$ref").asText().replace("#/components/messages/", "");
                    messagesOfTopic.add(doc.get("components").get("messages").get(key).get("name").asText());
                });
            }
        });
        assertThat(messagesOfTopic).as("messages of the channel at " + topic).contains(type);
    }
}
