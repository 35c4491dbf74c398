package org.fugong.supply.allocation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A quantity of one offer given to one request, and why. */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID requestId;
    public UUID offerId;
    public UUID supplierId;
    public String itemCode;
    public long quantity;
    public Long delivered;
    @Enumerated(EnumType.STRING)
    public AllocationStatus status;
    public int requestRank;
    @Enumerated(EnumType.STRING)
    public Nearness nearness;
    public boolean capped;
    public String rule;
    public UUID runId;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
