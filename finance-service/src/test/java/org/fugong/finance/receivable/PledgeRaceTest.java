package org.fugong.finance.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pledge registry under contention: two applications to two lenders race for the same
 * confirmed receivable, released together by a barrier, many times over. Exactly one pledge wins
 * each race; the other is a 409, never a 500 and never a second live pledge.
 */
@QuarkusTest
@FinanceTest
class PledgeRaceTest {

    static final int RACES = 20;

    @Inject
    Pledges pledges;

    @Inject
    EntityManager em;

    @Test
    void ofTwoApplicationsRacingForOneReceivableExactlyOneWins() throws Exception {
        Known creditor = RegistryFeed.sme();
        Known debtor = RegistryFeed.large();
        Known bankA = RegistryFeed.organisation("FINANCIAL_INSTITUTION", "LARGE", "110101", "ACTIVE");
        Known bankB = RegistryFeed.organisation("FINANCIAL_INSTITUTION", "LARGE", "310101", "ACTIVE");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < RACES; race++) {
                UUID receivable = UUID.fromString(Api.confirmed(creditor.id(), debtor, "1000.00"));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<Integer>> contenders = new ArrayList<>();
                for (Known bank : List.of(bankA, bankB)) {
                    contenders.add(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            pledges.pledge(receivable, UUID.randomUUID(), bank.id());
                            return 200;
                        } catch (ProblemException e) {
                            return e.problem().status();
                        }
                    });
                }
                List<Integer> outcomes = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(contenders)) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("race %d", race).containsExactlyInAnyOrder(200, 409);
                assertThat(livePledges(receivable)).as("race %d", race).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyAConfirmedReceivableBeforeAKnownLenderIsPledged() {
        Known creditor = RegistryFeed.sme();
        Known debtor = RegistryFeed.large();
        Known bank = RegistryFeed.organisation("FINANCIAL_INSTITUTION", "LARGE", "110101", "ACTIVE");
        UUID awaiting = UUID.fromString(Api.recorded(creditor.id(), debtor.uscc(), "10.00"));
        assertThatThrownBy(() -> pledges.pledge(awaiting, UUID.randomUUID(), bank.id()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("AWAITING_CONFIRMATION");
        UUID confirmed = UUID.fromString(Api.confirmed(creditor.id(), debtor, "10.00"));
        assertThatThrownBy(() -> pledges.pledge(confirmed, UUID.randomUUID(), debtor.id()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("not a financial institution");
        assertThatThrownBy(() -> pledges.pledge(UUID.randomUUID(), UUID.randomUUID(), bank.id()))
                .isInstanceOf(ProblemException.class).satisfies(e -> assertThat(((ProblemException) e).problem().status())
                        .isEqualTo(404));
        assertThat(livePledges(awaiting) + livePledges(confirmed)).isZero();
    }

    long livePledges(UUID receivable) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM receivable_pledge WHERE receivable_id = :r AND status = 'LIVE'")
                .setParameter("r", receivable).getSingleResult()).longValue());
    }
}
