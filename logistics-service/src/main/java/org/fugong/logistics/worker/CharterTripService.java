package org.fugong.logistics.worker;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.logistics.LogisticsAccess;
import org.fugong.logistics.config.LogisticsConfig;
import org.fugong.logistics.config.WorkersConfig;
import org.fugong.logistics.organisation.Organisation;
import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.pass.PassService;
import org.fugong.logistics.pass.PassStatus;
import org.fugong.logistics.pass.Revocations;
import org.fugong.logistics.pass.VehicleType;
import org.fugong.logistics.region.Region;
import org.fugong.logistics.worker.api.CharterTripView;
import org.fugong.logistics.worker.api.CharterTripView.EnterpriseCount;
import org.fugong.logistics.worker.api.NewCharterTrip;
import org.fugong.logistics.worker.api.WorkerRequestView;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.platform.standards.ResidentId;
import org.fugong.platform.standards.VehiclePlate;

/**
 * Charter trips: planning, assigning requests under the seat cap, dispatch with its pass, arrival
 * and cancellation. Every change locks the trip's row first (and then its requests'), so seat
 * counts cannot race and locks are always taken in the same order.
 */
@ApplicationScoped
public class CharterTripService {

    /** A day's drive may run past midnight: the pass is good on the travel date and the day after. */
    static final int PASS_DAYS_AFTER_TRAVEL = 1;

    @Inject
    LogisticsAccess access;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    LogisticsConfig config;

    @Inject
    WorkersConfig workers;

    @Inject
    PassService passes;

    @Inject
    Revocations revocations;

    @Inject
    WorkerTripEvents events;

    @Transactional
    public IdempotentResponse plan(Caller caller, NewCharterTrip body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/charter-trips", body, () -> {
            Organisation enterprise = null;
            if (!caller.hasRole(Role.AUTHORITY)) {
                UUID own = access.requestingEnterprise(caller);
                enterprise = Organisation.findById(own);
                if (enterprise == null) {
                    throw ProblemException.conflict("Your organisation is not known to logistics yet");
                }
                if (!enterprise.isActive()) {
                    throw ProblemException.conflict("Your organisation is " + enterprise.status
                            + " in the registry; only an ACTIVE enterprise plans trips");
                }
            }
            LocalDate today = LocalDate.now(config.zone());
            Region destination = WorkerRules.county("destination_region", body.destinationRegion());
            access.requirePlannerOf(caller, destination.code, enterprise == null ? null : enterprise.regionCode);
            String plate = VehiclePlate.normalise(body.plate())
                    .orElseThrow(() -> ProblemException.invalid("plate", "is not a GA 36-2018 vehicle plate"));
            String driverId = body.driver().idNumber().strip().toUpperCase(Locale.ROOT);
            if (!ResidentId.isValid(driverId, today)) {
                throw ProblemException.invalid("driver.id_number", "is not a valid GB 11643-1999 resident identity number");
            }
            WorkerRules.checkDate(body.travelDate(), today, workers.horizonDays());
            Region origin = WorkerRules.county("origin_region", body.originRegion());
            if (origin.code.equals(destination.code)) {
                throw ProblemException.invalid("destination_region", "is the origin itself: a trip goes somewhere else");
            }
            List<String> via = body.via() == null ? List.of() : body.via();
            for (int i = 0; i < via.size(); i++) {
                if (Region.findById(via.get(i)) == null) {
                    throw ProblemException.invalid("via[" + i + "]", "is not a GB/T 2260 region");
                }
            }
            OriginRule.require(origin.code, origin.riskLevel);

            CharterTrip t = new CharterTrip();
            t.id = UuidV7.next();
            t.enterpriseId = enterprise == null ? null : enterprise.id;
            t.plannedBy = caller.subject();
            t.plate = plate;
            t.seats = body.seats();
            t.passengers = 0;
            t.travelDate = body.travelDate();
            t.origin = origin.code;
            t.destination = destination.code;
            t.via = String.join(",", via);
            t.driverName = body.driver().name().strip();
            t.driverPhone = body.driver().phone();
            t.driverIdNumber = driverId;
            t.status = TripStatus.PLANNED;
            t.createdAt = GreenPass.now();
            t.updatedAt = t.createdAt;
            t.persistAndFlush();
            events.planned(state(t));
            return new Created<>(URI.create("/api/v1/charter-trips/" + t.id), view(caller, t),
                    Long.toString(t.version));
        });
    }

    public CharterTrip visible(Caller caller, UUID id) {
        return visible(caller, CharterTrip.findById(id), id);
    }

    public CharterTripView view(Caller caller, CharterTrip t) {
        return views(caller, List.of(t)).get(0);
    }

    public Page<CharterTripView> list(Caller caller, TripStatus status, LocalDate travelDate, String originPrefix,
            String destinationPrefix, String cursor, int limit) {
        ScopedFilter where = access.tripsVisibleTo(caller, cursor).equal("status", status)
                .equal("travelDate", travelDate).prefix("origin", originPrefix).prefix("destination", destinationPrefix);
        List<CharterTrip> rows = CharterTrip.<CharterTrip>find(where.query(), where.params()).range(0, limit).list();
        List<CharterTripView> shown = views(caller, rows.subList(0, Math.min(limit, rows.size())));
        Map<UUID, CharterTripView> byId = new HashMap<>();
        shown.forEach(v -> byId.put(v.id(), v));
        return Page.of(rows, limit, t -> byId.get(t.id), t -> t.id.toString());
    }

    /**
     * Puts a request on a trip. The trip's row is locked first: two assignments racing for its last
     * seats queue here, and the second sees the first's passengers.
     */
    @Transactional
    public IdempotentResponse assign(Caller caller, UUID tripId, UUID requestId, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/charter-trips/{id}/assignments",
                new AssignmentKey(tripId, requestId), () -> {
                    CharterTrip t = lockVisible(caller, tripId);
                    access.requireRunnerOf(caller, t);
                    WorkerTransportRequest r = WorkerTransportRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
                    // A trip an enterprise planned carries that enterprise's requests only.
                    if (r == null || !access.canSee(caller, r)
                            || (t.enterpriseId != null && !t.enterpriseId.equals(r.enterpriseId))) {
                        throw ProblemException.notFound("Worker transport request " + requestId);
                    }
                    Region origin = Region.findById(t.origin);
                    OriginRule.require(origin.code, origin.riskLevel);
                    t.assign(r, workers.maxSeatFillPercent(), GreenPass.now());
                    CharterTrip.flush();
                    events.passengersAssigned(state(t), r);
                    return new Created<>(URI.create("/api/v1/worker-transport-requests/" + r.id),
                            WorkerRequestView.of(r, WorkerRequestService.manifests(List.of(r.id))
                                    .getOrDefault(r.id, List.of()), access.seesManifest(caller, r)),
                            Long.toString(r.version));
                });
    }

    /**
     * Closes the manifest and applies for the trip's RETURNING_WORKERS pass through the pass rules,
     * in the name of its lead enterprise: the one that planned it, or the one whose request was
     * assigned first.
     */
    @Transactional
    public CharterTrip dispatch(Caller caller, UUID id) {
        CharterTrip t = lockVisible(caller, id);
        access.requireRunnerOf(caller, t);
        Region origin = Region.findById(t.origin);
        if (t.status == TripStatus.PLANNED) {
            OriginRule.require(origin.code, origin.riskLevel);
        }
        LocalDate today = LocalDate.now(config.zone());
        t.dispatch(today, GreenPass.now());
        List<Region> route = new ArrayList<>();
        route.add(origin);
        t.viaCodes().forEach(code -> route.add(Region.findById(code)));
        route.add(Region.findById(t.destination));
        GreenPass pass = passes.issue(new PassService.Issue(leadEnterprise(t), t.plate, VehicleType.BUS, t.driverName,
                t.driverPhone, t.driverIdNumber, CargoCategory.RETURNING_WORKERS,
                "Charter trip " + t.id + ": " + t.passengers + " returning workers", route, t.travelDate,
                t.travelDate.plusDays(PASS_DAYS_AFTER_TRAVEL)));
        t.carryPass(pass.id);
        CharterTrip.flush();
        events.dispatched(state(t));
        return t;
    }

    @Transactional
    public CharterTrip arrive(Caller caller, UUID id) {
        CharterTrip t = lockVisible(caller, id);
        access.requireRunnerOf(caller, t);
        t.arrive(onBoard(t), GreenPass.now());
        CharterTrip.flush();
        events.arrived(state(t));
        return t;
    }

    /** Calls a trip off: its requests wait for another trip, and its pass (if any) is revoked. */
    @Transactional
    public CharterTrip cancel(Caller caller, UUID id, String reason) {
        CharterTrip t = lockVisible(caller, id);
        access.requireRunnerOf(caller, t);
        // The state is checked before the pass is touched: a refused cancellation changes nothing.
        t.cancel(reason.strip(), onBoard(t), GreenPass.now());
        if (t.passId != null) {
            GreenPass pass = GreenPass.findById(t.passId, LockModeType.PESSIMISTIC_WRITE);
            if (pass.isLive()) {
                revocations.revoke(pass, caller.subject(), "Charter trip cancelled: " + t.cancellationReason);
            }
        }
        CharterTrip.flush();
        events.cancelled(state(t));
        return t;
    }

    private CharterTrip lockVisible(Caller caller, UUID id) {
        return visible(caller, CharterTrip.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private CharterTrip visible(Caller caller, CharterTrip t, UUID id) {
        if (t == null || !access.canSee(caller, t, carriesRequestOf(caller, t))) {
            throw ProblemException.notFound("Charter trip " + id);
        }
        return t;
    }

    private static boolean carriesRequestOf(Caller caller, CharterTrip t) {
        return caller.orgId().map(org -> WorkerTransportRequest.count("tripId = ?1 and enterpriseId = ?2", t.id, org) > 0)
                .orElse(false);
    }

    /** The requests on the trip, locked after the trip (the one order every change takes its locks in). */
    private static List<WorkerTransportRequest> onBoard(CharterTrip t) {
        return WorkerTransportRequest.<WorkerTransportRequest>find("tripId = ?1 order by id", t.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static Organisation leadEnterprise(CharterTrip t) {
        UUID lead = t.enterpriseId;
        if (lead == null) {
            lead = WorkerTransportRequest.find("select r.enterpriseId from WorkerTransportRequest r where r.tripId = ?1 "
                    + "order by r.assignedAt, r.id", t.id).project(UUID.class).firstResult();
        }
        return Objects.requireNonNull(Organisation.<Organisation>findById(lead), "a request's enterprise is in the read model");
    }

    /** Views of many trips with their counts and passes in two queries, whatever the number of trips. */
    private List<CharterTripView> views(Caller caller, List<CharterTrip> trips) {
        Map<UUID, Counts> counts = counts(trips.stream().map(t -> t.id).toList());
        List<UUID> passIds = trips.stream().map(t -> t.passId).filter(Objects::nonNull).toList();
        Map<UUID, GreenPass> passById = new HashMap<>();
        if (!passIds.isEmpty()) {
            GreenPass.<GreenPass>list("id in ?1", passIds).forEach(p -> passById.put(p.id, p));
        }
        int percent = workers.maxSeatFillPercent();
        UUID own = caller.orgId().orElse(null);
        return trips.stream().map(t -> {
            Counts c = counts.getOrDefault(t.id, Counts.NONE);
            List<EnterpriseCount> byEnterprise = access.seesEveryEnterpriseOn(caller, t) ? c.byEnterprise()
                    : c.byEnterprise().stream().filter(e -> e.enterpriseId().equals(own)).toList();
            GreenPass pass = t.passId == null ? null : passById.get(t.passId);
            return CharterTripView.of(t, t.maxPassengers(percent), new CharterTripView.Extras(c.requests(),
                    byEnterprise, pass == null ? null : pass.number, pass == null ? null : pass.status),
                    access.runs(caller, t));
        }).toList();
    }

    /** What an assignment's Idempotency-Key stands for: the trip in the path and the request in the body. */
    record AssignmentKey(UUID tripId, UUID requestId) {
    }

    record Counts(int requests, List<EnterpriseCount> byEnterprise) {
        static final Counts NONE = new Counts(0, List.of());
    }

    private static Map<UUID, Counts> counts(List<UUID> tripIds) {
        Map<UUID, Counts> counts = new HashMap<>();
        if (tripIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = WorkerTransportRequest.getEntityManager().createQuery("""
                select r.tripId, r.enterpriseId, count(r), sum(r.passengers) from WorkerTransportRequest r
                where r.tripId in :trips group by r.tripId, r.enterpriseId order by r.tripId, r.enterpriseId""",
                Object[].class).setParameter("trips", tripIds).getResultList();
        for (Object[] row : rows) {
            UUID trip = (UUID) row[0];
            Counts before = counts.getOrDefault(trip, Counts.NONE);
            List<EnterpriseCount> byEnterprise = new ArrayList<>(before.byEnterprise());
            byEnterprise.add(new EnterpriseCount((UUID) row[1], ((Number) row[3]).intValue()));
            counts.put(trip, new Counts(before.requests() + ((Number) row[2]).intValue(), byEnterprise));
        }
        return counts;
    }

    /** The trip as its events tell it: counts only. */
    private WorkerTripEvents.State state(CharterTrip t) {
        Counts c = counts(List.of(t.id)).getOrDefault(t.id, Counts.NONE);
        String passNumber = t.passId == null ? null : GreenPass.<GreenPass>findById(t.passId).number;
        List<WorkerTripEvents.OriginCount> byOrigin = t.passengers == 0 ? List.of()
                : List.of(new WorkerTripEvents.OriginCount(t.origin, t.passengers));
        return new WorkerTripEvents.State(t.id, t.enterpriseId, t.plate, t.seats,
                t.maxPassengers(workers.maxSeatFillPercent()), t.passengers, c.requests(), t.travelDate,
                t.origin, t.destination, t.viaCodes(), t.status, byOrigin,
                c.byEnterprise().stream().map(e -> new WorkerTripEvents.EnterpriseCount(e.enterpriseId(), e.passengers()))
                        .toList(),
                passNumber, t.dispatchedAt, t.arrivedAt, t.cancelledAt, t.cancellationReason, t.version, t.updatedAt);
    }
}
