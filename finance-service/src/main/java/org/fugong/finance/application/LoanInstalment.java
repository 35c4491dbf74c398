package org.fugong.finance.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.fugong.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One instalment of a disbursed loan: what it is due, how its interest is split, and what was paid. */
@Entity
@Table(name = "loan_instalment")
@IdClass(LoanInstalment.Key.class)
public class LoanInstalment extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID applicationId;
        public int number;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.number == number && Objects.equals(k.applicationId, applicationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(applicationId, number);
        }
    }

    @Id
    public UUID applicationId;
    @Id
    public int number;
    public LocalDate dueDate;
    public BigDecimal principal;
    public BigDecimal interest;
    public BigDecimal payment;
    public BigDecimal remainingPrincipal;
    public BigDecimal subsidyInterest;
    public BigDecimal borrowerInterest;
    public BigDecimal paid;

    public BigDecimal outstanding() {
        return payment.subtract(paid);
    }

    public boolean isPaid() {
        return paid.compareTo(payment) >= 0;
    }

    public boolean isOverdue(LocalDate today) {
        return !isPaid() && dueDate.isBefore(today);
    }

    /** Money received against it: exact to the cent, never more than is still due. */
    public void pay(BigDecimal amount) {
        if (isPaid()) {
            throw ProblemException.conflict("instalment_number", "instalment " + number + " is paid already");
        }
        if (amount.compareTo(outstanding()) > 0) {
            throw ProblemException.invalid("amount", "must be at most " + outstanding().setScale(2)
                    + ", what is still due on instalment " + number);
        }
        paid = paid.add(amount);
    }

    public static List<LoanInstalment> of(UUID applicationId) {
        return list("applicationId = ?1 order by number", applicationId);
    }
}
