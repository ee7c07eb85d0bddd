package com.vetacrm.leadsource;

/** A contact delivered with a company; codes refer to the reference lists (contact roles, seniorities). */
public record SourceContact(String fullName, String title, String roleCode, String seniorityCode, String email,
        String phone) {
}
