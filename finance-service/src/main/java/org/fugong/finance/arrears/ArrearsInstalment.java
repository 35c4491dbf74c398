package org.fugong.finance.arrears;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One dated instalment of a claim's settlement plan, and how much of it is paid. */
@Entity
@Table(name = "arrears_instalment")
public class ArrearsInstalment extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID claimId;
    public int number;
    public LocalDate dueDate;
    public BigDecimal amount;
    public BigDecimal paid;

    public BigDecimal unpaid() {
        return amount.subtract(paid);
    }

    /** Due before today and not paid in full. */
    public boolean isOverdue(LocalDate today) {
        return dueDate.isBefore(today) && unpaid().signum() > 0;
    }

    public static List<ArrearsInstalment> ofClaim(UUID claimId) {
        return list("claimId", Sort.by("number"), claimId);
    }

    /** The plans of several claims in one query, for a page of them. */
    public static List<ArrearsInstalment> ofClaims(List<UUID> claimIds) {
        return claimIds.isEmpty() ? List.of() : list("claimId in ?1", Sort.by("claimId").and("number"), claimIds);
    }
}
