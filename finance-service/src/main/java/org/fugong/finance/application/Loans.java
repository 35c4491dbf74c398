package org.fugong.finance.application;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.finance.FinanceAccess;
import org.fugong.finance.application.ApplicationService.Visible;
import org.fugong.finance.application.api.Disbursement;
import org.fugong.finance.application.api.LoanView;
import org.fugong.finance.application.api.NewRepayment;
import org.fugong.finance.application.api.RepaymentView;
import org.fugong.finance.application.api.ScheduleView;
import org.fugong.finance.application.api.ScheduleView.InstalmentStatus;
import org.fugong.finance.application.api.ScheduleView.InstalmentView;
import org.fugong.finance.policy.PolicyService;
import org.fugong.finance.policy.api.SubsidyTerms;
import org.fugong.finance.schedule.InterestSubsidy;
import org.fugong.finance.schedule.RepaymentSchedule;
import org.fugong.finance.schedule.SubsidyConfig;
import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;

/**
 * The loan once the accepted lender pays it out: its schedule (by the accepted offer's method,
 * stored when disbursed, with the interest subsidy's split of each instalment's interest when an
 * INTEREST_SUBSIDY policy grants one to the special relending's loan), the repayments
 * recorded against its instalments, and REPAID when the last is paid.
 */
@ApplicationScoped
public class Loans {

    /** The 2020 measures began then; a disbursement recorded earlier is a typing mistake. */
    static final LocalDate EARLIEST_DISBURSEMENT = LocalDate.of(2020, 1, 1);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    ApplicationService applications;

    @Inject
    FinanceAccess access;

    @Inject
    SubsidyConfig subsidy;

    @Inject
    PolicyService policies;

    @Inject
    IdempotencyKeys idempotency;

    @Transactional
    public Visible disburse(Caller caller, UUID id, Disbursement body) {
        Visible v = applications.locked(caller, id);
        FinancingApplication a = v.application();
        UUID lender = access.actingLender(caller, a);
        LocalDate today = applications.today();
        LocalDate on = body.disbursedOn() == null ? today : body.disbursedOn();
        if (on.isAfter(today)) {
            throw ProblemException.invalid("disbursed_on", "is in the future");
        }
        if (on.isBefore(EARLIEST_DISBURSEMENT)) {
            throw ProblemException.invalid("disbursed_on", "is before " + EARLIEST_DISBURSEMENT);
        }
        ApplicationStatus before = a.status;
        Offer offer = a.disburse(lender, on, subsidyFor(a, on), caller.subject(), Instant.now());
        List<RepaymentSchedule.Instalment> schedule = RepaymentSchedule.of(offer.repaymentMethod(), offer.amount(),
                offer.annualRate(), offer.termMonths(), on);
        List<InterestSubsidy.Split> splits = InterestSubsidy.split(schedule, on,
                a.subsidy().map(LoanSubsidy::terms).orElse(null));
        for (int k = 0; k < schedule.size(); k++) {
            RepaymentSchedule.Instalment i = schedule.get(k);
            LoanInstalment row = new LoanInstalment();
            row.applicationId = a.id;
            row.number = i.number();
            row.dueDate = i.dueDate();
            row.principal = i.principal();
            row.interest = i.interest();
            row.payment = i.payment();
            row.remainingPrincipal = i.remainingPrincipal();
            row.subsidyInterest = splits.get(k).subsidy();
            row.borrowerInterest = splits.get(k).borrower();
            row.paid = ZERO;
            row.persist();
        }
        applications.settled(a, before);
        return v;
    }

    /**
     * The one place deciding a loan's interest subsidy: a working-capital loan admitted under the
     * special relending gets the terms of the INTEREST_SUBSIDY policy its applicant matches on the
     * day of disbursement ({@link PolicyService#interestSubsidyFor}: the policy's eligibility, e.g.
     * the white list, its validity and its terms are data); none otherwise. Of the terms only the
     * relending rate is configuration, for a policy whose share is of it.
     */
    LoanSubsidy subsidyFor(FinancingApplication a, LocalDate on) {
        Offer accepted = a.acceptedOffer().orElse(null);
        if (!a.isSpecialRelending() || accepted == null) {
            return null;
        }
        return policies.interestSubsidyFor(a.applicantOrgId, on).map(p -> {
            SubsidyTerms t = p.subsidy();
            BigDecimal base = t.basis().baseRate(subsidy.relendingRatePercent(), accepted.annualRate());
            return new LoanSubsidy(p.id, t.basis(), new InterestSubsidy.Terms(base, t.sharePercent(), t.months()));
        }).orElse(null);
    }

    /** The schedule as of today; 404 for anyone who does not see the loan, and before disbursement. */
    public Schedule schedule(Caller caller, UUID id) {
        FinancingApplication a = loanVisibleTo(caller, id);
        LocalDate today = applications.today();
        List<InstalmentView> instalments = new ArrayList<>();
        BigDecimal interest = ZERO, subsidised = ZERO, borne = ZERO, payments = ZERO, paid = ZERO, overdueAmount = ZERO;
        int overdue = 0;
        for (LoanInstalment i : LoanInstalment.of(a.id)) {
            InstalmentStatus status = i.isPaid() ? InstalmentStatus.PAID
                    : i.isOverdue(today) ? InstalmentStatus.OVERDUE : InstalmentStatus.DUE;
            instalments.add(new InstalmentView(i.number, i.dueDate, i.principal, i.interest, i.subsidyInterest,
                    i.borrowerInterest, i.payment, i.remainingPrincipal, i.paid, i.outstanding(), status));
            interest = interest.add(i.interest);
            subsidised = subsidised.add(i.subsidyInterest);
            borne = borne.add(i.borrowerInterest);
            payments = payments.add(i.payment);
            paid = paid.add(i.paid);
            if (status == InstalmentStatus.OVERDUE) {
                overdue++;
                overdueAmount = overdueAmount.add(i.outstanding());
            }
        }
        ScheduleView view = new ScheduleView(a.id, today, LoanView.of(a), new ScheduleView.Totals(a.principal.setScale(2),
                interest, subsidised, borne, payments, paid, payments.subtract(paid), overdue, overdueAmount), instalments);
        return new Schedule(view, a.version + "-" + today);
    }

    /** The schedule and its ETag: the loan's version and the day overdue instalments were counted on. */
    public record Schedule(ScheduleView view, String etag) {
    }

    @Transactional
    public IdempotentResponse repay(Caller caller, UUID id, NewRepayment body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST " + ApplicationService.PATH + "/" + id
                + "/repayments", body, () -> {
                    FinancingApplication a = applications.locked(caller, id).application();
                    UUID lender = access.actingLender(caller, a);
                    if (!lender.equals(a.acceptedLenderOrgId)) {
                        throw ProblemException.forbidden("Only the lender of the loan records its repayments");
                    }
                    if (a.status != ApplicationStatus.DISBURSED) {
                        throw ProblemException.conflict("The application is " + a.status
                                + "; repayments are recorded against a DISBURSED loan");
                    }
                    LoanInstalment.Key key = new LoanInstalment.Key();
                    key.applicationId = a.id;
                    key.number = body.instalmentNumber();
                    LoanInstalment instalment = LoanInstalment.findById(key);
                    if (instalment == null) {
                        throw ProblemException.invalid("instalment_number", "the loan has " + a.loanTermMonths
                                + " instalments");
                    }
                    LocalDate today = applications.today();
                    LocalDate paidOn = body.paidOn() == null ? today : body.paidOn();
                    if (paidOn.isAfter(today)) {
                        throw ProblemException.invalid("paid_on", "is in the future");
                    }
                    if (paidOn.isBefore(a.disbursedOn)) {
                        throw ProblemException.invalid("paid_on", "is before the disbursement on " + a.disbursedOn);
                    }
                    instalment.pay(body.amount().setScale(2));
                    Instant now = Instant.now();
                    Repayment r = new Repayment();
                    r.id = UuidV7.next();
                    r.applicationId = a.id;
                    r.instalmentNumber = instalment.number;
                    r.amount = body.amount().setScale(2);
                    r.paidOn = paidOn;
                    r.recordedBy = caller.subject();
                    r.createdAt = now;
                    r.persist();
                    // The schedule's ETag is the application's version: a repayment changes it.
                    a.updatedAt = now;
                    Repayment.flush();
                    ApplicationStatus before = a.status;
                    if (LoanInstalment.count("applicationId = ?1 and paid < payment", a.id) == 0) {
                        a.repaid(now);
                    }
                    applications.settled(a, before);
                    return new Created<>(URI.create(ApplicationService.PATH + "/" + a.id + "/repayments/" + r.id),
                            RepaymentView.of(r), ETags.of(0).getValue());
                });
    }

    public Page<RepaymentView> repayments(Caller caller, UUID id, String cursor, int limit) {
        FinancingApplication a = loanVisibleTo(caller, id);
        UUID after = Cursor.decodeUuid(cursor);
        List<Repayment> rows = after == null
                ? Repayment.<Repayment>find("applicationId = ?1 order by id", a.id).range(0, limit).list()
                : Repayment.<Repayment>find("applicationId = ?1 and id > ?2 order by id", a.id, after).range(0, limit).list();
        return Page.of(rows, limit, RepaymentView::of, r -> r.id.toString());
    }

    public RepaymentView repayment(Caller caller, UUID id, UUID repaymentId) {
        FinancingApplication a = loanVisibleTo(caller, id);
        Repayment r = repaymentId == null ? null : Repayment.findById(repaymentId);
        if (r == null || !r.applicationId.equals(a.id)) {
            throw ProblemException.notFound("Repayment " + repaymentId);
        }
        return RepaymentView.of(r);
    }

    private FinancingApplication loanVisibleTo(Caller caller, UUID id) {
        FinancingApplication a = applications.visible(caller, id).application();
        if (!access.seesLoan(caller, a) || a.disbursedOn == null) {
            throw ProblemException.notFound("The loan of financing application " + id);
        }
        return a;
    }
}
