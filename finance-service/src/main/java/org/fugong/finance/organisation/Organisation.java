package org.fugong.finance.organisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What finance knows of an organisation from the registry's events (the enterprise_view read
 * model): SMEs recording receivables, debtors confirming them, lenders, government bodies. Written
 * only by {@link RegistryEventHandler}; finance never asks the registry synchronously.
 */
@Entity
@Table(name = "enterprise_view")
public class Organisation extends PanacheEntityBase {

    public static final String ENTERPRISE = "ENTERPRISE";
    public static final String GOVERNMENT_BODY = "GOVERNMENT_BODY";
    public static final String FINANCIAL_INSTITUTION = "FINANCIAL_INSTITUTION";

    /** The registry's size classes that count as small and medium-sized enterprises (SMEs). */
    public static final Set<String> SME_SIZES = Set.of("MICRO", "SMALL", "MEDIUM");

    @Id
    public UUID id;
    public String kind;
    public String name;
    public String uscc;
    public String regionCode;
    public String industry;
    public String ownership;
    public int employees;
    public BigDecimal annualRevenue;
    public String sizeClass;
    public String priorityTier;
    public boolean keyEnterprise;
    public String status;
    public String statusReason;
    public String resumptionStatus;
    public long version;
    public Instant updatedAt;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public boolean isSme() {
        return ENTERPRISE.equals(kind) && SME_SIZES.contains(sizeClass);
    }

    /** The organisation the registry registered under this code, if finance has heard of it. */
    public static Organisation byUscc(String uscc) {
        return find("uscc", uscc).firstResult();
    }
}
