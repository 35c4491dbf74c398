package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Allocation's state machine as a plain object: each transition checks its own precondition. */
class AllocationTransitionsTest {

    static Allocation in(AllocationStatus status) {
        Allocation a = new Allocation();
        a.quantity = 60;
        a.status = status;
        return a;
    }

    static void refused(Runnable transition) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(409));
    }

    @Test
    void aProposalIsConfirmedOrDeclinedOnceAndTheSameAnswerAgainChangesNothing() {
        Allocation confirmed = in(AllocationStatus.PROPOSED);
        assertThat(confirmed.confirm()).isTrue();
        assertThat(confirmed.status).isEqualTo(AllocationStatus.CONFIRMED);
        assertThat(confirmed.confirm()).isFalse();
        refused(confirmed::decline);

        Allocation declined = in(AllocationStatus.PROPOSED);
        assertThat(declined.decline()).isTrue();
        assertThat(declined.decline()).isFalse();
        refused(declined::confirm);
        assertThat(declined.status).isEqualTo(AllocationStatus.DECLINED);
    }

    @Test
    void onlyAConfirmedAllocationShipsAndAPickUpReportedAgainChangesNothing() {
        refused(in(AllocationStatus.PROPOSED)::ship);
        refused(in(AllocationStatus.DELIVERED)::ship);
        Allocation a = in(AllocationStatus.CONFIRMED);
        assertThat(a.ship()).isTrue();
        assertThat(a.status).isEqualTo(AllocationStatus.IN_TRANSIT);
        assertThat(a.ship()).isFalse();
    }

    @Test
    void aDeliveryCountsWhatArrivedAtMostTheQuantityAndTheRestIsTheShortfall() {
        refused(() -> in(AllocationStatus.PROPOSED).deliver(60));
        Allocation shipped = in(AllocationStatus.IN_TRANSIT);
        assertThat(shipped.deliver(58)).isTrue();
        assertThat(shipped.delivered).isEqualTo(58);
        assertThat(shipped.shortfall()).isEqualTo(2);
        assertThat(shipped.deliver(60)).as("reported again").isFalse();
        assertThat(shipped.delivered).isEqualTo(58);

        Allocation confirmed = in(AllocationStatus.CONFIRMED);
        confirmed.deliver(70);
        assertThat(confirmed.delivered).isEqualTo(60);
        assertThat(confirmed.shortfall()).isZero();
    }

    @Test
    void onlyWhatHasNotShippedIsCancelled() {
        for (AllocationStatus open : new AllocationStatus[] { AllocationStatus.PROPOSED, AllocationStatus.CONFIRMED }) {
            Allocation a = in(open);
            a.cancel();
            assertThat(a.status).isEqualTo(AllocationStatus.CANCELLED);
        }
        refused(in(AllocationStatus.IN_TRANSIT)::cancel);
        refused(in(AllocationStatus.CANCELLED)::cancel);
    }
}
