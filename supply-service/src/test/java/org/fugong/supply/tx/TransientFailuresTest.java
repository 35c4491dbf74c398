package org.fugong.supply.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    static RuntimeException wrapped(String sqlState) {
        // As Hibernate and the outbox writer hand it on: the SQLException a few causes down.
        return new IllegalStateException("could not write", new RuntimeException(new SQLException("boom", sqlState)));
    }

    @Test
    void deadlocksAndSerialisationFailuresAnywhereInTheCauseChainAreTransient() {
        assertThat(TransientFailures.isTransient(wrapped("40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped("40001"))).isTrue();
        SQLException chained = new SQLException("batch failed", "25P02");
        chained.setNextException(new SQLException("deadlock", "40P01"));
        assertThat(TransientFailures.isTransient(chained)).isTrue();
        assertThat(TransientFailures.isTransient(wrapped("23514"))).as("a CHECK violation is a bug, not bad luck").isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException())).isFalse();
    }

    @Test
    void aTransientFailureIsRunAgainUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String result = TransientFailures.retry(3, Duration.ofMillis(1), () -> {
            if (attempts.incrementAndGet() < 3) {
                throw wrapped("40P01");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void retriesAreBoundedAndOtherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry(2, Duration.ofMillis(1), () -> {
            attempts.incrementAndGet();
            throw wrapped("40001");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).as("the first attempt and two more").hasValue(3);

        attempts.set(0);
        assertThatThrownBy(() -> TransientFailures.retry(2, Duration.ofMillis(1), () -> {
            attempts.incrementAndGet();
            throw wrapped("23505");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
