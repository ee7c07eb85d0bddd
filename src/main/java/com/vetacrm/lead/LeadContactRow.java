package com.vetacrm.lead;

/** A contact of a lead as the form lists it; the phone is in E.164. */
public record LeadContactRow(long id, int position, String fullName, String jobTitle, String role, String seniority,
        String email, String phone, long version) {
}
