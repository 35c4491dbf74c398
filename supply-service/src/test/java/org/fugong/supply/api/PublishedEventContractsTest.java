package org.fugong.supply.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.contracts.PublisherContracts;
import org.fugong.supply.allocation.AllocationEvents;
import org.fugong.supply.offer.OfferEvents;
import org.fugong.supply.request.RequestEvents;
import org.junit.jupiter.api.Test;

/**
 * Every event type supply can publish — each type constant of its events classes, which are the only
 * places that write supply's events to the outbox — has a schema, a conforming example and a message in
 * asyncapi.yaml on the channel of its topic, and its topics hold no type that supply does not publish.
 */
class PublishedEventContractsTest {

    @Test
    void codeAndContractAgreeOnEveryTypeOfSupplysTopics() {
        assertThat(PublisherContracts.gaps(OfferEvents.class, RequestEvents.class, AllocationEvents.class)).isEmpty();
    }
}
