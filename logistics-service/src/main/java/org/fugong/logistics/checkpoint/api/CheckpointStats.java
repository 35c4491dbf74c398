package org.fugong.logistics.checkpoint.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.checkpoint.ScanResult;

/**
 * A checkpoint's figures over [from, to): scans per hour (UTC hours that had scans), a count for
 * every result, waiting times of the scans that recorded one, and the share through within 15 minutes.
 */
@Schema(name = "CheckpointStats")
public record CheckpointStats(UUID checkpointId, Instant from, Instant to, long scans, List<Hour> scansPerHour,
        Map<ScanResult, Long> results, Waiting waiting) {

    public record Hour(Instant hour, long scans) {
    }

    /**
     * @param scansWithWaitingTime how many scans recorded a waiting time; the figures below are of those
     * @param shareWithin15Minutes of those, the share that waited 15 minutes or less (null when none)
     */
    public record Waiting(long scansWithWaitingTime, Double p50Minutes, Double p90Minutes, Integer maxMinutes,
            Double shareWithin15Minutes) {
    }
}
