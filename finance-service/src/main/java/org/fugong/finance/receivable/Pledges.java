package org.fugong.finance.receivable;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.fugong.finance.organisation.Organisation;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The pledge registry: a confirmed receivable backs at most one live financing application. The
 * database's partial unique index decides, not a read before the write, so that of two applications
 * racing for the same receivable exactly one wins and the other is a 409.
 */
@ApplicationScoped
public class Pledges {

    static final String ONE_LIVE_PLEDGE = "receivable_pledge_one_live";

    /**
     * Pledges the receivable to the application, sent to the lender. Joins the caller's transaction
     * (the application's submission, when there is one), so the pledge commits with it or not at all.
     */
    @Transactional
    public ReceivablePledge pledge(UUID receivableId, UUID applicationId, UUID lenderOrgId) {
        Receivable r = Receivable.findById(receivableId);
        if (r == null) {
            throw ProblemException.notFound("Receivable " + receivableId);
        }
        if (!r.canBackFinancing()) {
            throw ProblemException.conflict("The receivable is " + r.status + "; only a confirmed one can back financing");
        }
        Organisation lender = Organisation.findById(lenderOrgId);
        if (lender == null || !Organisation.FINANCIAL_INSTITUTION.equals(lender.kind)) {
            throw ProblemException.conflict("The lender is not a financial institution known to the registry");
        }
        ReceivablePledge p = new ReceivablePledge();
        p.id = UuidV7.next();
        p.receivableId = receivableId;
        p.applicationId = applicationId;
        p.lenderOrgId = lenderOrgId;
        p.status = ReceivablePledge.Status.LIVE;
        p.pledgedAt = Instant.now();
        try {
            p.persistAndFlush();
        } catch (PersistenceException failure) {
            if (failure instanceof ConstraintViolationException violation
                    && ONE_LIVE_PLEDGE.equals(violation.getConstraintName())) {
                throw ProblemException.conflict("The receivable already backs a live financing application");
            }
            throw failure;
        }
        return p;
    }
}
