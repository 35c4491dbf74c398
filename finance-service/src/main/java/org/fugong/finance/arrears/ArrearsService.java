package org.fugong.finance.arrears;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.fugong.finance.FinanceAccess;
import org.fugong.finance.arrears.ArrearsClaim.Planned;
import org.fugong.finance.arrears.api.ArrearsClaimView;
import org.fugong.finance.arrears.api.ArrearsResponse;
import org.fugong.finance.arrears.api.NewArrearsClaim;
import org.fugong.finance.arrears.api.NewPayment;
import org.fugong.finance.arrears.api.NewSettlementPlan;
import org.fugong.finance.arrears.api.PaymentView;
import org.fugong.finance.config.FinanceConfig;
import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.organisation.Parties;
import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ArrearsService {

    static final String CONTRACT_UNIQUE = "arrears_claim_contract_unique";
    /** Payments never change once recorded: one version, one ETag. */
    public static final String PAYMENT_ETAG = "0";

    @Inject
    FinanceAccess access;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    FinanceConfig config;

    @Inject
    ArrearsEvents events;

    LocalDate today() {
        return LocalDate.now(config.zone());
    }

    @Transactional
    public IdempotentResponse claim(Caller caller, NewArrearsClaim body, String idempotencyKey) {
        UUID creditorId = access.claimingCreditor(caller);
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/arrears-claims", body, () -> {
            Organisation creditor = Parties.activeSme(creditorId, "Arrears are claimed", "claim arrears");
            Organisation debtor = knownDebtor(body.debtorUscc(), creditor);
            LocalDate today = today();
            if (!body.dueDate().isBefore(today)) {
                throw ProblemException.invalid("due_date", "is not in the past: arrears are payments already overdue");
            }
            ArrearsClaim c = new ArrearsClaim();
            c.id = UuidV7.next();
            c.creditorOrgId = creditor.id;
            c.debtorOrgId = debtor.id;
            c.debtorUscc = debtor.uscc;
            c.debtorRegionCode = debtor.regionCode;
            c.contractReference = body.contractReference();
            c.amount = body.amount().setScale(2);
            c.outstanding = c.amount;
            c.dueDate = body.dueDate();
            c.status = ArrearsStatus.CLAIMED;
            c.claimedBy = caller.subject();
            c.createdAt = Instant.now();
            c.updatedAt = c.createdAt;
            try {
                c.persistAndFlush();
            } catch (PersistenceException failure) {
                // The unique constraint decides, also between concurrent requests.
                if (failure instanceof ConstraintViolationException violation
                        && CONTRACT_UNIQUE.equals(violation.getConstraintName())) {
                    throw ProblemException.conflict("contract_reference",
                            "is already claimed by your organisation from this debtor");
                }
                throw failure;
            }
            events.claimed(c);
            return new Created<>(URI.create("/api/v1/arrears-claims/" + c.id), ArrearsClaimView.of(c, List.of(), today),
                    ETags.of(c.version).getValue());
        });
    }

    /** Government bodies and large enterprises, the debtors the 2020 clearing of arrears to SMEs was aimed at. */
    private static Organisation knownDebtor(String usccText, Organisation creditor) {
        Organisation debtor = Parties.registeredDebtor(usccText, creditor);
        boolean large = Organisation.ENTERPRISE.equals(debtor.kind) && "LARGE".equals(debtor.sizeClass);
        if (!large && !Organisation.GOVERNMENT_BODY.equals(debtor.kind)) {
            throw ProblemException.invalid("debtor_uscc", "is " + (Organisation.ENTERPRISE.equals(debtor.kind)
                    ? "a " + debtor.sizeClass + " enterprise" : "a " + debtor.kind)
                    + "; arrears are claimed from government bodies and large enterprises");
        }
        return debtor;
    }

    public ArrearsClaim visible(Caller caller, UUID id) {
        ArrearsClaim c = id == null ? null : ArrearsClaim.findById(id);
        if (c == null || !access.canSee(caller, c)) {
            throw ProblemException.notFound("Arrears claim " + id);
        }
        return c;
    }

    public ArrearsClaimView view(ArrearsClaim c) {
        return ArrearsClaimView.of(c, ArrearsInstalment.ofClaim(c.id), today());
    }

    public Page<ArrearsClaimView> list(Caller caller, ArrearsStatus status, String cursor, int limit) {
        ScopedFilter where = access.arrearsVisibleTo(caller, cursor).equal("status", status);
        List<ArrearsClaim> rows = ArrearsClaim.<ArrearsClaim>find(where.query(), where.params()).range(0, limit).list();
        // The plans of the whole page in one query, not one per claim.
        Map<UUID, List<ArrearsInstalment>> plans = ArrearsInstalment.ofClaims(rows.stream().map(c -> c.id).toList())
                .stream().collect(Collectors.groupingBy(i -> i.claimId));
        LocalDate today = today();
        return Page.of(rows, limit, c -> ArrearsClaimView.of(c, plans.getOrDefault(c.id, List.of()), today),
                c -> c.id.toString());
    }

    /** Locked by the read itself, checked as a read would be (outsiders get 404), then only the debtor acts. */
    private ArrearsClaim forDebtor(Caller caller, UUID id, String refusal) {
        ArrearsClaim c = ArrearsClaim.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !access.canSee(caller, c)) {
            throw ProblemException.notFound("Arrears claim " + id);
        }
        access.requireSpeaksFor(caller, Organisation.findById(c.debtorOrgId), refusal);
        return c;
    }

    @Transactional
    public ArrearsClaimView respond(Caller caller, UUID id, ArrearsResponse body) {
        ArrearsClaim c = forDebtor(caller, id, "Only the debtor acknowledges or disputes an arrears claim");
        Instant now = Instant.now();
        switch (body.decision()) {
            case ACKNOWLEDGE -> c.acknowledge(caller.subject(), now);
            case DISPUTE -> {
                if (body.reason() == null || body.reason().isBlank()) {
                    throw ProblemException.invalid("reason", "is required to dispute");
                }
                c.dispute(body.reason().strip(), caller.subject(), now);
            }
        }
        ArrearsClaim.flush(); // the new version, for the ETag and the event
        if (c.status == ArrearsStatus.DISPUTED) {
            events.disputed(c);
        } else {
            events.acknowledged(c);
        }
        return ArrearsClaimView.of(c, List.of(), today());
    }

    @Transactional
    public ArrearsClaimView agreePlan(Caller caller, UUID id, NewSettlementPlan body) {
        ArrearsClaim c = forDebtor(caller, id, "Only the debtor agrees a settlement plan");
        List<Planned> planned = body.instalments().stream().map(i -> new Planned(i.dueDate(), i.amount())).toList();
        List<ArrearsInstalment> plan = c.agreePlan(planned, today(), caller.subject(), Instant.now());
        ArrearsInstalment.persist(plan);
        ArrearsClaim.flush();
        events.planAgreed(c, plan);
        return ArrearsClaimView.of(c, plan, today());
    }

    @Transactional
    public IdempotentResponse recordPayment(Caller caller, UUID id, NewPayment body, String idempotencyKey) {
        String scope = caller.subject() + " POST /api/v1/arrears-claims/" + id + "/payments";
        return idempotency.run(idempotencyKey, scope, body, () -> {
            ArrearsClaim c = forDebtor(caller, id, "Payments are recorded by the debtor");
            if (body.paidOn().isAfter(today())) {
                throw ProblemException.invalid("paid_on", "is in the future");
            }
            List<ArrearsInstalment> plan = ArrearsInstalment.ofClaim(c.id);
            Instant now = Instant.now();
            boolean settled = c.recordPayment(body.amount().setScale(2), plan, now);
            ArrearsPayment p = new ArrearsPayment();
            p.id = UuidV7.next();
            p.claimId = c.id;
            p.amount = body.amount().setScale(2);
            p.paidOn = body.paidOn();
            p.reference = body.reference();
            p.recordedBy = caller.subject();
            p.recordedAt = now;
            p.persist();
            ArrearsClaim.flush();
            events.paymentRecorded(c, plan, p);
            if (settled) {
                events.settled(c, plan);
            }
            return new Created<>(URI.create("/api/v1/arrears-claims/" + c.id + "/payments/" + p.id), PaymentView.of(p),
                    PAYMENT_ETAG);
        });
    }

    public Page<PaymentView> payments(Caller caller, UUID id, String cursor, int limit) {
        ArrearsClaim c = visible(caller, id);
        UUID after = Cursor.decodeUuid(cursor);
        List<ArrearsPayment> rows = ArrearsPayment.<ArrearsPayment>find("claimId = ?1 and id > ?2", Sort.by("id"), c.id,
                after == null ? new UUID(0, 0) : after).range(0, limit).list();
        return Page.of(rows, limit, PaymentView::of, p -> p.id.toString());
    }

    public PaymentView payment(Caller caller, UUID id, UUID paymentId) {
        ArrearsClaim c = visible(caller, id);
        ArrearsPayment p = paymentId == null ? null : ArrearsPayment.findById(paymentId);
        if (p == null || !p.claimId.equals(c.id)) {
            throw ProblemException.notFound("Payment " + paymentId);
        }
        return PaymentView.of(p);
    }
}
