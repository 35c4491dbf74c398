package org.fugong.finance.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What finance publishes about receivables on {@code finance.receivables}: one type per transition,
 * each with the receivable's state after it. The debtor's dispute reason is free text and stays in
 * finance (it may name people); the state says only that it is DISPUTED.
 */
@ApplicationScoped
public class ReceivableEvents {

    public static final String TOPIC = "finance.receivables";
    public static final String AGGREGATE = "receivable";
    /** Recorded by its creditor, awaiting the debtor's answer. */
    public static final String RECORDED = "fugong.finance.receivable.recorded";
    /** Confirmed by the debtor: it may back financing. */
    public static final String CONFIRMED = "fugong.finance.receivable.confirmed";
    /** Disputed by the debtor. */
    public static final String DISPUTED = "fugong.finance.receivable.disputed";

    public record State(UUID id, UUID creditorOrgId, UUID debtorOrgId, String debtorUscc, String invoiceNumber,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, LocalDate issueDate, LocalDate dueDate,
            ReceivableStatus status, Instant decidedAt, long version, Instant updatedAt) {
        static State of(Receivable r) {
            return new State(r.id, r.creditorOrgId, r.debtorOrgId, r.debtorUscc, r.invoiceNumber, r.amount.setScale(2),
                    r.issueDate, r.dueDate, r.status, r.decidedAt, r.version, r.updatedAt);
        }
    }

    public record Payload(State receivable) {
    }

    @Inject
    OutboxWriter outbox;

    public void recorded(Receivable r) {
        publish(r, RECORDED);
    }

    /** After the debtor's decision: CONFIRMED or DISPUTED, whichever it is now. */
    public void decided(Receivable r) {
        publish(r, r.status == ReceivableStatus.CONFIRMED ? CONFIRMED : DISPUTED);
    }

    private void publish(Receivable r, String type) {
        outbox.append(TOPIC, AGGREGATE, r.id.toString(), type, new Payload(State.of(r)));
    }
}
