package org.fugong.finance.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fugong.finance.arrears.ArrearsClaim.Planned;
import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The claim's life cycle as methods of the aggregate, each refusing with a 409 what its state does not allow. */
class ArrearsClaimTransitionsTest {

    static final Instant NOW = Instant.parse("2020-03-10T03:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2020, 3, 10);

    static ArrearsClaim claim(String amount) {
        ArrearsClaim c = new ArrearsClaim();
        c.id = UUID.randomUUID();
        c.amount = new BigDecimal(amount);
        c.outstanding = c.amount;
        c.dueDate = LocalDate.of(2019, 12, 31);
        c.status = ArrearsStatus.CLAIMED;
        return c;
    }

    static List<Planned> plan(String... amounts) {
        return java.util.stream.IntStream.range(0, amounts.length)
                .mapToObj(i -> new Planned(TODAY.plusMonths(i + 1L), new BigDecimal(amounts[i]))).toList();
    }

    static int status(Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            return e.problem().status();
        }
        return 200;
    }

    @Test
    void acknowledgedFromClaimedOrAfterADisputeAndNeverTwice() {
        ArrearsClaim c = claim("100.00");
        c.dispute("Delivered late", "debtor", NOW);
        assertThat(c.status).isEqualTo(ArrearsStatus.DISPUTED);
        assertThat(status(() -> c.dispute("again", "debtor", NOW))).isEqualTo(409);
        c.acknowledge("debtor", NOW);
        assertThat(c.status).isEqualTo(ArrearsStatus.ACKNOWLEDGED);
        assertThat(c.disputeReason).isNull();
        assertThat(c.respondedAt).isEqualTo(NOW);
        assertThat(status(() -> c.acknowledge("debtor", NOW))).isEqualTo(409);
        assertThat(status(() -> c.dispute("after all", "debtor", NOW))).isEqualTo(409);
    }

    @Test
    void aPlanComesAfterTheAcknowledgementOnceAndSumsToTheCent() {
        ArrearsClaim c = claim("386000.00");
        assertThat(status(() -> c.agreePlan(plan("386000.00"), TODAY, "debtor", NOW))).isEqualTo(409);
        c.acknowledge("debtor", NOW);
        assertThatThrownBy(() -> c.agreePlan(plan("128666.67", "128666.67", "128666.67"), TODAY, "debtor", NOW))
                .isInstanceOf(ProblemException.class).hasMessageContaining("sum to 386000.01 but 386000.00 is outstanding");
        List<Planned> backwards = List.of(new Planned(TODAY.plusMonths(2), new BigDecimal("1.00")),
                new Planned(TODAY.plusMonths(1), new BigDecimal("385999.00")));
        assertThat(status(() -> c.agreePlan(backwards, TODAY, "debtor", NOW))).isEqualTo(400);
        List<Planned> past = List.of(new Planned(TODAY.minusDays(1), new BigDecimal("386000.00")));
        assertThatThrownBy(() -> c.agreePlan(past, TODAY, "debtor", NOW)).hasMessageContaining("instalments[0].due_date");
        assertThat(c.status).as("a refused plan changes nothing").isEqualTo(ArrearsStatus.ACKNOWLEDGED);
        List<ArrearsInstalment> agreed = c.agreePlan(plan("128666.67", "128666.67", "128666.66"), TODAY, "debtor", NOW);
        assertThat(agreed).extracting(i -> i.number).containsExactly(1, 2, 3);
        assertThat(agreed).allMatch(i -> i.claimId.equals(c.id) && i.paid.signum() == 0);
        assertThat(c.status).isEqualTo(ArrearsStatus.IN_SETTLEMENT);
        assertThat(status(() -> c.agreePlan(plan("386000.00"), TODAY, "debtor", NOW))).isEqualTo(409);
    }

    @Test
    void paymentsFillTheInstalmentsInOrderAndTheLastCentSettles() {
        ArrearsClaim c = claim("300.00");
        assertThat(status(() -> c.recordPayment(new BigDecimal("1.00"), List.of(), NOW))).isEqualTo(409);
        c.acknowledge("debtor", NOW);
        List<ArrearsInstalment> plan = c.agreePlan(plan("100.00", "100.00", "100.00"), TODAY, "debtor", NOW);
        assertThat(c.recordPayment(new BigDecimal("150.00"), plan, NOW)).isFalse();
        assertThat(plan).extracting(i -> i.paid.toPlainString()).containsExactly("100.00", "50.00", "0.00");
        assertThat(c.outstanding).isEqualByComparingTo("150.00");
        assertThat(c.paid()).isEqualByComparingTo("150.00");
        assertThat(plan.get(1).isOverdue(TODAY.plusMonths(3))).isTrue();
        assertThat(plan.get(0).isOverdue(TODAY.plusMonths(3))).as("paid in full").isFalse();
        assertThatThrownBy(() -> c.recordPayment(new BigDecimal("150.01"), plan, NOW))
                .hasMessageContaining("more than the 150.00 outstanding");
        assertThat(c.recordPayment(new BigDecimal("149.99"), plan, NOW)).isFalse();
        assertThat(c.recordPayment(new BigDecimal("0.01"), plan, NOW)).isTrue();
        assertThat(c.status).isEqualTo(ArrearsStatus.SETTLED);
        assertThat(c.settledAt).isEqualTo(NOW);
        assertThat(plan).allMatch(i -> i.paid.compareTo(i.amount) == 0);
        assertThat(status(() -> c.recordPayment(new BigDecimal("0.01"), plan, NOW))).isEqualTo(409);
    }

    @Test
    void daysOverdueCountFromTheDueDate() {
        ArrearsClaim c = claim("1.00");
        assertThat(c.daysOverdue(LocalDate.of(2020, 1, 30))).isEqualTo(30);
        assertThat(c.daysOverdue(LocalDate.of(2019, 12, 1))).isZero();
    }
}
