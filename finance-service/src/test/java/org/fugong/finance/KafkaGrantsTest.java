package org.fugong.finance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.fugong.finance.support.FinanceTest;
import org.fugong.platform.inbox.EventHandler;
import org.fugong.testing.KafkaGrants;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What finance consumes, the production broker lets it consume (deploy/kafka/acls.txt). */
@QuarkusTest
@FinanceTest
class KafkaGrantsTest {

    @Inject
    Instance<EventHandler> handlers;

    @Test
    void everyHandlersTopicsAndGroupAreGrantedToFinance() {
        assertThat(handlers.stream()).isNotEmpty();
        handlers.forEach(handler -> KafkaGrants.assertMayConsume("finance", handler.group(), handler.topics()));
    }
}
