package org.fugong.supply.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** SupplyOffer's state follows what its allocations take, give back and decline. */
class SupplyOfferTransitionsTest {

    static SupplyOffer open(long quantity) {
        SupplyOffer o = new SupplyOffer();
        o.quantity = quantity;
        o.status = OfferStatus.OPEN;
        return o;
    }

    @Test
    void exhaustedWhenAllIsAllocatedAndOpenAgainWhenSomeComesBack() {
        SupplyOffer o = open(40);
        o.allocate(40);
        assertThat(o.status).isEqualTo(OfferStatus.EXHAUSTED);
        o.release(10);
        assertThat(o.status).isEqualTo(OfferStatus.OPEN);
        assertThat(o.free()).isEqualTo(10);
    }

    @Test
    void aDeclinedQuantityIsNoLongerOfferedAndNothingLeftIsWithdrawn() {
        SupplyOffer o = open(40);
        o.allocate(30);
        o.takeOffDeclined(30);
        assertThat(o.quantity).isEqualTo(10);
        assertThat(o.allocated).isZero();
        assertThat(o.status).isEqualTo(OfferStatus.OPEN);
        o.allocate(10);
        o.takeOffDeclined(10);
        assertThat(o.status).isEqualTo(OfferStatus.WITHDRAWN);
    }

    @Test
    void withdrawnOnceAndAnExpiredOfferKeepsWhatComesBack() {
        SupplyOffer o = open(40);
        assertThat(o.withdraw()).isTrue();
        assertThat(o.withdraw()).isFalse();

        SupplyOffer expiring = open(40);
        expiring.expiryDate = LocalDate.of(2020, 2, 1);
        expiring.allocate(40);
        assertThat(expiring.expire(LocalDate.of(2020, 2, 2))).isTrue();
        expiring.release(40);
        assertThat(expiring.status).isEqualTo(OfferStatus.EXPIRED);
    }
}
