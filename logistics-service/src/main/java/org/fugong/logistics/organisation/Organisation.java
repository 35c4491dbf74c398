package org.fugong.logistics.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What logistics knows of an organisation from the registry's events (the enterprise_view read
 * model): what the pass rule reads — status, tier, the key-enterprise flag — and its county.
 */
@Entity
@Table(name = "enterprise_view")
public class Organisation extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String kind;
    public String status;
    public String regionCode;
    public String priorityTier;
    public boolean keyEnterprise;
    public long version;
    public Instant updatedAt;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
