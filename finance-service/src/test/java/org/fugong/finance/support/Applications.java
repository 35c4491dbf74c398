package org.fugong.finance.support;

import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.testing.TestJwt;

/** Financing applications through the API, the way their parties make them. */
public final class Applications {

    public static final String PATH = "/api/v1/financing-applications";

    private Applications() {
    }

    /** A lender's people: each token its own caller (its own subject). */
    public static String lender(UUID orgId) {
        return TestJwt.organisation("LENDER", orgId);
    }

    /** A lender's reviewer with a name of its own, to act as the same caller twice. */
    public static String reviewer(UUID orgId, String subject) {
        return TestJwt.as("LENDER").subject(subject).orgId(orgId).token();
    }

    public static Map<String, Object> body(String product, String amount, List<UUID> lenders) {
        Map<String, Object> body = new HashMap<>();
        body.put("product", product);
        body.put("amount", amount);
        body.put("term_months", 12);
        body.put("purpose", "Wages and melt-blown fabric until the buyers pay");
        body.put("days_of_cash_left", 9);
        body.put("lender_org_ids", lenders.stream().map(UUID::toString).toList());
        return body;
    }

    public static Map<String, Object> workingCapital(String amount, UUID... lenders) {
        return body("WORKING_CAPITAL_LOAN", amount, List.of(lenders));
    }

    public static Map<String, Object> receivablesFinancing(String amount, List<String> receivables, UUID... lenders) {
        Map<String, Object> body = body("RECEIVABLES_FINANCING", amount, List.of(lenders));
        body.put("receivable_ids", new ArrayList<>(receivables));
        return body;
    }

    /** Submits as the applicant's own people; returns the application's id. */
    public static String submitted(UUID applicant, Map<String, Object> body) {
        return Api.as(Api.enterprise(applicant)).body(body).post(PATH).then().statusCode(201).extract().path("id");
    }

    public static void startReview(String id, String token) {
        Api.as(token).put(PATH + "/" + id + "/review").then().statusCode(200);
    }

    public static Map<String, Object> offer(String amount, String rate, int months, String method) {
        return Map.of("decision", "OFFER", "amount", amount, "annual_rate", rate, "term_months", months,
                "repayment_method", method);
    }

    /** The lender's maker reviews and recommends the offer, another reviewer approves it. */
    public static void offered(String id, UUID bank, Map<String, Object> offer) {
        String maker = lender(bank);
        startReview(id, maker);
        Api.as(maker).body(offer).put(PATH + "/" + id + "/recommendation").then().statusCode(200);
        Api.as(lender(bank)).body(Map.of("decision", "APPROVE")).put(PATH + "/" + id + "/approval").then()
                .statusCode(200).body("lenders[0].status", equalTo("OFFERED"));
    }

    public static void offered(String id, UUID bank) {
        offered(id, bank, offer("800000.00", "3.15", 12, "EQUAL_INSTALMENTS"));
    }

    /** The lender's maker recommends refusing, another reviewer approves it. */
    public static void refused(String id, UUID bank, String reason) {
        String maker = lender(bank);
        startReview(id, maker);
        Api.as(maker).body(Map.of("decision", "REFUSE", "reason", reason)).put(PATH + "/" + id + "/recommendation")
                .then().statusCode(200);
        Api.as(lender(bank)).body(Map.of("decision", "APPROVE")).put(PATH + "/" + id + "/approval").then()
                .statusCode(200);
    }

    public static void accepted(String id, UUID applicant, UUID bank) {
        Api.as(Api.enterprise(applicant)).body(Map.of("lender_org_id", bank.toString())).put(PATH + "/" + id + "/acceptance")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    public static void disbursed(String id, UUID bank, String on) {
        Map<String, Object> body = new HashMap<>();
        if (on != null) {
            body.put("disbursed_on", on);
        }
        Api.as(lender(bank)).body(body).put(PATH + "/" + id + "/disbursement").then().statusCode(200)
                .body("status", equalTo("DISBURSED"));
    }
}
