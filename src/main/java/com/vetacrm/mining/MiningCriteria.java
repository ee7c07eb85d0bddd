package com.vetacrm.mining;

import com.vetacrm.leadsource.ContactCriteria;
import com.vetacrm.leadsource.SourceCriteria;
import java.util.List;

/** A checked mining form as a lead source's criteria: fields that do not apply are left out. */
final class MiningCriteria {

    private MiningCriteria() {
    }

    static SourceCriteria of(MiningForm f) {
        return of(f, f.withContacts());
    }

    /** The company filters only: what the preview counts, whatever the contact fields hold yet. */
    static SourceCriteria companiesOf(MiningForm f) {
        return of(f, false);
    }

    private static SourceCriteria of(MiningForm f, boolean withContacts) {
        ContactCriteria contacts = null;
        if (withContacts) {
            contacts = f.getContactFilter() == ContactFilter.SENIORITY
                    ? ContactCriteria.bySeniority(f.getContactNumber(), f.getSeniority())
                    : ContactCriteria.byRole(f.getContactNumber(), f.getPreferredRole(), List.copyOf(f.getOtherRoles()));
        }
        return new SourceCriteria(f.getCountries(), f.getStates(), f.getIndustries(),
                f.isFilterOnSize() ? f.getSizeMin() : null, f.isFilterOnSize() ? f.getSizeMax() : null, contacts);
    }
}
