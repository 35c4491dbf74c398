package org.fugong.supply.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** SupplyRequest's state follows its quantities; its cancellation checks its own precondition. */
class SupplyRequestTransitionsTest {

    static SupplyRequest open(long quantity) {
        SupplyRequest r = new SupplyRequest();
        r.quantity = quantity;
        r.status = RequestStatus.OPEN;
        return r;
    }

    @Test
    void theStatusFollowsWhatIsAllocatedAndWhatArrived() {
        SupplyRequest r = open(60);
        r.allocate(20);
        assertThat(r.status).isEqualTo(RequestStatus.PARTIALLY_ALLOCATED);
        r.allocate(40);
        assertThat(r.status).isEqualTo(RequestStatus.ALLOCATED);
        r.release(40);
        assertThat(r.status).isEqualTo(RequestStatus.PARTIALLY_ALLOCATED);
        r.release(20);
        assertThat(r.status).isEqualTo(RequestStatus.OPEN);

        r.allocate(60);
        r.received(58, 2);
        assertThat(r.allocated).isEqualTo(58);
        assertThat(r.status).as("the 2 lost on the way are needed again").isEqualTo(RequestStatus.PARTIALLY_ALLOCATED);
        r.allocate(2);
        r.received(2, 0);
        assertThat(r.status).isEqualTo(RequestStatus.FULFILLED);
    }

    @Test
    void aCancellationIsRefusedOnceSomethingShippedAndAskingAgainChangesNothing() {
        SupplyRequest r = open(10);
        assertThatThrownBy(() -> r.canBeCancelled(true)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThat(r.canBeCancelled(false)).isTrue();
        r.cancel(false);
        assertThat(r.status).isEqualTo(RequestStatus.CANCELLED);
        assertThat(r.canBeCancelled(false)).isFalse();
        r.allocate(5);
        assertThat(r.status).as("a cancelled request stays cancelled").isEqualTo(RequestStatus.CANCELLED);

        SupplyRequest fulfilled = open(10);
        fulfilled.allocate(10);
        fulfilled.received(10, 0);
        assertThatThrownBy(() -> fulfilled.cancel(false)).isInstanceOf(ProblemException.class);
    }
}
