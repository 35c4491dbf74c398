package org.fugong.finance.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What finance publishes about financing applications on {@code finance.applications}: one type per
 * transition, each with the application's state after it. No lender's commercial figures ever
 * appear — no offered amount, rate, term or method, not even the accepted lender's — because every
 * lender the application was sent to (and anyone else on the topic) reads it: {@code offered} and
 * {@code accepted} name the lender and nothing more. Free text (purpose, refusal and withdrawal
 * reasons) stays in finance too; the hold reason is the registry's own, already published status reason.
 */
@ApplicationScoped
public class ApplicationEvents {

    public static final String TOPIC = "finance.applications";
    public static final String AGGREGATE = "application";
    public static final String SUBMITTED = "fugong.finance.application.submitted";
    /** The first lender started reviewing it. */
    public static final String REVIEW_STARTED = "fugong.finance.application.review-started";
    /** A lender's checker approved an offer; names the lender, never the figures. */
    public static final String OFFERED = "fugong.finance.application.offered";
    /** The applicant accepted a lender's offer; the others lapsed. */
    public static final String ACCEPTED = "fugong.finance.application.accepted";
    public static final String DISBURSED = "fugong.finance.application.disbursed";
    public static final String REPAID = "fugong.finance.application.repaid";
    /** Every lender refused. */
    public static final String REFUSED = "fugong.finance.application.refused";
    /** Withdrawn by the applicant, or because the registry deregistered it. */
    public static final String WITHDRAWN = "fugong.finance.application.withdrawn";
    /** Every offer lapsed unaccepted. */
    public static final String LAPSED = "fugong.finance.application.lapsed";
    /** The registry suspended the applicant. */
    public static final String PUT_ON_HOLD = "fugong.finance.application.put-on-hold";
    /** The registry reinstated the applicant: back to where it was. */
    public static final String RESUMED = "fugong.finance.application.resumed";

    public record State(UUID id, UUID applicantOrgId, Product product,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, int termMonths, int daysOfCashLeft,
            ApplicationStatus status, ApplicationStatus heldFrom, String holdReason, String eligibilityRule,
            boolean specialRelending, List<UUID> lenderOrgIds, UUID acceptedLenderOrgId, LocalDate disbursedOn,
            long version, Instant updatedAt) {
        static State of(FinancingApplication a) {
            return new State(a.id, a.applicantOrgId, a.product, a.amount.setScale(2), a.termMonths, a.daysOfCashLeft,
                    a.status, a.heldFrom, a.holdReason, a.eligibilityRule, a.isSpecialRelending(), a.lenderOrgIds(),
                    a.acceptedLenderOrgId, a.disbursedOn, a.version, a.updatedAt);
        }
    }

    /** {@code lender_org_id} only on {@code offered} and {@code accepted}. */
    public record Payload(State application, UUID lenderOrgId) {
    }

    @Inject
    OutboxWriter outbox;

    public void publish(FinancingApplication a, String type) {
        publish(a, type, null);
    }

    public void publish(FinancingApplication a, String type, UUID lender) {
        outbox.append(TOPIC, AGGREGATE, a.id.toString(), type, new Payload(State.of(a), lender));
    }
}
