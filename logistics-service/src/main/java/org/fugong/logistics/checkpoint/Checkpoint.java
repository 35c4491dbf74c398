package org.fugong.logistics.checkpoint;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A place where passes are scanned, in one county; its officers are the CHECKPOINT people whose scope covers it. */
@Entity
@Table(name = "checkpoint")
public class Checkpoint extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public CheckpointKind kind;
    public String createdBy;
    public Instant createdAt;
    @Version
    public long version;
}
