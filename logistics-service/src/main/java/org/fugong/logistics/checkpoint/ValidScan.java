package org.fugong.logistics.checkpoint;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (synchronously, inside the scan's transaction) when a scan says VALID: what follows a
 * pass's journey — a shipment's tracking — observes it without the checkpoint knowing of it.
 */
public record ValidScan(UUID passId, UUID scanId, UUID checkpointId, String checkpointName, CheckpointKind kind,
        String countyCode, Instant scannedAt) {
}
