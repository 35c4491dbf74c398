package org.fugong.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fugong.contracts.PublisherContracts.Published;
import org.junit.jupiter.api.Test;

class PublisherContractsTest {

    /** Publishes exactly what the contract holds for supply.offers. */
    static final class OfferPublisher {
        public static final String TOPIC = "supply.offers";
        public static final String AGGREGATE = "SupplyOffer";
        public static final String PUBLISHED = "fugong.supply.offer.published";
        public static final String UPDATED = "fugong.supply.offer.updated";
        public static final String WITHDRAWN = "fugong.supply.offer.withdrawn";
    }

    /** Forgets one type the contract holds and publishes one it does not. */
    static final class DriftedPublisher {
        public static final String TOPIC = "supply.offers";
        public static final String PUBLISHED = "fugong.supply.offer.published";
        public static final String WITHDRAWN = "fugong.supply.offer.withdrawn";
        public static final String RECALLED = "fugong.supply.offer.recalled";
    }

    static final class NoTypes {
        public static final String TOPIC = "supply.offers";
    }

    @Test
    void findsEveryTypeConstantAndNothingElse() {
        assertThat(PublisherContracts.publishedBy(OfferPublisher.class)).extracting(Published::type)
                .containsExactlyInAnyOrder("fugong.supply.offer.published", "fugong.supply.offer.updated",
                        "fugong.supply.offer.withdrawn");
        assertThat(PublisherContracts.publishedBy(OfferPublisher.class)).extracting(Published::topic)
                .containsOnly("supply.offers");
    }

    @Test
    void aPublisherThatAgreesWithTheContractHasNoGaps() {
        assertThat(PublisherContracts.gaps(OfferPublisher.class)).isEmpty();
    }

    @Test
    void driftEitherWayIsReportedByType() {
        assertThat(PublisherContracts.gaps(DriftedPublisher.class)).containsExactlyInAnyOrder(
                "fugong.supply.offer.recalled: not among the contract's types of supply.offers",
                "fugong.supply.offer.updated: in the contract of supply.offers but published by no code");
    }

    @Test
    void aPublisherWithoutTypesOrTopicIsAMistake() {
        assertThatThrownBy(() -> PublisherContracts.publishedBy(NoTypes.class)).hasMessageContaining("declares no event type");
        assertThatThrownBy(() -> PublisherContracts.publishedBy(String.class)).hasMessageContaining("TOPIC");
    }

    @Test
    void asyncApiListsTheMessagesOfAChannel() {
        assertThat(PublisherContracts.asyncApiMessagesOn("supply.offers")).containsExactlyInAnyOrder(
                "fugong.supply.offer.published", "fugong.supply.offer.updated", "fugong.supply.offer.withdrawn");
        assertThat(PublisherContracts.asyncApiMessagesOn("no.such.topic")).isEmpty();
    }
}
