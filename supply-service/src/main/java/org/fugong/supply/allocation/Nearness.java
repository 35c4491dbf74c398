package org.fugong.supply.allocation;

/** How close an offer's origin is to a request's delivery region; declared nearest first. */
public enum Nearness {
    SAME_PREFECTURE, SAME_PROVINCE, ELSEWHERE;

    public static Nearness between(String origin, String destination) {
        if (origin.regionMatches(0, destination, 0, 4)) {
            return SAME_PREFECTURE;
        }
        if (origin.regionMatches(0, destination, 0, 2)) {
            return SAME_PROVINCE;
        }
        return ELSEWHERE;
    }
}
