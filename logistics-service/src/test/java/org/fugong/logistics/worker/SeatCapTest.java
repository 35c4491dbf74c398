package org.fugong.logistics.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SeatCapTest {

    @Property
    void theCapIsTheLargestWholeNumberOfPassengersWithinTheShare(@ForAll @IntRange(min = 0, max = 100) int seats,
            @ForAll @IntRange(min = 0, max = 100) int percent) {
        int max = SeatCap.maxPassengers(seats, percent);
        // max / seats <= percent / 100, and one more passenger would exceed it.
        assertThat(max * 100).isLessThanOrEqualTo(seats * percent);
        assertThat((max + 1) * 100).isGreaterThan(seats * percent);
        assertThat(max).isBetween(0, seats);
    }

    @Property
    void passengersFitExactlyWhileTheTotalStaysWithinTheCap(@ForAll @IntRange(min = 1, max = 100) int seats,
            @ForAll @IntRange(min = 1, max = 100) int percent, @ForAll @IntRange(min = 0, max = 100) int taken,
            @ForAll @IntRange(min = 0, max = 100) int more) {
        assertThat(SeatCap.fits(seats, percent, taken, more))
                .isEqualTo(taken + more <= SeatCap.maxPassengers(seats, percent));
    }

    @Test
    void halfOfTheSeatsRoundedDown() {
        assertThat(SeatCap.maxPassengers(45, 50)).isEqualTo(22);
        assertThat(SeatCap.maxPassengers(44, 50)).isEqualTo(22);
        assertThat(SeatCap.maxPassengers(1, 50)).isZero();
        assertThat(SeatCap.maxPassengers(55, 100)).isEqualTo(55);
        assertThat(SeatCap.fits(45, 50, 20, 2)).isTrue();
        assertThat(SeatCap.fits(45, 50, 20, 3)).isFalse();
        assertThat(SeatCap.fits(45, 50, 0, -1)).isFalse();
    }

    @Test
    void aShareOutsideZeroToOneHundredIsAProgrammingError() {
        assertThatThrownBy(() -> SeatCap.maxPassengers(45, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatCap.maxPassengers(-1, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
