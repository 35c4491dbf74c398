package org.fugong.supply.supplier;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What supply knows of an organisation, from the registry's events (the enterprise_view read model). */
@Entity
@Table(name = "enterprise_view")
public class Supplier extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String kind;
    public String status;
    public String regionCode;
    public String priorityTier;
    public long version;
    public Instant updatedAt;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
