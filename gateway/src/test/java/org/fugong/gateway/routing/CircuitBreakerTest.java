package org.fugong.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresOnly() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess(); // the count is of consecutive failures
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.retryAfterSeconds()).isEqualTo(10);
        now.addAndGet(4_500);
        assertThat(breaker.retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriodAndItsOutcomeDecides() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        now.addAndGet(10_000);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        now.addAndGet(10_000);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aTrialWhoseOutcomeNeverCameDoesNotBlockForEver() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        now.addAndGet(10_000);
        assertThat(breaker.tryAcquire()).isTrue();
        now.addAndGet(9_999);
        assertThat(breaker.tryAcquire()).isFalse();
        now.addAndGet(1);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void onlyRepeatableRequestsAreRetried() {
        assertThat(RetryPolicy.mayRetry("GET", null)).isTrue();
        assertThat(RetryPolicy.mayRetry("PUT", null)).isTrue();
        assertThat(RetryPolicy.mayRetry("DELETE", null)).isTrue();
        assertThat(RetryPolicy.mayRetry("POST", null)).isFalse();
        assertThat(RetryPolicy.mayRetry("PATCH", " ")).isFalse();
        assertThat(RetryPolicy.mayRetry("POST", "order-7")).isTrue();
        assertThat(RetryPolicy.mayRetry("PATCH", "k1")).isTrue();
    }
}
