package org.fugong.finance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.contracts.PublisherContracts;
import org.fugong.finance.application.ApplicationEvents;
import org.fugong.finance.arrears.ArrearsEvents;
import org.fugong.finance.policy.PolicyEvents;
import org.fugong.finance.receivable.ReceivableEvents;
import org.junit.jupiter.api.Test;

/**
 * Every event type finance can publish — each type constant of its events classes, which are the only
 * places that write finance's events to the outbox — has a schema, a conforming example and a message in
 * asyncapi.yaml on the channel of its topic, and its topics hold no type that finance does not publish.
 */
class PublishedEventContractsTest {

    @Test
    void codeAndContractAgreeOnEveryTypeOfFinancesTopics() {
        assertThat(PublisherContracts.gaps(ReceivableEvents.class, ApplicationEvents.class, ArrearsEvents.class,
                PolicyEvents.class)).isEmpty();
    }
}
