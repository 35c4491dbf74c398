package org.fugong.launcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.fugong.devstack.DevJwt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finance on top of the registry's demo: a Ningbo parts maker's receivable from a central SOE,
 * confirmed by the SOE, financed by one of the two banks that bid for it (each bank's offer made by
 * one reviewer and approved by another); a Hubei mask maker's working-capital loan under the 2020
 * special relending with its interest subsidy; a contractor's arrears claim against a district
 * bureau, acknowledged and in settlement; and the 2020 policies each of them qualifies for, which
 * finance matched from the registry's events alone.
 */
final class FinanceDemo {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String APPLICATIONS = "/api/v1/financing-applications";
    /** The label of the winning bank's key, and of the district bureau's. */
    private static final String LENDER_KEY = "LENDER Yongjiang bank (Ningbo)";
    private static final String BUREAU_KEY = "AUTHORITY Beilun housing bureau";

    private FinanceDemo() {
    }

    static Story load(DirectClient finance, List<DemoData.Organisation> organisations) throws Exception {
        DemoData.Organisation maker = DemoData.named(organisations, DemoData.PARTS_MAKER);
        DemoData.Organisation soe = DemoData.named(organisations, DemoData.CENTRAL_SOE);
        DemoData.Organisation yongjiang = DemoData.named(organisations, DemoData.YONGJIANG_BANK);
        DemoData.Organisation zhijiang = DemoData.named(organisations, DemoData.ZHIJIANG_BANK);
        DemoData.Organisation hubeiBank = DemoData.named(organisations, DemoData.HUBEI_BANK);
        DemoData.Organisation maskMaker = DemoData.named(organisations, DemoData.MASK_MAKER);
        DemoData.Organisation bureau = DemoData.named(organisations, DemoData.GOVERNMENT_BODY);
        DemoData.Organisation contractor = DemoData.named(organisations, DemoData.CONTRACTOR);
        // Finance learns of organisations from the registry's events; an unknown debtor or lender is a 400, not a 409.
        for (DemoData.Organisation party : List.of(maker, soe, yongjiang, zhijiang, hubeiBank, maskMaker, bureau,
                contractor)) {
            Eventually.await("finance knows " + party.name(), () -> finance.admin().call("GET", matchesOf(party), null),
                    answer -> answer.status() == 200);
        }
        // The white list reaches finance in a later event than the registration: the special relending needs it.
        Eventually.await("finance has " + maskMaker.name() + " on the white list",
                () -> finance.admin().get(matchesOf(maskMaker)).get("items"),
                items -> items.findValuesAsText("document_number").contains("财金〔2020〕5号"));
        LocalDate today = LocalDate.now(CHINA);

        RestClient makerPeople = finance.of(maker, "ENTERPRISE");
        JsonNode receivable = makerPeople.post("/api/v1/receivables", Map.of("debtor_uscc", soe.uscc(),
                "invoice_number", "3302201130-04417823", "amount", "1250000.00",
                "issue_date", today.minusDays(40).toString(), "due_date", today.plusDays(50).toString()));
        String receivablePath = "/api/v1/receivables/" + receivable.get("id").asText();
        finance.of(soe, "ENTERPRISE").put(receivablePath + "/decision", Map.of("decision", "CONFIRM"), 200);
        JsonNode financing = makerPeople.post(APPLICATIONS, Map.of("product", "RECEIVABLES_FINANCING",
                "amount", "1000000.00", "term_months", 6, "purpose", "Steel and castings for the second quarter's orders",
                "days_of_cash_left", 12, "lender_org_ids", List.of(yongjiang.id(), zhijiang.id()),
                "receivable_ids", List.of(receivable.get("id").asText())));
        String financingPath = APPLICATIONS + "/" + financing.get("id").asText();
        offer(finance, yongjiang, financingPath, "1000000.00", "3.85", 6, "EQUAL_INSTALMENTS");
        offer(finance, zhijiang, financingPath, "900000.00", "4.35", 6, "EQUAL_PRINCIPAL");
        makerPeople.put(financingPath + "/acceptance", Map.of("lender_org_id", yongjiang.id().toString()), 200);
        JsonNode schedule = disburse(finance, yongjiang, makerPeople, financingPath);

        RestClient maskPeople = finance.of(maskMaker, "ENTERPRISE");
        JsonNode loan = maskPeople.post(APPLICATIONS, Map.of("product", "WORKING_CAPITAL_LOAN", "amount", "3000000.00",
                "term_months", 12, "purpose", "Melt-blown fabric and a second mask line", "days_of_cash_left", 9,
                "lender_org_ids", List.of(hubeiBank.id())));
        String loanPath = APPLICATIONS + "/" + loan.get("id").asText();
        offer(finance, hubeiBank, loanPath, "3000000.00", "3.15", 12, "EQUAL_INSTALMENTS");
        maskPeople.put(loanPath + "/acceptance", Map.of("lender_org_id", hubeiBank.id().toString()), 200);
        JsonNode subsidised = disburse(finance, hubeiBank, maskPeople, loanPath);

        JsonNode claim = arrearsInSettlement(finance, contractor, bureau, today);

        Story story = new Story("Finance (docs/finance.md)")
                .line(String.format("%s recorded a receivable of %s from %s (central SOE), which %s it; applied for "
                        + "RECEIVABLES_FINANCING of 1000000.00 to two banks; both offered (each offer recommended by one "
                        + "reviewer, approved by another); it took %s's: %s", DemoData.PARTS_MAKER,
                        receivable.get("amount").asText(), DemoData.CENTRAL_SOE,
                        makerPeople.get(receivablePath).get("status").asText().toLowerCase(), DemoData.YONGJIANG_BANK,
                        loanLine(schedule)))
                .line(String.format("%s (Hubei, on the white list): WORKING_CAPITAL_LOAN admitted as %s, %s; the "
                        + "subsidy pays %s of its interest", DemoData.MASK_MAKER,
                        maskPeople.get(loanPath).get("eligibility_rule").asText(), loanLine(subsidised),
                        subsidised.at("/totals/subsidy_interest").asText()))
                .line(String.format("%s claims %s of arrears from %s: %s, %s paid of a plan of %d instalments",
                        DemoData.CONTRACTOR, claim.get("amount").asText(), DemoData.GOVERNMENT_BODY,
                        claim.get("status").asText(), claim.get("paid").asText(), claim.get("plan").size()));
        for (DemoData.Organisation enterprise : List.of(maker, maskMaker, soe, contractor)) {
            List<String> policies = new ArrayList<>();
            finance.admin().get(matchesOf(enterprise)).get("items").forEach(match -> policies.add(
                    match.get("kind").asText() + " " + match.get("document_number").asText()));
            story.line(String.format("%s qualifies for %d policies: %s", enterprise.name(), policies.size(),
                    String.join("; ", policies)));
        }
        return story
                .key(DemoData.PARTS_MAKER_KEY, "ENTERPRISE", maker.id(), null)
                .key(LENDER_KEY, "LENDER", yongjiang.id(), null)
                .key(BUREAU_KEY, "AUTHORITY", bureau.id(), bureau.county())
                .look("The receivable, confirmed by its debtor", DemoData.PARTS_MAKER_KEY, receivablePath)
                .look("The pledge registry: which application and lender it backs", DemoData.PARTS_MAKER_KEY,
                        receivablePath + "/pledge")
                .look("The application: both lenders' offers, the one accepted, the loan", DemoData.PARTS_MAKER_KEY,
                        financingPath)
                .look("Its repayment schedule: the instalments' principal sums to the loan to the cent",
                        DemoData.PARTS_MAKER_KEY, financingPath + "/schedule")
                .look("The same application as the winning bank sees it: its own part only", LENDER_KEY, financingPath)
                .look("The policies the parts maker qualifies for, each with the conditions that decided",
                        DemoData.PARTS_MAKER_KEY, matchesOf(maker))
                .look("The mask maker's schedule: each instalment's interest split into subsidy and borrower parts",
                        Story.ADMIN, loanPath + "/schedule")
                .look("The mask maker's policies", Story.HUBEI_AUTHORITY, matchesOf(maskMaker))
                .look("The arrears claim and its settlement plan, as the bureau sees it", BUREAU_KEY,
                        "/api/v1/arrears-claims/" + claim.get("id").asText())
                .look("Arrears outstanding in the bureau's district by age", BUREAU_KEY,
                        "/api/v1/arrears-claims/stats?group_by=debtor");
    }

    /** Maker–checker inside {@code bank}: one reviewer starts the review and recommends the offer, another approves it. */
    private static void offer(DirectClient finance, DemoData.Organisation bank, String applicationPath, String amount,
            String annualRate, int termMonths, String method) throws Exception {
        RestClient reviewer = reviewer(finance, bank, "maker");
        reviewer.put(applicationPath + "/review", null, 200);
        reviewer.put(applicationPath + "/recommendation", Map.of("decision", "OFFER", "amount", amount,
                "annual_rate", annualRate, "term_months", termMonths, "repayment_method", method), 200);
        reviewer(finance, bank, "checker").put(applicationPath + "/approval", Map.of("decision", "APPROVE"), 200);
    }

    /** The accepted bank pays the loan out today; the applicant's view of the stored schedule. */
    private static JsonNode disburse(DirectClient finance, DemoData.Organisation bank, RestClient applicant,
            String applicationPath) throws Exception {
        reviewer(finance, bank, "maker").put(applicationPath + "/disbursement", Map.of(), 200);
        return applicant.get(applicationPath + "/schedule");
    }

    private static RestClient reviewer(DirectClient finance, DemoData.Organisation bank, String who) {
        return finance.as(DevJwt.as("LENDER").subject("demo-" + bank.id() + "-" + who).orgId(bank.id()));
    }

    /**
     * The contractor claims what the bureau has owed for four months; the bureau, acting with an
     * AUTHORITY key naming it, acknowledges, agrees a plan of three monthly instalments and pays the first.
     */
    private static JsonNode arrearsInSettlement(DirectClient finance, DemoData.Organisation contractor,
            DemoData.Organisation bureau, LocalDate today) throws Exception {
        JsonNode claim = finance.of(contractor, "ENTERPRISE").post("/api/v1/arrears-claims", Map.of(
                "debtor_uscc", bureau.uscc(), "contract_reference", "北仑建〔2019〕117号", "amount", "386000.00",
                "due_date", today.minusDays(130).toString()));
        String path = "/api/v1/arrears-claims/" + claim.get("id").asText();
        RestClient bureauPeople = finance.as(DevJwt.as("AUTHORITY").subject("demo-" + bureau.id())
                .orgId(bureau.id()).regionScope(bureau.county()));
        bureauPeople.put(path + "/response", Map.of("decision", "ACKNOWLEDGE"), 200);
        bureauPeople.put(path + "/settlement-plan", Map.of("instalments", List.of(
                Map.of("due_date", today.toString(), "amount", "130000.00"),
                Map.of("due_date", today.plusMonths(1).toString(), "amount", "128000.00"),
                Map.of("due_date", today.plusMonths(2).toString(), "amount", "128000.00"))), 200);
        bureauPeople.post(path + "/payments", Map.of("amount", "130000.00", "paid_on", today.toString(),
                "reference", "BLZJ-TRF-0117"));
        return bureauPeople.get(path);
    }

    /** The loan of a schedule in words, with what its instalments' principal sums to, checked here. */
    private static String loanLine(JsonNode schedule) {
        BigDecimal principal = new BigDecimal(schedule.at("/loan/principal").asText());
        BigDecimal sum = StreamSupport.stream(schedule.get("instalments").spliterator(), false)
                .map(i -> new BigDecimal(i.get("principal").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return String.format("%s at %s %% disbursed, %d instalments whose principal sums to %s%s", principal.toPlainString(),
                schedule.at("/loan/annual_rate").asText(), schedule.get("instalments").size(), sum.toPlainString(),
                sum.compareTo(principal) == 0 ? " exactly" : " (not the principal!)");
    }

    private static String matchesOf(DemoData.Organisation organisation) {
        return "/api/v1/policy-matches?enterprise_id=" + organisation.id();
    }
}
