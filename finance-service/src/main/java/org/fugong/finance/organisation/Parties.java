package org.fugong.finance.organisation;

import java.util.UUID;

import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.standards.Uscc;

/**
 * The two sides of what an SME records against another organisation (a receivable, an arrears
 * claim), as the registry knows them — never as the caller describes itself. What kind of debtor
 * each record accepts stays with that record's rules.
 */
public final class Parties {

    private Parties() {
    }

    /**
     * The caller's own organisation, which must be an ACTIVE SME (opinion 4 is about SMEs' cash).
     *
     * @param records what SMEs do here, for the refusal: "Receivables are recorded"
     * @param action the same as a verb, for an inactive SME: "record receivables"
     */
    public static Organisation activeSme(UUID id, String records, String action) {
        Organisation sme = Organisation.findById(id);
        if (sme == null) {
            throw ProblemException.conflict("Your organisation is not known to finance yet; register it first");
        }
        if (!sme.isSme()) {
            throw ProblemException.forbidden(records + " by small and medium-sized enterprises (MICRO, SMALL, MEDIUM); "
                    + "the registry has your organisation as " + sme.kind + " " + sme.sizeClass);
        }
        if (!sme.isActive()) {
            throw ProblemException.conflict("Your organisation is " + sme.status + " and cannot " + action);
        }
        return sme;
    }

    /** The registered organisation the {@code debtor_uscc} names, other than the creditor itself. */
    public static Organisation registeredDebtor(String usccText, Organisation creditor) {
        String uscc = Uscc.normalise(usccText);
        Uscc.problem(uscc).ifPresent(problem -> {
            throw ProblemException.invalid("debtor_uscc", problem);
        });
        Organisation debtor = Organisation.byUscc(uscc);
        if (debtor == null) {
            throw ProblemException.invalid("debtor_uscc", "is not an organisation registered with the registry");
        }
        if (debtor.id.equals(creditor.id)) {
            throw ProblemException.invalid("debtor_uscc", "is your own organisation");
        }
        return debtor;
    }
}
