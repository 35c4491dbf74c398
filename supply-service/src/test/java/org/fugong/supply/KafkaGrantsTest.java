package org.fugong.supply;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.fugong.supply.support.SupplyTest;
import org.fugong.platform.inbox.EventHandler;
import org.fugong.testing.KafkaGrants;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What supply consumes, the production broker lets it consume (deploy/kafka/acls.txt). */
@QuarkusTest
@SupplyTest
class KafkaGrantsTest {

    @Inject
    Instance<EventHandler> handlers;

    @Test
    void everyHandlersTopicsAndGroupAreGrantedToSupply() {
        assertThat(handlers.stream()).isNotEmpty();
        handlers.forEach(handler -> KafkaGrants.assertMayConsume("supply", handler.group(), handler.topics()));
    }
}
