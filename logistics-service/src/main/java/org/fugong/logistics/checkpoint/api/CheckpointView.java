package org.fugong.logistics.checkpoint.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.checkpoint.Checkpoint;
import org.fugong.logistics.checkpoint.CheckpointKind;

@Schema(name = "Checkpoint")
public record CheckpointView(UUID id, String name, String countyCode, CheckpointKind kind, String createdBy,
        Instant createdAt, long version) {

    public static CheckpointView of(Checkpoint c) {
        return new CheckpointView(c.id, c.name, c.countyCode, c.kind, c.createdBy, c.createdAt, c.version);
    }
}
