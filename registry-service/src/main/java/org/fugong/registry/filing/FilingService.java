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
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.EnterpriseAccess;
import org.fugong.registry.enterprise.EnterpriseService;
import org.fugong.registry.enterprise.OwnedRecords;
import org.fugong.registry.enterprise.ResumptionStatus;
import org.fugong.registry.filing.api.FileResumption;
import org.fugong.registry.filing.api.FilingReview;
import org.fugong.registry.filing.api.FilingView;
import org.fugong.registry.region.Region;
import org.fugong.registry.region.RegionService;
import org.fugong.registry.region.RiskLevel;

import io.quarkus.hibernate.orm.panache.Panache;

@ApplicationScoped
public class FilingService {

    @Inject
    EnterpriseService enterprises;

    @Inject
    EnterpriseAccess access;

    @Inject
    OwnedRecords owned;

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
            EnterpriseService.requireActive(e);
            Region county = regions.get(e.regionCode);
            FilingDecision decision = FilingDecision.decide(county.riskLevel, e.priorityTier,
                    request.measures().allInPlace());
            ResumptionFiling f = new ResumptionFiling();
            f.id = UuidV7.next();
            f.enterpriseId = e.id;
            f.plannedDate = request.plannedDate();
            f.workforce = request.workforce();
            PreventionMeasures m = request.measures();
            f.ventilation = m.ventilation();
            f.disinfection = m.disinfection();
            f.temperatureChecks = m.temperatureChecks();
            f.sanitaryFacilities = m.sanitaryFacilities();
            f.healthMonitoring = m.healthMonitoring();
            f.emergencyPlan = m.emergencyPlan();
            f.regionRiskLevel = county.riskLevel;
            f.priorityTier = e.priorityTier;
            f.status = decision.status();
            f.rule = decision.rule();
            f.filedAt = Instant.now();
            f.persistAndFlush();
            if (f.status == FilingStatus.APPROVED) {
                startResumption(e, "FILING_APPROVED");
            }
            return new Created<>(URI.create("/api/v1/enterprises/" + e.id + "/resumption-filings/" + f.id),
                    FilingView.of(f), null);
        });
    }

    public Page<FilingView> list(Caller caller, UUID enterpriseId, String cursor, int limit) {
        enterprises.visible(caller, enterpriseId);
        List<ResumptionFiling> rows = owned.page(ResumptionFiling.class, enterpriseId, Cursor.decodeUuid(cursor), limit);
        return Page.of(rows, limit, FilingView::of, f -> f.id.toString());
    }

    public ResumptionFiling get(Caller caller, UUID enterpriseId, UUID filingId) {
        enterprises.visible(caller, enterpriseId);
        return owned.one(ResumptionFiling.class, enterpriseId, filingId, "Resumption filing");
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
        ResumptionFiling f = owned.one(ResumptionFiling.class, enterpriseId, filingId, "Resumption filing");
        if (review.decision() == FilingStatus.PENDING_REVIEW) {
            throw ProblemException.invalid("decision", "must be APPROVED or REJECTED");
        }
        if (f.status != FilingStatus.PENDING_REVIEW) {
            throw ProblemException.conflict("The filing was already decided: " + f.status);
        }
        RiskLevel risk = regions.get(e.regionCode).riskLevel;
        if (review.decision() == FilingStatus.APPROVED) {
            EnterpriseService.requireActive(e);
            FilingDecision.forbidsApproval(risk, e.priorityTier).ifPresent(rule -> {
                throw ProblemException.conflict("The county is " + risk + " now and " + rule
                        + " applies: this plan can only be rejected");
            });
        }
        f.status = review.decision();
        f.reviewRiskLevel = risk;
        f.reviewNote = review.note();
        f.reviewedBy = caller.subject();
        f.reviewedAt = Instant.now();
        Panache.getEntityManager().flush();
        if (f.status == FilingStatus.APPROVED) {
            startResumption(e, "FILING_APPROVED");
        }
        return f;
    }

    private void startResumption(Enterprise e, String cause) {
        if (e.resumptionStatus == ResumptionStatus.NOT_RESUMED || e.resumptionStatus == ResumptionStatus.HALTED) {
            enterprises.moveResumption(e, ResumptionStatus.RESUMING, cause);
        }
    }
}
