package org.fugong.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugong.devstack.DevJwt;
import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.KeyPairs;
import org.fugong.launcher.Suite;
import org.fugong.platform.paging.Cursor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The list endpoints at a million rows: GET /api/v1/enterprises (registry) over 1,000,000
 * organisations and GET /api/v1/supply-requests (supply) over 1,000,000 requests, each filter's
 * first page and a page 100,000 rows deep. The rows are written straight into the services' tables
 * (one INSERT ... SELECT generate_series each, after Flyway made the schema), spread over the
 * GB/T 2260 counties the registry seeds and skewed over the enums as a province's registry would be.
 * The deep page's cursor is made from the data (a cursor is the last id shown, base64url), and the
 * page is checked to start at row depth + 1. Both services run from their production jars and are
 * called directly with minted tokens. For each filter the SQL the service really sent is taken from
 * pg_stat_activity and explained with EXPLAIN (ANALYZE, BUFFERS). Figures, not a test.
 */
public final class ReadsAtScaleBenchmark {

    private static final Logger LOG = Logger.getLogger(ReadsAtScaleBenchmark.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = Cursor.DEFAULT_LIMIT;
    private static final Pattern PLAN_SOURCE = Pattern.compile(
            "(Index Only Scan using \\w+|Index Scan using \\w+|Bitmap Index Scan on \\w+|Seq Scan on \\w+)");

    /**
     * A row's county from its random numbers rg and rc: 15 % in Wuhan (4201), 25 % in the rest of
     * Hubei, 60 % over every other county of China; within each part uniformly.
     */
    private static final String COUNTY_OF_ROW = """
            CASE WHEN rg < 0.15 THEN c.wuhan[1 + floor(rc * cardinality(c.wuhan))::int]
                 WHEN rg < 0.40 THEN c.hubei[1 + floor(rc * cardinality(c.hubei))::int]
                 ELSE c.rest[1 + floor(rc * cardinality(c.rest))::int] END""";

    /**
     * One list call: {@code query} on the endpoint; {@code where} the same condition in SQL, to count
     * its rows and find the deep page's cursor; {@code binds} the values the service binds, in the
     * order its JPQL names them (scope first, then the filters), as SQL literals.
     */
    private record Case(String service, String database, String table, String path, String token, String label,
            String query, String where, List<String> binds) {
    }

    private record Measured(Case c, long rows, long depth, double firstMs, double deepMs, Plan first, Plan deep) {
    }

    /** The statement the service sent for one page, its plan, and the indexes (or tables) the plan reads. */
    private record Plan(String sql, String plan, Set<String> sources) {
    }

    private ReadsAtScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(System.getProperty("bench.rows", "1000000"));
        int depth = Integer.parseInt(System.getProperty("bench.depth", "100000"));
        int tries = Integer.parseInt(System.getProperty("bench.tries", "5"));
        int warmUpRounds = Integer.parseInt(System.getProperty("bench.warmup-rounds", "30"));
        boolean durable = Boolean.getBoolean("bench.durable");
        // -Dbench.drop-indexes=a,b: drop these indexes after seeding, to measure the lists without them (before a migration).
        List<String> dropped = Arrays.stream(System.getProperty("bench.drop-indexes", "").split(","))
                .filter(name -> !name.isBlank()).toList();
        Path work = Files.createTempDirectory("fugong-reads-bench");

        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(durable);
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                BenchSuite running = BenchSuite.start(work, database, kafka, s -> List.of(s.registry(), s.supply()))) {
            Suite suite = running.suite();
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            try (Connection registryDb = connect(database, "registry"); Connection supplyDb = connect(database, "supply")) {
                seedOrganisations(registryDb, rows);
                seedRequests(supplyDb, registryDb, rows);
                for (String index : dropped) {
                    if (!index.matches("[a-z_]+")) {
                        throw new IllegalArgumentException("Not an index name: " + index);
                    }
                    execute(registryDb, "DROP INDEX IF EXISTS " + index);
                    execute(supplyDb, "DROP INDEX IF EXISTS " + index);
                    LOG.info(() -> "Dropped index " + index + " (-Dbench.drop-indexes)");
                }
                String registry = suite.registry().baseUrl();
                String supply = suite.supply().baseUrl();
                String topItem = single(supplyDb, "SELECT item_code FROM supply_request GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
                List<Case> cases = cases(registry, supply, token(keys, "registry", null), token(keys, "registry", "42"),
                        token(keys, "supply", null), token(keys, "supply", "42"), topItem);

                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                List<String> deepCursors = new ArrayList<>();
                List<Long> counts = new ArrayList<>();
                List<Long> depths = new ArrayList<>();
                for (Case c : cases) {
                    Connection db = c.database().equals("registry") ? registryDb : supplyDb;
                    long count = Long.parseLong(single(db, "SELECT count(*) FROM " + c.table() + " WHERE " + c.where()));
                    // The deepest full page when the filter has fewer rows than the depth asked for.
                    long d = Math.max(0, Math.min(depth, count - PAGE));
                    String lastShown = d == 0 ? null : single(db, "SELECT id FROM " + c.table() + " WHERE " + c.where()
                            + " ORDER BY id OFFSET " + (d - 1) + " LIMIT 1");
                    String expectedFirst = single(db, "SELECT id FROM " + c.table() + " WHERE " + c.where()
                            + " ORDER BY id OFFSET " + d + " LIMIT 1");
                    String cursor = lastShown == null ? null : Cursor.encode(lastShown);
                    String firstShown = firstId(get(http, c, cursor));
                    if (!expectedFirst.equals(firstShown)) {
                        throw new IllegalStateException(c.label() + ": the deep page starts at " + firstShown
                                + ", not at row " + (d + 1) + " (" + expectedFirst + ")");
                    }
                    counts.add(count);
                    depths.add(d);
                    deepCursors.add(cursor);
                }

                LOG.info(() -> "Warm-up: " + warmUpRounds + " rounds of every first and deep page");
                for (int round = 0; round < warmUpRounds; round++) {
                    for (int i = 0; i < cases.size(); i++) {
                        get(http, cases.get(i), null);
                        get(http, cases.get(i), deepCursors.get(i));
                    }
                }
                // Interleaved: each try runs every case once, so a slow moment of the machine is spread over all.
                double[][] first = new double[cases.size()][tries];
                double[][] deep = new double[cases.size()][tries];
                for (int t = 0; t < tries; t++) {
                    for (int i = 0; i < cases.size(); i++) {
                        first[i][t] = timed(http, cases.get(i), null);
                        deep[i][t] = timed(http, cases.get(i), deepCursors.get(i));
                    }
                }

                List<Measured> results = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    Case c = cases.get(i);
                    Connection db = c.database().equals("registry") ? registryDb : supplyDb;
                    Plan firstPlan = planOf(http, db, c, null);
                    Plan deepPlan = planOf(http, db, c, deepCursors.get(i));
                    results.add(new Measured(c, counts.get(i), depths.get(i), median(first[i]), median(deep[i]), firstPlan,
                            deepPlan));
                }
                print(results, rows, tries, database, dropped);
            }
        }
    }

    private static List<Case> cases(String registry, String supply, String registryAdmin, String registryHubei,
            String supplyAdmin, String supplyHubei, String topItem) {
        List<Case> cases = new ArrayList<>();
        cases.add(enterprises(registry, registryAdmin, "administrator, no filter", "", "true"));
        cases.add(enterprises(registry, registryAdmin, "region=42 (Hubei)", "region=42",
                "region_code LIKE '42%'", "'42%'"));
        cases.add(enterprises(registry, registryAdmin, "region=4201 (Wuhan)", "region=4201",
                "region_code LIKE '4201%'", "'4201%'"));
        cases.add(enterprises(registry, registryAdmin, "region=420102 (Jiang'an)", "region=420102",
                "region_code = '420102'", "'420102'")); // a full county code is sent as "=", not LIKE
        cases.add(enterprises(registry, registryAdmin, "industry=MEDICAL_SUPPLIES",
                "industry=MEDICAL_SUPPLIES", "industry = 'MEDICAL_SUPPLIES'", "'MEDICAL_SUPPLIES'"));
        cases.add(enterprises(registry, registryAdmin, "industry=OTHER (rare)", "industry=OTHER",
                "industry = 'OTHER'", "'OTHER'"));
        cases.add(enterprises(registry, registryAdmin, "tier=KEY_INDUSTRY", "tier=KEY_INDUSTRY",
                "priority_tier = 'KEY_INDUSTRY'", "'KEY_INDUSTRY'"));
        cases.add(enterprises(registry, registryAdmin, "size=SMALL", "size=SMALL",
                "size_class = 'SMALL'", "'SMALL'"));
        cases.add(enterprises(registry, registryAdmin, "status=SUSPENDED", "status=SUSPENDED",
                "status = 'SUSPENDED'", "'SUSPENDED'"));
        cases.add(enterprises(registry, registryAdmin, "kind=HEALTH_INSTITUTION",
                "kind=HEALTH_INSTITUTION", "kind = 'HEALTH_INSTITUTION'", "'HEALTH_INSTITUTION'"));
        cases.add(enterprises(registry, registryAdmin, "resumption_status=RESUMING",
                "resumption_status=RESUMING", "resumption_status = 'RESUMING'", "'RESUMING'"));
        cases.add(enterprises(registry, registryAdmin, "region=4201&size=MICRO",
                "region=4201&size=MICRO", "region_code LIKE '4201%' AND size_class = 'MICRO'", "'4201%'", "'MICRO'"));
        cases.add(enterprises(registry, registryHubei, "authority of 42, no filter", "",
                "region_code LIKE '42%'", "'42%'"));
        cases.add(enterprises(registry, registryHubei, "authority of 42, status=SUSPENDED",
                "status=SUSPENDED", "region_code LIKE '42%' AND status = 'SUSPENDED'", "'42%'", "'SUSPENDED'"));

        cases.add(requests(supply, supplyAdmin, "administrator, no filter", "", "true"));
        cases.add(requests(supply, supplyAdmin, "item=" + topItem, "item=" + topItem,
                "item_code = '" + topItem + "'", "'" + topItem + "'"));
        cases.add(requests(supply, supplyAdmin, "status=FULFILLED", "status=FULFILLED",
                "status = 'FULFILLED'", "'FULFILLED'"));
        cases.add(requests(supply, supplyAdmin, "status=CANCELLED", "status=CANCELLED",
                "status = 'CANCELLED'", "'CANCELLED'"));
        cases.add(requests(supply, supplyAdmin, "item=" + topItem + "&status=OPEN",
                "item=" + topItem + "&status=OPEN", "item_code = '" + topItem + "' AND status = 'OPEN'",
                "'" + topItem + "'", "'OPEN'"));
        cases.add(requests(supply, supplyHubei, "authority of 42, no filter", "",
                "delivery_region LIKE '42%'", "'42%'"));
        cases.add(requests(supply, supplyHubei, "authority of 42, status=OPEN", "status=OPEN",
                "delivery_region LIKE '42%' AND status = 'OPEN'", "'42%'", "'OPEN'"));
        return cases;
    }

    private static Case enterprises(String registry, String token, String label, String query, String where,
            String... binds) {
        return new Case(registry, "registry", "enterprise", "/api/v1/enterprises", token, label, query, where, List.of(binds));
    }

    private static Case requests(String supply, String token, String label, String query, String where, String... binds) {
        return new Case(supply, "supply", "supply_request", "/api/v1/supply-requests", token, label, query, where,
                List.of(binds));
    }

    private static String token(KeyPair keys, String service, String regionScope) {
        DevJwt jwt = DevJwt.as(regionScope == null ? "ADMIN" : "AUTHORITY").subject("bench").audience(service)
                .issuer(Suite.ISSUER);
        if (regionScope != null) {
            jwt.regionScope(regionScope);
        }
        return jwt.signedWith(keys.getPrivate()).expiresIn(Duration.ofHours(4)).token();
    }

    private static Connection connect(EmbeddedDatabase database, String name) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", EmbeddedDatabase.USER);
        return DriverManager.getConnection(database.jdbcUrl(name), login);
    }

    /**
     * A million organisations: 15 % in Wuhan, 25 % in the rest of Hubei, 60 % over every other
     * county; industries skewed (the first of the list most common, the last rare), mostly small and
     * micro, mostly active. The subquery's OFFSET 0 keeps each row's random numbers drawn once.
     */
    private static void seedOrganisations(Connection db, int rows) throws SQLException {
        long start = System.nanoTime();
        String industries = "ARRAY['MEDICAL_SUPPLIES','PROTECTIVE_GEAR','PHARMACEUTICALS','AGRICULTURAL_INPUTS','FOOD',"
                + "'DAILY_NECESSITIES','AUTOMOBILES','AUTO_PARTS','ELECTRONICS','ELECTRONIC_COMPONENTS','SHIPBUILDING',"
                + "'AEROSPACE','POWER_EQUIPMENT','MACHINE_TOOLS','PHOTOVOLTAICS','LITHIUM_BATTERIES','FIVE_G',"
                + "'INDUSTRIAL_INTERNET','INTEGRATED_CIRCUITS','INDUSTRIAL_ROBOTS','ADDITIVE_MANUFACTURING',"
                + "'SMART_MANUFACTURING','DISPLAYS','NEW_ENERGY_VEHICLES','ENERGY_CONSERVATION','TEXTILES','CHEMICALS',"
                + "'METALS','BUILDING_MATERIALS','CONSTRUCTION','LOGISTICS','RETAIL','HOSPITALITY','HEALTHCARE_SERVICES',"
                + "'FINANCIAL_SERVICES','PUBLIC_ADMINISTRATION','OTHER']";
        execute(db, """
                INSERT INTO enterprise (id, kind, name, uscc, region_code, industry, ownership, employees, annual_revenue,
                    size_class, priority_tier, key_enterprise, status, resumption_status, created_at, updated_at, version)
                SELECT gen_random_uuid(),
                    CASE WHEN k < 0.94 THEN 'ENTERPRISE' WHEN k < 0.97 THEN 'HEALTH_INSTITUTION'
                         WHEN k < 0.985 THEN 'FINANCIAL_INSTITUTION' ELSE 'GOVERNMENT_BODY' END,
                    '基准企业' || g,
                    '91' || lpad(g::text, 16, '0'),
                    %s,
                    (%s)[1 + floor(ri * ri * 37)::int],
                    CASE WHEN o < 0.80 THEN 'PRIVATE' WHEN o < 0.88 THEN 'LOCAL_SOE' WHEN o < 0.93 THEN 'FOREIGN_INVESTED'
                         WHEN o < 0.97 THEN 'COLLECTIVE' ELSE 'CENTRAL_SOE' END,
                    CASE WHEN s < 0.60 THEN 5 + floor(s * 20)::int WHEN s < 0.87 THEN 20 + floor(s * 200)::int
                         WHEN s < 0.97 THEN 300 + floor(s * 500)::int ELSE 1000 + floor(s * 5000)::int END,
                    round((s * 1e8)::numeric, 2),
                    CASE WHEN s < 0.60 THEN 'MICRO' WHEN s < 0.87 THEN 'SMALL' WHEN s < 0.97 THEN 'MEDIUM' ELSE 'LARGE' END,
                    CASE WHEN t < 0.70 THEN 'STANDARD' WHEN t < 0.85 THEN 'KEY_INDUSTRY' WHEN t < 0.95 THEN 'ESSENTIAL'
                         ELSE 'STRATEGIC_EMERGING' END,
                    t > 0.98,
                    CASE WHEN st < 0.93 THEN 'ACTIVE' WHEN st < 0.98 THEN 'SUSPENDED' ELSE 'DEREGISTERED' END,
                    CASE WHEN rs < 0.55 THEN 'RESUMED' WHEN rs < 0.80 THEN 'RESUMING' WHEN rs < 0.95 THEN 'NOT_RESUMED'
                         ELSE 'HALTED' END,
                    now() - make_interval(days => floor(rs * 60)::int), now(), 0
                FROM (SELECT g, random() k, random() rg, random() rc, random() ri, random() o, random() s, random() t,
                             random() st, random() rs
                      FROM generate_series(1, %d) g OFFSET 0) r,
                     %s
                """.formatted(COUNTY_OF_ROW, industries, rows, countiesByPart("(SELECT code FROM region WHERE county_level)")));
        execute(db, "VACUUM ANALYZE enterprise");
        LOG.info(String.format("Seeded %,d organisations in %.0f s (with VACUUM ANALYZE)", rows,
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * A million supply requests over the seeded catalogue (items skewed: the first most asked for),
     * delivered to the same spread of counties, most of them long fulfilled, a fifth still open.
     */
    private static void seedRequests(Connection db, Connection registry, int rows) throws SQLException {
        long start = System.nanoTime();
        execute(db, """
                INSERT INTO supply_request (id, requester_org_id, requested_by, item_code, quantity, allocated, delivered,
                    urgency, days_of_supply_left, delivery_region, needed_by, status, created_at, updated_at, version)
                SELECT gen_random_uuid(),
                    CASE WHEN k < 0.9 THEN gen_random_uuid() END,
                    'bench',
                    i.codes[1 + floor(ri * ri * cardinality(i.codes))::int],
                    q,
                    CASE WHEN st < 0.60 THEN q WHEN st < 0.70 THEN q / 2 ELSE 0 END,
                    CASE WHEN st < 0.45 THEN q ELSE 0 END,
                    CASE WHEN u < 0.10 THEN 'CRITICAL' WHEN u < 0.40 THEN 'HIGH' ELSE 'NORMAL' END,
                    floor(u * 30)::int,
                    %s,
                    current_date + floor(u * 14)::int,
                    CASE WHEN st < 0.45 THEN 'FULFILLED' WHEN st < 0.60 THEN 'ALLOCATED' WHEN st < 0.70 THEN 'PARTIALLY_ALLOCATED'
                         WHEN st < 0.90 THEN 'OPEN' ELSE 'CANCELLED' END,
                    now() - make_interval(days => floor(k * 60)::int), now(), 0
                FROM (SELECT g, random() k, random() ri, random() st, random() u, random() rg, random() rc,
                             2 + floor(random() * 9998)::bigint q
                      FROM generate_series(1, %d) g OFFSET 0) r,
                     (SELECT array_agg(code ORDER BY created_at, code) codes FROM supply_item) i,
                     %s
                """.formatted(COUNTY_OF_ROW, rows, countiesByPart("(VALUES " + counties(registry) + ")")));
        execute(db, "VACUUM ANALYZE supply_request");
        LOG.info(String.format("Seeded %,d supply requests in %.0f s (with VACUUM ANALYZE)", rows,
                (System.nanoTime() - start) / 1e9));
    }

    /** The registry's county-level codes (supply keeps no region table of its own), as a VALUES list. */
    private static String counties(Connection registry) throws SQLException {
        StringBuilder values = new StringBuilder();
        try (Statement s = registry.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM region WHERE county_level ORDER BY code")) {
            while (rs.next()) {
                values.append(values.isEmpty() ? "" : ",").append("('").append(rs.getString(1)).append("')");
            }
        }
        return values.toString();
    }

    /** The three parts COUNTY_OF_ROW draws from, as the row c, out of {@code counties}: a relation of one column of codes. */
    private static String countiesByPart(String counties) {
        return """
                (SELECT array_agg(code) FILTER (WHERE code LIKE '4201%') wuhan,
                        array_agg(code) FILTER (WHERE code LIKE '42%' AND code NOT LIKE '4201%') hubei,
                        array_agg(code) FILTER (WHERE code NOT LIKE '42%') rest
                 FROM """ + counties + " AS counties (code)) c";
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("No row from " + sql);
            }
            return rs.getString(1);
        }
    }

    private static HttpResponse<byte[]> get(HttpClient http, Case c, String cursor) throws Exception {
        StringBuilder query = new StringBuilder(c.query());
        if (cursor != null) {
            query.append(query.isEmpty() ? "" : "&").append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        URI uri = URI.create(c.service() + c.path() + (query.isEmpty() ? "" : "?" + query));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + c.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private static double timed(HttpClient http, Case c, String cursor) throws Exception {
        long start = System.nanoTime();
        get(http, c, cursor);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String firstId(HttpResponse<byte[]> page) throws java.io.IOException {
        JsonNode items = JSON.readTree(page.body()).get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asText();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Asks for the page, finds the statement the service sent for it and explains it. */
    private static Plan planOf(HttpClient http, Connection db, Case c, String cursor) throws Exception {
        get(http, c, cursor);
        String sql = lastListQuery(db, c);
        List<String> binds = new ArrayList<>();
        if (cursor != null) {
            binds.add("'" + Cursor.decode(cursor) + "'");
        }
        binds.addAll(c.binds());
        String plan = sql == null ? "(the list's SQL was not found in pg_stat_activity)" : explain(db, sql, binds);
        Set<String> sources = new LinkedHashSet<>();
        Matcher m = PLAN_SOURCE.matcher(plan);
        while (m.find()) {
            sources.add(m.group(1).replaceAll("^.* (using|on) ", ""));
        }
        return new Plan(sql, plan, sources);
    }

    /**
     * The list's SQL as the service sent it (with $n placeholders): the last statement of the
     * service's connection that ran it most recently.
     */
    private static String lastListQuery(Connection db, Case c) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT query FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND query ILIKE 'select%' AND query ILIKE ? AND query ILIKE '%order by%'
                ORDER BY state_change DESC LIMIT 1""")) {
            s.setString(1, "%from " + c.table() + " %");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the service's statement with its values in place of $1..$n: the
     * scope and filter values in the order the JPQL names them, then the page size (and a zero
     * offset, if Hibernate sent one) for the remaining placeholders.
     */
    private static String explain(Connection db, String sql, List<String> binds) throws SQLException {
        Matcher placeholders = Pattern.compile("\\$(\\d+)").matcher(sql);
        int highest = 0;
        while (placeholders.find()) {
            highest = Math.max(highest, Integer.parseInt(placeholders.group(1)));
        }
        List<String> values = new ArrayList<>(binds);
        if (highest == values.size() + 2) {
            values.add("0");
        }
        while (values.size() < highest) {
            values.add(String.valueOf(PAGE + 1));
        }
        String bound = sql;
        for (int n = highest; n >= 1; n--) {
            bound = bound.replace("$" + n, values.get(n - 1));
        }
        StringBuilder plan = new StringBuilder();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + bound)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static void print(List<Measured> results, int rows, int tries, EmbeddedDatabase database,
            List<String> dropped) {
        StringBuilder out = new StringBuilder(String.format("%n%nReads at %,d rows each, page of %d, median of %d tries; "
                + "PostgreSQL fsync=%s synchronous_commit=%s shared_buffers=%s work_mem=%s; indexes dropped: %s%n%n", rows,
                PAGE, tries, database.setting("fsync"), database.setting("synchronous_commit"),
                database.setting("shared_buffers"), database.setting("work_mem"), dropped.isEmpty() ? "none" : dropped));
        out.append("| endpoint | filter | rows matching | first page ms | deep page ms (depth) | first page reads | deep page reads |\n");
        out.append("|---|---|---:|---:|---:|---|---|\n");
        for (Measured m : results) {
            out.append(String.format("| %s | %s | %,d | %.1f | %.1f (%,d) | %s | %s |%n", m.c().path(), m.c().label(),
                    m.rows(), m.firstMs(), m.deepMs(), m.depth(), String.join(", ", m.first().sources()),
                    String.join(", ", m.deep().sources())));
        }
        for (Measured m : results) {
            out.append(String.format("%n### %s %s%n%nFirst page:%n%n```%n%s%n%n%s```%n%nDeep page:%n%n```%n%s%n%n%s```%n",
                    m.c().path(), m.c().label(), m.first().sql(), m.first().plan(), m.deep().sql(), m.deep().plan()));
        }
        LOG.info(out.toString());
    }
}
