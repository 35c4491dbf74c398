package org.fugong.supply.catalogue;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A kind of supply; offers of an item that names a standard need a certificate to it. */
@Entity
@Table(name = "supply_item")
public class SupplyItem extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String nameZh;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String unit;
    public String requiredStandard;
    public String gtin;
    public Instant createdAt;
}
