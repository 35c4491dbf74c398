package org.fugong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.fugong.contracts.Contracts;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.KafkaAcls;
import org.fugong.devstack.KafkaSecurity;
import org.fugong.platform.inbox.ConsumerNames;
import org.fugong.platform.inbox.DeadLetterReplay;
import org.fugong.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment's Kafka security on a real broker: SCRAM-SHA-512 logins, the StandardAuthorizer
 * and the grants of deploy/kafka/acls.txt, as the compose broker runs them. One secured broker
 * for the class; each test publishes what it reads, so none depends on another.
 */
class KafkaLeastPrivilegeTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ENTERPRISES = "registry.enterprises";

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startSecuredBroker() {
        kafka = EmbeddedKafka.temporary(KafkaSecurity.generated()).start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void theRegistryPublishesWithItsPrincipalAndSupplyConsumesWithItsOwnGroup() throws Exception {
        String key = publishAsRegistry();
        try (KafkaConsumer<String, String> supply = consumer("supply", "supply.RegistryEventHandler")) {
            // As the platform's consumer subscribes: the topic and supply's replay topic of it.
            supply.subscribe(ConsumerNames.subscription("supply", List.of(ENTERPRISES)));
            awaitKey(supply, key);
            supply.commitSync();
        }
    }

    @Test
    void aPrincipalWithoutAGrantCannotWriteTheRegistrysTopics() throws Exception {
        // The topic exists (else the refusal would be of creating it), and logistics reads it, so it is
        // visible to logistics: but logistics may not forge an event on it.
        publishAsRegistry();
        assertRefused(() -> send(plainProducer("logistics"), ENTERPRISES), TopicAuthorizationException.class);
        // Nor create a topic of the registry's.
        assertRefused(() -> send(plainProducer("logistics"), "registry.forged-" + UUID.randomUUID()),
                TopicAuthorizationException.class);
    }

    @Test
    void aPrincipalWithoutAGrantCannotJoinSupplysGroup() {
        try (KafkaConsumer<String, String> intruder = consumer("logistics", "supply.RegistryEventHandler")) {
            intruder.subscribe(List.of(ENTERPRISES));
            assertThatThrownBy(() -> pollUntilDeadline(intruder, r -> {
            })).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void theIntegratorReadsThePublicTopicsWithItsOwnGroupsButCannotWrite() throws Exception {
        String key = publishAsRegistry();
        try (KafkaConsumer<String, String> integrator = consumer("integrator", "integrator.provincial-dashboard")) {
            integrator.subscribe(List.of(ENTERPRISES));
            awaitKey(integrator, key);
        }
        assertRefused(() -> send(plainProducer("integrator"), ENTERPRISES), TopicAuthorizationException.class);
        try (KafkaConsumer<String, String> elsewhere = consumer("integrator", "supply.RegistryEventHandler")) {
            elsewhere.subscribe(List.of(ENTERPRISES));
            assertThatThrownBy(() -> pollUntilDeadline(elsewhere, r -> {
            })).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void supplyDeadLettersAndReplaysWithinItsOwnTopicsWhichOthersCannotRead() throws Exception {
        String key = UUID.randomUUID().toString();
        // What supply's consumer does with a letter it cannot handle: its own dead-letter topic, created on first use.
        try (KafkaProducer<String, String> deadLetters = new KafkaProducer<>(producerSettings("supply", true))) {
            deadLetters.send(new ProducerRecord<>(ConsumerNames.deadLetterTopic("supply", ENTERPRISES), key, "{}")).get();
        }
        Map<String, Object> supply = kafka.clientSettings("supply");
        assertThat(DeadLetterReplay.replay(supply, "supply", ENTERPRISES, WAIT)).isEqualTo(1);
        try (KafkaConsumer<String, String> handler = consumer("supply", "supply.RegistryEventHandler")) {
            handler.subscribe(ConsumerNames.subscription("supply", List.of(ENTERPRISES)));
            awaitKey(handler, key);
        }
        // The letters are supply's business: the registry, whose event it was, cannot read them.
        try (KafkaConsumer<String, String> registry = consumer("registry", "registry.curious")) {
            assertThatThrownBy(() -> registry.partitionsFor(ConsumerNames.deadLetterTopic("supply", ENTERPRISES), WAIT))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> settings = producerSettings("registry", false);
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"registry\" password=\"not-the-password\";");
        assertRefused(() -> send(new KafkaProducer<>(settings), ENTERPRISES), SaslAuthenticationException.class);
    }

    /** acls.txt and the published contract agree: integrators read exactly the topics docs/events.md lists. */
    @Test
    void theIntegratorsTopicsAreTheContractsTopics() {
        Set<String> readable = KafkaAcls.bundled().grants().stream()
                .filter(g -> g.principal().equals("integrator") && g.resource() == ResourceType.TOPIC)
                .peek(g -> assertThat(g.pattern()).as("integrator grants name topics exactly").isEqualTo(PatternType.LITERAL))
                .peek(g -> assertThat(g.operation()).isEqualTo(AclOperation.READ))
                .map(KafkaAcls.Grant::name).collect(Collectors.toSet());
        assertThat(readable).isEqualTo(Contracts.TYPES_BY_TOPIC.keySet());
    }

    static String publishAsRegistry() throws Exception {
        String key = UUID.randomUUID().toString();
        // The relay's own producer settings (idempotent, acks=all), logged in as the registry.
        Map<String, Object> settings = new HashMap<>(OutboxRelay.producerDefaults(kafka.bootstrapServers(),
                Duration.ofSeconds(10), Duration.ofSeconds(20)));
        settings.putAll(kafka.clientSettings("registry"));
        try (KafkaProducer<String, String> registry = new KafkaProducer<>(settings)) {
            registry.send(new ProducerRecord<>(ENTERPRISES, key, "{}")).get();
        }
        return key;
    }

    static Map<String, Object> producerSettings(String principal, boolean idempotent) {
        Map<String, Object> settings = new HashMap<>(kafka.clientSettings(principal));
        settings.putAll(Map.of("acks", "all", "enable.idempotence", String.valueOf(idempotent),
                "max.block.ms", "10000", "delivery.timeout.ms", "15000", "request.timeout.ms", "5000",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
        return settings;
    }

    /** Not idempotent, so a refusal names the topic rather than the producer id a principal without writes is denied. */
    static KafkaProducer<String, String> plainProducer(String principal) {
        return new KafkaProducer<>(producerSettings(principal, false));
    }

    static void send(KafkaProducer<String, String> producer, String topic) throws Exception {
        try (producer) {
            producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{\"forged\": true}")).get();
        }
    }

    interface Attempt {
        void run() throws Exception;
    }

    static void assertRefused(Attempt attempt, Class<? extends Exception> refusal) {
        assertThatThrownBy(() -> {
            try {
                attempt.run();
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        }).isInstanceOf(refusal);
    }

    static KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> settings = new HashMap<>(kafka.clientSettings(principal));
        settings.putAll(Map.of("group.id", group, "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "allow.auto.create.topics", "false", "metadata.max.age.ms", "500",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));
        return new KafkaConsumer<>(settings);
    }

    static void awaitKey(KafkaConsumer<String, String> consumer, String key) {
        boolean[] seen = { false };
        Instant deadline = Instant.now().plus(WAIT);
        while (!seen[0] && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen[0] |= key.equals(r.key()));
        }
        assertThat(seen[0]).as("record " + key + " consumed within " + WAIT).isTrue();
    }

    /** Polls for the whole wait: for a consumer that is expected to be refused on the way. */
    static void pollUntilDeadline(KafkaConsumer<String, String> consumer, Consumer<ConsumerRecord<String, String>> each) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }
}
