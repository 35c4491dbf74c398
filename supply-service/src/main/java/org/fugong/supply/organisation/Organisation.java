package org.fugong.supply.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What supply knows of an organisation from the registry's events (the enterprise_view read model):
 * suppliers and hospitals alike, told apart by {@code kind}. Offers name theirs as the supplier,
 * requests as the requester.
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
    public long version;
    public Instant updatedAt;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    /**
     * Whether the organisation is known and ACTIVE, read without loading it: the registry's events
     * upsert the row in SQL, behind any copy loaded here.
     */
    public static boolean isKnownAndActive(UUID id) {
        return "ACTIVE".equals(find("select status from Organisation where id = ?1", id).project(String.class)
                .firstResult());
    }
}
