package org.fugong.finance.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.fugong.testing.TestJwt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

public final class Api {

    private static final AtomicLong INVOICES = new AtomicLong();

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** An organisation's own people (the gateway gives enterprises', and for now debtors', keys the ENTERPRISE role). */
    public static String enterprise(UUID orgId) {
        return TestJwt.organisation("ENTERPRISE", orgId);
    }

    /** An invoice number not used before in this JVM. */
    public static String newInvoiceNumber() {
        return "INV-" + INVOICES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> receivable(String debtorUscc, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("debtor_uscc", debtorUscc);
        body.put("invoice_number", newInvoiceNumber());
        body.put("amount", amount);
        body.put("issue_date", "2020-01-15");
        body.put("due_date", "2020-04-15");
        return body;
    }

    /** Records a receivable from the creditor against the debtor; returns its id. */
    public static String recorded(UUID creditor, String debtorUscc, String amount) {
        return as(enterprise(creditor)).body(receivable(debtorUscc, amount)).post("/api/v1/receivables").then()
                .statusCode(201).extract().path("id");
    }

    /** Records a receivable and has the debtor confirm it; returns its id. */
    public static String confirmed(UUID creditor, RegistryFeed.Known debtor, String amount) {
        String id = recorded(creditor, debtor.uscc(), amount);
        as(enterprise(debtor.id())).body(Map.of("decision", "CONFIRM")).put("/api/v1/receivables/" + id + "/decision")
                .then().statusCode(200);
        return id;
    }
}
