package org.fugong.logistics.checkpoint.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.checkpoint.CheckpointScan;
import org.fugong.logistics.checkpoint.ScanResult;

@Schema(name = "CheckpointScan")
public record ScanView(UUID id, UUID checkpointId, ScanResult result, UUID passId, String passNumber,
        Integer waitingMinutes, boolean healthCheckRequired, Instant scannedAt) {

    public static ScanView of(CheckpointScan s) {
        return new ScanView(s.id, s.checkpointId, s.result, s.passId, s.passNumber, s.waitingMinutes,
                s.healthCheckRequired, s.scannedAt);
    }
}
