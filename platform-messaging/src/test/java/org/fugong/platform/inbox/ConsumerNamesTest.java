package org.fugong.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Kafka name a consuming service uses is under its own prefix, and a foreign group is refused. */
class ConsumerNamesTest {

    @Test
    void deadLettersReplaysAndTheReplayGroupAreTheConsumingServices() {
        assertThat(ConsumerNames.deadLetterTopic("supply", "registry.enterprises"))
                .isEqualTo("supply.dlq.registry.enterprises");
        assertThat(ConsumerNames.replayTopic("supply", "registry.enterprises"))
                .isEqualTo("supply.replay.registry.enterprises");
        assertThat(ConsumerNames.replayGroup("supply", "registry.enterprises"))
                .isEqualTo("supply.dlq-replay.registry.enterprises");
        assertThat(ConsumerNames.legacyDeadLetterTopic("registry.enterprises")).isEqualTo("registry.enterprises.dlq");
    }

    @Test
    void aReplayedRecordBelongsToTheTopicItWasDeadLetteredFrom() {
        assertThat(ConsumerNames.originalTopic("supply", "supply.replay.registry.enterprises"))
                .isEqualTo("registry.enterprises");
        assertThat(ConsumerNames.originalTopic("supply", "registry.enterprises")).isEqualTo("registry.enterprises");
        // Another service's replay topic is not this service's replay.
        assertThat(ConsumerNames.originalTopic("supply", "logistics.replay.registry.enterprises"))
                .isEqualTo("logistics.replay.registry.enterprises");
    }

    @Test
    void theSubscriptionMatchesTheTopicsAndTheirReplaysExactly() {
        Pattern subscription = ConsumerNames.subscription("logistics", List.of("registry.enterprises", "registry.regions"));
        assertThat(List.of("registry.enterprises", "registry.regions", "logistics.replay.registry.enterprises",
                "logistics.replay.registry.regions")).allMatch(t -> subscription.matcher(t).matches());
        // Dots are not wildcards, and nothing around the names matches.
        assertThat(List.of("registryXenterprises", "registry.enterprises.dlq", "logistics.dlq.registry.enterprises",
                "supply.replay.registry.enterprises", "registry.enterprises2")).noneMatch(t -> subscription.matcher(t).matches());
    }

    @Test
    void aGroupOfTheServiceIsAccepted() {
        ConsumerNames.requireOwnGroup("supply", "supply.RegistryEventHandler");
        assertThat(ConsumerNames.isOwnGroup("supply", "supply.RegistryEventHandler")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "RegistryEventHandler", "supplyRegistryEventHandler", "supply.", "logistics.Handler",
            "supply-other.Handler", "" })
    void aGroupOutsideTheServicesPrefixIsRefused(String group) {
        assertThatThrownBy(() -> ConsumerNames.requireOwnGroup("supply", group))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must start with 'supply.'");
    }

    @Test
    void aConsumerWithAForeignGroupCannotBeMade() {
        assertThatThrownBy(() -> new IdempotentConsumer("supply", "logistics.AllocationEventHandler", null, null, null,
                null, 1, java.time.Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }
}
