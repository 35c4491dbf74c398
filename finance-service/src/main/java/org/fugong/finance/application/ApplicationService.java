package org.fugong.finance.application;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.finance.FinanceAccess;
import org.fugong.finance.application.api.Acceptance;
import org.fugong.finance.application.api.ApplicationView;
import org.fugong.finance.application.api.ApplicationView.Viewer;
import org.fugong.finance.application.api.Approval;
import org.fugong.finance.application.api.NewApplication;
import org.fugong.finance.application.api.PriorityView;
import org.fugong.finance.application.api.Recommendation;
import org.fugong.finance.application.api.Withdrawal;
import org.fugong.finance.config.FinanceConfig;
import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.receivable.Pledges;
import org.fugong.finance.receivable.Receivable;
import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.Problem.FieldError;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Financing applications: submission with its eligibility, pledges and priority; each lender's
 * answer (maker recommends, checker approves); the applicant's acceptance or withdrawal. Every
 * change locks the application row, calls the aggregate's transition and, in the same transaction,
 * writes its event and releases the pledges of an application that ended.
 */
@ApplicationScoped
public class ApplicationService {

    static final String PATH = "/api/v1/financing-applications";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final TypeReference<List<PriorityScore.Factor>> FACTORS = new TypeReference<>() {
    };

    @Inject
    FinanceAccess access;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    FinanceConfig finance;

    @Inject
    ApplicationConfig config;

    @Inject
    ReviewQueueConfig queue;

    @Inject
    Pledges pledges;

    @Inject
    ApplicationEvents events;

    @Inject
    ObjectMapper json;

    // ---- submission ----

    @Transactional
    public IdempotentResponse submit(Caller caller, NewApplication body, String idempotencyKey) {
        UUID applicantId = access.applyingEnterprise(caller);
        return idempotency.run(idempotencyKey, caller.subject() + " POST " + PATH, body, () -> {
            Organisation applicant = Organisation.findById(applicantId);
            if (applicant == null) {
                throw ProblemException.conflict("Your organisation is not known to finance yet; register it first");
            }
            Eligibility.Verdict verdict = Eligibility.check(body.product(), Eligibility.Applicant.of(applicant));
            if (!verdict.eligible()) {
                throw new ProblemException(Eligibility.NOT_ACTIVE.equals(verdict.rule()) ? 409 : 403, "ineligible",
                        "Not eligible", verdict.rule() + ": " + verdict.detail());
            }
            String purpose = body.purpose().strip();
            if (purpose.isEmpty()) {
                throw ProblemException.invalid("purpose", "must not be blank");
            }
            List<UUID> lenders = lenders(body.lenderOrgIds());
            List<Receivable> backing = backing(body, applicant);
            Instant now = Instant.now();
            FinancingApplication a = FinancingApplication.submitted(UuidV7.next(), applicant.id, body.product(),
                    body.amount().setScale(2), body.termMonths(), purpose, body.daysOfCashLeft(), verdict.rule(), lenders,
                    caller.subject(), now);
            rescore(a, applicant);
            a.persistAndFlush();
            // The partial unique index decides between applications racing for the same receivable: a 409
            // here rolls back the application with every pledge already made.
            backing.forEach(r -> pledges.pledge(r.id, a.id, null));
            events.publish(a, ApplicationEvents.SUBMITTED);
            // The receivables are the ones just pledged: no query back for them (with its flush), in the
            // order a read gives them, by id as PostgreSQL orders uuids (bytewise, so as their text).
            List<UUID> pledged = backing.stream().map(r -> r.id).sorted(Comparator.comparing(UUID::toString)).toList();
            return new Created<>(URI.create(PATH + "/" + a.id), ApplicationView.of(a, new Viewer(Viewer.Kind.APPLICANT,
                    applicant.id), pledged, priority(a)), ETags.of(a.version).getValue());
        });
    }

    /** Distinct, ACTIVE financial institutions the registry announced, in the order named. */
    private static List<UUID> lenders(List<UUID> named) {
        LinkedHashSet<UUID> distinct = new LinkedHashSet<>(named);
        if (distinct.size() != named.size()) {
            throw ProblemException.invalid("lender_org_ids", "names a lender more than once");
        }
        Map<UUID, Organisation> known = Organisation.<Organisation>list("id in ?1", named).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        for (UUID id : named) {
            Organisation o = known.get(id);
            if (o == null || !Organisation.FINANCIAL_INSTITUTION.equals(o.kind)) {
                throw ProblemException.invalid("lender_org_ids", id + " is not a financial institution known to the registry");
            }
            if (!o.isActive()) {
                throw ProblemException.invalid("lender_org_ids", id + " is " + o.status + " in the registry");
            }
        }
        return List.copyOf(distinct);
    }

    /**
     * The confirmed receivables of the applicant's own that back a receivables financing, whose amount
     * may be at most the advance rate of their outstanding face value (their amounts: finance records
     * no part payments of receivables). Unknown and other creditors' receivables get the same answer,
     * so ids cannot be probed.
     */
    private List<Receivable> backing(NewApplication body, Organisation applicant) {
        List<UUID> ids = body.receivableIds() == null ? List.of() : body.receivableIds();
        if (body.product() != Product.RECEIVABLES_FINANCING) {
            if (!ids.isEmpty()) {
                throw ProblemException.invalid("receivable_ids", "only RECEIVABLES_FINANCING is backed by receivables");
            }
            return List.of();
        }
        if (ids.isEmpty()) {
            throw ProblemException.invalid("receivable_ids", "is required for RECEIVABLES_FINANCING");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalid("receivable_ids", "names a receivable more than once");
        }
        Map<UUID, Receivable> found = Receivable.<Receivable>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<Receivable> backing = new ArrayList<>(ids.size());
        BigDecimal faceValue = BigDecimal.ZERO;
        for (UUID id : ids) {
            Receivable r = found.get(id);
            if (r == null || !r.creditorOrgId.equals(applicant.id)) {
                throw ProblemException.invalid("receivable_ids", id + " is not a receivable of yours");
            }
            if (!r.canBackFinancing()) {
                throw ProblemException.invalid("receivable_ids", id + " is " + r.status
                        + "; only receivables their debtor confirmed back financing");
            }
            backing.add(r);
            faceValue = faceValue.add(r.amount);
        }
        BigDecimal cap = faceValue.multiply(config.advanceRatePercent()).divide(HUNDRED);
        if (body.amount().compareTo(cap) > 0) {
            throw ProblemException.invalid("amount", "must be at most " + cap.setScale(2, java.math.RoundingMode.DOWN)
                    + ", " + config.advanceRatePercent().stripTrailingZeros().toPlainString()
                    + " % of the receivables' outstanding face value " + faceValue.setScale(2));
        }
        return backing;
    }

    /** The priority from what the registry knows now and the days of cash the applicant declared. */
    void rescore(FinancingApplication a, Organisation applicant) {
        PriorityScore.Score score = PriorityScore.of(new PriorityScore.Facts(applicant.priorityTier, applicant.industry,
                applicant.keyEnterprise, applicant.sizeClass, applicant.regionCode, a.daysOfCashLeft), queue.weights());
        String factors;
        try {
            factors = json.writeValueAsString(score.factors());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (score.total() != a.priorityScore || !factors.equals(a.priorityFactors)) {
            a.rescore(score, factors);
        }
    }

    PriorityView priority(FinancingApplication a) {
        try {
            return new PriorityView(a.priorityScore, json.readValue(a.priorityFactors, FACTORS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading ----

    /** The application as the caller may see it; 404 for anyone it is not visible to. */
    public Visible visible(Caller caller, UUID id) {
        return visible(caller, id, false);
    }

    /** The same, the row locked for a change. */
    Visible locked(Caller caller, UUID id) {
        return visible(caller, id, true);
    }

    public record Visible(FinancingApplication application, Viewer viewer) {
    }

    private Visible visible(Caller caller, UUID id, boolean lock) {
        FinancingApplication a = id == null ? null
                : lock ? FinancingApplication.findById(id, LockModeType.PESSIMISTIC_WRITE) : FinancingApplication.findById(id);
        Viewer viewer = a == null ? null : access.viewerOf(caller, a).orElse(null);
        if (viewer == null) {
            throw ProblemException.notFound("Financing application " + id);
        }
        return new Visible(a, viewer);
    }

    public ApplicationView view(FinancingApplication a, Viewer viewer) {
        List<UUID> receivables = Pledges.receivablesOf(List.of(a.id)).stream().map(row -> (UUID) row[1]).toList();
        return ApplicationView.of(a, viewer, receivables, priority(a));
    }

    public Page<ApplicationView> list(Caller caller, ApplicationStatus status, Product product, String cursor, int limit) {
        ScopedFilter where = access.applicationsVisibleTo(caller, cursor).equal("status", status).equal("product", product);
        List<FinancingApplication> rows = FinancingApplication.<FinancingApplication>find(where.query(), where.params())
                .range(0, limit).list();
        Map<UUID, List<UUID>> receivables = new HashMap<>();
        for (Object[] row : Pledges.receivablesOf(rows.stream().map(a -> a.id).toList())) {
            receivables.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        return Page.of(rows, limit, a -> ApplicationView.of(a, access.viewerOf(caller, a).orElseThrow(),
                receivables.getOrDefault(a.id, List.of()), priority(a)), a -> a.id.toString());
    }

    // ---- a lender's answer ----

    @Transactional
    public Visible startReview(Caller caller, UUID id) {
        Visible v = locked(caller, id);
        FinancingApplication a = v.application();
        ApplicationStatus before = a.status;
        if (a.startReview(access.actingLender(caller, a), caller.subject(), Instant.now())) {
            settled(a, before);
        }
        return v;
    }

    @Transactional
    public Visible recommend(Caller caller, UUID id, Recommendation body) {
        Visible v = locked(caller, id);
        FinancingApplication a = v.application();
        UUID lender = access.actingLender(caller, a);
        ApplicationStatus before = a.status;
        Instant now = Instant.now();
        if (body.decision() == Recommendation.Decision.OFFER) {
            a.recommendOffer(lender, offer(body, a), caller.subject(), now);
        } else {
            a.recommendRefusal(lender, refusalReason(body), caller.subject(), now);
        }
        settled(a, before);
        return v;
    }

    /** An offer names all four terms, and lends at most what was asked for. */
    private static Offer offer(Recommendation body, FinancingApplication a) {
        List<FieldError> missing = new ArrayList<>();
        if (body.amount() == null) {
            missing.add(new FieldError("amount", "is required to offer"));
        }
        if (body.annualRate() == null) {
            missing.add(new FieldError("annual_rate", "is required to offer"));
        }
        if (body.termMonths() == null) {
            missing.add(new FieldError("term_months", "is required to offer"));
        }
        if (body.repaymentMethod() == null) {
            missing.add(new FieldError("repayment_method", "is required to offer"));
        }
        if (!missing.isEmpty()) {
            throw invalid(missing);
        }
        if (body.amount().compareTo(a.amount) > 0) {
            throw ProblemException.invalid("amount", "must be at most the amount applied for, " + a.amount.setScale(2));
        }
        return new Offer(body.amount().setScale(2), body.annualRate(), body.termMonths(), body.repaymentMethod());
    }

    private static String refusalReason(Recommendation body) {
        List<FieldError> wrong = new ArrayList<>();
        if (body.reason() == null || body.reason().isBlank()) {
            wrong.add(new FieldError("reason", "is required to refuse"));
        }
        for (Map.Entry<String, Object> term : termsOf(body).entrySet()) {
            if (term.getValue() != null) {
                wrong.add(new FieldError(term.getKey(), "must be absent when refusing"));
            }
        }
        if (!wrong.isEmpty()) {
            throw invalid(wrong);
        }
        return body.reason().strip();
    }

    private static Map<String, Object> termsOf(Recommendation body) {
        Map<String, Object> terms = new java.util.LinkedHashMap<>();
        terms.put("amount", body.amount());
        terms.put("annual_rate", body.annualRate());
        terms.put("term_months", body.termMonths());
        terms.put("repayment_method", body.repaymentMethod());
        return terms;
    }

    private static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(400, "validation", "Request is not valid", detail, errors, Map.of());
    }

    @Transactional
    public Visible approve(Caller caller, UUID id, Approval body) {
        Visible v = locked(caller, id);
        FinancingApplication a = v.application();
        UUID lender = access.actingLender(caller, a);
        ApplicationStatus before = a.status;
        Instant now = Instant.now();
        if (body.decision() == Approval.Decision.APPROVE) {
            a.approve(lender, caller.subject(), now, today().plusDays(config.offerValidDays()));
        } else {
            if (body.reason() == null || body.reason().isBlank()) {
                throw ProblemException.invalid("reason", "is required to return a recommendation");
            }
            a.returnRecommendation(lender, body.reason().strip(), caller.subject(), now);
        }
        settled(a, before);
        if (a.lender(lender).orElseThrow().status == LenderStatus.OFFERED) {
            events.publish(a, ApplicationEvents.OFFERED, lender);
        }
        return v;
    }

    // ---- the applicant ----

    @Transactional
    public Visible accept(Caller caller, UUID id, Acceptance body) {
        Visible v = locked(caller, id);
        FinancingApplication a = v.application();
        access.requireApplicant(caller, a);
        ApplicationStatus before = a.status;
        a.accept(body.lenderOrgId(), today(), Instant.now());
        pledges.assignLender(a.id, body.lenderOrgId());
        settled(a, before);
        return v;
    }

    @Transactional
    public Visible withdraw(Caller caller, UUID id, Withdrawal body) {
        Visible v = locked(caller, id);
        FinancingApplication a = v.application();
        access.requireApplicant(caller, a);
        String reason = body.reason().strip();
        if (reason.isEmpty()) {
            throw ProblemException.invalid("reason", "must not be blank");
        }
        ApplicationStatus before = a.status;
        a.withdraw(reason, Instant.now());
        settled(a, before);
        return v;
    }

    // ---- offers past their validity ----

    /** Lapses the application's expired offers, in a transaction of its own (the sweep runs one per application). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void lapseExpiredOffers(UUID id, LocalDate today) {
        FinancingApplication a = FinancingApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        ApplicationStatus before = a.status;
        if (a.lapseExpiredOffers(today, Instant.now())) {
            settled(a, before);
        }
    }

    // ---- shared by every change ----

    /**
     * After a transition: the new version is flushed (for the ETag and the event), a change of the
     * application's status is announced, and an application that ended frees its receivables.
     */
    void settled(FinancingApplication a, ApplicationStatus before) {
        FinancingApplication.flush();
        if (a.status == before) {
            return;
        }
        String type = eventFor(before, a.status);
        if (type != null) {
            events.publish(a, type, a.status == ApplicationStatus.ACCEPTED ? a.acceptedLenderOrgId : null);
        }
        if (ApplicationStatus.ENDED.contains(a.status)) {
            pledges.releaseAll(a.id, a.updatedAt);
        }
    }

    /**
     * The event announcing a change of status. OFFERED is announced per approved offer, with its
     * lender; an application going back from OFFERED to UNDER_REVIEW (its only offer lapsed while
     * another lender still reviews) is not announced: the review had started long before.
     */
    static String eventFor(ApplicationStatus before, ApplicationStatus now) {
        if (before == ApplicationStatus.ON_HOLD && now != ApplicationStatus.WITHDRAWN) {
            return ApplicationEvents.RESUMED;
        }
        return switch (now) {
            case UNDER_REVIEW -> before == ApplicationStatus.SUBMITTED ? ApplicationEvents.REVIEW_STARTED : null;
            case ACCEPTED -> ApplicationEvents.ACCEPTED;
            case DISBURSED -> ApplicationEvents.DISBURSED;
            case REPAID -> ApplicationEvents.REPAID;
            case REFUSED -> ApplicationEvents.REFUSED;
            case WITHDRAWN -> ApplicationEvents.WITHDRAWN;
            case LAPSED -> ApplicationEvents.LAPSED;
            case ON_HOLD -> ApplicationEvents.PUT_ON_HOLD;
            case SUBMITTED, OFFERED -> null;
        };
    }

    LocalDate today() {
        return LocalDate.now(finance.zone());
    }
}
