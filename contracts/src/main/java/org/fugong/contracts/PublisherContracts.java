package org.fugong.contracts;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Checks a service's publishers against the contract. A publisher is a service's events class: the
 * only place that writes its events to the outbox, with a {@code TOPIC} constant and one public
 * constant per event type (a value starting {@code fugong.}). Each service's test hands its
 * publishers to {@link #gaps}, so a type added in code without a schema, an example or an AsyncAPI
 * message, or a contract type no code publishes, fails that service's build.
 */
public final class PublisherContracts {

    /** An event type and the topic it is published on. */
    public record Published(String topic, String type) {
    }

    private PublisherContracts() {
    }

    /** Every type the publishers declare, in declaration order per publisher. */
    public static List<Published> publishedBy(Class<?>... publishers) {
        List<Published> types = new ArrayList<>();
        for (Class<?> publisher : publishers) {
            String topic = constant(publisher, "TOPIC");
            int before = types.size();
            for (Field field : publisher.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && constant(publisher, field.getName()).startsWith("fugong.")) {
                    types.add(new Published(topic, constant(publisher, field.getName())));
                }
            }
            if (types.size() == before) {
                throw new IllegalArgumentException(publisher.getName() + " declares no event type");
            }
        }
        return types;
    }

    /**
     * What the contract lacks for these publishers, or holds beyond them on their topics, one line
     * each; empty when code and contract agree.
     */
    public static List<String> gaps(Class<?>... publishers) {
        List<String> gaps = new ArrayList<>();
        Map<String, List<String>> publishedByTopic = new LinkedHashMap<>();
        for (Published published : publishedBy(publishers)) {
            publishedByTopic.computeIfAbsent(published.topic(), t -> new ArrayList<>()).add(published.type());
            String type = published.type();
            List<String> ofTopic = Contracts.TYPES_BY_TOPIC.getOrDefault(published.topic(), List.of());
            if (!ofTopic.contains(type)) {
                gaps.add(type + ": not among the contract's types of " + published.topic());
                continue;
            }
            Contracts.violations(type, Contracts.example(type))
                    .forEach(violation -> gaps.add(type + ": its example violates the schema: " + violation));
            if (!asyncApiMessagesOn(published.topic()).contains(type)) {
                gaps.add(type + ": no message on the AsyncAPI channel of " + published.topic());
            }
        }
        publishedByTopic.forEach((topic, types) -> Contracts.TYPES_BY_TOPIC.getOrDefault(topic, List.of()).stream()
                .filter(type -> !types.contains(type))
                .forEach(type -> gaps.add(type + ": in the contract of " + topic + " but published by no code")));
        return gaps;
    }

    /** The names of the messages asyncapi.yaml lists on the channel whose address is the topic. */
    public static List<String> asyncApiMessagesOn(String topic) {
        JsonNode doc = readAsyncApi();
        List<String> names = new ArrayList<>();
        doc.get("channels").forEach(channel -> {
            if (topic.equals(channel.path("address").asText())) {
                channel.path("messages").forEach(ref -> {
                    String key = ref.get("$ref").asText().replace("#/components/messages/", "");
                    names.add(doc.get("components").get("messages").get(key).get("name").asText());
                });
            }
        });
        return names;
    }

    private static JsonNode readAsyncApi() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Contracts.asyncApi());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String constant(Class<?> publisher, String name) {
        try {
            return (String) publisher.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(publisher.getName() + " has no public String constant " + name, e);
        }
    }
}
