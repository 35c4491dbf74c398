package org.fugong.logistics.checkpoint;

import java.math.BigDecimal;
import java.util.List;

import org.fugong.logistics.code.PassCodeVerifier;
import org.fugong.logistics.pass.PassStatus;
import org.fugong.platform.security.RegionScope;

/**
 * What a scan says, from what the code verified to, what logistics knows of the pass, the plate the
 * officer read and where the checkpoint is. Exactly one result, the first that applies in this
 * order: FORGED, UNKNOWN, REVOKED, EXPIRED, NOT_YET_VALID, WRONG_VEHICLE, OFF_ROUTE, VALID. A pass
 * withdrawn beats its dates (a revoked pass is never good again, whatever its window says), and a
 * pass out of its window is reported before the vehicle and the route, which only matter for a pass
 * that is good today.
 */
public final class ScanVerdict {

    /** 37.3 °C, the fever threshold of the 2020 checkpoints' temperature checks. */
    public static final BigDecimal FEVER = new BigDecimal("37.3");

    /** What logistics holds of the pass a validly signed code names. */
    public record KnownPass(PassStatus status, String plate) {
    }

    private ScanVerdict() {
    }

    /**
     * @param verification  the offline verifier's answer for the code
     * @param pass          the pass the code's number names, or null when there is none
     * @param plateRead     the plate the officer read, normalised (GA 36-2018)
     * @param checkpointCounty the checkpoint's GB/T 2260 county code
     */
    public static ScanResult decide(PassCodeVerifier.Result verification, KnownPass pass, String plateRead,
            String checkpointCounty) {
        if (verification.outcome() == PassCodeVerifier.Outcome.FORGED) {
            return ScanResult.FORGED;
        }
        if (pass == null) {
            return ScanResult.UNKNOWN;
        }
        // Only an approved pass is good: revoked, refused, or under review (sent back to review when an
        // end of its route turned HIGH), it does not let the vehicle through. One the sweep marked
        // EXPIRED is reported as what it is, as its code would say.
        if (pass.status() != PassStatus.APPROVED && pass.status() != PassStatus.EXPIRED) {
            return ScanResult.REVOKED;
        }
        if (pass.status() == PassStatus.EXPIRED || verification.outcome() == PassCodeVerifier.Outcome.EXPIRED) {
            return ScanResult.EXPIRED;
        }
        if (verification.outcome() == PassCodeVerifier.Outcome.NOT_YET_VALID) {
            return ScanResult.NOT_YET_VALID;
        }
        if (!pass.plate().equals(plateRead)) {
            return ScanResult.WRONG_VEHICLE;
        }
        if (!routeCovers(verification.claims().route(), checkpointCounty)) {
            return ScanResult.OFF_ROUTE;
        }
        return ScanResult.VALID;
    }

    /**
     * Whether a route lets the vehicle be in the county: an entry covers a county when the county's
     * code starts with the entry's significant prefix (a province 420000 covers 42xxxx, a prefecture
     * 420100 covers 4201xx, a county only itself).
     */
    public static boolean routeCovers(List<String> route, String county) {
        return route.stream().anyMatch(entry -> county.startsWith(RegionScope.prefixOf(entry)));
    }

    /** A driver at or above 37.3 °C is sent for a health check; no temperature taken, no check. */
    public static boolean healthCheckRequired(BigDecimal temperature) {
        return temperature != null && temperature.compareTo(FEVER) >= 0;
    }
}
