package org.fugong.finance.receivable;

import java.time.Instant;
import java.util.List;
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
     * Pledges the receivable to the application, before the lender — or, with {@code lenderOrgId}
     * null, before every lender the application was sent to until its applicant accepts one offer
     * ({@link #assignLender}). Joins the caller's transaction (the application's submission), so the
     * pledge commits with it or not at all.
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
        if (lenderOrgId != null) {
            Organisation lender = Organisation.findById(lenderOrgId);
            if (lender == null || !Organisation.FINANCIAL_INSTITUTION.equals(lender.kind)) {
                throw ProblemException.conflict("The lender is not a financial institution known to the registry");
            }
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
                throw ProblemException.conflict("receivable_ids",
                        "receivable " + receivableId + " already backs a live financing application");
            }
            throw failure;
        }
        return p;
    }

    /** The applicant accepted this lender's offer: the application's live pledges are now before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignLender(UUID applicationId, UUID lenderOrgId) {
        return ReceivablePledge.update("lenderOrgId = ?1 where applicationId = ?2 and status = ?3", lenderOrgId,
                applicationId, ReceivablePledge.Status.LIVE);
    }

    /**
     * The application ended (refused, withdrawn, lapsed or repaid): its receivables are free to back
     * another. The rows stay, RELEASED, as the registry's history.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int releaseAll(UUID applicationId, Instant at) {
        return ReceivablePledge.update("status = ?1, releasedAt = ?2 where applicationId = ?3 and status = ?4",
                ReceivablePledge.Status.RELEASED, at, applicationId, ReceivablePledge.Status.LIVE);
    }

    /** The receivables each application is (or was) backed by, in one query for a page of applications. */
    public static List<Object[]> receivablesOf(List<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return ReceivablePledge.getEntityManager().createQuery(
                "select p.applicationId, p.receivableId from ReceivablePledge p where p.applicationId in ?1"
                        + " order by p.receivableId", Object[].class)
                .setParameter(1, applicationIds).getResultList();
    }
}
