package org.fugong.logistics.worker;

/**
 * How many passengers a charter trip may carry: a share of its seats (50 % by default, so people
 * sit apart), rounded down to whole passengers.
 */
public final class SeatCap {

    private SeatCap() {
    }

    /** The most passengers on a bus of {@code seats} seats when at most {@code percent} % are filled. */
    public static int maxPassengers(int seats, int percent) {
        if (seats < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("seats must not be negative and percent must lie in 0..100");
        }
        return seats * percent / 100;
    }

    /** Whether {@code more} passengers still fit when {@code taken} are already on the trip. */
    public static boolean fits(int seats, int percent, int taken, int more) {
        return more >= 0 && taken >= 0 && (long) taken + more <= maxPassengers(seats, percent);
    }
}
