package org.fugong.logistics.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.contracts.PublisherContracts;
import org.fugong.logistics.pass.PassEvents;
import org.fugong.logistics.shipment.ShipmentEvents;
import org.fugong.logistics.worker.WorkerTripEvents;
import org.junit.jupiter.api.Test;

/**
 * Every event type logistics can publish — each type constant of its events classes, which are the only
 * places that write logistics's events to the outbox — has a schema, a conforming example and a message in
 * asyncapi.yaml on the channel of its topic, and its topics hold no type that logistics does not publish.
 */
class PublishedEventContractsTest {

    @Test
    void codeAndContractAgreeOnEveryTypeOfLogisticssTopics() {
        assertThat(PublisherContracts.gaps(PassEvents.class, ShipmentEvents.class, WorkerTripEvents.class)).isEmpty();
    }
}
