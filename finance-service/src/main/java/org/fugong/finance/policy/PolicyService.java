package org.fugong.finance.policy;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.fugong.finance.config.FinanceConfig;
import org.fugong.finance.db.NativeSql;
import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.policy.api.PolicyBody;
import org.fugong.finance.policy.api.PolicyMatchView;
import org.fugong.finance.policy.api.PolicyMatchView.DecisionView;
import org.fugong.finance.policy.api.PolicyView;
import org.fugong.finance.policy.api.SubsidyTerms;
import org.fugong.finance.policy.eligibility.EligibilityRules;
import org.fugong.finance.policy.eligibility.InvalidEligibility;
import org.fugong.finance.policy.eligibility.Rule;
import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.Problem.FieldError;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/**
 * Policies as administrators maintain them, and the matches everyone with a view of an enterprise
 * may read. Every change re-evaluates the policy's matches in the same transaction, so a policy
 * and the matches of its version commit together.
 */
@ApplicationScoped
public class PolicyService {

    static final String MEASURE_UNIQUE = "policy_document_measure_unique";

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    PolicyMatcher matcher;

    @Inject
    PolicyEvents events;

    @Inject
    FinanceConfig config;

    @Inject
    NativeSql sql;

    @Inject
    ObjectMapper json;

    LocalDate today() {
        return LocalDate.now(config.zone());
    }

    @Transactional
    public IdempotentResponse create(Caller caller, PolicyBody body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/policies", body, () -> {
            JsonNode eligibility = validate(body);
            Policy p = new Policy();
            p.id = UuidV7.next();
            p.createdAt = Instant.now();
            apply(p, body, eligibility, p.createdAt);
            save(p);
            matcher.reevaluatePolicy(p.id);
            events.created(p, eligibility);
            return new Created<>(URI.create("/api/v1/policies/" + p.id), PolicyView.of(p, eligibility, today()),
                    ETags.of(p.version).getValue());
        });
    }

    /** A full replacement at the version the caller saw (If-Match): two administrators must not overwrite each other. */
    @Transactional
    public PolicyView update(UUID id, PolicyBody body, String ifMatch) {
        Policy p = Policy.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("Policy " + id);
        }
        ETags.requireMatch(ifMatch, p.version);
        JsonNode eligibility = validate(body);
        apply(p, body, eligibility, Instant.now());
        save(p);
        matcher.reevaluatePolicy(p.id);
        events.updated(p, eligibility);
        return PolicyView.of(p, eligibility, today());
    }

    public Policy get(UUID id) {
        Policy p = id == null ? null : Policy.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Policy " + id);
        }
        return p;
    }

    public PolicyView view(Policy p) {
        return PolicyView.of(p, tree(p.eligibility), today());
    }

    public Page<PolicyView> list(PolicyKind kind, String cursor, int limit) {
        UUID after = Cursor.decodeUuid(cursor);
        StringBuilder where = new StringBuilder("id > :after");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("after", after == null ? new UUID(0, 0) : after));
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        List<Policy> rows = Policy.<Policy>find(where.toString(), Sort.by("id"), params).range(0, limit).list();
        LocalDate today = today();
        return Page.of(rows, limit, p -> PolicyView.of(p, tree(p.eligibility), today), p -> p.id.toString());
    }

    /**
     * The policies the enterprise qualifies for. Its own people (ENTERPRISE) see its matches, an
     * authority those of enterprises in its region scope, administrators all; anyone else, and an
     * enterprise finance has not heard of, 404.
     */
    public Page<PolicyMatchView> matches(Caller caller, UUID enterpriseId, String cursor, int limit) {
        Organisation enterprise = Organisation.findById(enterpriseId);
        boolean visible = enterprise != null && (caller.isAdmin()
                || (caller.hasRole(Role.ENTERPRISE) && caller.actsFor(enterprise.id))
                || (caller.hasRole(Role.AUTHORITY) && caller.covers(enterprise.regionCode)));
        if (!visible) {
            throw ProblemException.notFound("Enterprise " + enterpriseId);
        }
        UUID after = Cursor.decodeUuid(cursor);
        List<Object[]> rows = sql.rows("""
                SELECT m.policy_id, p.name, p.kind, p.issuing_body, p.document_number, p.grants, p.valid_from,
                       p.valid_until, m.decided_by::text, m.matched_at
                FROM policy_match m JOIN policy p ON p.id = m.policy_id
                WHERE m.enterprise_id = :enterprise AND m.policy_id > :after
                ORDER BY m.policy_id LIMIT :rows""",
                Map.of("enterprise", enterpriseId, "after", after == null ? new UUID(0, 0) : after, "rows", limit + 1));
        LocalDate today = today();
        return Page.of(rows, limit, r -> {
            LocalDate from = date(r[6]);
            LocalDate until = date(r[7]);
            boolean inForce = !today.isBefore(from) && (until == null || !today.isAfter(until));
            return new PolicyMatchView(enterpriseId, (UUID) r[0], (String) r[1], PolicyKind.valueOf((String) r[2]),
                    (String) r[3], (String) r[4], (String) r[5], from, until, inForce, decisions((String) r[8]),
                    instant(r[9]));
        }, r -> r[0].toString());
    }

    /**
     * The INTEREST_SUBSIDY policy that grants the enterprise a subsidy on a loan disbursed that day:
     * one with terms, in force on the day, that the enterprise matches (its stored match, kept equal to
     * the policy's eligibility over the registry's facts). When several do, the one that took effect
     * last (a later measure supersedes an earlier one), then the highest id, so the choice is stable.
     */
    public Optional<Policy> interestSubsidyFor(UUID enterpriseId, LocalDate on) {
        List<Object[]> ids = sql.rows("""
                SELECT p.id, p.valid_from FROM policy p JOIN policy_match m ON m.policy_id = p.id
                WHERE m.enterprise_id = :enterprise AND p.kind = 'INTEREST_SUBSIDY' AND p.subsidy_basis IS NOT NULL
                  AND p.valid_from <= :on AND (p.valid_until IS NULL OR p.valid_until >= :on)
                ORDER BY p.valid_from DESC, p.id DESC LIMIT 1""", Map.of("enterprise", enterpriseId, "on", on));
        return ids.stream().findFirst().map(r -> Policy.<Policy>findById(r[0]));
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private List<DecisionView> decisions(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<DecisionView>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("A stored match does not parse", e);
        }
    }

    /** The eligibility as a rule (400 naming every bad node otherwise), in its canonical JSON. */
    private static JsonNode validate(PolicyBody body) {
        if (body.validUntil() != null && body.validUntil().isBefore(body.validFrom())) {
            throw ProblemException.invalid("valid_until", "is before valid_from");
        }
        if (body.subsidy() != null && body.kind() != PolicyKind.INTEREST_SUBSIDY) {
            throw ProblemException.invalid("subsidy", "is for an INTEREST_SUBSIDY policy only");
        }
        try {
            Rule rule = EligibilityRules.parse(body.eligibility());
            return EligibilityRules.toJson(rule);
        } catch (InvalidEligibility e) {
            List<FieldError> errors = e.problems().stream().map(p -> new FieldError(p.path(), p.message())).toList();
            throw new ProblemException(400, "validation", "Request is not valid",
                    "eligibility: " + errors.size() + " rule" + (errors.size() == 1 ? " is" : "s are") + " not valid",
                    errors, Map.of());
        }
    }

    private static void apply(Policy p, PolicyBody body, JsonNode eligibility, Instant at) {
        p.name = body.name().strip();
        p.kind = body.kind();
        p.issuingBody = body.issuingBody().strip();
        p.documentNumber = body.documentNumber().strip();
        p.documentTitle = body.documentTitle() == null || body.documentTitle().isBlank() ? null : body.documentTitle().strip();
        p.grants = body.grants().strip();
        p.validFrom = body.validFrom();
        p.validUntil = body.validUntil();
        p.eligibility = eligibility.toString();
        SubsidyTerms subsidy = body.subsidy();
        p.subsidyBasis = subsidy == null ? null : subsidy.basis();
        p.subsidySharePercent = subsidy == null ? null : subsidy.sharePercent();
        p.subsidyMonths = subsidy == null ? null : subsidy.months();
        p.updatedAt = at;
    }

    /** Flushed now: the matcher reads the policy through the same connection, and the unique measure is decided here. */
    private static void save(Policy p) {
        try {
            p.persistAndFlush();
        } catch (PersistenceException failure) {
            if (failure instanceof ConstraintViolationException violation
                    && MEASURE_UNIQUE.equals(violation.getConstraintName())) {
                throw ProblemException.conflict("name", "is already a measure of document " + p.documentNumber);
            }
            throw failure;
        }
    }

    private JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("A stored eligibility does not parse", e);
        }
    }
}
