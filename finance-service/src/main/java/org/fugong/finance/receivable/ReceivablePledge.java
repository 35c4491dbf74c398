package org.fugong.finance.receivable;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the pledge registry: a receivable backing a financing application before a lender. */
@Entity
@Table(name = "receivable_pledge")
public class ReceivablePledge extends PanacheEntityBase {

    public enum Status {
        LIVE, RELEASED
    }

    @Id
    public UUID id;
    public UUID receivableId;
    public UUID applicationId;
    public UUID lenderOrgId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant pledgedAt;
    public Instant releasedAt;

    public static ReceivablePledge liveFor(UUID receivableId) {
        return find("receivableId = ?1 and status = ?2", receivableId, Status.LIVE).firstResult();
    }
}
