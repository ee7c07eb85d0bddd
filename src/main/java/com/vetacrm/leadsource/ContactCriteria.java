package com.vetacrm.leadsource;

import java.util.List;
import java.util.Objects;

/**
 * Which contacts of each company a request wants (DESIGN §5.7): up to {@code perCompany} (1–5), either
 * by role — the preferred role first, then any of the other roles, each in the source's stable order —
 * or by seniority. Exactly one of {@code preferredRole} and {@code seniority} is set.
 */
public record ContactCriteria(int perCompany, String preferredRole, List<String> otherRoles, String seniority) {

    public static final int MAX_PER_COMPANY = 5;

    public ContactCriteria {
        if (perCompany < 1 || perCompany > MAX_PER_COMPANY) {
            throw new IllegalArgumentException("1 to " + MAX_PER_COMPANY + " contacts per company");
        }
        if ((preferredRole == null) == (seniority == null)) {
            throw new IllegalArgumentException("Filter on a preferred role or on a seniority");
        }
        otherRoles = otherRoles == null ? List.of()
                : otherRoles.stream().filter(Objects::nonNull).filter(r -> !r.equals(preferredRole)).distinct().toList();
        if (seniority != null && !otherRoles.isEmpty()) {
            throw new IllegalArgumentException("Other roles only with a preferred role");
        }
    }

    public static ContactCriteria byRole(int perCompany, String preferredRole, List<String> otherRoles) {
        return new ContactCriteria(perCompany, Objects.requireNonNull(preferredRole), otherRoles, null);
    }

    public static ContactCriteria bySeniority(int perCompany, String seniority) {
        return new ContactCriteria(perCompany, null, List.of(), Objects.requireNonNull(seniority));
    }

    public boolean byRole() {
        return preferredRole != null;
    }
}
