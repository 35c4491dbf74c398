package org.fugong.logistics.worker;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.logistics.LogisticsAccess;
import org.fugong.logistics.config.LogisticsConfig;
import org.fugong.logistics.config.WorkersConfig;
import org.fugong.logistics.organisation.Organisation;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.region.Region;
import org.fugong.logistics.worker.api.NewWorkerRequest;
import org.fugong.logistics.worker.api.WorkerRequestView;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.Problem.FieldError;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.standards.ResidentId;

/** Enterprises' requests to bring employees back, with their passenger manifests. */
@ApplicationScoped
public class WorkerRequestService {

    @Inject
    LogisticsAccess access;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    LogisticsConfig config;

    @Inject
    WorkersConfig workers;

    @Transactional
    public IdempotentResponse submit(Caller caller, NewWorkerRequest body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/worker-transport-requests", body, () -> {
            UUID enterpriseId = access.requestingEnterprise(caller);
            // Locked so that two submissions of one enterprise check each other's manifests in turn.
            Organisation enterprise = Organisation.findById(enterpriseId, LockModeType.PESSIMISTIC_WRITE);
            if (enterprise == null) {
                throw ProblemException.conflict("Your organisation is not known to logistics yet");
            }
            if (!enterprise.isActive()) {
                throw ProblemException.conflict("Your organisation is " + enterprise.status
                        + " in the registry; only an ACTIVE enterprise brings employees back");
            }
            LocalDate today = LocalDate.now(config.zone());
            WorkerRules.checkDate(body.travelDate(), today, workers.horizonDays());
            Region origin = WorkerRules.county("origin_region", body.originRegion());
            OriginRule.require(origin.code, origin.riskLevel);
            if (origin.code.equals(enterprise.regionCode)) {
                throw ProblemException.invalid("origin_region", "is your own county: nobody needs bringing back from it");
            }
            List<Passenger> manifest = manifest(body.passengers());
            refuseSomeoneAlreadyComing(enterpriseId, body.travelDate(), manifest);

            WorkerTransportRequest r = new WorkerTransportRequest();
            r.id = UuidV7.next();
            r.enterpriseId = enterpriseId;
            r.origin = origin.code;
            r.destination = enterprise.regionCode;
            r.travelDate = body.travelDate();
            r.passengers = manifest.size();
            r.status = RequestStatus.SUBMITTED;
            r.createdAt = GreenPass.now();
            r.updatedAt = r.createdAt;
            r.persist();
            manifest.forEach(p -> {
                p.requestId = r.id;
                p.persist();
            });
            WorkerTransportRequest.flush();
            return new Created<>(URI.create("/api/v1/worker-transport-requests/" + r.id),
                    WorkerRequestView.of(r, manifest, true), Long.toString(r.version));
        });
    }

    public WorkerTransportRequest visible(Caller caller, UUID id) {
        WorkerTransportRequest r = WorkerTransportRequest.findById(id);
        if (r == null || !access.canSee(caller, r)) {
            throw ProblemException.notFound("Worker transport request " + id);
        }
        return r;
    }

    public WorkerRequestView view(Caller caller, WorkerTransportRequest r) {
        return WorkerRequestView.of(r, manifests(List.of(r.id)).getOrDefault(r.id, List.of()),
                access.seesManifest(caller, r));
    }

    public Page<WorkerRequestView> list(Caller caller, RequestStatus status, LocalDate travelDate, String originPrefix,
            UUID tripId, String cursor, int limit) {
        ScopedFilter where = access.requestsVisibleTo(caller, cursor).equal("status", status)
                .equal("travelDate", travelDate).prefix("origin", originPrefix).equal("tripId", tripId);
        List<WorkerTransportRequest> rows = WorkerTransportRequest.<WorkerTransportRequest>find(where.query(),
                where.params()).range(0, limit).list();
        Map<UUID, List<Passenger>> manifests = manifests(rows.stream().limit(limit).map(r -> r.id).toList());
        return Page.of(rows, limit, r -> WorkerRequestView.of(r, manifests.getOrDefault(r.id, List.of()),
                access.seesManifest(caller, r)), r -> r.id.toString());
    }

    /** The manifests of many requests in one query, each in its submitted order. */
    static Map<UUID, List<Passenger>> manifests(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return Passenger.<Passenger>list("requestId in ?1 order by requestId, position", requestIds).stream()
                .collect(Collectors.groupingBy(p -> p.requestId, HashMap::new, Collectors.toList()));
    }

    /**
     * The manifest as entities, every entry checked: each bad ID number and each repeated one is
     * named by its index, all in one answer.
     */
    private List<Passenger> manifest(List<NewWorkerRequest.NewPassenger> passengers) {
        int max = workers.maxPassengersPerRequest();
        if (passengers.size() > max) {
            throw ProblemException.invalid("passengers", "lists " + passengers.size() + " people; a request carries at most "
                    + max);
        }
        LocalDate today = LocalDate.now(config.zone());
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Passenger> manifest = new ArrayList<>();
        for (int i = 0; i < passengers.size(); i++) {
            NewWorkerRequest.NewPassenger given = passengers.get(i);
            String idNumber = given.idNumber().strip().toUpperCase(Locale.ROOT);
            String field = "passengers[" + i + "].id_number";
            if (!ResidentId.isValid(idNumber, today)) {
                errors.add(new FieldError(field, "is not a valid GB 11643-1999 resident identity number"));
            } else {
                Integer earlier = firstIndex.putIfAbsent(idNumber, i);
                if (earlier != null) {
                    errors.add(new FieldError(field, "repeats passengers[" + earlier + "].id_number: one person, one seat"));
                }
            }
            Passenger p = new Passenger();
            p.id = UuidV7.next();
            p.position = i;
            p.name = given.name().strip();
            p.idNumber = idNumber;
            p.phone = given.phone();
            manifest.add(p);
        }
        if (!errors.isEmpty()) {
            throw WorkerRules.invalid(errors);
        }
        return manifest;
    }

    /** One person is brought back once a day: 409 for anyone already on another of the enterprise's requests that day. */
    private static void refuseSomeoneAlreadyComing(UUID enterpriseId, LocalDate date, List<Passenger> manifest) {
        List<String> ids = manifest.stream().map(p -> p.idNumber).toList();
        List<Object[]> already = Passenger.getEntityManager().createQuery("""
                select p.idNumber, r.id from Passenger p, WorkerTransportRequest r
                where p.requestId = r.id and r.enterpriseId = :enterprise and r.travelDate = :date
                and p.idNumber in :ids""", Object[].class)
                .setParameter("enterprise", enterpriseId).setParameter("date", date).setParameter("ids", ids)
                .getResultList();
        if (already.isEmpty()) {
            return;
        }
        Map<String, UUID> requestOf = new HashMap<>();
        already.forEach(row -> requestOf.put((String) row[0], (UUID) row[1]));
        List<FieldError> errors = new ArrayList<>();
        for (Passenger p : manifest) {
            UUID other = requestOf.get(p.idNumber);
            if (other != null) {
                errors.add(new FieldError("passengers[" + p.position + "].id_number",
                        "is already on your request " + other + " for " + date));
            }
        }
        throw new ProblemException(409, "conflict", "Conflict", errors.size() + " passenger(s) already on another "
                + "of your requests for " + date, errors, Map.of());
    }
}
