package com.vetacrm.lead;

import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.leadsource.SourceContact;
import com.vetacrm.shared.WebAddresses;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The lead values of a mined company (DESIGN §5.6): name = company name; partner = legal name or name;
 * e-mail = the first contact's when contacts were asked for, else the company's generic one; phone, address,
 * country and state from the company; website {@code https://} + domain; contact name and job title from the
 * first contact; the directory ref kept so the company is never mined again. Text is cut to the columns'
 * sizes: a source's long value must not fail the request.
 */
final class MinedLeadRows {

    private MinedLeadRows() {
    }

    static LeadRows.NewLead lead(long id, SourceCompany c, MinedLeads batch, long stageId, long userId, Instant now) {
        SourceContact first = c.contacts().isEmpty() ? null : c.contacts().getFirst();
        String email = batch.withContacts() && first != null && first.email() != null ? first.email() : c.email();
        // each address validated and parsed once: a request writes 200 of them
        String emailDomain = WebAddresses.emailDomain(email).orElse(null);
        email = emailDomain == null ? null : email.trim();
        WebAddresses.Website site = WebAddresses.website(c.domain()).orElse(null);
        String website = site == null ? null : site.url();
        String websiteDomain = site == null ? null : site.domain();
        return new LeadRows.NewLead(id, batch.type(), cut(c.name(), 255),
                cut(c.legalName() == null || c.legalName().isBlank() ? c.name() : c.legalName(), 255),
                first == null ? null : cut(first.fullName(), 255), first == null ? null : cut(first.title(), 255),
                cut(email, 254), emailDomain, cut(c.phone(), 32), website, websiteDomain, cut(c.street(), 255),
                cut(c.city(), 120), cut(c.zip(), 20), c.countryCode(), c.stateCode(), stageId, batch.teamId(),
                batch.salespersonId(), 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, true, null, null, now, userId,
                now, userId, batch.requestId(), c.ref());
    }

    static LeadRows.NewContact contact(long leadId, int position, SourceContact c) {
        return new LeadRows.NewContact(leadId, position, cut(c.fullName(), 255), cut(c.title(), 255), c.roleCode(),
                c.seniorityCode(), cut(c.email(), 254), cut(c.phone(), 32));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
