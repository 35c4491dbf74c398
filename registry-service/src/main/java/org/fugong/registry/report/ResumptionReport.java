package org.fugong.registry.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fugong.registry.enterprise.ResumptionStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Periodic resumption figures of one enterprise. */
@Entity
@Table(name = "resumption_report")
public class ResumptionReport extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID enterpriseId;
    public LocalDate reportDate;
    public int employeesTotal;
    public int employeesReturned;
    public BigDecimal capacityUtilisation;
    public boolean measuresInPlace;
    /** The status this report moved the enterprise to. */
    @Enumerated(EnumType.STRING)
    public ResumptionStatus resumptionStatus;
    public Instant submittedAt;
}
