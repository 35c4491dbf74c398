package org.fugong.logistics.pass;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.logistics.LogisticsAccess;
import org.fugong.logistics.code.PassCodes;
import org.fugong.logistics.config.LogisticsConfig;
import org.fugong.logistics.organisation.Organisation;
import org.fugong.logistics.pass.api.NewPass;
import org.fugong.logistics.pass.api.PassDecisionRequest;
import org.fugong.logistics.pass.api.PassView;
import org.fugong.logistics.region.Region;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.standards.ResidentId;
import org.fugong.platform.standards.VehiclePlate;

@ApplicationScoped
public class PassService {

    @Inject
    PassEvents events;

    @Inject
    PassNumbers numbers;

    @Inject
    PassCodes codes;

    @Inject
    Revocations revocations;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    LogisticsConfig config;

    @Inject
    LogisticsAccess access;

    /** An enterprise applies for itself; the rule decides at once or leaves it for review. */
    @Transactional
    public IdempotentResponse apply(Caller caller, NewPass body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/green-passes", body, () -> {
            GreenPass p = issue(access.applyingEnterprise(caller), body, i -> "route[" + i + "]");
            return new Created<>(URI.create("/api/v1/green-passes/" + p.id), PassView.of(p, true),
                    Long.toString(p.version));
        });
    }

    /**
     * Checks an application (plate, driver's ID number, route, validity) and issues its pass: for an
     * enterprise's own application and for a shipment's vehicle alike.
     *
     * @param routeField the field to name when route entry {@code i} is bad (a shipment's body
     *                   names only the regions passed through)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GreenPass issue(UUID enterpriseId, NewPass body, IntFunction<String> routeField) {
        Organisation enterprise = Organisation.findById(enterpriseId);
        if (enterprise == null) {
            throw ProblemException.conflict("Your organisation is not known to logistics yet");
        }
        LocalDate today = LocalDate.now(config.zone());
        String plate = VehiclePlate.normalise(body.plate())
                .orElseThrow(() -> ProblemException.invalid("plate", "is not a GA 36-2018 vehicle plate"));
        String idNumber = body.driver().idNumber().strip().toUpperCase(Locale.ROOT);
        if (!ResidentId.isValid(idNumber, today)) {
            throw ProblemException.invalid("driver.id_number", "is not a valid GB 11643-1999 resident identity number");
        }
        List<Region> route = route(body.route(), routeField);
        checkWindow(body.validFrom(), body.validUntil(), today);
        return issue(new Issue(enterprise, plate, body.vehicleType(), body.driver().name().strip(),
                body.driver().phone(), idNumber, body.cargoCategory(), body.cargoDescription().strip(), route,
                body.validFrom(), body.validUntil()));
    }

    /**
     * A pass for a vehicle whose data has been checked (plate normalised, driver's ID number valid,
     * route of known regions with county ends): the decision, the number, the code once approved and
     * the {@code issued} event. Every pass comes to exist here, whoever asked for it — an enterprise
     * applying, or a charter trip being dispatched.
     */
    public record Issue(Organisation enterprise, String plate, VehicleType vehicleType, String driverName,
            String driverPhone, String driverIdNumber, CargoCategory cargoCategory, String cargoDescription,
            List<Region> route, LocalDate validFrom, LocalDate validUntil) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public GreenPass issue(Issue application) {
        List<Region> route = application.route();
        Region origin = route.get(0);
        Region destination = route.get(route.size() - 1);
        Organisation enterprise = application.enterprise();
        PassDecision decision = PassDecision.decide(
                new PassDecision.Applicant(enterprise.isActive(), enterprise.priorityTier, enterprise.keyEnterprise),
                application.cargoCategory(), origin.isHigh(), destination.isHigh());

        GreenPass p = new GreenPass();
        p.id = UuidV7.next();
        p.number = numbers.next(origin.code);
        p.enterpriseId = enterprise.id;
        p.plate = application.plate();
        p.vehicleType = application.vehicleType();
        p.driverName = application.driverName();
        p.driverPhone = application.driverPhone();
        p.driverIdNumber = application.driverIdNumber();
        p.cargoCategory = application.cargoCategory();
        p.cargoDescription = application.cargoDescription();
        p.route = String.join(",", route.stream().map(r -> r.code).toList());
        p.origin = origin.code;
        p.destination = destination.code;
        p.validFrom = application.validFrom();
        p.validUntil = application.validUntil();
        p.status = decision.status();
        p.rule = decision.rule();
        p.createdAt = GreenPass.now();
        p.updatedAt = p.createdAt;
        if (p.status == PassStatus.APPROVED) {
            signCode(p);
        }
        p.persistAndFlush();
        events.issued(p);
        return p;
    }

    public GreenPass visible(Caller caller, UUID id) {
        GreenPass p = GreenPass.findById(id);
        if (p == null || !access.canSee(caller, p)) {
            throw ProblemException.notFound("Green pass " + id);
        }
        return p;
    }

    public Page<PassView> list(Caller caller, PassStatus status, CargoCategory cargo, String cursor, int limit) {
        ScopedFilter where = access.passesVisibleTo(caller, cursor).equal("status", status)
                .equal("cargoCategory", cargo);
        List<GreenPass> rows = GreenPass.<GreenPass>find(where.query(), where.params()).range(0, limit).list();
        return Page.of(rows, limit, p -> PassView.of(p, access.seesDriver(caller, p)), p -> p.id.toString());
    }

    /** An authority covering the origin approves or refuses a pass under review. */
    @Transactional
    public GreenPass decide(Caller caller, UUID id, PassDecisionRequest body) {
        GreenPass p = GreenPass.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !access.canSee(caller, p)) {
            throw ProblemException.notFound("Green pass " + id);
        }
        access.requireReviewerOf(caller, p);
        Instant now = GreenPass.now();
        String reason = body.reason().strip();
        if (body.outcome() == PassDecisionRequest.Outcome.APPROVED) {
            p.approve(caller.subject(), reason, now);
            if (p.code == null) {
                signCode(p);
            }
            if (p.isListed()) {
                // Suspended before: handhelds that stopped it learn that it is good again.
                revocations.relist(p);
            }
            GreenPass.flush();
            events.approved(p);
        } else {
            p.refuse(caller.subject(), reason, now);
            GreenPass.flush();
            events.refused(p);
        }
        return p;
    }

    /** An authority covering either end of the route, or an administrator, withdraws a pass with a reason. */
    @Transactional
    public GreenPass revoke(Caller caller, UUID id, String reason) {
        GreenPass p = GreenPass.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !access.canSee(caller, p)) {
            throw ProblemException.notFound("Green pass " + id);
        }
        revocations.revoke(p, caller.subject(), reason.strip());
        return p;
    }

    public boolean seesDriver(Caller caller, GreenPass p) {
        return access.seesDriver(caller, p);
    }

    private void signCode(GreenPass p) {
        p.carryCode(codes.sign(p.number, p.plate, p.routeCodes(), p.validFrom, p.validUntil), codes.keyId());
    }

    /** Every code a known region; the two ends counties (where risk levels are set). */
    private static List<Region> route(List<String> codes, IntFunction<String> fieldOf) {
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Region r = Region.findById(codes.get(i));
            String field = fieldOf.apply(i);
            if (r == null) {
                throw ProblemException.invalid(field, "is not a GB/T 2260 region");
            }
            boolean end = i == 0 || i == codes.size() - 1;
            if (end && !r.countyLevel) {
                throw ProblemException.invalid(field, (i == 0 ? "the origin" : "the destination")
                        + " must be a county, not a " + r.level.toLowerCase(Locale.ROOT));
            }
            regions.add(r);
        }
        return regions;
    }

    private void checkWindow(LocalDate from, LocalDate until, LocalDate today) {
        if (from.isBefore(today)) {
            throw ProblemException.invalid("valid_from", "is in the past");
        }
        if (until.isBefore(from)) {
            throw ProblemException.invalid("valid_until", "is before valid_from");
        }
        long days = ChronoUnit.DAYS.between(from, until) + 1;
        if (days > config.maxPassDays()) {
            throw ProblemException.invalid("valid_until", "makes a window of " + days + " days; at most "
                    + config.maxPassDays() + " are allowed, both ends included");
        }
    }
}
