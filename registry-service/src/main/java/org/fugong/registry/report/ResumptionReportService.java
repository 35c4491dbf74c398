package org.fugong.registry.report;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.registry.config.RegistryConfig;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.EnterpriseAccess;
import org.fugong.registry.enterprise.EnterpriseService;
import org.fugong.registry.enterprise.ResumptionTransition;
import org.fugong.registry.report.api.ResumptionReportView;
import org.fugong.registry.report.api.SubmitResumptionReport;

@ApplicationScoped
public class ResumptionReportService {

    @Inject
    EnterpriseService enterprises;

    @Inject
    EnterpriseAccess access;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    RegistryConfig config;

    @Transactional
    public IdempotentResponse submit(Caller caller, UUID enterpriseId, SubmitResumptionReport request,
            String idempotencyKey) {
        Enterprise e = enterprises.forUpdate(caller, enterpriseId);
        access.requireOwner(caller, e);
        if (request.employeesReturned() > request.employeesTotal()) {
            throw ProblemException.invalid("employees_returned", "cannot exceed employees_total");
        }
        if (request.reportDate().isAfter(LocalDate.now(config.zone()))) {
            throw ProblemException.invalid("report_date", "cannot be in the future");
        }
        String scope = caller.subject() + " POST /api/v1/enterprises/" + enterpriseId + "/resumption-reports";
        return idempotency.run(idempotencyKey, scope, request, () -> {
            Instant now = Instant.now();
            // A late report for an earlier date is kept but does not overwrite newer figures.
            Optional<ResumptionTransition> moved = e.takeReport(request.reportDate(), request.employeesTotal(),
                    request.employeesReturned(), request.capacityUtilisation(), config.resumedCapacityThreshold(), now);
            enterprises.recordResumption(e, moved);
            ResumptionReport r = ResumptionReport.of(e, request.reportDate(), request.employeesTotal(),
                    request.employeesReturned(), request.capacityUtilisation(), request.measures().allInPlace(), now);
            r.persist();
            return new Created<>(URI.create("/api/v1/enterprises/" + e.id + "/resumption-reports/" + r.id),
                    ResumptionReportView.of(r), null);
        });
    }

    public Page<ResumptionReportView> list(Caller caller, UUID enterpriseId, String cursor, int limit) {
        enterprises.visible(caller, enterpriseId);
        List<ResumptionReport> rows = ResumptionReport.page(enterpriseId, Cursor.decodeUuid(cursor), limit);
        return Page.of(rows, limit, ResumptionReportView::of, r -> r.id.toString());
    }

    public ResumptionReport get(Caller caller, UUID enterpriseId, UUID reportId) {
        enterprises.visible(caller, enterpriseId);
        return ResumptionReport.ofEnterprise(enterpriseId, reportId);
    }
}
