package org.fugong.finance.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Money a lender received against one instalment of its loan. */
@Entity
@Table(name = "repayment")
public class Repayment extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID applicationId;
    public int instalmentNumber;
    public BigDecimal amount;
    public LocalDate paidOn;
    public String recordedBy;
    public Instant createdAt;
}
