package org.fugong.registry.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.fugong.platform.problem.ProblemException;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.EnterpriseStatus;
import org.fugong.registry.enterprise.Industry;
import org.fugong.registry.enterprise.PriorityTier;
import org.fugong.registry.enterprise.ResumptionStatus;
import org.fugong.registry.region.RiskLevel;
import org.junit.jupiter.api.Test;

/** A filing's decision and review, as a plain object. */
class ResumptionFilingTest {

    static final Instant FILED = Instant.parse("2020-02-28T08:00:00Z");
    static final Instant REVIEWED = Instant.parse("2020-03-01T08:00:00Z");
    static final PreventionMeasures ALL = new PreventionMeasures(true, true, true, true, true, true);
    static final PreventionMeasures NO_PLAN = new PreventionMeasures(true, true, true, true, true, false);

    static Enterprise enterprise(Industry industry, EnterpriseStatus status) {
        Enterprise e = new Enterprise();
        e.id = UUID.randomUUID();
        e.classify(industry, 200, new BigDecimal("50000000.00"));
        e.status = status;
        e.resumptionStatus = ResumptionStatus.NOT_RESUMED;
        return e;
    }

    static ResumptionFiling pending(Enterprise e) {
        ResumptionFiling f = ResumptionFiling.file(e.id, LocalDate.parse("2020-03-02"), 100, NO_PLAN, RiskLevel.MEDIUM,
                e.priorityTier, FILED);
        assertThat(f.status).isEqualTo(FilingStatus.PENDING_REVIEW);
        return f;
    }

    static void assertConflict(Runnable change, String detail) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.problem().status()).isEqualTo(409);
            assertThat(p.problem().detail()).contains(detail);
        });
    }

    @Test
    void aFilingIsDecidedAsItIsFiledAndKeepsWhatItWasDecidedBy() {
        UUID enterprise = UUID.randomUUID();
        ResumptionFiling f = ResumptionFiling.file(enterprise, LocalDate.parse("2020-03-02"), 120, ALL, RiskLevel.MEDIUM,
                PriorityTier.KEY_INDUSTRY, FILED);
        assertThat(f.id).isNotNull();
        assertThat(f.enterpriseId).isEqualTo(enterprise);
        assertThat(f.status).isEqualTo(FilingStatus.APPROVED);
        assertThat(f.isApproved()).isTrue();
        assertThat(f.rule).isEqualTo(FilingDecision.MEDIUM_READY);
        assertThat(f.regionRiskLevel).isEqualTo(RiskLevel.MEDIUM);
        assertThat(f.priorityTier).isEqualTo(PriorityTier.KEY_INDUSTRY);
        assertThat(f.measures()).isEqualTo(ALL);
        assertThat(f.workforce).isEqualTo(120);
        assertThat(f.filedAt).isEqualTo(FILED);
        assertThat(f.reviewedAt).isNull();
    }

    @Test
    void approvalRecordsTheReviewAgainstTheCountysLevelNow() {
        Enterprise e = enterprise(Industry.AUTOMOBILES, EnterpriseStatus.ACTIVE);
        ResumptionFiling f = pending(e);
        f.approve(e, RiskLevel.LOW, "authority-42", "Site inspected", REVIEWED);
        assertThat(f.status).isEqualTo(FilingStatus.APPROVED);
        assertThat(f.reviewRiskLevel).isEqualTo(RiskLevel.LOW);
        assertThat(f.reviewedBy).isEqualTo("authority-42");
        assertThat(f.reviewNote).isEqualTo("Site inspected");
        assertThat(f.reviewedAt).isEqualTo(REVIEWED);
        assertThat(f.regionRiskLevel).as("what it was filed against stays").isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aCountyTurnedHighForbidsApprovingAnOrdinaryEnterpriseAndTheFilingStaysPending() {
        Enterprise e = enterprise(Industry.AUTOMOBILES, EnterpriseStatus.ACTIVE);
        ResumptionFiling f = pending(e);
        assertConflict(() -> f.approve(e, RiskLevel.HIGH, "authority-42", null, REVIEWED), FilingDecision.HIGH_REJECTED);
        assertThat(f.status).isEqualTo(FilingStatus.PENDING_REVIEW);
        assertThat(f.reviewedAt).isNull();
        f.reject(RiskLevel.HIGH, "authority-42", "County is high risk", REVIEWED);
        assertThat(f.status).isEqualTo(FilingStatus.REJECTED);
        assertThat(f.reviewRiskLevel).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void anEssentialEnterpriseMayStillBeApprovedInAHighRiskCounty() {
        Enterprise e = enterprise(Industry.FOOD, EnterpriseStatus.ACTIVE);
        ResumptionFiling f = pending(e);
        f.approve(e, RiskLevel.HIGH, "authority-42", null, REVIEWED);
        assertThat(f.status).isEqualTo(FilingStatus.APPROVED);
    }

    @Test
    void aSuspendedOrganisationsFilingCannotBeApprovedButCanBeRejected() {
        Enterprise e = enterprise(Industry.AUTOMOBILES, EnterpriseStatus.SUSPENDED);
        ResumptionFiling f = pending(e);
        assertConflict(() -> f.approve(e, RiskLevel.LOW, "authority-42", null, REVIEWED), "SUSPENDED");
        assertThat(f.status).isEqualTo(FilingStatus.PENDING_REVIEW);
        f.reject(RiskLevel.LOW, "authority-42", null, REVIEWED);
        assertThat(f.status).isEqualTo(FilingStatus.REJECTED);
    }

    @Test
    void aDecidedFilingIsDecidedOnce() {
        Enterprise e = enterprise(Industry.AUTOMOBILES, EnterpriseStatus.ACTIVE);
        ResumptionFiling f = pending(e);
        f.reject(RiskLevel.LOW, "authority-42", "first", REVIEWED);
        assertConflict(() -> f.approve(e, RiskLevel.LOW, "authority-11", "second", REVIEWED.plusSeconds(60)),
                "already decided: REJECTED");
        assertConflict(() -> f.reject(RiskLevel.LOW, "authority-11", "second", REVIEWED.plusSeconds(60)),
                "already decided: REJECTED");
        assertThat(f.reviewNote).isEqualTo("first");
        assertThat(f.reviewedBy).isEqualTo("authority-42");
    }
}
