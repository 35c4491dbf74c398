package org.fugong.registry.filing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.EnterpriseAccess;
import org.fugong.registry.enterprise.EnterpriseService;
import org.fugong.registry.filing.api.FileResumption;
import org.fugong.registry.filing.api.FilingReview;
import org.fugong.registry.filing.api.FilingView;
import org.fugong.registry.region.RegionService;
import org.fugong.registry.region.RiskLevel;

@ApplicationScoped
public class FilingService {

    @Inject
    EnterpriseService enterprises;

    @Inject
    EnterpriseAccess access;

    @Inject
    RegionService regions;

    @Inject
    IdempotencyKeys idempotency;

    @Transactional
    public IdempotentResponse file(Caller caller, UUID enterpriseId, FileResumption request, String idempotencyKey) {
        Enterprise e = enterprises.forUpdate(caller, enterpriseId);
        access.requireOwner(caller, e);
        String scope = caller.subject() + " POST /api/v1/enterprises/" + enterpriseId + "/resumption-filings";
        return idempotency.run(idempotencyKey, scope, request, () -> {
            e.requireActive();
            Instant now = Instant.now();
            ResumptionFiling f = ResumptionFiling.file(e.id, request.plannedDate(), request.workforce(),
                    request.measures(), regions.get(e.regionCode).riskLevel, e.priorityTier, now);
            f.persistAndFlush();
            if (f.isApproved()) {
                enterprises.recordResumption(e, e.startResumption(now));
            }
            return new Created<>(URI.create("/api/v1/enterprises/" + e.id + "/resumption-filings/" + f.id),
                    FilingView.of(f), null);
        });
    }

    public Page<FilingView> list(Caller caller, UUID enterpriseId, String cursor, int limit) {
        enterprises.visible(caller, enterpriseId);
        List<ResumptionFiling> rows = ResumptionFiling.page(enterpriseId, Cursor.decodeUuid(cursor), limit);
        return Page.of(rows, limit, FilingView::of, f -> f.id.toString());
    }

    public ResumptionFiling get(Caller caller, UUID enterpriseId, UUID filingId) {
        enterprises.visible(caller, enterpriseId);
        return ResumptionFiling.ofEnterprise(enterpriseId, filingId);
    }

    /**
     * An authority covering the enterprise decides a filing that waits for review, by the county's
     * level now: a plan filed while the county was MEDIUM is not approved once it is HIGH unless the
     * enterprise is essential.
     */
    @Transactional
    public ResumptionFiling review(Caller caller, UUID enterpriseId, UUID filingId, FilingReview review) {
        // The enterprise's row lock serialises every change of its filings: the filing read next is current.
        Enterprise e = enterprises.forUpdate(caller, enterpriseId);
        access.requireAuthorityOver(caller, e);
        ResumptionFiling f = ResumptionFiling.ofEnterprise(enterpriseId, filingId);
        RiskLevel risk = regions.get(e.regionCode).riskLevel;
        Instant now = Instant.now();
        switch (review.decision()) {
            case APPROVED -> f.approve(e, risk, caller.subject(), review.note(), now);
            case REJECTED -> f.reject(risk, caller.subject(), review.note(), now);
            case PENDING_REVIEW -> throw ProblemException.invalid("decision", "must be APPROVED or REJECTED");
        }
        ResumptionFiling.flush();
        if (f.isApproved()) {
            enterprises.recordResumption(e, e.startResumption(now));
        }
        return f;
    }
}
