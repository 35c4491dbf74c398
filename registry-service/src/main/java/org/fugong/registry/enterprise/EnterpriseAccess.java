package org.fugong.registry.enterprise;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.platform.problem.Problem.FieldError;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;
import org.fugong.registry.enterprise.api.EnterpriseView;

/**
 * Who may see and change an organisation: administrators everything; an authority what lies in
 * its region scope; an organisation's own people only their organisation.
 */
@ApplicationScoped
public class EnterpriseAccess {

    public boolean canSee(Caller caller, Enterprise e) {
        return caller.isAdmin() || isAuthorityOver(caller, e) || caller.actsFor(e.id);
    }

    /** The organisation's own people, its authority and administrators may edit its details. */
    public boolean canEdit(Caller caller, Enterprise e) {
        return canSee(caller, e);
    }

    /** Filings, reports and health reports are made by the organisation itself (or an administrator). */
    public void requireOwner(Caller caller, Enterprise e) {
        if (!caller.isAdmin() && !caller.actsFor(e.id)) {
            throw ProblemException.forbidden("Only the organisation itself files its own reports");
        }
    }

    /**
     * Industry, employees and annual revenue decide the priority tier and size class, and through them
     * how filings are decided: an authority covering the organisation or an administrator sets them,
     * never the organisation itself. 403 naming the field.
     */
    public void requireClassifier(Caller caller, Enterprise e, String field) {
        if (!caller.isAdmin() && !isAuthorityOver(caller, e)) {
            String message = "is set by an authority covering the organisation or an administrator";
            throw new ProblemException(403, "forbidden", "Forbidden", field + ": " + message,
                    List.of(new FieldError(field, message)), Map.of());
        }
    }

    public void requireAuthorityOver(Caller caller, Enterprise e) {
        if (!caller.isAdmin() && !isAuthorityOver(caller, e)) {
            throw ProblemException.forbidden("Only an authority covering the organisation's region may do this");
        }
    }

    /** Personal data is shown in full only to its owner: the organisation itself (and administrators). */
    public EnterpriseView view(Caller caller, Enterprise e) {
        return EnterpriseView.of(e, caller.isAdmin() || caller.actsFor(e.id));
    }

    private static boolean isAuthorityOver(Caller caller, Enterprise e) {
        return caller.hasRole(Role.AUTHORITY) && caller.covers(e.regionCode);
    }
}
