package org.fugong.finance.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.finance.schedule.InterestSubsidy;
import org.fugong.finance.schedule.RepaymentMethod;
import org.fugong.finance.schedule.SubsidyBasis;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.problem.ProblemException;
import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A financing application and every lender's part in it: the aggregate. Each transition checks its
 * own precondition and throws the 409 (or, for the maker–checker rule and the disbursing lender, the
 * 403); after every lender's move the application's status follows from its lenders' states
 * ({@link #settle()}). Every transition touches {@code updatedAt}, so the version (the ETag) grows
 * with any lender's move too.
 */
@Entity
@Table(name = "financing_application")
public class FinancingApplication extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicantOrgId;
    @Enumerated(EnumType.STRING)
    public Product product;
    public BigDecimal amount;
    public int termMonths;
    public String purpose;
    public int daysOfCashLeft;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus heldFrom;
    public String holdReason;
    public String eligibilityRule;
    public String withdrawalReason;
    public UUID acceptedLenderOrgId;
    public Instant acceptedAt;
    public int priorityScore;
    /** JSON: the factors of {@link #priorityScore}, as {@link PriorityScore} computed them. */
    public String priorityFactors;
    public BigDecimal principal;
    public BigDecimal annualRate;
    public Integer loanTermMonths;
    @Enumerated(EnumType.STRING)
    public RepaymentMethod repaymentMethod;
    public LocalDate disbursedOn;
    public String disbursedBy;
    /** The INTEREST_SUBSIDY policy the loan was disbursed under, and its terms as they were then. */
    public UUID subsidyPolicyId;
    @Enumerated(EnumType.STRING)
    public SubsidyBasis subsidyBasis;
    public BigDecimal subsidyBaseRate;
    public BigDecimal subsidySharePercent;
    public Integer subsidyMonths;
    public Instant repaidAt;
    public String submittedBy;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL)
    @OrderBy("lenderOrgId")
    @BatchSize(size = 100)
    public List<LenderReview> lenders = new ArrayList<>();

    /** A new application, SUBMITTED to each of the lenders. */
    public static FinancingApplication submitted(UUID id, UUID applicant, Product product, BigDecimal amount,
            int termMonths, String purpose, int daysOfCashLeft, String eligibilityRule, List<UUID> lenderOrgIds,
            String by, Instant at) {
        FinancingApplication a = new FinancingApplication();
        a.id = id;
        a.applicantOrgId = applicant;
        a.product = product;
        a.amount = amount;
        a.termMonths = termMonths;
        a.purpose = purpose;
        a.daysOfCashLeft = daysOfCashLeft;
        a.eligibilityRule = eligibilityRule;
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedBy = by;
        a.createdAt = at;
        a.updatedAt = at;
        for (UUID lender : lenderOrgIds) {
            LenderReview l = new LenderReview();
            l.id = UuidV7.next();
            l.application = a;
            l.lenderOrgId = lender;
            l.status = LenderStatus.PENDING;
            l.updatedAt = at;
            a.lenders.add(l);
        }
        return a;
    }

    /** Whether the loan is one the special relending's interest subsidy was for. */
    public boolean isSpecialRelending() {
        return Eligibility.KEY_ENTERPRISE_SPECIAL_RELENDING.equals(eligibilityRule);
    }

    public Optional<LenderReview> lender(UUID lenderOrgId) {
        return lenders.stream().filter(l -> l.lenderOrgId.equals(lenderOrgId)).findFirst();
    }

    public List<UUID> lenderOrgIds() {
        return lenders.stream().map(l -> l.lenderOrgId).toList();
    }

    public void rescore(PriorityScore.Score score, String factorsJson) {
        priorityScore = score.total();
        priorityFactors = factorsJson;
    }

    // ---- a lender's answer: maker recommends, checker approves ----

    /** A reviewer of the lender starts; @return false when the lender is reviewing already (a repeat is no change). */
    public boolean startReview(UUID lenderOrgId, String by, Instant at) {
        LenderReview l = openLender(lenderOrgId);
        if (l.status == LenderStatus.UNDER_REVIEW) {
            return false;
        }
        if (l.status != LenderStatus.PENDING) {
            throw ProblemException.conflict("Your review is " + l.status + ", not PENDING");
        }
        l.status = LenderStatus.UNDER_REVIEW;
        l.reviewStartedBy = by;
        l.reviewStartedAt = at;
        changed(l, at);
        return true;
    }

    /** The maker recommends an offer; it cannot be changed while it awaits the checker. */
    public void recommendOffer(UUID lenderOrgId, Offer offer, String by, Instant at) {
        LenderReview l = recommendable(lenderOrgId);
        l.recommendation = LenderReview.Recommendation.OFFER;
        l.offerAmount = offer.amount();
        l.offerRate = offer.annualRate();
        l.offerTermMonths = offer.termMonths();
        l.offerMethod = offer.repaymentMethod();
        l.refusalReason = null;
        recommended(l, by, at);
    }

    /** The maker recommends refusing, with the reason the applicant will see once it is approved. */
    public void recommendRefusal(UUID lenderOrgId, String reason, String by, Instant at) {
        LenderReview l = recommendable(lenderOrgId);
        l.recommendation = LenderReview.Recommendation.REFUSE;
        l.offerAmount = null;
        l.offerRate = null;
        l.offerTermMonths = null;
        l.offerMethod = null;
        l.refusalReason = reason;
        recommended(l, by, at);
    }

    /**
     * The checker approves the recommendation: an offer is then open until {@code validUntil}, a
     * refusal final. The checker is never the maker: the same caller is a 403.
     */
    public void approve(UUID lenderOrgId, String by, Instant at, LocalDate validUntil) {
        LenderReview l = awaitingApproval(lenderOrgId, by);
        l.approvedBy = by;
        l.approvedAt = at;
        if (l.recommendation == LenderReview.Recommendation.OFFER) {
            l.status = LenderStatus.OFFERED;
            l.offerValidUntil = validUntil;
        } else {
            l.status = LenderStatus.REFUSED;
        }
        changed(l, at);
    }

    /** The checker sends the recommendation back to the reviewers, with why; it is forgotten. */
    public void returnRecommendation(UUID lenderOrgId, String reason, String by, Instant at) {
        LenderReview l = awaitingApproval(lenderOrgId, by);
        l.status = LenderStatus.UNDER_REVIEW;
        l.returnedReason = reason;
        l.recommendation = null;
        l.offerAmount = null;
        l.offerRate = null;
        l.offerTermMonths = null;
        l.offerMethod = null;
        l.refusalReason = null;
        l.recommendedBy = null;
        l.recommendedAt = null;
        changed(l, at);
    }

    // ---- the applicant ----

    /** The applicant takes one open offer; every other lender's part lapses. */
    public void accept(UUID lenderOrgId, LocalDate today, Instant at) {
        requireNotOnHold();
        if (status != ApplicationStatus.OFFERED) {
            throw ProblemException.conflict("The application is " + status + "; only an OFFERED one can be accepted");
        }
        LenderReview chosen = lender(lenderOrgId).orElseThrow(
                () -> ProblemException.invalid("lender_org_id", "is not a lender this application was sent to"));
        if (chosen.status != LenderStatus.OFFERED) {
            throw ProblemException.conflict("lender_org_id", "has no open offer (its answer is "
                    + (chosen.status == LenderStatus.RECOMMENDED ? LenderStatus.UNDER_REVIEW : chosen.status) + ")");
        }
        if (chosen.offerValidUntil.isBefore(today)) {
            throw ProblemException.conflict("lender_org_id", "its offer lapsed on " + chosen.offerValidUntil);
        }
        for (LenderReview l : lenders) {
            if (l == chosen) {
                l.status = LenderStatus.ACCEPTED;
            } else if (!LenderStatus.ENDED.contains(l.status)) {
                l.status = LenderStatus.LAPSED;
            }
            l.updatedAt = at;
        }
        acceptedLenderOrgId = lenderOrgId;
        acceptedAt = at;
        status = ApplicationStatus.ACCEPTED;
        updatedAt = at;
    }

    /** The applicant (or, on deregistration, the registry) ends it before any money is paid out. */
    public void withdraw(String reason, Instant at) {
        if (status != ApplicationStatus.ON_HOLD && !ApplicationStatus.HOLDABLE.contains(status)) {
            throw ProblemException.conflict("The application is " + status + "; only one not yet disbursed or ended"
                    + " can be withdrawn");
        }
        for (LenderReview l : lenders) {
            // Every part still live, the accepted one included; refusals and lapses stay what they were.
            if (l.status != LenderStatus.REFUSED && l.status != LenderStatus.LAPSED) {
                l.status = LenderStatus.WITHDRAWN;
                l.updatedAt = at;
            }
        }
        status = ApplicationStatus.WITHDRAWN;
        heldFrom = null;
        holdReason = null;
        withdrawalReason = reason;
        updatedAt = at;
    }

    // ---- the registry: suspension and reinstatement ----

    /** The applicant was suspended: @return whether it was put on hold now (false if held already or past holding). */
    public boolean hold(String reason, Instant at) {
        if (status == ApplicationStatus.ON_HOLD) {
            holdReason = reason;
            updatedAt = at;
            return false;
        }
        if (!ApplicationStatus.HOLDABLE.contains(status)) {
            return false;
        }
        heldFrom = status;
        status = ApplicationStatus.ON_HOLD;
        holdReason = reason;
        updatedAt = at;
        return true;
    }

    /** The applicant was reinstated: back to where it was. @return whether it was on hold. */
    public boolean resume(Instant at) {
        if (status != ApplicationStatus.ON_HOLD) {
            return false;
        }
        status = heldFrom;
        heldFrom = null;
        holdReason = null;
        updatedAt = at;
        return true;
    }

    // ---- the loan ----

    /**
     * The lender whose offer was accepted pays out: the loan takes the accepted offer's terms, and,
     * when {@code subsidy} is given, the interest subsidy's policy and terms as they are now.
     */
    public Offer disburse(UUID lenderOrgId, LocalDate on, LoanSubsidy subsidy, String by, Instant at) {
        requireNotOnHold();
        if (status != ApplicationStatus.ACCEPTED) {
            throw ProblemException.conflict("The application is " + status + "; only an ACCEPTED one is disbursed");
        }
        if (!lenderOrgId.equals(acceptedLenderOrgId)) {
            throw ProblemException.forbidden("Only the lender whose offer the applicant accepted disburses");
        }
        Offer offer = lender(lenderOrgId).orElseThrow().offer();
        principal = offer.amount();
        annualRate = offer.annualRate();
        loanTermMonths = offer.termMonths();
        repaymentMethod = offer.repaymentMethod();
        disbursedOn = on;
        disbursedBy = by;
        if (subsidy != null) {
            subsidyPolicyId = subsidy.policyId();
            subsidyBasis = subsidy.basis();
            subsidyBaseRate = subsidy.terms().baseRatePercent();
            subsidySharePercent = subsidy.terms().sharePercent();
            subsidyMonths = subsidy.terms().months();
        }
        status = ApplicationStatus.DISBURSED;
        updatedAt = at;
        return offer;
    }

    /** The interest subsidy the loan was disbursed with, if any. */
    public Optional<LoanSubsidy> subsidy() {
        return subsidyPolicyId == null ? Optional.empty() : Optional.of(new LoanSubsidy(subsidyPolicyId, subsidyBasis,
                new InterestSubsidy.Terms(subsidyBaseRate, subsidySharePercent, subsidyMonths)));
    }

    /** The offer the applicant accepted, before and after disbursement; empty while none is. */
    public Optional<Offer> acceptedOffer() {
        return acceptedLenderOrgId == null ? Optional.empty() : lender(acceptedLenderOrgId).map(LenderReview::offer);
    }

    /** The last instalment was paid. */
    public void repaid(Instant at) {
        if (status != ApplicationStatus.DISBURSED) {
            throw ProblemException.conflict("The application is " + status + "; only a DISBURSED loan is repaid");
        }
        status = ApplicationStatus.REPAID;
        repaidAt = at;
        updatedAt = at;
    }

    /** Approved offers whose validity ended before {@code today} lapse. @return whether any did. */
    public boolean lapseExpiredOffers(LocalDate today, Instant at) {
        if (status != ApplicationStatus.OFFERED) {
            return false;
        }
        boolean any = false;
        for (LenderReview l : lenders) {
            if (l.status == LenderStatus.OFFERED && l.offerValidUntil.isBefore(today)) {
                l.status = LenderStatus.LAPSED;
                l.updatedAt = at;
                any = true;
            }
        }
        if (any) {
            settle();
            updatedAt = at;
        }
        return any;
    }

    // ---- inside ----

    private LenderReview openLender(UUID lenderOrgId) {
        requireNotOnHold();
        if (!ApplicationStatus.OPEN_TO_LENDERS.contains(status)) {
            throw ProblemException.conflict("The application is " + status + "; lenders no longer answer it");
        }
        return lender(lenderOrgId).orElseThrow(
                () -> ProblemException.forbidden("The application was not sent to your organisation"));
    }

    private LenderReview recommendable(UUID lenderOrgId) {
        LenderReview l = openLender(lenderOrgId);
        switch (l.status) {
            case UNDER_REVIEW -> {
                return l;
            }
            case PENDING -> throw ProblemException.conflict("Start the review (PUT .../review) before recommending");
            case RECOMMENDED -> throw ProblemException.conflict(
                    "A recommendation awaits its approval; the checker approves it or sends it back");
            default -> throw ProblemException.conflict("Your answer is " + l.status + " already");
        }
    }

    private LenderReview awaitingApproval(UUID lenderOrgId, String by) {
        LenderReview l = openLender(lenderOrgId);
        if (l.status != LenderStatus.RECOMMENDED) {
            throw ProblemException.conflict("No recommendation awaits approval (your review is " + l.status + ")");
        }
        if (by.equals(l.recommendedBy)) {
            throw ProblemException.forbidden("Maker–checker: the reviewer who recommended cannot also approve or return"
                    + " the recommendation; another reviewer of your organisation decides it");
        }
        return l;
    }

    private void recommended(LenderReview l, String by, Instant at) {
        l.status = LenderStatus.RECOMMENDED;
        l.recommendedBy = by;
        l.recommendedAt = at;
        l.returnedReason = null;
        changed(l, at);
    }

    private void changed(LenderReview l, Instant at) {
        l.updatedAt = at;
        updatedAt = at;
        settle();
    }

    private void requireNotOnHold() {
        if (status == ApplicationStatus.ON_HOLD) {
            throw ProblemException.conflict("The application is ON_HOLD: " + holdReason);
        }
    }

    /**
     * The application's status from its lenders' before acceptance: OFFERED while any offer is open;
     * else UNDER_REVIEW once any lender has started, SUBMITTED before; when no lender is left to
     * answer, LAPSED if an offer lapsed, otherwise REFUSED.
     */
    void settle() {
        if (!ApplicationStatus.OPEN_TO_LENDERS.contains(status)) {
            return;
        }
        boolean offered = lenders.stream().anyMatch(l -> l.status == LenderStatus.OFFERED);
        boolean awaiting = lenders.stream().anyMatch(l -> LenderStatus.AWAITING.contains(l.status));
        boolean started = lenders.stream().anyMatch(l -> l.status != LenderStatus.PENDING);
        boolean lapsed = lenders.stream().anyMatch(l -> l.status == LenderStatus.LAPSED);
        if (offered) {
            status = ApplicationStatus.OFFERED;
        } else if (awaiting) {
            status = started ? ApplicationStatus.UNDER_REVIEW : ApplicationStatus.SUBMITTED;
        } else {
            status = lapsed ? ApplicationStatus.LAPSED : ApplicationStatus.REFUSED;
        }
    }
}
