package org.fugong.finance.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Claims;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Outstanding arrears by age for authorities. Each test's debtors are in a county of its own and
 * the authority's scope is that county, so what it counts is exactly what the test claimed.
 */
@QuarkusTest
@FinanceTest
class ArrearsStatsTest {

    static final String STATS = "/api/v1/arrears-claims/stats";

    @Inject
    EntityManager em;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static String daysAgo(int days) {
        return today().minusDays(days).toString();
    }

    @Test
    void outstandingAmountsFallIntoTheirAgeingBucketsAtTheBoundaries() {
        Known creditor = RegistryFeed.sme();
        Known body = Claims.governmentBody("421303");
        Known soe = RegistryFeed.organisation("ENTERPRISE", "LARGE", "421303", "ACTIVE");
        Claims.claimed(creditor, body, "1.00", daysAgo(1));
        Claims.claimed(creditor, body, "30.00", daysAgo(30));
        Claims.claimed(creditor, body, "31.00", daysAgo(31));
        Claims.claimed(creditor, soe, "90.00", daysAgo(90));
        Claims.claimed(creditor, soe, "91.00", daysAgo(91));
        Claims.claimed(creditor, soe, "180.00", daysAgo(180));
        String disputed = Claims.claimed(creditor, soe, "181.00", daysAgo(181));
        Api.as(Api.enterprise(soe.id())).body(Map.of("decision", "DISPUTE", "reason", "Not delivered"))
                .put("/api/v1/arrears-claims/" + disputed + "/response").then().statusCode(200);
        // Partly paid: only what is left counts. Settled: nothing counts.
        String partly = Claims.claimed(creditor, body, "1000.00", daysAgo(400));
        settle(body, partly, "600.00");
        String settled = Claims.claimed(creditor, body, "5000.00", daysAgo(10));
        settle(body, settled, "5000.00");

        JsonPath byDebtor = Api.as(TestJwt.authority("421303")).queryParam("group_by", "debtor").get(STATS).then()
                .statusCode(200).body("as_of", equalTo(today().toString())).body("group_by", equalTo("debtor"))
                .body("next_cursor", nullValue()).extract().jsonPath();
        assertThat(byDebtor.getLong("totals.claims")).isEqualTo(8);
        assertThat(byDebtor.getString("totals.outstanding")).isEqualTo("1004.00");
        assertThat(byDebtor.getString("totals.disputed")).isEqualTo("181.00");
        assertThat(byDebtor.getString("totals.days_0_30")).isEqualTo("31.00");
        assertThat(byDebtor.getString("totals.days_31_90")).isEqualTo("121.00");
        assertThat(byDebtor.getString("totals.days_91_180")).isEqualTo("271.00");
        assertThat(byDebtor.getString("totals.days_over_180")).isEqualTo("581.00");
        assertThat(byDebtor.getList("items")).hasSize(2);
        Map<String, Object> bodyGroup = byDebtor.getMap("items.find { it.debtor_org_id == '" + body.id() + "' }");
        assertThat(bodyGroup).containsEntry("debtor_uscc", body.uscc()).containsEntry("debtor_name", "测试GOVERNMENT_BODY");
        assertThat(byDebtor.getString("items.find { it.debtor_org_id == '" + body.id() + "' }.amounts.outstanding"))
                .isEqualTo("462.00");
        assertThat(byDebtor.getString("items.find { it.debtor_org_id == '" + soe.id() + "' }.amounts.days_over_180"))
                .isEqualTo("181.00");

        Api.as(TestJwt.authority("4213")).queryParam("group_by", "region").get(STATS).then().statusCode(200)
                .body("items.find { it.region_code == '421303' }.amounts.outstanding", equalTo("1004.00"))
                .body("items.find { it.region_code == '421303' }.amounts.claims", equalTo(8))
                .body("items.find { it.region_code == '421303' }.debtor_org_id", nullValue());
        // Another province's authority sees none of it.
        Api.as(TestJwt.authority("33")).queryParam("group_by", "region").queryParam("limit", 100).get(STATS).then()
                .statusCode(200).body("items.findAll { it.region_code == '421303' }", hasSize(0));
        Api.as(TestJwt.admin()).queryParam("group_by", "region").queryParam("limit", 100).get(STATS).then()
                .statusCode(200).body("items.find { it.region_code == '421303' }.amounts.outstanding", equalTo("1004.00"));
    }

    void settle(Known debtor, String claim, String pay) {
        Claims.acknowledged(debtor, claim);
        String token = Claims.debtorToken(debtor);
        Api.as(token).body(Claims.plan(Api.as(token).get("/api/v1/arrears-claims/" + claim).then().extract()
                .<String>path("outstanding"))).put("/api/v1/arrears-claims/" + claim + "/settlement-plan").then()
                .statusCode(200);
        Api.as(token).body(Map.of("amount", pay, "paid_on", today().toString()))
                .post("/api/v1/arrears-claims/" + claim + "/payments").then().statusCode(201);
    }

    @Test
    void groupsArePagedInKeyOrder() {
        Known creditor = RegistryFeed.sme();
        List<String> debtors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Known body = Claims.governmentBody("421321");
            debtors.add(body.id().toString());
            Claims.claimed(creditor, body, "10.00", daysAgo(5));
        }
        Known other = Claims.governmentBody("421322");
        Claims.claimed(creditor, other, "10.00", daysAgo(5));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(TestJwt.authority("421321")).queryParam("group_by", "debtor").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(STATS).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.debtor_org_id"));
            assertThat(page.getString("totals.outstanding")).as("totals on every page").isEqualTo("30.00");
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(debtors.stream().sorted().toList());
        List<String> regions = Api.as(TestJwt.authority("4213")).queryParam("group_by", "region").queryParam("limit", 1)
                .get(STATS).then().statusCode(200).body("items", hasSize(1)).extract().path("items.region_code");
        String next = Api.as(TestJwt.authority("4213")).queryParam("group_by", "region").queryParam("limit", 1).get(STATS)
                .then().extract().path("next_cursor");
        Api.as(TestJwt.authority("4213")).queryParam("group_by", "region").queryParam("limit", 1).queryParam("cursor", next)
                .get(STATS).then().statusCode(200).body("items[0].region_code", org.hamcrest.Matchers.greaterThan(regions.get(0)));
    }

    @Test
    void badRequestsAndCallersWithoutARightAreRefused() {
        ProblemAssertions.problem(Api.as(TestJwt.authority("42")).get(STATS).then(), 400)
                .body("errors[0].field", equalTo("group_by"));
        ProblemAssertions.problem(Api.as(TestJwt.authority("42")).queryParam("group_by", "county").get(STATS).then(), 400)
                .body("errors[0].field", equalTo("group_by"));
        ProblemAssertions.problem(Api.as(TestJwt.authority("42")).queryParam("group_by", "region")
                .queryParam("cursor", org.fugong.platform.paging.Cursor.encode("nowhere")).get(STATS).then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        ProblemAssertions.problem(Api.as(TestJwt.authority("42")).queryParam("group_by", "debtor")
                .queryParam("cursor", org.fugong.platform.paging.Cursor.encode("nobody")).get(STATS).then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        ProblemAssertions.problem(Api.as(TestJwt.authority("42")).queryParam("group_by", "debtor").queryParam("limit", 101)
                .get(STATS).then(), 400).body("errors[0].field", equalTo("limit"));
        ProblemAssertions.problem(Api.as(Api.enterprise(RegistryFeed.sme().id())).queryParam("group_by", "debtor")
                .get(STATS).then(), 403);
    }

    /**
     * The statistics come from indexes, not from reading every claim: an authority's query walks
     * the partial county index over its prefix (text_pattern_ops, so under any collation, not only
     * the C of the test database), an administrator's per-debtor query a debtor index in group order.
     */
    @Test
    void eachQueryOfTheStatisticsIsAnsweredFromAnIndex() {
        for (String sql : List.of(ArrearsStats.BY_DEBTOR, ArrearsStats.BY_REGION, ArrearsStats.TOTALS)) {
            assertThat(plan(sql, "42%")).contains("using arrears_claim_open_by_region")
                    .contains("Index Cond: ((debtor_region_code ~>=~ '42'::text) AND (debtor_region_code ~<~ '43'::text)")
                    .doesNotContain("Seq Scan on arrears_claim");
        }
        // Over every county the planner picks whichever debtor index is cheaper for the rows at hand
        // (here the partial one or the list index): either way an index in group order, no scan of the table.
        assertThat(plan(ArrearsStats.BY_DEBTOR, "%")).containsPattern("Index (Only )?Scan using arrears_claim_(open_by_)?debtor ")
                .doesNotContain("Seq Scan on arrears_claim");
    }

    String plan(String sql, String region) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Few rows here, so PostgreSQL would rightly read the table; without that choice the plan shows the index.
            em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            var query = em.createNativeQuery("EXPLAIN " + sql);
            ArrearsStats.params(region, today()).forEach(query::setParameter);
            if (sql.contains(":after")) {
                query.setParameter("after", ArrearsStats.BY_DEBTOR.equals(sql) ? (Object) new java.util.UUID(0, 0) : "");
                query.setParameter("rows", 21);
            }
            List<?> lines = query.getResultList();
            return String.join("\n", lines.stream().map(Object::toString).toList());
        });
    }
}
