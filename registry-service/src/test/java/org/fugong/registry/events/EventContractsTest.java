package org.fugong.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fugong.contracts.Contracts;
import org.fugong.registry.enterprise.EnterpriseEvents;
import org.fugong.registry.region.RegionEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every event type the registry can publish is a constant of its aggregate's events class, and
 * each has a schema, an example valid against it and an entry in asyncapi.yaml under its topic.
 * Plain reflection over the events classes; no application started.
 */
class EventContractsTest {

    /** Every class the registry publishes through, each with its TOPIC, AGGREGATE and one constant per type. */
    static final List<Class<?>> PUBLISHERS = List.of(EnterpriseEvents.class, RegionEvents.class);

    record Published(String topic, String aggregate, String constant, String type) {
        @Override
        public String toString() {
            return type;
        }
    }

    static String constant(Class<?> publisher, String name) {
        try {
            return (String) publisher.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(publisher.getSimpleName() + " has no public constant " + name, e);
        }
    }

    /** The event-type constants (values starting "fugong.") of every publisher. */
    static List<Published> published() {
        List<Published> all = new ArrayList<>();
        for (Class<?> publisher : PUBLISHERS) {
            String topic = constant(publisher, "TOPIC");
            String aggregate = constant(publisher, "AGGREGATE");
            for (Field f : publisher.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    String value = constant(publisher, f.getName());
                    if (value.startsWith("fugong.")) {
                        all.add(new Published(topic, aggregate, f.getName(), value));
                    }
                }
            }
        }
        return all;
    }

    static Stream<Arguments> types() {
        return published().stream().map(Arguments::of);
    }

    static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Contracts.asyncApi());
    }

    @Test
    void everyEventsClassOfTheRegistryIsListedHere() throws IOException, URISyntaxException {
        Path root = Path.of(EnterpriseEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> eventsClasses = files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith("Events.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
            assertThat(eventsClasses).containsExactlyInAnyOrderElementsOf(PUBLISHERS.stream().map(Class::getName).toList());
        }
    }

    @Test
    void theRegistryPublishesExactlyTheTypesItsTopicsHoldInTheContract() {
        for (Class<?> publisher : PUBLISHERS) {
            String topic = constant(publisher, "TOPIC");
            assertThat(published().stream().filter(p -> p.topic().equals(topic)).map(Published::type))
                    .as(topic).containsExactlyInAnyOrderElementsOf(Contracts.TYPES_BY_TOPIC.get(topic));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void theTypeIsNamedAfterItsAggregateAndItsConstant(Published p) {
        assertThat(p.type()).isEqualTo("fugong.registry." + p.aggregate() + "."
                + p.constant().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void theTypeHasASchemaAndAnExampleThatConformsToIt(Published p) {
        assertThat(Contracts.violations(p.type(), Contracts.example(p.type()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void asyncApiDocumentsTheTypeOnItsTopic(Published p) throws IOException {
        JsonNode doc = asyncApi();
        String component = null;
        var messages = doc.at("/components/messages").fields();
        while (messages.hasNext()) {
            var message = messages.next();
            if (p.type().equals(message.getValue().path("name").asText())) {
                component = message.getKey();
                assertThat(message.getValue().at("/payload/schema/$ref").asText())
                        .isEqualTo("./schemas/" + p.type() + ".schema.json");
            }
        }
        assertThat(component).as("a message named " + p.type()).isNotNull();
        JsonNode channel = null;
        for (JsonNode c : doc.get("channels")) {
            if (p.topic().equals(c.path("address").asText())) {
                channel = c;
            }
        }
        assertThat(channel).as("a channel at " + p.topic()).isNotNull();
        List<String> refs = new ArrayList<>();
        channel.path("messages").forEach(m -> refs.add(m.path("$ref").asText()));
        assertThat(refs).contains("#/components/messages/" + component);
    }
}
