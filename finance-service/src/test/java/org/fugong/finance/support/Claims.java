package org.fugong.finance.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.TestJwt;

/**
 * Arrears claims, government bodies and policies for tests: bodies of valid requests, the tokens of
 * a government body's people, and organisations with the attributes policies look at.
 */
public final class Claims {

    private static final AtomicLong REFERENCES = new AtomicLong();
    private static final AtomicLong NAMES = new AtomicLong();

    private Claims() {
    }

    /** A government body's people: an AUTHORITY key naming the body, with the region scope of its county. */
    public static String government(Known body) {
        return TestJwt.as("AUTHORITY").orgId(body.id()).regionScope(body.county()).token();
    }

    /** A GOVERNMENT_BODY the registry announced, in the county. */
    public static Known governmentBody(String county) {
        return RegistryFeed.organisation("GOVERNMENT_BODY", "LARGE", county, "ACTIVE");
    }

    /** A contract reference not used before in this JVM. */
    public static String newContractReference() {
        return "CT-" + REFERENCES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> claim(String debtorUscc, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("debtor_uscc", debtorUscc);
        body.put("contract_reference", newContractReference());
        body.put("amount", amount);
        body.put("due_date", "2019-12-31");
        return body;
    }

    /** Claims from the creditor against the debtor; returns the claim's id. */
    public static String claimed(Known creditor, Known debtor, String amount, String dueDate) {
        Map<String, Object> body = claim(debtor.uscc(), amount);
        body.put("due_date", dueDate);
        return Api.as(Api.enterprise(creditor.id())).body(body).post("/api/v1/arrears-claims").then().statusCode(201)
                .extract().path("id");
    }

    /** The token the debtor answers with: ENTERPRISE for an enterprise, its AUTHORITY key for a government body. */
    public static String debtorToken(Known debtor) {
        return Organisation.GOVERNMENT_BODY.equals(debtor.kind()) ? government(debtor) : Api.enterprise(debtor.id());
    }

    public static void acknowledged(Known debtor, String claimId) {
        Api.as(debtorToken(debtor)).body(Map.of("decision", "ACKNOWLEDGE"))
                .put("/api/v1/arrears-claims/" + claimId + "/response").then().statusCode(200);
    }

    /** One instalment per amount, a month apart from next month on. */
    public static Map<String, Object> plan(String... amounts) {
        List<Map<String, Object>> instalments = new java.util.ArrayList<>();
        LocalDate first = LocalDate.now().plusMonths(1);
        for (int i = 0; i < amounts.length; i++) {
            instalments.add(Map.of("due_date", first.plusMonths(i).toString(), "amount", amounts[i]));
        }
        return Map.of("instalments", instalments);
    }

    /** A valid policy body with this eligibility and a name not used before. */
    public static Map<String, Object> policy(Object eligibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Test measure " + NAMES.incrementAndGet() + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("kind", "RENT_RELIEF");
        body.put("issuing_body", "某市国有资产监督管理委员会 (test)");
        body.put("document_number", "测试〔2020〕" + NAMES.incrementAndGet() + "号");
        body.put("grants", "Three months' rent waived for tenants of state-owned premises");
        body.put("valid_from", "2020-02-01");
        body.put("valid_until", "2020-04-30");
        body.put("eligibility", eligibility);
        return body;
    }

    /**
     * An ACTIVE enterprise as the registry would announce it, with attributes overridden (employees,
     * key_enterprise, ownership ...); returns once finance knows it.
     */
    public static Known enterprise(String sizeClass, String county, Map<String, Object> overrides) {
        Known known = new Known(UUID.randomUUID(), RegistryFeed.newUscc(county), "ENTERPRISE", sizeClass, county);
        RegistryFeed.publish(known, "ACTIVE", 0, overrides, "fugong.registry.enterprise.registered",
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> {
            Organisation o = RegistryFeed.read(known.id());
            return o != null && o.version == 0;
        });
        return known;
    }
}
