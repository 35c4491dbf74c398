package org.fugong.registry.enterprise;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.fugong.platform.http.ETags;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.standards.Uscc;
import org.fugong.registry.enterprise.api.EnterpriseView;
import org.fugong.registry.enterprise.api.RegisterEnterprise;
import org.fugong.registry.enterprise.api.StatusChange;
import org.fugong.registry.enterprise.api.UpdateEnterprise;
import org.fugong.registry.region.RegionService;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.Panache;

/** Registering, changing and finding organisations, with the caller's scope applied everywhere. */
@ApplicationScoped
public class EnterpriseService {

    @Inject
    RegionService regions;

    @Inject
    EnterpriseEvents events;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    EnterpriseAccess access;

    @Inject
    StatusHistory history;

    /** Search filters; null means any. */
    public record Filter(String region, Industry industry, PriorityTier tier, SizeClass size,
            EnterpriseStatus status, OrganisationKind kind, ResumptionStatus resumptionStatus) {
    }

    @Transactional
    public IdempotentResponse register(Caller caller, RegisterEnterprise request, String idempotencyKey) {
        String scope = caller.subject() + " POST /api/v1/enterprises";
        return idempotency.run(idempotencyKey, scope, request, () -> {
            Enterprise e = create(caller, request);
            return new Created<>(URI.create("/api/v1/enterprises/" + e.id), access.view(caller, e),
                    ETags.of(e.version).getValue());
        });
    }

    private Enterprise create(Caller caller, RegisterEnterprise request) {
        String uscc = Uscc.normalise(request.uscc());
        Uscc.problem(uscc).ifPresent(problem -> {
            throw ProblemException.invalid("uscc", problem);
        });
        regions.requireCounty(request.regionCode(), "region_code");
        if (!caller.covers(request.regionCode())) {
            throw ProblemException.forbidden("Your region scope does not cover " + request.regionCode());
        }
        Enterprise e = new Enterprise();
        e.id = UuidV7.next();
        e.kind = request.kind();
        e.name = request.name().strip();
        e.uscc = uscc;
        e.regionCode = request.regionCode();
        e.ownership = request.ownership();
        e.classify(request.industry(), request.employees(), request.annualRevenue());
        e.status = EnterpriseStatus.ACTIVE;
        e.resumptionStatus = ResumptionStatus.NOT_RESUMED;
        if (request.contact() != null) {
            e.contactName = request.contact().name().strip();
            e.contactPhone = request.contact().phone().strip();
        }
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        try {
            e.persistAndFlush();
        } catch (PersistenceException failure) {
            // The unique index on uscc decides, also between concurrent registrations.
            if (failure instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().contains("uscc")) {
                throw ProblemException.conflict("uscc", "an organisation with this code is already registered");
            }
            throw failure;
        }
        history.record(e, e.createdAt);
        events.registered(e);
        return e;
    }

    public Enterprise visible(Caller caller, UUID id) {
        Enterprise e = id == null ? null : Enterprise.findById(id);
        if (e == null || !access.canSee(caller, e)) {
            throw ProblemException.notFound("Enterprise " + id);
        }
        return e;
    }

    /**
     * Loads for change, locked by the read itself, then applies the same visibility check as a read.
     * Reading first and locking after would let another transaction change the row in between, and
     * Hibernate would fail the lock on the stale version.
     */
    public Enterprise forUpdate(Caller caller, UUID id) {
        Enterprise e = id == null ? null : Enterprise.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || !access.canSee(caller, e)) {
            throw ProblemException.notFound("Enterprise " + id);
        }
        return e;
    }

    public Page<EnterpriseView> list(Caller caller, Filter filter, String cursor, int limit) {
        ScopedFilter where = ScopedFilter.forCaller(caller, "regionCode", "id", cursor)
                .prefix("regionCode", filter.region())
                .equal("industry", filter.industry())
                .equal("priorityTier", filter.tier())
                .equal("sizeClass", filter.size())
                .equal("status", filter.status())
                .equal("kind", filter.kind())
                .equal("resumptionStatus", filter.resumptionStatus());
        List<Enterprise> rows = Enterprise.<Enterprise>find(where.query(), where.params()).range(0, limit).list();
        return Page.of(rows, limit, e -> access.view(caller, e), e -> e.id.toString());
    }

    @Transactional
    public Enterprise update(Caller caller, UUID id, UpdateEnterprise patch, String ifMatch) {
        Enterprise e = forUpdate(caller, id);
        if (!access.canEdit(caller, e)) {
            throw ProblemException.forbidden("Only the organisation itself, its authority or an administrator may change it");
        }
        Industry industry = patch.industry() != null ? patch.industry() : e.industry;
        int employees = patch.employees() != null ? patch.employees() : e.employees;
        BigDecimal revenue = patch.annualRevenue() != null ? patch.annualRevenue() : e.annualRevenue;
        // What decides the organisation's tier and size is not its own to change.
        if (industry != e.industry) {
            access.requireClassifier(caller, e, "industry");
        }
        if (employees != e.employees) {
            access.requireClassifier(caller, e, "employees");
        }
        if (revenue.compareTo(e.annualRevenue) != 0) {
            access.requireClassifier(caller, e, "annual_revenue");
        }
        ETags.requireMatch(ifMatch, e.version);
        requireNotDeregistered(e);
        List<String> changed = new ArrayList<>();
        if (patch.name() != null && !patch.name().strip().equals(e.name)) {
            e.name = patch.name().strip();
            changed.add("name");
        }
        if (patch.ownership() != null && patch.ownership() != e.ownership) {
            e.ownership = patch.ownership();
            changed.add("ownership");
        }
        if (patch.regionCode() != null && !patch.regionCode().equals(e.regionCode)) {
            regions.requireCounty(patch.regionCode(), "region_code");
            if (!caller.covers(patch.regionCode()) && !caller.isAdmin()) {
                throw ProblemException.forbidden("Only an authority covering the new region may move an organisation");
            }
            e.regionCode = patch.regionCode();
            changed.add("region_code");
        }
        if (industry != e.industry || employees != e.employees || revenue.compareTo(e.annualRevenue) != 0) {
            if (industry != e.industry) {
                changed.add("industry");
            }
            if (employees != e.employees) {
                changed.add("employees");
            }
            if (revenue.compareTo(e.annualRevenue) != 0) {
                changed.add("annual_revenue");
            }
            SizeClass size = e.sizeClass;
            PriorityTier tier = e.priorityTier;
            e.classify(industry, employees, revenue);
            if (size != e.sizeClass) {
                changed.add("size_class");
            }
            if (tier != e.priorityTier) {
                changed.add("priority_tier");
            }
        }
        if (patch.contact() != null && (!Objects.equals(patch.contact().name(), e.contactName)
                || !Objects.equals(patch.contact().phone(), e.contactPhone))) {
            e.contactName = patch.contact().name().strip();
            e.contactPhone = patch.contact().phone().strip();
            changed.add("contact");
        }
        if (!changed.isEmpty()) {
            e.updatedAt = Instant.now();
            flush();
            if (changed.contains("region_code")) {
                history.record(e, e.updatedAt);
            }
            // The contact person is personal data: it changes the record but is never published.
            List<String> published = changed.stream().filter(c -> !c.equals("contact")).toList();
            if (!published.isEmpty()) {
                events.updated(e, published);
            }
        }
        return e;
    }

    @Transactional
    public Enterprise changeStatus(Caller caller, UUID id, StatusChange change, String ifMatch) {
        Enterprise e = forAuthorityChange(caller, id, ifMatch);
        if (change.status() == e.status) {
            return e;
        }
        if (change.status() == EnterpriseStatus.SUSPENDED && (change.reason() == null || change.reason().isBlank())) {
            throw ProblemException.invalid("reason", "is required to suspend an organisation");
        }
        EnterpriseStatus previous = e.status;
        e.status = change.status();
        e.statusReason = change.status() == EnterpriseStatus.ACTIVE ? null : blankToNull(change.reason());
        e.updatedAt = Instant.now();
        ResumptionStatus previousResumption = e.resumptionStatus;
        boolean halts = change.status() != EnterpriseStatus.ACTIVE
                && (e.resumptionStatus == ResumptionStatus.RESUMING || e.resumptionStatus == ResumptionStatus.RESUMED);
        if (halts) {
            e.resumptionStatus = ResumptionStatus.HALTED;
        }
        flush();
        history.record(e, e.updatedAt);
        events.statusChanged(e, previous, e.statusReason);
        if (halts) {
            events.resumptionStatusChanged(e, previousResumption, "STATUS_" + change.status());
        }
        return e;
    }

    @Transactional
    public Enterprise setKeyEnterprise(Caller caller, UUID id, boolean key, String ifMatch) {
        Enterprise e = forAuthorityChange(caller, id, ifMatch);
        if (e.keyEnterprise != key) {
            e.keyEnterprise = key;
            e.updatedAt = Instant.now();
            flush();
            events.updated(e, List.of("key_enterprise"));
        }
        return e;
    }

    /** Locked for a change only an authority covering it may make, at the version the caller saw. */
    private Enterprise forAuthorityChange(Caller caller, UUID id, String ifMatch) {
        Enterprise e = forUpdate(caller, id);
        access.requireAuthorityOver(caller, e);
        ETags.requireMatch(ifMatch, e.version);
        requireNotDeregistered(e);
        return e;
    }

    /** Moves the resumption status and publishes the change, if it is one. */
    public void moveResumption(Enterprise e, ResumptionStatus next, String cause) {
        if (e.resumptionStatus == next) {
            return;
        }
        ResumptionStatus previous = e.resumptionStatus;
        e.resumptionStatus = next;
        e.updatedAt = Instant.now();
        flush();
        history.record(e, e.updatedAt);
        events.resumptionStatusChanged(e, previous, cause);
    }

    public static void requireActive(Enterprise e) {
        if (!e.isActive()) {
            throw ProblemException.conflict("The organisation is " + e.status + " and cannot do this");
        }
    }

    private static void requireNotDeregistered(Enterprise e) {
        if (e.status == EnterpriseStatus.DEREGISTERED) {
            throw ProblemException.conflict("The organisation is deregistered; its record is closed");
        }
    }

    private static void flush() {
        Panache.getEntityManager().flush();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
