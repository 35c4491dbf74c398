package org.fugong.logistics.checkpoint;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.logistics.LogisticsAccess;
import org.fugong.logistics.checkpoint.api.CheckpointStats;
import org.fugong.logistics.checkpoint.api.CheckpointView;
import org.fugong.logistics.checkpoint.api.NewCheckpoint;
import org.fugong.logistics.checkpoint.api.NewScan;
import org.fugong.logistics.checkpoint.api.ScanView;
import org.fugong.logistics.code.PassCodeVerifier;
import org.fugong.logistics.code.PassKeys;
import org.fugong.logistics.code.RememberedCodes;
import org.fugong.logistics.config.LogisticsConfig;
import org.fugong.logistics.db.NativeSql;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.region.Region;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.standards.VehiclePlate;

@ApplicationScoped
public class CheckpointService {

    /** The EU Green Lanes target: through the crossing within 15 minutes. */
    static final int GREEN_LANE_MINUTES = 15;
    static final Duration MAX_STATS_SPAN = Duration.ofDays(31);

    @Inject
    LogisticsAccess access;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    PassKeys keys;

    @Inject
    NativeSql sql;

    @Inject
    Event<ValidScan> validScans;

    @Inject
    LogisticsConfig config;

    /**
     * The checkpoint checks codes exactly as a handheld with no connection would (the published keys
     * and a clock), once per distinct code.
     */
    private RememberedCodes verifier;

    @PostConstruct
    void init() {
        verifier = new RememberedCodes(new PassCodeVerifier(keys.publicKeySet(), Clock.systemUTC()),
                config.passCode().rememberedCodes());
    }

    @Transactional
    public IdempotentResponse register(Caller caller, NewCheckpoint body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/checkpoints", body, () -> {
            Region county = Region.findById(body.countyCode());
            if (county == null) {
                throw ProblemException.invalid("county_code", "is not a GB/T 2260 region");
            }
            if (!county.countyLevel) {
                throw ProblemException.invalid("county_code", "must be a county, not a " + county.level.toLowerCase());
            }
            if (!caller.covers(county.code)) {
                throw ProblemException.invalid("county_code", "lies outside your region scope "
                        + caller.regionScope().orElse("(none)"));
            }
            Checkpoint c = new Checkpoint();
            c.id = UuidV7.next();
            c.name = body.name().strip();
            c.countyCode = county.code;
            c.kind = body.kind();
            c.createdBy = caller.subject();
            c.createdAt = GreenPass.now();
            c.persistAndFlush();
            return new Created<>(URI.create("/api/v1/checkpoints/" + c.id), CheckpointView.of(c), Long.toString(c.version));
        });
    }

    public Checkpoint visible(Caller caller, UUID id) {
        Checkpoint c = Checkpoint.findById(id);
        if (c == null || !access.canSee(caller, c)) {
            throw ProblemException.notFound("Checkpoint " + id);
        }
        return c;
    }

    public Page<CheckpointView> list(Caller caller, CheckpointKind kind, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(access.checkpointsVisibleTo(caller, params));
        UUID after = Cursor.decodeUuid(cursor);
        if (after != null) {
            where.append(" and id > :after");
            params.put("after", after);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        List<Checkpoint> rows = Checkpoint.<Checkpoint>find(where + " order by id", params).range(0, limit).list();
        return Page.of(rows, limit, CheckpointView::of, c -> c.id.toString());
    }

    /**
     * An officer of the checkpoint scans a code; the result is decided and the scan kept, whatever it
     * says. A checkpoint outside the officer's scope is not found, as an unknown one. Honours
     * Idempotency-Key: a handheld that retries after a lost answer gets the first scan back, and
     * the scan, its figures and the shipment's tracking count once.
     */
    @Transactional
    public IdempotentResponse scan(Caller caller, NewScan body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/checkpoint-scans", body, () -> {
            ScanView scan = scanOnce(caller, body);
            return new Created<>(URI.create("/api/v1/checkpoint-scans/" + scan.id()), scan, null);
        });
    }

    private ScanView scanOnce(Caller caller, NewScan body) {
        Checkpoint checkpoint = Checkpoint.findById(body.checkpointId());
        if (checkpoint == null || !access.isOfficerAt(caller, checkpoint)) {
            throw ProblemException.notFound("Checkpoint " + body.checkpointId());
        }
        String plateRead = VehiclePlate.normalise(body.plateRead())
                .orElseThrow(() -> ProblemException.invalid("plate_read", "is not a GA 36-2018 vehicle plate"));

        PassCodeVerifier.Result verification = verifier.verify(body.code().strip());
        GreenPass pass = verification.claims() == null ? null
                : GreenPass.<GreenPass>find("number", verification.claims().number()).firstResult();
        ScanResult result = ScanVerdict.decide(verification,
                pass == null ? null : new ScanVerdict.KnownPass(pass.status, pass.plate), plateRead,
                checkpoint.countyCode);

        CheckpointScan s = new CheckpointScan();
        s.id = UuidV7.next();
        s.checkpointId = checkpoint.id;
        s.scannedAt = GreenPass.now();
        s.scannedBy = caller.subject();
        s.result = result;
        s.passId = pass == null ? null : pass.id;
        s.passNumber = verification.claims() == null ? null : verification.claims().number();
        s.waitingMinutes = body.waitingMinutes();
        s.healthCheckRequired = ScanVerdict.healthCheckRequired(body.driverTemperature());
        s.persistAndFlush(); // before what observes a VALID scan refers to it
        if (result == ScanResult.VALID) {
            validScans.fire(new ValidScan(pass.id, s.id, checkpoint.id, checkpoint.name, checkpoint.kind,
                    checkpoint.countyCode, s.scannedAt));
        }
        return ScanView.of(s);
    }

    /** A scan, for those who see its checkpoint. */
    public ScanView scanVisibleTo(Caller caller, UUID id) {
        CheckpointScan s = id == null ? null : CheckpointScan.findById(id);
        Checkpoint checkpoint = s == null ? null : Checkpoint.findById(s.checkpointId);
        if (checkpoint == null || !access.canSee(caller, checkpoint)) {
            throw ProblemException.notFound("Checkpoint scan " + id);
        }
        return ScanView.of(s);
    }

    /** Figures over [from, to), by default the last 24 hours; the percentiles are PostgreSQL's percentile_cont. */
    public CheckpointStats stats(Caller caller, UUID id, Instant from, Instant to) {
        Checkpoint c = visible(caller, id);
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofHours(24));
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_STATS_SPAN) > 0) {
            throw ProblemException.invalid("to", "makes a span over 31 days");
        }
        Map<String, Object> window = Map.of("checkpoint", c.id, "from", start, "to", end);
        String inWindow = " from checkpoint_scan where checkpoint_id = :checkpoint and scanned_at >= :from and scanned_at < :to";

        List<CheckpointStats.Hour> hours = new ArrayList<>();
        for (Object[] row : sql.rows("select extract(epoch from date_trunc('hour', scanned_at, 'UTC'))::bigint as h, count(*)"
                + inWindow + " group by h order by h", window)) {
            hours.add(new CheckpointStats.Hour(Instant.ofEpochSecond(((Number) row[0]).longValue()),
                    ((Number) row[1]).longValue()));
        }
        Map<ScanResult, Long> results = new EnumMap<>(ScanResult.class);
        for (ScanResult r : ScanResult.values()) {
            results.put(r, 0L);
        }
        long total = 0;
        for (Object[] row : sql.rows("select result, count(*)" + inWindow + " group by result", window)) {
            long n = ((Number) row[1]).longValue();
            results.put(ScanResult.valueOf((String) row[0]), n);
            total += n;
        }
        Object[] w = sql.rows("select count(waiting_minutes),"
                + " percentile_cont(0.5) within group (order by waiting_minutes),"
                + " percentile_cont(0.9) within group (order by waiting_minutes),"
                + " max(waiting_minutes),"
                + " count(*) filter (where waiting_minutes <= " + GREEN_LANE_MINUTES + ")"
                + inWindow, window).get(0);
        long timed = ((Number) w[0]).longValue();
        CheckpointStats.Waiting waiting = new CheckpointStats.Waiting(timed, doubleOrNull(w[1]), doubleOrNull(w[2]),
                w[3] == null ? null : ((Number) w[3]).intValue(),
                timed == 0 ? null : ((Number) w[4]).doubleValue() / timed);
        return new CheckpointStats(c.id, start, end, total, hours, results, waiting);
    }

    private static Double doubleOrNull(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
