package org.fugong.finance.arrears;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A payment the debtor recorded against a claim's settlement plan. */
@Entity
@Table(name = "arrears_payment")
public class ArrearsPayment extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID claimId;
    public BigDecimal amount;
    public LocalDate paidOn;
    public String reference;
    public String recordedBy;
    public Instant recordedAt;
}
