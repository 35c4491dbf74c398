package org.fugong.logistics.code;

import java.time.Instant;
import java.util.List;

/**
 * What the signed code says about a pass: enough for a checkpoint with no connection to check the
 * vehicle and the route. No driver data: the code is printed and shown at every checkpoint.
 *
 * @param validFrom  first instant the pass is good for ({@code nbf})
 * @param validUntil first instant it is no longer good for ({@code exp})
 */
public record PassClaims(String number, String plate, List<String> route, Instant validFrom, Instant validUntil) {

    /** Claim names: short, since every byte of the code is in the QR image. */
    static final String NUMBER = "pn";
    static final String PLATE = "vp";
    static final String ROUTE = "rt";
}
