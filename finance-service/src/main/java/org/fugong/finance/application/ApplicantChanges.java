package org.fugong.finance.application;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.finance.organisation.Organisation;

/**
 * What a registry event about an applicant does to its applications not yet disbursed or ended, in
 * the event's own transaction: they are re-scored from the new facts; a SUSPENDED applicant's are put
 * ON_HOLD (its lenders see why: the registry's status and reason), a reinstated (ACTIVE) one's go back
 * to where they were, a DEREGISTERED one's are WITHDRAWN and free their receivables. A disbursed loan
 * runs on whatever happens to its borrower: the debt is owed all the same.
 */
@ApplicationScoped
public class ApplicantChanges {

    static final EnumSet<ApplicationStatus> LIVE = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED, ApplicationStatus.ON_HOLD);

    @Inject
    ApplicationService applications;

    @Transactional(Transactional.TxType.MANDATORY)
    public void registryChanged(UUID organisationId) {
        Organisation o = Organisation.findById(organisationId);
        if (o == null) {
            return;
        }
        List<FinancingApplication> live = FinancingApplication.<FinancingApplication>find(
                "applicantOrgId = ?1 and status in ?2 order by id", organisationId, LIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = Instant.now();
        String why = "Enterprise " + o.status + " in the registry"
                + (o.statusReason == null || o.statusReason.isBlank() ? "" : ": " + o.statusReason);
        for (FinancingApplication a : live) {
            ApplicationStatus before = a.status;
            applications.rescore(a, o);
            switch (o.status) {
                case "SUSPENDED" -> a.hold(why, now);
                case "DEREGISTERED" -> a.withdraw(why, now);
                default -> a.resume(now);
            }
            applications.settled(a, before);
        }
    }
}
