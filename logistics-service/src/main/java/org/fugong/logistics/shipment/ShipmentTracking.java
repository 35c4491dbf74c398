package org.fugong.logistics.shipment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fugong.platform.ids.UuidV7;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a shipment's tracking: a transition, or a checkpoint its pass passed (with where). */
@Entity
@Table(name = "shipment_tracking")
public class ShipmentTracking extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID shipmentId;
    @Enumerated(EnumType.STRING)
    public TrackingKind kind;
    public Instant at;
    public UUID checkpointId;
    public String countyCode;
    public UUID scanId;

    static ShipmentTracking of(Shipment s, TrackingKind kind, Instant at) {
        ShipmentTracking t = new ShipmentTracking();
        t.id = UuidV7.next();
        t.shipmentId = s.id;
        t.kind = kind;
        t.at = at;
        return t;
    }
}
