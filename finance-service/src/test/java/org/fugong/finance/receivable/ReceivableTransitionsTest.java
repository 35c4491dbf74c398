package org.fugong.finance.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The receivable's state machine alone: what the debtor may answer when, and what backs financing. */
class ReceivableTransitionsTest {

    static final Instant NOW = Instant.parse("2020-03-02T02:00:00Z");

    static Receivable awaiting() {
        Receivable r = new Receivable();
        r.status = ReceivableStatus.AWAITING_CONFIRMATION;
        return r;
    }

    @Test
    void aConfirmationRecordsWhoAndWhenAndMakesItFinanceable() {
        Receivable r = awaiting();
        assertThat(r.canBackFinancing()).isFalse();
        r.confirm("debtor-clerk", NOW);
        assertThat(r.status).isEqualTo(ReceivableStatus.CONFIRMED);
        assertThat(r.decidedBy).isEqualTo("debtor-clerk");
        assertThat(r.decidedAt).isEqualTo(NOW);
        assertThat(r.canBackFinancing()).isTrue();
    }

    @Test
    void aConfirmationIsFinal() {
        Receivable r = awaiting();
        r.confirm("a", NOW);
        assertThatThrownBy(() -> r.confirm("a", NOW)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(409));
        assertThatThrownBy(() -> r.dispute("changed our mind", "a", NOW)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(409));
        assertThat(r.status).isEqualTo(ReceivableStatus.CONFIRMED);
    }

    @Test
    void aDisputeKeepsItsReasonAndMayBeSettledByAConfirmationButNotDisputedTwice() {
        Receivable r = awaiting();
        r.dispute("Lot 2 not delivered", "b", NOW);
        assertThat(r.status).isEqualTo(ReceivableStatus.DISPUTED);
        assertThat(r.disputeReason).isEqualTo("Lot 2 not delivered");
        assertThat(r.canBackFinancing()).isFalse();
        assertThatThrownBy(() -> r.dispute("again", "b", NOW)).isInstanceOf(ProblemException.class);
        r.confirm("b", NOW.plusSeconds(60));
        assertThat(r.status).isEqualTo(ReceivableStatus.CONFIRMED);
        assertThat(r.disputeReason).isNull();
        assertThat(r.decidedAt).isEqualTo(NOW.plusSeconds(60));
    }
}
