package org.fugong.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The organisation's own state changes, as a plain object: each checks its precondition and says what changed. */
class EnterpriseTransitionsTest {

    static final Instant CREATED = Instant.parse("2020-02-20T08:00:00Z");
    static final Instant NOW = Instant.parse("2020-03-01T08:00:00Z");
    static final BigDecimal RESUMED_AT = new BigDecimal("80");

    static Enterprise enterprise(EnterpriseStatus status, ResumptionStatus resumption) {
        Enterprise e = new Enterprise();
        e.id = UUID.randomUUID();
        e.kind = OrganisationKind.ENTERPRISE;
        e.name = "武汉测试食品有限公司";
        e.regionCode = "420102";
        e.ownership = Ownership.PRIVATE;
        e.classify(Industry.FOOD, 200, new BigDecimal("50000000.00"));
        e.status = status;
        e.resumptionStatus = resumption;
        e.createdAt = CREATED;
        e.updatedAt = CREATED;
        return e;
    }

    static Enterprise.Details nothing() {
        return new Enterprise.Details(null, null, null, null, null, null, null, null);
    }

    static void assertProblem(Runnable change, int status) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.problem().status()).isEqualTo(status));
    }

    static final Enterprise.CountyMove ANY_COUNTY = code -> {
    };

    // --- status

    @ParameterizedTest
    @EnumSource(value = ResumptionStatus.class, names = { "RESUMING", "RESUMED" })
    void suspendingAnOrganisationAtWorkHaltsIt(ResumptionStatus atWork) {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, atWork);
        StatusTransition t = e.changeStatus(EnterpriseStatus.SUSPENDED, "  Confirmed case  ", NOW).orElseThrow();
        assertThat(t.previousStatus()).isEqualTo(EnterpriseStatus.ACTIVE);
        assertThat(t.halted()).contains(new ResumptionTransition(atWork, ResumptionCause.STATUS_SUSPENDED));
        assertThat(e.status).isEqualTo(EnterpriseStatus.SUSPENDED);
        assertThat(e.statusReason).isEqualTo("Confirmed case");
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.HALTED);
        assertThat(e.updatedAt).isEqualTo(NOW);
    }

    @Test
    void deregisteringAnOrganisationAtWorkHaltsItByDeregistration() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.RESUMED);
        StatusTransition t = e.changeStatus(EnterpriseStatus.DEREGISTERED, " ", NOW).orElseThrow();
        assertThat(t.halted()).contains(new ResumptionTransition(ResumptionStatus.RESUMED, ResumptionCause.STATUS_DEREGISTERED));
        assertThat(e.statusReason).as("a blank reason is no reason").isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ResumptionStatus.class, names = { "NOT_RESUMED", "HALTED" })
    void suspendingAnOrganisationNotAtWorkLeavesItsResumptionAlone(ResumptionStatus idle) {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, idle);
        StatusTransition t = e.changeStatus(EnterpriseStatus.SUSPENDED, "Inspection", NOW).orElseThrow();
        assertThat(t.halted()).isEmpty();
        assertThat(e.resumptionStatus).isEqualTo(idle);
    }

    @Test
    void reinstatingClearsTheReasonAndLeavesTheOrganisationHalted() {
        Enterprise e = enterprise(EnterpriseStatus.SUSPENDED, ResumptionStatus.HALTED);
        e.statusReason = "Confirmed case";
        StatusTransition t = e.changeStatus(EnterpriseStatus.ACTIVE, "All clear", NOW).orElseThrow();
        assertThat(t.previousStatus()).isEqualTo(EnterpriseStatus.SUSPENDED);
        assertThat(t.halted()).isEmpty();
        assertThat(e.statusReason).isNull();
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.HALTED);
    }

    @Test
    void theStatusItAlreadyHasChangesNothing() {
        Enterprise e = enterprise(EnterpriseStatus.SUSPENDED, ResumptionStatus.HALTED);
        e.statusReason = "Confirmed case";
        assertThat(e.changeStatus(EnterpriseStatus.SUSPENDED, null, NOW)).isEmpty();
        assertThat(e.statusReason).isEqualTo("Confirmed case");
        assertThat(e.updatedAt).isEqualTo(CREATED);
    }

    @Test
    void suspensionWithoutAReasonIs400AndChangesNothing() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.RESUMING);
        assertThatThrownBy(() -> e.changeStatus(EnterpriseStatus.SUSPENDED, "  ", NOW))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.problem().status()).isEqualTo(400);
                    assertThat(p.problem().errors()).extracting(f -> f.field()).containsExactly("reason");
                });
        assertThat(e.status).isEqualTo(EnterpriseStatus.ACTIVE);
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.RESUMING);
    }

    @Test
    void aDeregisteredRecordIsClosedToEveryChange() {
        Enterprise e = enterprise(EnterpriseStatus.DEREGISTERED, ResumptionStatus.HALTED);
        assertProblem(() -> e.changeStatus(EnterpriseStatus.ACTIVE, null, NOW), 409);
        assertProblem(() -> e.changeStatus(EnterpriseStatus.DEREGISTERED, null, NOW), 409);
        assertProblem(() -> e.markKeyEnterprise(true, NOW), 409);
        assertProblem(() -> e.applyChanges(nothing(), ANY_COUNTY, NOW), 409);
        assertThat(e.status).isEqualTo(EnterpriseStatus.DEREGISTERED);
        assertThat(e.keyEnterprise).isFalse();
    }

    // --- details

    @Test
    void changedDetailsAreNamedInOrderWithWhatTheyReclassify() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.NOT_RESUMED);
        Set<EnterpriseDetail> changed = e.applyChanges(new Enterprise.Details(" 新名字有限公司 ", Ownership.LOCAL_SOE, "420103",
                Industry.AUTOMOBILES, 1500, new BigDecimal("500000000"), "王小明", "13812345678"), ANY_COUNTY, NOW);
        assertThat(changed).containsExactly(EnterpriseDetail.NAME, EnterpriseDetail.OWNERSHIP, EnterpriseDetail.REGION_CODE,
                EnterpriseDetail.INDUSTRY, EnterpriseDetail.EMPLOYEES, EnterpriseDetail.ANNUAL_REVENUE,
                EnterpriseDetail.SIZE_CLASS, EnterpriseDetail.PRIORITY_TIER, EnterpriseDetail.CONTACT);
        assertThat(EnterpriseDetail.published(changed)).as("the contact person is personal data").containsExactly("name",
                "ownership", "region_code", "industry", "employees", "annual_revenue", "size_class", "priority_tier");
        assertThat(e.name).isEqualTo("新名字有限公司");
        assertThat(e.sizeClass).isEqualTo(SizeClass.LARGE);
        assertThat(e.priorityTier).isEqualTo(PriorityTier.KEY_INDUSTRY);
        assertThat(e.regionCode).isEqualTo("420103");
        assertThat(e.updatedAt).isEqualTo(NOW);
    }

    @Test
    void sendingTheCurrentValuesIsNoChange() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.NOT_RESUMED);
        e.contactName = "王小明";
        e.contactPhone = "13812345678";
        Enterprise.Details same = new Enterprise.Details(e.name + " ", e.ownership, e.regionCode, e.industry, e.employees,
                new BigDecimal("50000000"), "王小明", "13812345678");
        assertThat(e.reclassifiedBy(same)).isEmpty();
        assertThat(e.applyChanges(same, code -> {
            throw new AssertionError("no move to approve");
        }, NOW)).isEmpty();
        assertThat(e.updatedAt).isEqualTo(CREATED);
    }

    @Test
    void aReclassificationNamesTheFiguresThatDifferWithoutChangingThem() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.NOT_RESUMED);
        Enterprise.Details next = new Enterprise.Details(null, null, null, Industry.RETAIL, 200, new BigDecimal("1.00"),
                null, null);
        assertThat(e.reclassifiedBy(next)).containsExactly(EnterpriseDetail.INDUSTRY, EnterpriseDetail.ANNUAL_REVENUE);
        assertThat(e.industry).isEqualTo(Industry.FOOD);
    }

    @Test
    void aMoveToAnotherCountyIsApprovedFirstAndARefusalChangesNothing() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.NOT_RESUMED);
        List<String> asked = new ArrayList<>();
        Enterprise.CountyMove refuse = code -> {
            asked.add(code);
            throw ProblemException.forbidden("not yours");
        };
        assertProblem(() -> e.applyChanges(new Enterprise.Details("新名字有限公司", null, "110101", null, null, null, null,
                null), refuse, NOW), 403);
        assertThat(asked).containsExactly("110101");
        assertThat(e.regionCode).isEqualTo("420102");
        assertThat(e.name).isEqualTo("武汉测试食品有限公司");
    }

    @Test
    void theKeyEnterpriseFlagChangesOnlyWhenItDiffers() {
        Enterprise e = enterprise(EnterpriseStatus.SUSPENDED, ResumptionStatus.HALTED);
        assertThat(e.markKeyEnterprise(false, NOW)).isEmpty();
        assertThat(e.updatedAt).isEqualTo(CREATED);
        assertThat(e.markKeyEnterprise(true, NOW)).containsExactly(EnterpriseDetail.KEY_ENTERPRISE);
        assertThat(e.keyEnterprise).isTrue();
        assertThat(e.updatedAt).isEqualTo(NOW);
    }

    // --- resumption

    @ParameterizedTest
    @EnumSource(value = ResumptionStatus.class, names = { "NOT_RESUMED", "HALTED" })
    void anApprovedPlanStartsResumption(ResumptionStatus idle) {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, idle);
        assertThat(e.startResumption(NOW)).contains(new ResumptionTransition(idle, ResumptionCause.FILING_APPROVED));
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.RESUMING);
        assertThat(e.updatedAt).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = ResumptionStatus.class, names = { "RESUMING", "RESUMED" })
    void anApprovedPlanLeavesAnOrganisationAtWorkAsItIs(ResumptionStatus atWork) {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, atWork);
        assertThat(e.startResumption(NOW)).isEmpty();
        assertThat(e.resumptionStatus).isEqualTo(atWork);
        assertThat(e.updatedAt).isEqualTo(CREATED);
    }

    @Test
    void aSuspendedOrganisationStartsNothing() {
        Enterprise e = enterprise(EnterpriseStatus.SUSPENDED, ResumptionStatus.HALTED);
        assertProblem(() -> e.startResumption(NOW), 409);
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.HALTED);
    }

    @Test
    void theNewestReportSetsTheFiguresAndMovesTheStatus() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.RESUMING);
        Optional<ResumptionTransition> moved = e.takeReport(LocalDate.parse("2020-03-10"), 100, 90, new BigDecimal("85"),
                RESUMED_AT, NOW);
        assertThat(moved).contains(new ResumptionTransition(ResumptionStatus.RESUMING, ResumptionCause.RESUMPTION_REPORT));
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.RESUMED);
        assertThat(e.latestReportDate).isEqualTo(LocalDate.parse("2020-03-10"));
        assertThat(e.latestEmployeesTotal).isEqualTo(100);
        assertThat(e.latestEmployeesReturned).isEqualTo(90);
        assertThat(e.latestCapacityUtilisation).isEqualByComparingTo("85");
        assertThat(e.updatedAt).isEqualTo(NOW);
    }

    @Test
    void aReportThatKeepsTheStatusUpdatesTheFiguresOnly() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.RESUMING);
        assertThat(e.takeReport(LocalDate.parse("2020-03-10"), 100, 50, new BigDecimal("40"), RESUMED_AT, NOW)).isEmpty();
        assertThat(e.latestEmployeesReturned).isEqualTo(50);
        assertThat(e.updatedAt).as("as before: only a status move stamps the record").isEqualTo(CREATED);
    }

    @Test
    void aLateReportForAnEarlierDayChangesNeitherFiguresNorStatus() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.RESUMING);
        e.takeReport(LocalDate.parse("2020-03-10"), 100, 50, new BigDecimal("40"), RESUMED_AT, NOW);
        assertThat(e.takeReport(LocalDate.parse("2020-03-09"), 100, 100, new BigDecimal("95"), RESUMED_AT, NOW)).isEmpty();
        assertThat(e.latestReportDate).isEqualTo(LocalDate.parse("2020-03-10"));
        assertThat(e.latestEmployeesReturned).isEqualTo(50);
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.RESUMING);
    }

    @Test
    void aReportOfNoProductionAfterWorkHalts() {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, ResumptionStatus.RESUMED);
        assertThat(e.takeReport(LocalDate.parse("2020-03-10"), 100, 0, BigDecimal.ZERO, RESUMED_AT, NOW))
                .contains(new ResumptionTransition(ResumptionStatus.RESUMED, ResumptionCause.RESUMPTION_REPORT));
        assertThat(e.resumptionStatus).isEqualTo(ResumptionStatus.HALTED);
    }

    @ParameterizedTest
    @EnumSource(value = ResumptionStatus.class, names = { "NOT_RESUMED", "HALTED" })
    void reportsNeedAnApprovedPlanInForce(ResumptionStatus idle) {
        Enterprise e = enterprise(EnterpriseStatus.ACTIVE, idle);
        assertProblem(() -> e.takeReport(LocalDate.parse("2020-03-10"), 100, 50, new BigDecimal("40"), RESUMED_AT, NOW), 409);
        assertThat(e.latestReportDate).isNull();
    }

    @Test
    void aSuspendedOrganisationReportsNothing() {
        Enterprise e = enterprise(EnterpriseStatus.SUSPENDED, ResumptionStatus.RESUMING);
        assertProblem(() -> e.takeReport(LocalDate.parse("2020-03-10"), 100, 50, new BigDecimal("40"), RESUMED_AT, NOW), 409);
        assertThat(e.latestReportDate).isNull();
    }
}
