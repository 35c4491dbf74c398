package org.fugong.logistics.checkpoint;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One scan at a checkpoint, kept whatever its result. Never the driver's data, nor the temperature itself. */
@Entity
@Table(name = "checkpoint_scan")
public class CheckpointScan extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID checkpointId;
    public Instant scannedAt;
    public String scannedBy;
    @Enumerated(EnumType.STRING)
    public ScanResult result;
    public UUID passId;
    public String passNumber;
    public Integer waitingMinutes;
    public boolean healthCheckRequired;
}
