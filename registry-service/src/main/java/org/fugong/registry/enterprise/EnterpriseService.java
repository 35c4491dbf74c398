package org.fugong.registry.enterprise;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.fugong.platform.security.RegionScope;
import org.fugong.platform.standards.Uscc;
import org.fugong.registry.enterprise.api.EnterpriseView;
import org.fugong.registry.enterprise.api.RegisterEnterprise;
import org.fugong.registry.enterprise.api.StatusChange;
import org.fugong.registry.enterprise.api.UpdateEnterprise;
import org.fugong.registry.region.RegionService;
import org.hibernate.exception.ConstraintViolationException;

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
        history.open(e);
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
        // A county's full code is one value of region_code (always six digits): "=" lets enterprise_region
        // give the page in id order, where a prefix spanning several codes must be sorted or read from the
        // primary key (docs/benchmarks.md, "Reads at a million rows").
        String region = filter.region() == null ? null : RegionScope.prefixOf(filter.region());
        boolean oneCode = region != null && region.length() == 6;
        ScopedFilter where = ScopedFilter.forCaller(caller, "regionCode", "id", cursor)
                .prefix("regionCode", oneCode ? null : region)
                .equal("regionCode", oneCode ? region : null)
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
        Enterprise.Details details = new Enterprise.Details(patch.name(), patch.ownership(), patch.regionCode(),
                patch.industry(), patch.employees(), patch.annualRevenue(),
                patch.contact() == null ? null : patch.contact().name(),
                patch.contact() == null ? null : patch.contact().phone());
        // What decides the organisation's tier and size is not its own to change.
        for (EnterpriseDetail classifying : e.reclassifiedBy(details)) {
            access.requireClassifier(caller, e, classifying.property());
        }
        ETags.requireMatch(ifMatch, e.version);
        Set<EnterpriseDetail> changed = e.applyChanges(details, county -> {
            regions.requireCounty(county, "region_code");
            if (!caller.covers(county) && !caller.isAdmin()) {
                throw ProblemException.forbidden("Only an authority covering the new region may move an organisation");
            }
        }, Instant.now());
        publishDetails(e, changed);
        return e;
    }

    @Transactional
    public Enterprise changeStatus(Caller caller, UUID id, StatusChange change, String ifMatch) {
        Enterprise e = forAuthorityChange(caller, id, ifMatch);
        e.changeStatus(change.status(), change.reason(), Instant.now()).ifPresent(moved -> {
            Enterprise.flush();
            history.record(e, e.updatedAt);
            events.statusChanged(e, moved.previousStatus(), e.statusReason);
            moved.halted().ifPresent(halted -> events.resumptionStatusChanged(e, halted.previous(), halted.cause()));
        });
        return e;
    }

    @Transactional
    public Enterprise setKeyEnterprise(Caller caller, UUID id, boolean key, String ifMatch) {
        Enterprise e = forAuthorityChange(caller, id, ifMatch);
        publishDetails(e, e.markKeyEnterprise(key, Instant.now()));
        return e;
    }

    /** Records and publishes a change of details, if there was one; the contact person is never published. */
    private void publishDetails(Enterprise e, Set<EnterpriseDetail> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Enterprise.flush();
        if (changed.contains(EnterpriseDetail.REGION_CODE)) {
            history.record(e, e.updatedAt);
        }
        List<String> published = EnterpriseDetail.published(changed);
        if (!published.isEmpty()) {
            events.updated(e, published);
        }
    }

    /** Locked for a change only an authority covering it may make, at the version the caller saw. */
    private Enterprise forAuthorityChange(Caller caller, UUID id, String ifMatch) {
        Enterprise e = forUpdate(caller, id);
        access.requireAuthorityOver(caller, e);
        ETags.requireMatch(ifMatch, e.version);
        return e;
    }

    /**
     * Records and publishes a move of the resumption status that one of the organisation's
     * transitions made (a filing approved, a report taken), if it made one.
     */
    public void recordResumption(Enterprise e, Optional<ResumptionTransition> moved) {
        moved.ifPresent(m -> {
            Enterprise.flush();
            history.record(e, e.updatedAt);
            events.resumptionStatusChanged(e, m.previous(), m.cause());
        });
    }
}
