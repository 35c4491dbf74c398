package org.fugong.finance.arrears;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What finance publishes about arrears claims on {@code finance.arrears}: one type per step, each
 * with the claim's state after it. Amounts owed are between the parties and the authorities that
 * watch arrears; no person is named (callers appear nowhere, only organisations).
 */
@ApplicationScoped
public class ArrearsEvents {

    public static final String TOPIC = "finance.arrears";
    public static final String AGGREGATE = "arrears-claim";
    public static final String CLAIMED = "fugong.finance.arrears.claimed";
    public static final String ACKNOWLEDGED = "fugong.finance.arrears.acknowledged";
    public static final String DISPUTED = "fugong.finance.arrears.disputed";
    public static final String PLAN_AGREED = "fugong.finance.arrears.plan-agreed";
    public static final String PAYMENT_RECORDED = "fugong.finance.arrears.payment-recorded";
    public static final String SETTLED = "fugong.finance.arrears.settled";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(UUID id, UUID creditorOrgId, UUID debtorOrgId, String debtorUscc, String debtorRegionCode,
            String contractReference, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstanding, LocalDate dueDate,
            ArrearsStatus status, String disputeReason, List<Instalment> plan, Instant planAgreedAt, Instant settledAt,
            long version, Instant updatedAt) {

        static State of(ArrearsClaim c, List<ArrearsInstalment> plan) {
            return new State(c.id, c.creditorOrgId, c.debtorOrgId, c.debtorUscc, c.debtorRegionCode, c.contractReference,
                    c.amount.setScale(2), c.paid().setScale(2), c.outstanding.setScale(2), c.dueDate, c.status,
                    c.disputeReason, plan.stream().map(Instalment::of).toList(), c.planAgreedAt, c.settledAt, c.version,
                    c.updatedAt);
        }
    }

    public record Instalment(int number, LocalDate dueDate, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid) {
        static Instalment of(ArrearsInstalment i) {
            return new Instalment(i.number, i.dueDate, i.amount.setScale(2), i.paid.setScale(2));
        }
    }

    public record Payment(UUID id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, LocalDate paidOn) {
    }

    public record Payload(State claim) {
    }

    public record PaymentPayload(State claim, Payment payment) {
    }

    @Inject
    OutboxWriter outbox;

    public void claimed(ArrearsClaim c) {
        publish(c, CLAIMED, new Payload(State.of(c, List.of())));
    }

    public void acknowledged(ArrearsClaim c) {
        publish(c, ACKNOWLEDGED, new Payload(State.of(c, List.of())));
    }

    public void disputed(ArrearsClaim c) {
        publish(c, DISPUTED, new Payload(State.of(c, List.of())));
    }

    public void planAgreed(ArrearsClaim c, List<ArrearsInstalment> plan) {
        publish(c, PLAN_AGREED, new Payload(State.of(c, plan)));
    }

    public void paymentRecorded(ArrearsClaim c, List<ArrearsInstalment> plan, ArrearsPayment p) {
        publish(c, PAYMENT_RECORDED, new PaymentPayload(State.of(c, plan),
                new Payment(p.id, p.amount.setScale(2), p.paidOn)));
    }

    public void settled(ArrearsClaim c, List<ArrearsInstalment> plan) {
        publish(c, SETTLED, new Payload(State.of(c, plan)));
    }

    private void publish(ArrearsClaim c, String type, Object payload) {
        outbox.append(TOPIC, AGGREGATE, c.id.toString(), type, payload);
    }
}
