package org.fugong.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void aNewClientHasTheWholeBurstThenWaitsForTheRate() {
        TokenBucket.State state = null;
        for (int i = 0; i < 5; i++) {
            state = TokenBucket.take(state, 0, 2, 5);
            assertThat(state.lastAllowed()).isTrue();
        }
        state = TokenBucket.take(state, 0, 2, 5);
        assertThat(state.lastAllowed()).isFalse();
        TokenBucket.Decision refused = TokenBucket.decision(false, state.tokens(), 2, 5);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetSeconds()).isEqualTo(3); // 5 tokens at 2/s
        state = TokenBucket.take(state, 499, 2, 5);
        assertThat(state.lastAllowed()).as("0.998 tokens after 499 ms").isFalse();
        state = TokenBucket.take(state, 500, 2, 5);
        assertThat(state.lastAllowed()).isTrue();
    }

    @Test
    void neverFillsBeyondTheBurstAndTimeGoingBackwardsAddsNothing() {
        TokenBucket.State state = TokenBucket.take(null, 1_000, 10, 3);
        state = TokenBucket.take(state, 1_000_000, 10, 3);
        assertThat(state.tokens()).isEqualTo(2.0);
        TokenBucket.State earlier = TokenBucket.take(new TokenBucket.State(0.5, 2_000, false), 1_000, 10, 3);
        assertThat(earlier.lastAllowed()).isFalse();
        assertThat(earlier.tokens()).isEqualTo(0.5);
    }

    @Test
    void slowRatesGiveLongWaits() {
        TokenBucket.Decision refused = TokenBucket.decision(false, 0.25, 0.1, 1);
        assertThat(refused.retryAfterSeconds()).isEqualTo(8); // 0.75 tokens at 0.1/s
        assertThat(TokenBucket.decision(true, 0.25, 0.1, 1).retryAfterSeconds()).isZero();
    }
}
