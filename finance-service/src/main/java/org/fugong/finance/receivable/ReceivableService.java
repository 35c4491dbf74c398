package org.fugong.finance.receivable;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.fugong.finance.FinanceAccess;
import org.fugong.finance.config.FinanceConfig;
import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.organisation.Parties;
import org.fugong.finance.receivable.api.NewReceivable;
import org.fugong.finance.receivable.api.PledgeView;
import org.fugong.finance.receivable.api.ReceivableDecision;
import org.fugong.finance.receivable.api.ReceivableView;
import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class ReceivableService {

    /** Kinds of organisation that owe SMEs for goods and services here (the issue's debtors). */
    static final List<String> DEBTOR_KINDS = List.of(Organisation.ENTERPRISE, Organisation.GOVERNMENT_BODY);

    @Inject
    FinanceAccess access;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    FinanceConfig config;

    @Inject
    ReceivableEvents events;

    @Transactional
    public IdempotentResponse record(Caller caller, NewReceivable body, String idempotencyKey) {
        UUID creditorId = access.recordingCreditor(caller);
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/receivables", body, () -> {
            Organisation creditor = Parties.activeSme(creditorId, "Receivables are recorded", "record receivables");
            Organisation debtor = knownDebtor(body.debtorUscc(), creditor);
            LocalDate today = LocalDate.now(config.zone());
            if (body.issueDate().isAfter(today)) {
                throw ProblemException.invalid("issue_date", "is in the future");
            }
            if (body.dueDate().isBefore(body.issueDate())) {
                throw ProblemException.invalid("due_date", "is before the issue date");
            }
            Receivable r = new Receivable();
            r.id = UuidV7.next();
            r.creditorOrgId = creditor.id;
            r.debtorOrgId = debtor.id;
            r.debtorUscc = debtor.uscc;
            r.invoiceNumber = body.invoiceNumber();
            r.amount = body.amount().setScale(2);
            r.issueDate = body.issueDate();
            r.dueDate = body.dueDate();
            r.status = ReceivableStatus.AWAITING_CONFIRMATION;
            r.recordedBy = caller.subject();
            r.createdAt = Instant.now();
            r.updatedAt = r.createdAt;
            try {
                r.persistAndFlush();
            } catch (PersistenceException failure) {
                // The unique constraint decides, also between concurrent requests.
                if (failure instanceof ConstraintViolationException violation
                        && "receivable_invoice_unique".equals(violation.getConstraintName())) {
                    throw ProblemException.conflict("invoice_number",
                            "is already recorded by your organisation against this debtor");
                }
                throw failure;
            }
            events.recorded(r);
            return new Created<>(URI.create("/api/v1/receivables/" + r.id), ReceivableView.of(r),
                    ETags.of(r.version).getValue());
        });
    }

    private static Organisation knownDebtor(String usccText, Organisation creditor) {
        Organisation debtor = Parties.registeredDebtor(usccText, creditor);
        if (!DEBTOR_KINDS.contains(debtor.kind)) {
            throw ProblemException.invalid("debtor_uscc", "is a " + debtor.kind + "; debtors are enterprises and government bodies");
        }
        return debtor;
    }

    public Receivable visible(Caller caller, UUID id) {
        Receivable r = id == null ? null : Receivable.findById(id);
        if (r == null || !access.canSee(caller, r)) {
            throw ProblemException.notFound("Receivable " + id);
        }
        return r;
    }

    public Page<ReceivableView> list(Caller caller, ReceivableStatus status, String cursor, int limit) {
        ScopedFilter where = access.receivablesVisibleTo(caller, cursor).equal("status", status);
        List<Receivable> rows = Receivable.<Receivable>find(where.query(), where.params()).range(0, limit).list();
        return Page.of(rows, limit, ReceivableView::of, r -> r.id.toString());
    }

    /** The debtor's answer. Locked by the read itself, then checked as a read would be: outsiders get 404. */
    @Transactional
    public Receivable decide(Caller caller, UUID id, ReceivableDecision body) {
        Receivable r = Receivable.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !access.canSee(caller, r)) {
            throw ProblemException.notFound("Receivable " + id);
        }
        access.requireDebtorOf(caller, r);
        Instant now = Instant.now();
        switch (body.decision()) {
            case CONFIRM -> r.confirm(caller.subject(), now);
            case DISPUTE -> {
                if (body.reason() == null || body.reason().isBlank()) {
                    throw ProblemException.invalid("reason", "is required to dispute");
                }
                r.dispute(body.reason().strip(), caller.subject(), now);
            }
        }
        Receivable.flush(); // the new version, for the ETag and the event
        events.decided(r);
        return r;
    }

    public PledgeView pledge(Caller caller, UUID id) {
        Receivable r = visible(caller, id);
        return PledgeView.of(r.id, ReceivablePledge.liveFor(r.id));
    }
}
