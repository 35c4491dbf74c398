package org.fugong.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.fugong.logistics.support.LogisticsTest;
import org.fugong.platform.inbox.EventHandler;
import org.fugong.testing.KafkaGrants;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What logistics consumes, the production broker lets it consume (deploy/kafka/acls.txt). */
@QuarkusTest
@LogisticsTest
class KafkaGrantsTest {

    @Inject
    Instance<EventHandler> handlers;

    @Test
    void everyHandlersTopicsAndGroupAreGrantedToLogistics() {
        assertThat(handlers.stream()).isNotEmpty();
        handlers.forEach(handler -> KafkaGrants.assertMayConsume("logistics", handler.group(), handler.topics()));
    }
}
