package org.fugong.finance.application;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.fugong.finance.FinanceAccess;
import org.fugong.finance.application.api.Money;
import org.fugong.finance.application.api.QueueItem;
import org.fugong.finance.organisation.Organisation;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;

/**
 * A lender's review queue: the applications awaiting its answer (its part PENDING, UNDER_REVIEW or
 * RECOMMENDED, the application not yet accepted or ended — on hold included, with why), highest
 * priority score first, then oldest first (ids are time-ordered). Keyset pages over (score, id): a
 * page continues strictly after the last (score, id) shown, so applications arriving meanwhile never
 * shift a page; one re-scored by a registry event between two pages may appear on both or neither.
 */
@ApplicationScoped
public class ReviewQueue {

    static final EnumSet<ApplicationStatus> QUEUED = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.UNDER_REVIEW, ApplicationStatus.OFFERED, ApplicationStatus.ON_HOLD);

    @Inject
    FinanceAccess access;

    @Inject
    ApplicationService applications;

    @Inject
    EntityManager em;

    public Page<QueueItem> of(Caller caller, UUID lenderOrgId, String cursor, int limit) {
        Organisation lender = lenderOrgId == null ? null : Organisation.findById(lenderOrgId);
        if (lender == null || !Organisation.FINANCIAL_INSTITUTION.equals(lender.kind)
                || !access.seesQueueOf(caller, lenderOrgId)) {
            throw ProblemException.notFound("The review queue of lender " + lenderOrgId);
        }
        After after = After.decode(cursor);
        String jpql = "select l from LenderReview l join fetch l.application a where l.lenderOrgId = :lender"
                + " and l.status in :awaiting and a.status in :queued"
                + (after == null ? "" : " and (a.priorityScore < :score or (a.priorityScore = :score and a.id > :id))")
                + " order by a.priorityScore desc, a.id";
        TypedQuery<LenderReview> query = em.createQuery(jpql, LenderReview.class).setParameter("lender", lenderOrgId)
                .setParameter("awaiting", LenderStatus.AWAITING).setParameter("queued", QUEUED)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("score", after.score()).setParameter("id", after.id());
        }
        List<LenderReview> rows = query.getResultList();
        List<UUID> applicants = rows.stream().map(l -> l.application.applicantOrgId).distinct().toList();
        Map<UUID, Organisation> names = applicants.isEmpty() ? Map.of()
                : Organisation.<Organisation>list("id in ?1", applicants).stream()
                        .collect(Collectors.toMap(o -> o.id, Function.identity()));
        return Page.of(rows, limit, l -> item(l, names.get(l.application.applicantOrgId)),
                l -> l.application.priorityScore + ":" + l.application.id);
    }

    private QueueItem item(LenderReview l, Organisation applicant) {
        FinancingApplication a = l.application;
        return new QueueItem(a.id, a.applicantOrgId, applicant == null ? null : applicant.name, a.product,
                Money.cents(a.amount), a.termMonths, a.daysOfCashLeft, a.status, l.status, a.holdReason, a.createdAt,
                applications.priority(a));
    }

    /** The (score, id) a page continues after. */
    record After(int score, UUID id) {
        static After decode(String cursor) {
            String key = Cursor.decode(cursor);
            if (key == null) {
                return null;
            }
            int colon = key.indexOf(':');
            try {
                return new After(Integer.parseInt(key.substring(0, colon)), UUID.fromString(key.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor from a previous page");
            }
        }
    }
}
